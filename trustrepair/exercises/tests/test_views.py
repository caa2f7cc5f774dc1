"""Every tool's pages: create, list, view, edit and delete for the owner; 404 for anyone else; the role
rules; bad input answered next to the field."""

import pytest
from django.urls import reverse

from trustrepair.exercises.tests.helpers import ALL_TOOLS, SHOWN, SIMPLE, VALID, edit_data, make_one
from trustrepair.exercises.tools import BY_KEY

pytestmark = pytest.mark.django_db


def urls_for(key, entry):
    tool = BY_KEY[key]
    urls = [
        reverse(tool.list_name),
        entry.get_absolute_url(),
        reverse(tool.delete_name, args=[entry.public_id]),
    ]
    if not tool.own_new_and_edit:
        urls += [reverse(tool.new_name), reverse(tool.edit_name, args=[entry.public_id])]
    return urls


@pytest.mark.parametrize("key", SIMPLE)
def test_a_person_creates_sees_edits_and_deletes_an_entry(key, signed_in, client_alice):
    tool = BY_KEY[key]
    client = signed_in(client_alice)
    assert client.get(reverse(tool.new_name)).status_code == 200

    response = client.post(reverse(tool.new_name), VALID[key])
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    entry = tool.model.objects.get(owner=client_alice)
    assert response.url == entry.get_absolute_url()

    listing = client.get(reverse(tool.list_name))
    assert SHOWN[key] in listing.content.decode()
    assert client.get(entry.get_absolute_url()).status_code == 200

    edit_url = reverse(tool.edit_name, args=[entry.public_id])
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, edit_data(key))
    assert response.status_code == 302, response.context["form"].errors

    delete_url = reverse(tool.delete_name, args=[entry.public_id])
    page = client.get(delete_url)
    assert page.status_code == 200 and "cannot be undone" in page.content.decode()
    assert tool.model.objects.filter(pk=entry.pk).exists()  # asking is not deleting
    assert client.post(delete_url).status_code == 302
    assert not tool.model.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("key", ALL_TOOLS)
def test_another_client_gets_404_for_every_page_of_my_entry(key, signed_in, client_alice, stranger_eve):
    entry = make_one(key, client_alice)
    client = signed_in(stranger_eve)
    tool = BY_KEY[key]
    for url in urls_for(key, entry)[1:]:
        if url.endswith("/new/"):
            continue
        assert client.get(url).status_code == 404, url
    assert client.post(reverse(tool.delete_name, args=[entry.public_id])).status_code == 404
    assert tool.model.objects.filter(pk=entry.pk).exists()  # Alice's entry is untouched


@pytest.mark.parametrize("key", SIMPLE)
def test_another_client_cannot_edit_my_entry(key, signed_in, client_alice, stranger_eve):
    entry = make_one(key, client_alice)
    client = signed_in(stranger_eve)
    response = client.post(reverse(BY_KEY[key].edit_name, args=[entry.public_id]), edit_data(key))
    assert response.status_code == 404


@pytest.mark.parametrize("key", ALL_TOOLS)
def test_a_partner_may_use_the_tools_for_themselves(key, signed_in, partner_bob):
    entry = make_one(key, partner_bob)
    client = signed_in(partner_bob)
    for url in urls_for(key, entry):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", ["therapist_tess", "staff_sam"])
@pytest.mark.parametrize("key", ALL_TOOLS)
def test_therapists_and_staff_do_not_use_the_tools_pages(key, role, request, signed_in, client_alice):
    entry = make_one(key, client_alice)
    client = signed_in(request.getfixturevalue(role))
    for url in urls_for(key, entry):
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("key", ALL_TOOLS)
def test_signed_out_visitors_are_sent_to_sign_in(key, client, client_alice):
    entry = make_one(key, client_alice)
    for url in urls_for(key, entry):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url, url


def test_the_index_lists_every_tool_and_the_timers(signed_in, client_alice):
    page = signed_in(client_alice).get(reverse("exercises:index")).content.decode()
    for tool in BY_KEY.values():
        if tool.show_in_index:
            assert reverse(tool.list_name) in page
    assert reverse("exercises:timer_index") in page


def test_a_malformed_uuid_is_a_404_not_a_500(signed_in, client_alice):
    assert signed_in(client_alice).get("/tools/trust-history/not-a-uuid/").status_code == 404
