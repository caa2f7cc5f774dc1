"""The journal keeps what a person types on the server as they type, and brings it back on return."""

import pytest
from django.urls import reverse

from trustrepair.exercises.models import JournalEntry

pytestmark = pytest.mark.django_db
AUTOSAVE = "/tools/journal/autosave/"


def test_typing_creates_a_draft_on_the_server_and_keeps_updating_it(signed_in, client_alice):
    client = signed_in(client_alice)
    response = client.post(AUTOSAVE, {"prompt": "now_or_then", "body": "When he was late"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Saved at" in response.content.decode()
    draft = JournalEntry.objects.get(owner=client_alice)
    assert draft.is_draft and draft.body == "When he was late"
    assert f'value="{draft.public_id}"' in response.content.decode()  # the form learns the draft's id

    client.post(
        AUTOSAVE, {"draft": str(draft.public_id), "prompt": "now_or_then", "body": "When he was late, I froze."}
    )
    assert JournalEntry.objects.count() == 1
    draft.refresh_from_db()
    assert draft.body == "When he was late, I froze."


def test_a_draft_is_resumed_when_the_person_comes_back(signed_in, client_alice):
    client = signed_in(client_alice)
    client.post(AUTOSAVE, {"prompt": "free", "body": "Half a thought"})
    page = client.get(reverse("exercises:journal_entry_new")).content.decode()
    assert "Half a thought" in page and "Welcome back" in page
    assert "Carry on" in client.get(reverse("exercises:journal_entry_list")).content.decode()


def test_saving_turns_the_draft_into_an_entry(signed_in, client_alice):
    client = signed_in(client_alice)
    client.post(AUTOSAVE, {"prompt": "shaped", "body": "Dad's promises"})
    draft = JournalEntry.objects.get()
    response = client.post(
        reverse("exercises:journal_entry_new"),
        {"draft": str(draft.public_id), "prompt": "shaped", "body": "Dad's promises."},
    )
    assert response.status_code == 302
    entry = JournalEntry.objects.get()
    assert entry.pk == draft.pk and not entry.is_draft and entry.body == "Dad's promises."
    assert "Dad&#x27;s promises." in client.get(reverse("exercises:journal_entry_list")).content.decode()


def test_an_empty_autosave_makes_no_draft(signed_in, client_alice):
    signed_in(client_alice).post(AUTOSAVE, {"prompt": "free", "body": "   "})
    assert not JournalEntry.objects.exists()


def test_autosave_cannot_write_into_someone_elses_entry(signed_in, client_alice, stranger_eve):
    theirs = JournalEntry.objects.create(owner=stranger_eve, body="Eve's words", is_draft=True)
    signed_in(client_alice).post(AUTOSAVE, {"draft": str(theirs.public_id), "prompt": "free", "body": "overwritten"})
    theirs.refresh_from_db()
    assert theirs.body == "Eve's words"
    assert [e.body for e in JournalEntry.objects.filter(owner=client_alice)] == ["overwritten"]  # Alice's own draft


def test_a_too_long_autosave_says_so_and_keeps_the_last_good_draft(signed_in, client_alice):
    client = signed_in(client_alice)
    client.post(AUTOSAVE, {"prompt": "free", "body": "start"})
    draft = JournalEntry.objects.get()
    response = client.post(AUTOSAVE, {"draft": str(draft.public_id), "prompt": "free", "body": "x" * 40_001})
    assert "Not saved" in response.content.decode()
    draft.refresh_from_db()
    assert draft.body == "start"


def test_a_bad_prompt_or_draft_id_does_not_break_autosave(signed_in, client_alice):
    response = signed_in(client_alice).post(AUTOSAVE, {"draft": "nonsense", "prompt": "<script>", "body": "hello"})
    assert response.status_code == 200
    assert JournalEntry.objects.get().prompt == "free"


def test_saving_an_empty_entry_is_answered_next_to_the_field(signed_in, client_alice):
    response = signed_in(client_alice).post(reverse("exercises:journal_entry_new"), {"prompt": "free", "body": ""})
    assert response.status_code == 200 and "body" in response.context["form"].errors


def test_a_signed_out_autosave_is_not_saved(client, client_alice):
    response = client.post(AUTOSAVE, {"prompt": "free", "body": "typed after the session expired"})
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not JournalEntry.objects.exists()


def test_the_journal_form_autosaves_with_htmx_and_announces_politely(signed_in, client_alice):
    page = signed_in(client_alice).get(reverse("exercises:journal_entry_new")).content.decode()
    assert f'hx-post="{AUTOSAVE}"' in page and 'hx-trigger="input delay:2s"' in page
    assert 'hx-sync="this:queue last"' in page  # a new save waits for the one in flight: two saves never race
    assert 'aria-live="polite"' in page and "data-draft=" in page


def test_a_draft_opened_by_its_address_goes_to_the_writing_page(signed_in, client_alice):
    draft = JournalEntry.objects.create(owner=client_alice, body="unfinished", is_draft=True)
    response = signed_in(client_alice).get(reverse("exercises:journal_entry_detail", args=[draft.public_id]))
    assert response.status_code == 302 and response.url == reverse(
        "exercises:journal_entry_edit", args=[draft.public_id]
    )


def test_the_home_card_links_to_the_draft_without_reading_its_text(signed_in, client_alice):
    from trustrepair.exercises.dashboard import dashboard_card

    assert dashboard_card(client_alice)["link_text"] == "Open your tools"
    client = signed_in(client_alice)
    client.post(AUTOSAVE, {"prompt": "now_or_then", "body": "When he was late"})
    draft = JournalEntry.objects.get(owner=client_alice)
    card = dashboard_card(client_alice)
    assert card["url"] == reverse("exercises:journal_entry_edit", args=[draft.public_id])
    assert "late" not in str(card)
