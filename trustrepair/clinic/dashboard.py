"""Home-page cards for the care team: the client's care, the therapist's caseload, staff's waiting alerts."""

from django.urls import reverse

from trustrepair.clinic.models import CareRelationship, RiskAlert


def dashboard_card(user) -> dict | None:
    if user.role in ("client", "partner"):
        therapists = [
            str(rel.therapist)
            for rel in CareRelationship.objects.filter(client=user, status="active").select_related("therapist")
            if rel.therapist_id
        ]
        text = (
            f"In care with {', '.join(therapists)}. You choose what they see."
            if therapists
            else "Work with a therapist here, with a code from them or after an appointment."
        )
        return {"title": "Your care", "text": text, "url": reverse("clinic:my_care"), "link_text": "Your care"}
    if user.role == "therapist":
        waiting = RiskAlert.objects.filter(
            relationship__therapist=user,
            relationship__status="active",
            relationship__consents__scope="risk_alerts",
            relationship__consents__entry_id="",
            relationship__consents__revoked_at__isnull=True,
            acknowledged_at__isnull=True,
        ).count()  # never cached: alert state is read on every request
        text = "Clients sorted by what asks for you." + (
            f" {waiting} alert{'s' if waiting != 1 else ''} not yet acknowledged." if waiting else ""
        )
        return {"title": "Caseload", "text": text, "url": reverse("clinic:caseload"), "link_text": "Open caseload"}
    if user.role == "staff":
        return {
            "title": "Alerts waiting",
            "text": "Which therapists have an alert not yet acknowledged; nothing about the client.",
            "url": reverse("clinic:staff_alerts"),
            "link_text": "Open",
        }
    return None
