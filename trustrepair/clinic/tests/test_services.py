"""Care relationships, codes, consent, risk alerts and escalation."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from trustrepair.clinic import scopes, selectors, services
from trustrepair.clinic.models import CareRelationship, ProgressNote, PsychotherapyNote, RiskAlert
from trustrepair.clinic.services import ClinicError
from trustrepair.notifications.models import Notice


def test_the_contract_scopes_are_registered(db):
    keys = scopes.all_keys()
    assert {"measures", "program", "checkins", "safety_plan", "risk_alerts", "couples"} <= keys
    assert "tool:thought_record" in keys and "tool:journal_entry" in keys


def test_another_app_supplies_a_reader_without_clinic_importing_it(db, care, client_alice, therapist_tess):
    original = scopes.get("checkins")
    try:
        scopes.supply_reader(
            "checkins",
            reader=lambda client, entries: [scopes.SharedItem(kind="Check-in", when=None, lines=(("Mood", "6"),))],
        )
        services.share(care, "checkins")
        from trustrepair.clinic.pages import shared_view

        view = shared_view(care)
        assert [i.kind for s in view["sections"] for i in s["items"]] == ["Check-in"]
    finally:
        scopes._REGISTRY["checkins"] = original


def test_a_code_starts_care_with_nothing_shared_and_works_once(care, client_alice, therapist_tess, stranger_eve):
    from django.core import mail

    assert care.is_active and care.started_via == "code"
    # Making and using a code sends the client nothing: no address is ever asked for.
    assert not Notice.objects.filter(user=client_alice).exists()
    assert not any(client_alice.email in m.to for m in mail.outbox)
    assert selectors.care_therapists(client_alice) == [therapist_tess]
    assert not any(selectors.therapist_may_see(therapist_tess, client_alice, key) for key in scopes.all_keys())
    text, _ = services.issue_code(therapist_tess)
    services.redeem_code(stranger_eve, text)
    with pytest.raises(ClinicError) as refused:
        services.redeem_code(client_alice, text)
    assert str(refused.value) == services.CODE_REFUSED


def test_an_expired_or_unknown_code_gets_the_same_answer(db, therapist_tess, client_alice):
    text, code = services.issue_code(therapist_tess)
    later = timezone.now() + dt.timedelta(days=15)
    messages = set()
    for attempt in (text, "AAAA-BBBB-CCCC"):
        with pytest.raises(ClinicError) as refused:
            services.redeem_code(client_alice, attempt, now=later)
        messages.add(str(refused.value))
    assert messages == {services.CODE_REFUSED}


def test_only_the_hash_of_a_code_is_stored(db, therapist_tess):
    text, code = services.issue_code(therapist_tess)
    with connection.cursor() as cursor:
        cursor.execute("SELECT code_hash, hint FROM clinic_relationshipcode WHERE id = %s", [code.pk])
        code_hash, hint = cursor.fetchone()
    assert text.replace("-", "") not in code_hash and len(hint) == 4


def test_sharing_and_revoking_decide_what_the_therapist_may_see(care, client_alice, therapist_tess, therapist_tom):
    services.share(care, "measures")
    assert selectors.therapist_may_see(therapist_tess, client_alice, "measures")
    assert not selectors.therapist_may_see(therapist_tom, client_alice, "measures")
    assert not selectors.therapist_may_see(therapist_tess, client_alice, "program")
    services.revoke(care, "measures")
    assert not selectors.therapist_may_see(therapist_tess, client_alice, "measures")


def test_single_entries_of_a_tool(care, client_alice, therapist_tess):
    from trustrepair.exercises.factories import make_evidence_bricks

    brick, other = make_evidence_bricks(client_alice, n=2)
    services.share(care, "tool:evidence_brick", entry_id=str(brick.public_id))
    assert selectors.therapist_may_see(therapist_tess, client_alice, "tool:evidence_brick", entry=brick)
    assert not selectors.therapist_may_see(therapist_tess, client_alice, "tool:evidence_brick", entry=other)
    assert not selectors.therapist_may_see(therapist_tess, client_alice, "tool:evidence_brick")
    with pytest.raises(ClinicError):
        services.share(care, "measures", entry_id="x")


def test_ending_care_revokes_everything_and_tells_the_therapist_neutrally(care, client_alice, therapist_tess):
    services.share(care, "measures")
    services.end_care(care, by=client_alice)
    assert not selectors.therapist_may_see(therapist_tess, client_alice, "measures")
    assert care.status == CareRelationship.Status.ENDED
    notice = Notice.objects.filter(user=therapist_tess, kind="care_ended").get()
    assert "Alice" not in notice.text and "alice" not in notice.email_body


def test_risk_alerts_need_a_backup_clinician(db, client_alice, therapist_tom):
    text, _ = services.issue_code(therapist_tom)  # a practice of one, no backup
    care = services.redeem_code(client_alice, text)
    with pytest.raises(ClinicError):
        services.share(care, "risk_alerts")


def _panel_screen(user):
    from trustrepair.safety import services as safety_services

    return safety_services.screen_answers(user, instrument="phq9", answers={"9": 2}, safety_items=["9"])


def test_a_panel_level_screen_raises_an_alert_only_under_the_scope(care, client_alice, therapist_tess):
    _panel_screen(client_alice)
    assert not RiskAlert.objects.exists()  # not shared: nothing
    services.share(care, "risk_alerts")
    from trustrepair.safety.models import RiskEvent

    RiskEvent.objects.all().delete()
    _panel_screen(client_alice)
    alert = RiskAlert.objects.get()
    assert alert.relationship == care and alert.origin == "questionnaire"
    notice = Notice.objects.get(user=therapist_tess, kind="care_alert")
    assert "Alice" not in notice.text and "PHQ" not in notice.email_body


def test_yes_to_the_gentle_question_raises_an_alert_and_no_does_not(care, client_alice):
    from trustrepair.safety import services as safety_services

    services.share(care, "risk_alerts")
    question = safety_services.ask_gently(client_alice, source="test", obj=("x", "1"), category="suicidal_thoughts")
    safety_services.answer_question(client_alice, question=question, answer="no")
    assert not RiskAlert.objects.exists()
    question = safety_services.ask_gently(client_alice, source="test", obj=("x", "2"), category="suicidal_thoughts")
    safety_services.answer_question(client_alice, question=question, answer="not_sure")
    assert RiskAlert.objects.get().origin == "question"


def test_an_unacknowledged_alert_goes_to_the_backup_then_the_lead_once(care, client_alice, lead_lena, backup_omar):
    services.share(care, "risk_alerts")
    _panel_screen(client_alice)
    alert = RiskAlert.objects.get()
    now = timezone.now()
    assert services.escalate_alerts(now=now + dt.timedelta(hours=1)) == 0
    assert services.escalate_alerts(now=now + dt.timedelta(hours=25)) == 1
    assert services.escalate_alerts(now=now + dt.timedelta(hours=25)) == 0
    assert Notice.objects.filter(user=backup_omar, kind="care_alert_escalated").count() == 1
    assert services.escalate_alerts(now=now + dt.timedelta(hours=49)) == 1
    assert Notice.objects.filter(user=lead_lena, kind="care_alert_escalated").count() == 1
    alert.refresh_from_db()
    assert alert.escalated_to_backup_at and alert.escalated_to_lead_at


def test_an_acknowledged_alert_is_not_escalated(care, client_alice, therapist_tess):
    services.share(care, "risk_alerts")
    _panel_screen(client_alice)
    services.acknowledge_alert(RiskAlert.objects.get(), by=therapist_tess, action_taken="Phoned her.")
    assert services.escalate_alerts(now=timezone.now() + dt.timedelta(days=3)) == 0


def test_the_crisis_panel_names_who_sees_an_alert_only_when_shared(care, client_alice):
    from trustrepair.safety import selectors as safety_selectors

    _panel_screen(client_alice)
    assert safety_selectors.panel_for(client_alice).care_lines == ()
    services.share(care, "risk_alerts")
    lines = safety_selectors.panel_for(client_alice).care_lines
    assert lines == (
        "Tess will see an alert within one working day; if they have not, Omar will. Nobody watches around the clock.",
    )


def test_notes_are_encrypted_in_the_raw_columns(care, therapist_tess):
    note = services.save_progress_note(
        care,
        author=therapist_tess,
        format="soap",
        session_date=timezone.localdate(),
        subjective="checks the phone nightly",
    )
    private = services.save_psychotherapy_note(care, author=therapist_tess, text="my hunch about her father")
    services.sign_note(note, by=therapist_tess)
    services.add_addendum(note, by=therapist_tess, text="evenings hardest")
    with connection.cursor() as cursor:
        cursor.execute("SELECT subjective FROM clinic_progressnote WHERE id = %s", [note.pk])
        (raw_note,) = cursor.fetchone()
        cursor.execute("SELECT text FROM clinic_psychotherapynote WHERE id = %s", [private.pk])
        (raw_private,) = cursor.fetchone()
        cursor.execute("SELECT text FROM clinic_noteaddendum")
        (raw_addendum,) = cursor.fetchone()
    assert "phone" not in raw_note and "father" not in raw_private and "evenings" not in raw_addendum
    assert ProgressNote.objects.get().subjective == "checks the phone nightly"
    assert PsychotherapyNote.objects.get().text == "my hunch about her father"


def test_a_signed_note_is_locked(care, therapist_tess):
    note = services.save_progress_note(
        care, author=therapist_tess, format="dap", session_date=timezone.localdate(), data="x"
    )
    services.sign_note(note, by=therapist_tess)
    with pytest.raises(ClinicError):
        services.save_progress_note(care, author=therapist_tess, note=note, data="changed")


def test_export_holds_signed_notes_and_never_psychotherapy_notes(care, client_alice, therapist_tess):
    from trustrepair.core import privacy

    note = services.save_progress_note(
        care, author=therapist_tess, format="soap", session_date=timezone.localdate(), subjective="SIGNED-WORDS"
    )
    services.sign_note(note, by=therapist_tess)
    services.save_psychotherapy_note(care, author=therapist_tess, text="PRIVATE-WORDS")
    export = str(privacy.export_user_data(client_alice))
    assert "SIGNED-WORDS" in export and "PRIVATE-WORDS" not in export


def test_a_release_needs_the_clinical_lead(care, client_alice, therapist_tess, lead_lena):
    services.save_psychotherapy_note(care, author=therapist_tess, text="PRIVATE-WORDS")
    release = services.propose_release(care, author=therapist_tess)
    with pytest.raises(ClinicError):
        services.approve_release(release, lead=therapist_tess)
    services.approve_release(release, lead=lead_lena)
    assert "PRIVATE-WORDS" in release.released_text
    from trustrepair.core.audit import who_looked

    assert [e.actor for e in who_looked(client_alice) if "approved releasing" in e.reason] == [lead_lena]


def test_erasure_keeps_the_record_restricted(care, client_alice, therapist_tess):
    from trustrepair.core import privacy

    services.save_progress_note(care, author=therapist_tess, format="dap", session_date=timezone.localdate(), data="x")
    privacy.erase_user(client_alice)
    care.refresh_from_db()
    assert care.client is None and care.restricted_at and care.retain_until and care.status == "ended"
    assert ProgressNote.objects.filter(relationship=care).exists()
