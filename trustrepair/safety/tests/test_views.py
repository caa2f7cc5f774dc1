import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from trustrepair.safety import services
from trustrepair.safety.models import RiskEvent, SafetyPlan
from trustrepair.safety.services import screen_answers, screen_text

pytestmark = pytest.mark.django_db

PANEL = "You don't have to carry this alone"
BANNER = "Your support is here."


def structured_screen(user):
    return screen_answers(user, instrument="phq9", answers={"phq9_9": 1}, safety_items=["phq9_9"])


# ---- who may open what -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonymous", "client", "partner", "therapist", "staff"])
def test_crisis_support_is_open_to_everyone(client, cast, role):
    if cast[role]:
        client.force_login(cast[role])
    response = client.get(reverse("safety:crisis"))
    assert response.status_code == 200
    page = response.content.decode()
    if role == "anonymous":  # no country's lines by default: the picker and the international directory
        assert "988" not in page and "Where are you?" in page and "findahelpline.com" in page
    else:  # the cast's region is US
        assert "988" in page


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 302), ("client", 200), ("partner", 200), ("therapist", 403), ("staff", 403)]
)
@pytest.mark.parametrize("name", ["safety:plan", "safety:plan_edit"])
def test_the_safety_plan_is_for_clients_and_partners(client, cast, role, status, name):
    if cast[role]:
        client.force_login(cast[role])
    assert client.get(reverse(name)).status_code == status


@pytest.mark.parametrize("name", ["safety:safe_now", "safety:fold"])
def test_panel_actions_need_sign_in_and_post(client, client_alice, name):
    assert client.post(reverse(name)).status_code == 302
    assert reverse("account_login") in client.post(reverse(name))["Location"]
    client.force_login(client_alice)
    assert client.get(reverse(name)).status_code == 405


def test_another_persons_check_in_is_not_found(client, client_alice, stranger_eve):
    structured_screen(client_alice)
    event = RiskEvent.objects.get()
    client.force_login(stranger_eve)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.post(event.get_absolute_url(), {"reached": "therapist"}).status_code == 404
    assert RiskEvent.objects.get().reached_person == ""


def test_a_partner_never_sees_the_clients_plan(client, client_alice, partner_bob):
    services.save_safety_plan(client_alice, reasons_for_living="My niece Rosa")
    client.force_login(partner_bob)
    assert "Rosa" not in client.get(reverse("safety:plan")).content.decode()


# ---- the safety plan --------------------------------------------------------------------------------


def test_writing_a_safety_plan(client, client_alice):
    client.force_login(client_alice)
    page = client.get(reverse("safety:plan_edit")).content.decode()
    assert 'data-draft="safety-plan"' in page
    for part in ("Signs that a hard time", "on my own", "take my mind off", "ask for help", "Professionals", "safer"):
        assert part in page
    response = client.post(reverse("safety:plan_edit"), {"people_to_ask": "My sister Jo, 07700 900123"})
    assert response.status_code == 302
    assert SafetyPlan.objects.get(owner=client_alice).people_to_ask.startswith("My sister Jo")
    assert "My sister Jo" in client.get(reverse("safety:plan")).content.decode()


def test_an_empty_plan_gets_a_clear_message_not_an_error(client, client_alice):
    client.force_login(client_alice)
    response = client.post(reverse("safety:plan_edit"), {"people_to_ask": "   "})
    assert response.status_code == 200
    assert "at least one part" in response.content.decode()
    assert not SafetyPlan.objects.exists()


def test_an_overlong_answer_is_named_next_to_its_field(client, client_alice):
    client.force_login(client_alice)
    response = client.post(reverse("safety:plan_edit"), {"coping_alone": "x" * 5000})
    assert response.status_code == 200
    assert re.search(r'id="id_coping_alone_error"', response.content.decode())


# ---- the crisis panel ------------------------------------------------------------------------------


def test_no_panel_without_an_open_event(client, client_alice):
    client.force_login(client_alice)
    assert PANEL not in client.get("/").content.decode()


def test_a_positive_text_screen_shows_the_panel_on_the_next_page_first_in_main(client, client_alice):
    services.save_safety_plan(client_alice, coping_alone="Walk round the block")
    screen_text(client_alice, "I don't want to live anymore", source="exercises.journal")
    client.force_login(client_alice)
    page = client.get("/").content.decode()
    main = page[page.index('<main id="main"') :]
    assert main.index(PANEL) < main.index("</section>") < len(main)
    # one tap to a person comes first (a phone shows it on the first screen), then their own plan and a
    # grounding exercise, then every line in full
    assert main.index('href="tel:988"') < main.index("Walk round the block") < main.index("A minute to steady")
    assert main.index("A minute to steady yourself") < main.index("Talk to a person now")
    assert "I'm safe right now" in page


def test_the_panel_shows_no_score_or_risk_level(client, client_alice):
    screen_text(client_alice, "I want to die", source="exercises.journal")
    structured_screen(client_alice)
    client.force_login(client_alice)
    page = client.get("/").content.decode().lower()
    for word in ("score", "risk level", "low risk", "medium risk", "high risk", "moderate"):
        assert word not in page


def test_another_person_never_sees_my_panel(client, client_alice, stranger_eve):
    screen_text(client_alice, "I want to die", source="exercises.journal")
    client.force_login(stranger_eve)
    assert PANEL not in client.get("/").content.decode()


def test_im_safe_right_now_closes_a_text_panel_and_is_recorded(client, client_alice):
    screen_text(client_alice, "I want to die", source="exercises.journal")
    client.force_login(client_alice)
    response = client.post(reverse("safety:safe_now"), {"next": "/"})
    assert response["Location"] == "/"
    assert PANEL not in client.get("/").content.decode()
    event = RiskEvent.objects.get()
    assert event.resolution == "safe_now" and event.resolved_at is not None


def test_safe_now_never_redirects_off_site(client, client_alice):
    client.force_login(client_alice)
    response = client.post(reverse("safety:safe_now"), {"next": "https://example.com/"})
    assert response["Location"] == reverse("core:home")


def test_one_tap_never_closes_a_structured_screen(client, client_alice):
    structured_screen(client_alice)
    client.force_login(client_alice)
    page = client.get("/").content.decode()
    assert "One of your answers" in page
    assert "I'm safe right now" not in page
    client.post(reverse("safety:safe_now"))
    client.post(reverse("safety:fold"))
    page = client.get("/").content.decode()
    assert BANNER in page  # folded, not gone
    assert PANEL not in page
    assert RiskEvent.objects.get().is_open


def test_the_check_in_closes_a_structured_screen_after_both_steps(client, client_alice):
    structured_screen(client_alice)
    event = RiskEvent.objects.get()
    client.force_login(client_alice)
    response = client.post(event.get_absolute_url(), {"reached": "crisis_line"})
    assert response.status_code == 200  # one more step: the plan
    assert BANNER in client.get("/").content.decode() or PANEL in client.get("/").content.decode()
    client.post(reverse("safety:plan_edit"), {"people_to_ask": "My sister Jo"})
    page = client.get("/").content.decode()
    assert PANEL not in page and BANNER not in page
    assert RiskEvent.objects.get().resolution == "followed_up"


def test_a_check_in_without_a_choice_is_named_not_an_error(client, client_alice):
    structured_screen(client_alice)
    client.force_login(client_alice)
    response = client.post(RiskEvent.objects.get().get_absolute_url(), {"reached": "nonsense"})
    assert response.status_code == 200
    assert "id_reached_error" in response.content.decode()


def test_danger_from_someone_else_shows_help_for_that(client, client_alice):
    screen_text(client_alice, "I'm scared he'll hurt me", source="exercises.journal")
    client.force_login(client_alice)
    page = client.get("/").content.decode()
    heading = re.search(r'<h2 id="crisis-panel-title">(.*?)</h2>', page).group(1)
    assert heading == "Support is here"  # nothing an onlooker could read as being about abuse
    # the line for people living with abuse is the first call link, before the crisis line
    assert page.index('href="tel:18007997233"') < page.index('href="tel:988"')
    assert "911" in page


def test_the_panel_uses_the_persons_country(client, client_alice):
    client_alice.country, client_alice.subdivision = "GB", ""
    client_alice.save(update_fields=["country", "subdivision"])
    screen_text(client_alice, "I want to die", source="exercises.journal")
    client.force_login(client_alice)
    page = client.get("/").content.decode()
    assert "116 123" in page and "999" in page


def test_a_page_without_open_events_costs_one_query_for_the_panel(client, client_alice):
    client.force_login(client_alice)
    client.get(reverse("safety:crisis"))
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("safety:crisis"))
    assert sum("safety_riskevent" in q["sql"] for q in ctx.captured_queries) == 1
