"""The first run (issue 11): adults only, what brings you here, the self-check, a plan in words, time zones."""

import pytest
from django.urls import reverse

from trustrepair.accounts import zones
from trustrepair.accounts.models import User
from trustrepair.accounts.onboarding import plan_for
from trustrepair.accounts.tests.test_accounts import SIGNUP
from trustrepair.measures.profile import Profile

pytestmark = pytest.mark.django_db


def test_sign_up_asks_for_18_or_over_and_explains_kindly_next_to_the_box(client):
    data = {k: v for k, v in SIGNUP.items() if k != "adult"}
    response = client.post("/accounts/signup/", data)
    html = response.content.decode()
    assert response.status_code == 200 and 'id="id_adult_error"' in html
    assert "accounts are for people aged 18 and over" in html and "deserve" in html
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


def test_a_new_client_is_welcomed_before_today_and_the_role_never_changes(client):
    client.post("/accounts/signup/", SIGNUP)
    user = User.objects.get(email=SIGNUP["email"])
    assert user.needs_onboarding
    client.force_login(user)
    assert client.get("/")["Location"] == reverse("accounts:welcome")
    page = client.get(reverse("accounts:welcome")).content.decode()
    assert "Welcome, Nia" in page and "My partner and me" in page
    response = client.post(
        reverse("accounts:welcome"), {"joined_for": "partner_and_me", "time_zone": "Europe/Paris", "place": "FR"}
    )
    assert response["Location"] == reverse("accounts:welcome_self_check")
    user.refresh_from_db()
    got = (user.joined_for, user.role, user.time_zone, user.country)
    assert got == ("partner_and_me", "client", "Europe/Paris", "FR")
    # the self-check inside the first run goes on to the plan
    take = reverse("measures:take", args=["trust_signs"]) + "?next=welcome"
    assert "?next=welcome" in client.get(take).content.decode()
    plan = client.get(reverse("accounts:welcome_plan")).content.decode()
    assert "Three first steps" in plan and "this plan is yours" in plan
    assert client.post(reverse("accounts:welcome_plan"))["Location"] == reverse("core:home")
    user.refresh_from_db()
    assert not user.needs_onboarding
    assert client.get("/").status_code == 200


def test_welcome_errors_stay_next_to_their_fields(signed_in, client_alice):
    response = signed_in(client_alice).post(
        reverse("accounts:welcome"), {"joined_for": "everything", "time_zone": "US/Eastern", "place": "XX"}
    )
    assert response.status_code == 200
    assert {"joined_for", "time_zone", "place"} <= set(response.context["form"].errors)


def test_therapists_have_no_first_run(signed_in, therapist_tess):
    assert signed_in(therapist_tess).get(reverse("accounts:welcome")).status_code == 403


def test_the_time_zone_list_is_short_current_and_takes_the_browser_guess():
    names = [name for name, _ in zones.SHORT_LIST]
    assert 30 <= len(names) <= 60 and "UTC" not in names and not any(n.startswith("US/") for n in names)
    assert all(zones.is_current(n) for n in names)
    assert not zones.is_current("US/Eastern") and not zones.is_current("UTC") and not zones.is_current("Etc/GMT+5")
    assert zones.choices("Europe/Vilnius")[0] == ("Europe/Vilnius", "Vilnius")
    assert ("Nowhere/Else", "Else") not in zones.choices("Nowhere/Else")


def test_sign_up_offers_the_short_list_and_guesses_from_the_browser(client):
    html = client.get("/accounts/signup/").content.decode()
    assert "accounts/guess.js" in html and "data-guess-zone" in html and "data-guess-country" in html
    assert '<option value="Europe/London"' in html and '<option value="US/Eastern"' not in html


def _profile(**kwargs):
    profile = Profile(**kwargs)
    if kwargs:
        profile.measures_used = ["trust_signs"]
    return profile


def test_the_plan_in_words_follows_the_self_check():
    profile = _profile(
        signals={"pattern:checking": ["x"]},
        start_phase="regulation",
        start_phase_title="Regulation and safety",
        start_phase_why="The urge to check is strongest for you.",
    )
    plan = plan_for(joined_for="own_trust", profile=profile, is_client=True)
    assert plan.start_title == "Regulation and safety" and plan.took_self_check
    assert len(plan.steps) == 3 and "box breathing" in plan.steps[1][0]
    assert plan.tools[0].title == "Trigger and urge log" and len(plan.tools) == 3
    assert plan.note == ""


def test_without_a_self_check_the_plan_starts_at_the_beginning_and_partners_read_first():
    plan = plan_for(joined_for="supporting", profile=_profile(), is_client=False)
    assert plan.start_phase == "trust_history" and not plan.took_self_check
    assert plan.steps[0][1].url == reverse("learn:index")
    assert "supporting someone" in plan.note
