"""What the person sees (issue 10, item 5 and the pages of item 4): the question, the folded panel, help
inside htmx fragments, and crisis lines for signed-out visitors. Browser journeys are in test_browser_help.py.
"""

import re

import pytest
from django.urls import reverse

from trustrepair.safety.models import GentleQuestion, RiskEvent
from trustrepair.safety.services import screen_text

pytestmark = pytest.mark.django_db

AUTOSAVE = "/tools/journal/autosave/"
HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_CURRENT_URL": "http://testserver/tools/journal/new/"}
PANEL = "You don't have to carry this alone"
QUESTION = "are you having thoughts of ending your life"


def live_region(page: str) -> str:
    return re.search(r'<div id="safety-ask"[^>]*>(.*?)</div>\s*<script', page, re.S).group(0)


def autosave(client, body, draft=""):
    return client.post(AUTOSAVE, {"prompt": "free", "body": body, "draft": draft}, **HTMX).content.decode()


# ---- the gentle question -------------------------------------------------------------------------------


def test_a_waiting_question_is_in_a_polite_live_region_as_a_plain_form(client, client_alice, ask_sentence):
    screen_text(client_alice, ask_sentence.self, source="exercises.journal")
    client.force_login(client_alice)
    region = live_region(client.get("/").content.decode())
    assert 'role="status"' in region and 'aria-live="polite"' in region
    assert QUESTION in region
    question = GentleQuestion.objects.get()
    assert f'method="post" action="{reverse("safety:answer", args=[question.public_id])}"' in region
    assert re.findall(r'name="answer" value="(\w+)"', region) == ["yes", "not_sure", "no"]
    for word in ("score", "risk level", "high risk", "low risk"):
        assert word not in region.lower()


def test_the_others_question_asks_if_they_feel_safe_at_home(client, client_alice, ask_sentence):
    screen_text(client_alice, ask_sentence.others, source="exercises.journal")
    client.force_login(client_alice)
    assert "Do you feel safe at home right now?" in live_region(client.get("/").content.decode())


def test_answering_without_javascript_goes_back_and_yes_opens_the_panel(client, client_alice, ask_sentence):
    screen_text(client_alice, ask_sentence.self, source="exercises.journal")
    question = GentleQuestion.objects.get()
    client.force_login(client_alice)
    response = client.post(reverse("safety:answer", args=[question.public_id]), {"answer": "yes", "next": "/learn/"})
    assert response.status_code == 302 and response["Location"] == "/learn/"
    page = client.get("/learn/").content.decode()
    assert PANEL in page and QUESTION not in page
    assert RiskEvent.objects.get().category == "hopelessness"


def test_answering_no_without_javascript_thanks_and_shows_no_panel(client, client_alice, ask_sentence):
    screen_text(client_alice, ask_sentence.self, source="exercises.journal")
    question = GentleQuestion.objects.get()
    client.force_login(client_alice)
    client.post(reverse("safety:answer", args=[question.public_id]), {"answer": "no", "next": "/"})
    page = client.get("/").content.decode()
    assert "Thank you for answering" in page and PANEL not in page and QUESTION not in page


def test_answering_with_htmx_puts_the_panel_in_place(client, client_alice, ask_sentence):
    screen_text(client_alice, ask_sentence.self, source="exercises.journal")
    question = GentleQuestion.objects.get()
    client.force_login(client_alice)
    fragment = client.post(
        reverse("safety:answer", args=[question.public_id]), {"answer": "not_sure"}, **HTMX
    ).content.decode()
    assert "Thank you for telling us" in fragment and "data-answer-ack" in fragment
    assert '<div id="safety-help" hx-swap-oob="innerHTML">' in fragment and PANEL in fragment


def test_a_missing_or_odd_answer_is_a_clear_message_not_an_error(client, client_alice, ask_sentence):
    screen_text(client_alice, ask_sentence.self, source="exercises.journal")
    question = GentleQuestion.objects.get()
    client.force_login(client_alice)
    response = client.post(reverse("safety:answer", args=[question.public_id]), {"answer": "maybe"}, follow=True)
    assert response.status_code == 200 and "Please choose Yes, Not sure or No." in response.content.decode()
    assert GentleQuestion.objects.get().is_open


# The URL × role matrix for the answer (its URL has a parameter, so the URL walk cannot reach it).
@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("client", 302), ("partner", 404), ("therapist", 404), ("staff", 404), ("stranger", 404)],
)
def test_only_the_person_asked_can_answer(client, cast, role, status, ask_sentence):
    screen_text(cast["client"], ask_sentence.self, source="exercises.journal")
    question = GentleQuestion.objects.get()
    if cast[role]:
        client.force_login(cast[role])
    url = reverse("safety:answer", args=[question.public_id])
    response = client.post(url, {"answer": "yes", "next": "/"})
    assert response.status_code == status
    if role == "anonymous":
        assert reverse("account_login") in response["Location"]
    assert GentleQuestion.objects.get().is_open is (role != "client")
    if cast[role]:
        assert client.get(url).status_code == 405  # answering is a POST only


# ---- help inside an autosave ------------------------------------------------------------------------------


def test_an_autosave_that_asks_puts_the_question_in_the_live_region_once(client, client_alice, ask_sentence):
    client.force_login(client_alice)
    first = autosave(client, ask_sentence.self)
    assert '<div hx-swap-oob="innerHTML:#safety-ask">' in first and QUESTION in first
    draft = re.search(r'name="draft" id="draft-id" value="([0-9a-f-]+)"', first).group(1)
    again = autosave(client, ask_sentence.self + " more words", draft)
    assert "Saved at" in again and QUESTION not in again and "safety-ask" not in again


def test_an_autosave_that_screens_positive_puts_the_panel_in_place_once(client, client_alice):
    client.force_login(client_alice)
    first = autosave(client, "Honestly I want to die")
    assert '<div id="safety-help" hx-swap-oob="innerHTML">' in first and PANEL in first
    assert 'href="tel:988"' in first
    assert "Some support is shown at the top of this page." in first  # said in the autosave's own status
    # "I'm safe right now" inside the fragment goes back to the journal page, not to the autosave URL
    assert 'name="next" value="/tools/journal/new/"' in first
    draft = re.search(r'name="draft" id="draft-id" value="([0-9a-f-]+)"', first).group(1)
    again = autosave(client, "Honestly I want to die. Still.", draft)
    assert PANEL not in again and "safety-help" not in again


def test_the_journal_page_has_the_places_help_goes(client, client_alice):
    client.force_login(client_alice)
    page = client.get("/tools/journal/new/").content.decode()
    assert '<div id="safety-help">' in page
    assert '<div id="safety-ask" class="safety-ask" role="status" aria-live="polite">' in page


# ---- the panel --------------------------------------------------------------------------------------------


def test_a_text_panel_is_shown_in_full_once_then_folds_to_one_line(client, client_alice):
    screen_text(client_alice, "I want to die", source="exercises.journal")
    client.force_login(client_alice)
    first = client.get("/").content.decode()
    assert '<section class="crisis-panel" id="crisis-panel"' in first
    second = client.get("/learn/").content.decode()
    assert '<details class="crisis-panel crisis-folded" id="crisis-panel">' in second
    assert "<summary>Support is here" in second
    assert 'href="tel:988"' in second and "I'm safe right now" in second  # one tap away, inside


def test_a_plan_with_means_puts_a_call_link_to_the_emergency_number_first(client, client_alice):
    screen_text(client_alice, "I have saved up enough pills to end it", source="exercises.journal")
    client.force_login(client_alice)
    page = client.get("/").content.decode()
    main = page[page.index("<main") :]
    assert re.search(r'href="tel:(\d+)"', main).group(1) == "911"
    assert '<a class="button" href="tel:911">Call 911</a>' in main  # a link; nothing dials by itself


def test_otherwise_the_crisis_line_comes_first(client, client_alice):
    screen_text(client_alice, "I want to die", source="exercises.journal")
    client.force_login(client_alice)
    page = client.get("/").content.decode()
    assert re.search(r'href="tel:(\d+)"', page[page.index("<main") :]).group(1) == "988"


def test_danger_from_someone_else_has_no_headline_an_onlooker_could_read(client, client_alice):
    screen_text(client_alice, "I'm scared he'll hurt me", source="exercises.journal")
    client.force_login(client_alice)
    page = client.get("/").content.decode()
    panel = page[page.index('<div id="safety-help">') : page.index('<div id="safety-ask"')]
    quick_call = re.search(r'<p class="quick-call">(.*?)</p>', panel, re.S).group(1)
    headings = " ".join(re.findall(r"<h[23][^>]*>(.*?)</h[23]>", panel) + re.findall(r"<p>(.*?)</p>", panel)[:1])
    headings += quick_call  # the big buttons at the top are read at a glance too
    assert 'href="tel:18007997233">Call a confidential support line</a>' in quick_call
    for word in ("abuse", "violence", "hurting", "frightening", "partner", "domestic"):
        assert word not in headings.lower()


# ---- crisis lines for signed-out visitors --------------------------------------------------------------------


def test_a_signed_out_visitor_without_javascript_gets_the_picker_first_and_the_international_directory(client):
    page = client.get(reverse("safety:crisis")).content.decode()
    main = page[page.index("<main") :]
    assert "data-region-unknown" in main
    assert main.index('<select id="region" name="region">') < main.index("Find A Helpline")
    assert 'value="" selected>Choose a country or region' in main
    assert "988" not in main and "911" not in main and "tel:" not in main  # never one country's lines by default
    assert 'src="/static/safety/region.js"' in page


def test_a_chosen_region_shows_its_lines(client):
    page = client.get(reverse("safety:crisis"), {"region": "GB"}).content.decode()
    assert 'href="tel:116123"' in page and 'href="tel:999"' in page and "data-region-unknown" not in page


def test_the_guess_is_said_to_be_a_guess(client):
    page = client.get(reverse("safety:crisis"), {"region": "AU", "guessed": "1"}).content.decode()
    assert "Chosen from your browser" in page and 'href="tel:131114"' in page


def test_the_operator_can_set_a_default_region(client, settings):
    settings.DEFAULT_REGION = "IE"
    page = client.get(reverse("safety:crisis")).content.decode()
    assert "Lines for Ireland" in page


def test_the_lines_fragment_for_the_browser_guess(client):
    response = client.get(
        reverse("safety:crisis"), {"region": "NZ", "guessed": "1", "lines": "1"}, HTTP_HX_REQUEST="true"
    )
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div id="crisis-lines">') and "<html" not in fragment
    assert 'href="tel:1737"' in fragment


def test_elsewhere_shows_the_international_directory_and_stays_chosen(client):
    page = client.get(reverse("safety:crisis"), {"region": "OTHER"}).content.decode()
    assert '<option value="OTHER" selected>' in page and "findahelpline.com" in page and "tel:" not in page


def test_a_signed_in_person_gets_their_own_regions_lines(client, client_alice):
    client.force_login(client_alice)
    page = client.get(reverse("safety:crisis")).content.decode()
    assert "Lines for United States" in page and "data-region-unknown" not in page
