"""Today (issue 11): the daily check-in, the suggestion rules, welcome back, and the practice reminder."""

import datetime
import zoneinfo
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse

from trustrepair.accounts.services import grant_consent
from trustrepair.exercises import services, today
from trustrepair.exercises.models import DailyCheckIn, DailyRhythm
from trustrepair.notifications.models import Notice

pytestmark = pytest.mark.django_db

GOOD = {"moods": ["anxious", "low"], "trust": "4", "urge": "check", "urge_strength": "7", "note": "Long day."}


def test_a_check_in_is_saved_once_per_local_day_and_can_be_changed(signed_in, client_alice):
    client = signed_in(client_alice)
    assert client.post(reverse("exercises:check_in"), GOOD).status_code == 302
    client.post(reverse("exercises:check_in"), {**GOOD, "trust": "6"})
    check_in = DailyCheckIn.objects.get(owner=client_alice)
    assert check_in.trust == 6 and check_in.moods == ["anxious", "low"] and check_in.note == "Long day."
    page = client.get(reverse("core:home")).content.decode()
    assert "You checked in today" in page and "6 of 10" in page


@pytest.mark.parametrize(
    "bad",
    [
        {"moods": ["calm", "hopeful", "low", "anxious"]},
        {"moods": ["sleepy"]},
        {"trust": "11"},
        {"trust": "lots"},
        {"urge": "stalk"},
        {"urge_strength": "-1"},
        {"note": "x" * 501},
    ],
)
def test_a_bad_check_in_is_answered_next_to_the_field(bad, signed_in, client_alice):
    response = signed_in(client_alice).post(reverse("exercises:check_in"), {**GOOD, **bad})
    assert response.status_code == 400
    assert set(bad) <= set(response.context["check_in_form"].errors)
    assert not DailyCheckIn.objects.exists()


def test_no_urge_means_no_strength(signed_in, client_alice):
    signed_in(client_alice).post(reverse("exercises:check_in"), {**GOOD, "urge": "none", "urge_strength": "8"})
    assert DailyCheckIn.objects.get().urge_strength == 0


def test_the_check_in_day_is_the_persons_own(client_alice):
    client_alice.time_zone = "Pacific/Auckland"
    now = datetime.datetime(2026, 12, 5, 13, 0, tzinfo=datetime.UTC)  # 02:00 on the 6th in Auckland
    assert today.local_today(client_alice, now) == datetime.date(2026, 12, 6)


def test_a_check_in_note_is_screened_for_crisis(signed_in, client_alice, django_capture_on_commit_callbacks):
    from trustrepair.safety.models import RiskEvent

    with django_capture_on_commit_callbacks(execute=True):
        signed_in(client_alice).post(reverse("exercises:check_in"), {**GOOD, "note": "I want to kill myself tonight."})
    assert RiskEvent.objects.filter(user=client_alice).exists()


def test_the_sliders_and_chips_have_names_and_spoken_values(signed_in, client_alice):
    page = signed_in(client_alice).get(reverse("core:home")).content.decode()
    assert '<label for="id_trust">How much I trusted people today' in page
    assert 'type="range"' in page and 'aria-valuetext="5 of 10"' in page
    assert '<label class="chip" for="id_moods_0"><input type="checkbox" name="moods" value="calm"' in page
    assert "<span>Calm</span>" in page and 'data-max="3"' in page


# ---- the suggestion table -----------------------------------------------------------------------------
def ci(trust=5, urge="none", strength=0, moods=()):
    return SimpleNamespace(trust=trust, urge=urge, urge_strength=strength, moods=list(moods))


@pytest.mark.parametrize(
    ("recent", "rule"),
    [
        ([], "no_check_in_yet"),
        ([ci(urge="check", strength=6)], "strong_checking_urge"),
        ([ci(urge="reassurance", strength=9)], "strong_checking_urge"),
        ([ci(urge="check", strength=5)], "default"),
        ([ci(urge="accuse", strength=7)], "strong_accusing_urge"),
        ([ci(urge="withdraw", strength=6)], "strong_withdrawing_urge"),
        ([ci(moods=["anxious"], urge="check", strength=2)], "anxious_today"),
        ([ci(trust=2), ci(trust=3), ci(trust=1)], "low_trust_three_days"),
        ([ci(trust=2), ci(trust=3)], "default"),
        ([ci(trust=2), ci(trust=6), ci(trust=1)], "default"),
        ([ci(trust=8)], "trusting_today"),
        ([ci(trust=5)], "default"),
    ],
)
def test_each_suggestion_rule(recent, rule):
    suggestion = today.suggest(recent)
    assert suggestion.key == rule
    assert suggestion.url.startswith("/")


def test_every_rule_in_the_table_is_documented():
    text = (Path(__file__).resolve().parents[3] / "docs" / "decisions.md").read_text(encoding="utf-8")
    for rule in [*today.SUGGESTIONS, today.DEFAULT, today.BEFORE_FIRST_CHECK_IN]:
        assert f"`{rule.key}`" in text


# ---- welcome back, never a count ----------------------------------------------------------------------
def test_welcome_back_after_seven_days_without_a_count(signed_in, client_alice):
    DailyRhythm.objects.create(
        owner=client_alice, last_used_on=today.local_today(client_alice) - datetime.timedelta(days=9)
    )
    page = signed_in(client_alice).get(reverse("core:home")).content.decode()
    assert "Welcome back" in page and "9 days" not in page and "days away" not in page
    assert today.is_welcome_back(datetime.date(2026, 12, 1), datetime.date(2026, 12, 7)) is False
    assert today.is_welcome_back(datetime.date(2026, 12, 1), datetime.date(2026, 12, 8)) is True
    assert today.is_welcome_back(None, datetime.date(2026, 12, 8)) is False


def test_therapists_keep_their_own_home(signed_in, therapist_tess):
    response = signed_in(therapist_tess).get(reverse("core:home"))
    assert "check_in_form" not in response.context


# ---- the practice reminder ----------------------------------------------------------------------------
LONDON = zoneinfo.ZoneInfo("Europe/London")


def _remind(user, at=datetime.time(8, 0), used=datetime.date(2027, 3, 26)):
    user.time_zone = "Europe/London"
    user.save(update_fields=["time_zone"])
    grant_consent(user, kind="email_reminders")
    services.set_reminder(user, remind=True, remind_at=at)
    DailyRhythm.objects.filter(owner=user).update(last_used_on=used)


def _run(local: datetime.datetime) -> int:
    return services.send_practice_reminders(now=local.astimezone(datetime.UTC))


def test_the_reminder_comes_at_the_chosen_local_time_across_the_clock_change(client_alice):
    _remind(client_alice)
    # Saturday 27 March 2027, GMT (UTC+0): 07:55 is early, 08:00 sends, 08:30 does not send again.
    assert _run(datetime.datetime(2027, 3, 27, 7, 55, tzinfo=LONDON)) == 0
    assert _run(datetime.datetime(2027, 3, 27, 8, 0, tzinfo=LONDON)) == 1
    assert _run(datetime.datetime(2027, 3, 27, 8, 30, tzinfo=LONDON)) == 0
    # Sunday 28 March 2027, the clocks went forward at 01:00 UTC: 08:00 BST is 07:00 UTC.
    assert _run(datetime.datetime(2027, 3, 28, 7, 0, tzinfo=datetime.UTC)) == 1
    assert _run(datetime.datetime(2027, 3, 28, 8, 0, tzinfo=datetime.UTC)) == 0  # 09:00 BST: not twice a day
    notices = Notice.objects.filter(user=client_alice, kind="practice_reminder")
    assert notices.count() == 2
    assert {n.key.rsplit(":", 1)[1] for n in notices} == {"2027-03-27", "2027-03-28"}


def test_the_reminder_is_sent_once_a_day_even_by_two_runners(client_alice):
    _remind(client_alice)
    at = datetime.datetime(2027, 3, 27, 8, 5, tzinfo=LONDON)
    assert _run(at) + _run(at) == 1


def test_the_reminder_stops_after_a_week_without_use(client_alice):
    _remind(client_alice, used=datetime.date(2027, 3, 19))
    assert _run(datetime.datetime(2027, 3, 26, 8, 0, tzinfo=LONDON)) == 1  # seven days: still kept
    assert _run(datetime.datetime(2027, 3, 27, 8, 0, tzinfo=LONDON)) == 0  # eight days: it stops


def test_no_reminder_without_consent_or_when_turned_off(client_alice, partner_bob):
    _remind(client_alice)
    from trustrepair.accounts.services import revoke_consent

    revoke_consent(client_alice, kind="email_reminders")
    assert _run(datetime.datetime(2027, 3, 27, 8, 0, tzinfo=LONDON)) == 0
    _remind(partner_bob)
    services.set_reminder(partner_bob, remind=False, remind_at=None)
    assert _run(datetime.datetime(2027, 3, 28, 8, 0, tzinfo=LONDON)) == 0
    assert not Notice.objects.filter(kind="practice_reminder").exists()


def test_the_reminder_job_is_registered():
    from trustrepair.core import jobs

    assert "send_practice_reminders" in jobs.all_jobs()


def test_setting_a_reminder_records_consent(signed_in, client_alice):
    from trustrepair.accounts.services import has_reminder_consent

    client = signed_in(client_alice)
    assert client.get(reverse("exercises:reminder")).status_code == 200
    response = client.post(reverse("exercises:reminder"), {"remind": "on", "remind_at": ""})
    assert response.status_code == 200 and "remind_at" in response.context["form"].errors
    client.post(reverse("exercises:reminder"), {"remind": "on", "remind_at": "19:30"})
    rhythm = DailyRhythm.objects.get(owner=client_alice)
    assert rhythm.remind and rhythm.remind_at == datetime.time(19, 30)
    assert has_reminder_consent(client_alice)
