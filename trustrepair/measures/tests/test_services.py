"""Saving answers: immutability, the safety hook, reminders, FHIR export, download and erasure."""

import datetime
import re
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from trustrepair.accounts import services as account_services
from trustrepair.core import privacy
from trustrepair.measures import fhir, registry, selectors, services
from trustrepair.measures.models import Administration, ImmutableRecordError, Schedule
from trustrepair.measures.tests.factories import answers, take
from trustrepair.notifications import services as notification_services


def test_a_completed_response_is_immutable_and_records_its_versions(client_alice):
    administration = take(client_alice, "phq9", [1] * 9)
    assert administration.instrument_version == "1.0" and administration.scoring_version == "1"
    assert administration.is_intact()
    administration.band = "none"
    with pytest.raises(ImmutableRecordError):
        administration.save()


def test_missing_answers_save_nothing(client_alice):
    given = answers([1] * 8)
    with pytest.raises(services.AnswerErrors) as excinfo:
        services.submit_answers(client_alice, instrument=registry.get("phq9"), answers=given)
    assert excinfo.value.errors == {"9": "Please choose an answer to this question."}
    assert not Administration.objects.exists()


def test_scoring_keys_without_text_cannot_be_submitted(client_alice):
    with pytest.raises(services.AnswerErrors):
        services.submit_answers(client_alice, instrument=registry.get("ecr_r"), answers=answers([4] * 36))


def test_safety_items_are_handed_to_the_safety_app(client_alice, monkeypatch):
    from trustrepair.safety import services as safety

    calls = []

    def screen_answers(user, *, instrument, answers, safety_items, obj=None):
        calls.append((user, instrument, answers, safety_items, obj))

    monkeypatch.setattr(safety, "screen_answers", screen_answers, raising=False)
    administration = take(client_alice, "phq9", [3] * 9)  # item 9 = 3 must reach the crisis path whatever the total
    assert calls == [(client_alice, "phq9", administration.answers, ["9"], administration)]
    assert calls[0][2]["9"] == 3


def test_saving_works_whether_or_not_the_safety_app_screens_answers(client_alice, monkeypatch):
    from trustrepair.safety import services as safety

    monkeypatch.delattr(safety, "screen_answers", raising=False)
    assert take(client_alice, "phq9", [0] * 8 + [1]).total == 1


def test_other_peoples_responses_cannot_be_corrected(client_alice, stranger_eve):
    administration = take(client_alice, "gad7", [1] * 7)
    with pytest.raises(services.AnswerErrors):
        services.correct_administration(
            stranger_eve,
            administration=administration,
            instrument=registry.get("gad7"),
            answers=answers([0] * 7),
            reason="x",
        )


# ---- reminders -------------------------------------------------------------------------------------
def agree_to_reminders(*people):
    for person in people:
        account_services.grant_consent(person, kind="email_reminders")


def test_reminders_are_sent_once_per_due_time_and_reveal_nothing_clinical(client_alice, stranger_eve):
    agree_to_reminders(client_alice, stranger_eve)
    take(client_alice, "phq9", [3] * 9, weeks_ago=3)
    services.schedule_instrument(client_alice, instrument=registry.get("phq9"), every_days=14)
    services.schedule_instrument(stranger_eve, instrument=registry.get("gad7"), every_days=7)
    Schedule.objects.filter(owner=stranger_eve).update(next_due_at=timezone.now() + datetime.timedelta(days=3))
    call_command("send_measure_reminders")
    call_command("send_measure_reminders")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.test"]
    text = (message.subject + message.body).lower()
    for word in ["phq", "depress", "mood", "score", "severe", "anxiety"]:
        assert word not in text
    assert not re.search(r"\b27\b", text)  # the total itself (a link's 127.0.0.1 is not a score)


def test_nobody_is_reminded_without_their_reminder_consent(client_alice):
    services.schedule_instrument(client_alice, instrument=registry.get("gad7"), every_days=7)
    assert services.send_due_reminders() == 0
    assert mail.outbox == [] and not client_alice.notices.exists()


def test_a_reminder_for_someone_who_chose_in_app_only_is_an_update_not_an_email(client_alice):
    agree_to_reminders(client_alice)
    client_alice.contact = "in_app"
    client_alice.save(update_fields=["contact"])
    services.schedule_instrument(client_alice, instrument=registry.get("gad7"), every_days=7)
    assert services.send_due_reminders() == 1
    assert mail.outbox == []
    assert client_alice.notices.get().kind == "checkin_due"


def test_a_new_due_time_gets_a_new_reminder(client_alice):
    agree_to_reminders(client_alice)
    services.schedule_instrument(client_alice, instrument=registry.get("gad7"), every_days=7)
    assert services.send_due_reminders() == 1
    take(client_alice, "gad7", [1] * 7, weeks_ago=2)  # taken two weeks ago: due again one week ago
    assert services.send_due_reminders() == 1
    assert services.send_due_reminders() == 0


@pytest.mark.django_db(transaction=True)
def test_concurrent_reminder_runs_send_each_reminder_once(client_alice):
    services.schedule_instrument(client_alice, instrument=registry.get("phq9"), every_days=14)
    schedule = Schedule.objects.get()
    results = []

    def claim():
        try:
            results.append(services.claim_reminder(schedule))
        finally:
            connection.close()

    threads = [threading.Thread(target=claim) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count(True) == 1


# ---- FHIR, export and erasure -------------------------------------------------------------------
@pytest.mark.parametrize("instrument_id", ["phq9", "gad7", "trust_signs", "causes", "ecr_r", "ecr_rs", "rempel_trust"])
def test_every_instrument_is_a_valid_fhir_r4_questionnaire(instrument_id):
    resource = Questionnaire.model_validate(fhir.questionnaire(registry.get(instrument_id)))
    assert resource.status == "active"


def test_phq9_questionnaire_carries_loinc_codes_and_the_notice():
    data = fhir.questionnaire(registry.get("phq9"))
    assert data["code"][0]["code"] == "44249-1"
    item9 = next(i for i in data["item"] if i["linkId"] == "9")
    assert item9["code"][0]["code"] == "44260-8"
    assert item9["answerOption"][3]["valueCoding"]["code"] == "LA6571-9"
    assert "Pfizer" in data["copyright"]


def test_administrations_are_valid_fhir_questionnaire_responses(client_alice):
    gad7 = take(client_alice, "gad7", [2, 3, 2, 1, 2, 1, 2])
    checklist = take(client_alice, "causes", {"partner_infidelity": 1})
    for administration in (gad7, checklist):
        instrument = registry.get(administration.instrument_id)
        resource = QuestionnaireResponse.model_validate(fhir.questionnaire_response(instrument, administration))
        assert resource.status == "completed"
    data = fhir.questionnaire_response(registry.get("gad7"), gad7)
    assert {"linkId": "score-total", "answer": [{"valueDecimal": 13}]} in data["item"]


def test_download_my_data_includes_measures_but_not_other_peoples(client_alice, stranger_eve):
    take(client_alice, "causes", {"early_unseen": 1}, note="Private words")
    take(stranger_eve, "phq9", [2] * 9)
    services.schedule_instrument(client_alice, instrument=registry.get("phq9"), every_days=14)
    section = privacy.export_user_data(client_alice)["sections"]["measures"]
    assert len(section["administrations"]) == 1
    assert section["administrations"][0]["note"] == "Private words"
    assert section["schedules"][0]["every_days"] == 14
    assert section["fhir_questionnaire_responses"][0]["resourceType"] == "QuestionnaireResponse"


def test_erasure_removes_every_version_and_schedule(client_alice, stranger_eve):
    original = take(client_alice, "gad7", [1] * 7)
    services.correct_administration(
        client_alice, administration=original, instrument=registry.get("gad7"), answers=answers([2] * 7), reason="typo"
    )
    services.schedule_instrument(client_alice, instrument=registry.get("gad7"), every_days=7)
    take(stranger_eve, "gad7", [1] * 7)
    privacy.erase_user(client_alice)
    assert not Administration.objects.exclude(owner=stranger_eve).exists()
    assert not Schedule.objects.exists()
    assert Administration.objects.filter(owner=stranger_eve).count() == 1


def test_demo_seed_is_idempotent_and_shows_history(cast):
    from trustrepair.measures import demo

    demo.seed(cast)
    count = Administration.objects.filter(owner=cast["client"]).count()
    demo.seed(cast)
    assert Administration.objects.filter(owner=cast["client"]).count() == count >= 10
    assert len(selectors.history_for(cast["client"], "phq9")) == 6
    assert selectors.due_schedules(cast["client"])


def test_a_fault_in_safety_screening_never_loses_the_answers(client, client_alice, monkeypatch):
    from django.urls import reverse

    from trustrepair.safety import services as safety

    def broken(user, **kwargs):
        raise RuntimeError("screening is down")

    monkeypatch.setattr(safety, "screen_answers", broken, raising=False)
    client.force_login(client_alice)
    form = {f"item_{n}": "0" for n in range(1, 9)} | {"item_9": "2"}
    response = client.post(reverse("measures:take", args=["phq9"]), form, follow=True)
    assert response.status_code == 200
    assert Administration.objects.get(owner=client_alice).answers["9"] == 2
    assert reverse("safety:crisis") in response.content.decode().split("<main", 1)[1]


def test_a_failed_reminder_email_is_retried_next_run(client_alice, settings):
    agree_to_reminders(client_alice)
    settings.EMAIL_BACKEND = "trustrepair.measures.tests.test_services.FailingBackend"
    services.schedule_instrument(client_alice, instrument=registry.get("phq9"), every_days=14)
    assert services.send_due_reminders() == 1  # the reminder is made (and listed under Updates) ...
    assert mail.outbox == []  # ... but its email could not go
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.send_due_reminders() == 0
    assert notification_services.deliver_pending() == 1  # the worker's next run sends it
    assert notification_services.deliver_pending() == 0
    assert len(mail.outbox) == 1


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("mail server unreachable")
