"""What the product can tell a person. Each kind has an in-app title (also the subject of an email
that may name things) and a neutral subject; its body is `notifications/email/<key>.txt`, rendered
with `named` (may it name people and the product?) and `in_app` (on the Updates page, no link).

Bodies never carry clinical detail: no instrument, score, answer, intake text or message."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    key: str
    title: str
    neutral_subject: str = "You have a new update"

    @property
    def template(self) -> str:
        return f"notifications/email/{self.key}.txt"


KINDS = {
    kind.key: kind
    for kind in [
        Kind("appointment_requested", "Appointment request sent"),
        Kind("appointment_confirmed", "Appointment confirmed"),
        Kind("appointment_declined", "Appointment request declined"),
        Kind("appointment_new", "New appointment"),
        Kind("appointment_request_new", "New appointment request"),
        Kind("appointment_cancelled", "Appointment cancelled"),
        Kind("appointment_moved", "Appointment moved"),
        Kind("appointment_withdrawn", "Appointment cancelled"),
        Kind("appointment_client_left", "Appointment cancelled"),
        Kind("appointment_reminder", "Appointment reminder", neutral_subject="A reminder"),
        Kind("checkin_due", "A check-in is ready", neutral_subject="A reminder"),
        Kind("practice_reminder", "Your daily check-in", neutral_subject="A reminder"),
        Kind("directory_decision", "A decision about your directory profile"),
        # The care team (issue 13): never a client's name, a risk word or a score in the body.
        Kind("care_started", "A client started working with you"),
        Kind("care_ended", "A care relationship ended"),
        Kind("care_alert", "Something in your caseload needs you"),
        Kind("care_alert_escalated", "Something in your practice is waiting"),
        Kind("couples_waiting", "Something is waiting for you in your shared space"),
        # The care team, part 2 (issue 14): never a message's text, a task's name or another member's name.
        Kind("message_new", "A new message"),
        Kind("homework_set", "Something new to try before your next session"),
        Kind("homework_due", "Something you were asked to try is due soon", neutral_subject="A reminder"),
        Kind("session_soon", "Your appointment starts soon", neutral_subject="A reminder"),
        Kind("group_session_soon", "Your group meets soon", neutral_subject="A reminder"),
    ]
}
