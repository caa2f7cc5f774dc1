"""Staff manage verified therapists in the product: list, search, suspend, unlist, each with a reason kept,
and the therapist told (neutrally) of each decision."""

import re

import pytest
from django.urls import reverse

from trustrepair.booking.models import Appointment
from trustrepair.booking.tests.helpers import book, open_every_day, upcoming_slots
from trustrepair.directory.models import StaffDecision, TherapistProfile
from trustrepair.directory.tests.factories import make_profile, make_therapist

pytestmark = pytest.mark.django_db
LIST = reverse("directory:staff_therapists")


@pytest.fixture
def tess(therapist_tess, staff_sam):
    return make_profile(therapist_tess, verified_by=staff_sam, name="Tess Rivera")


def test_staff_list_and_search_by_name_email_or_licence_number(client, staff_sam, tess):
    make_therapist("other@example.test", verified_by=staff_sam, name="Omar Other")
    client.force_login(staff_sam)
    page = client.get(LIST).text
    assert "Tess Rivera" in page and "Omar Other" in page
    assert "Omar Other" not in client.get(LIST, {"q": "rivera"}).text
    assert "Tess Rivera" in client.get(LIST, {"q": "tess@example"}).text
    number = tess.licences.get().number
    found = client.get(LIST, {"q": number}).text
    assert "Tess Rivera" in found and "Omar Other" not in found
    assert "Tess Rivera" not in client.get(LIST, {"status": "suspended"}).text


def test_suspending_keeps_the_reason_unlists_tells_the_therapist_and_cancels_waiting_requests(
    client, staff_sam, tess, client_alice, mailoutbox, django_capture_on_commit_callbacks
):
    schedule = open_every_day(tess.user)
    request = book(client_alice, tess.user, upcoming_slots(schedule)[0], client_place="US-NY")
    assert request.status == "requested"
    client.force_login(staff_sam)
    url = reverse("directory:staff_suspend", args=[tess.public_id])
    assert client.post(url, {"reason": ""}).status_code == 400  # a reason is required
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"reason": "Board reports a complaint under investigation."}).status_code == 302
    tess.refresh_from_db()
    assert tess.status == "suspended" and not tess.is_listed
    decision = StaffDecision.objects.get(profile=tess, action="suspended")
    assert decision.reason == "Board reports a complaint under investigation." and decision.actor == staff_sam
    assert Appointment.objects.get(pk=request.pk).status == "cancelled"
    to_tess = [m for m in mailoutbox if m.to == [tess.user.email]]
    assert to_tess and all("complaint" not in m.body for m in to_tess)  # neutral; the reason waits in the app
    assert any("suspended" in n.text for n in tess.user.notices.filter(kind="directory_decision"))
    client.force_login(tess.user)
    assert "Board reports a complaint under investigation." in client.get(reverse("directory:my_profile")).text
    client.logout()
    assert client.get(tess.get_absolute_url()).status_code == 404


def test_reinstating_lists_the_therapist_again(client, staff_sam, tess):
    client.force_login(staff_sam)
    client.post(reverse("directory:staff_suspend", args=[tess.public_id]), {"reason": "Check"})
    client.post(reverse("directory:staff_reinstate", args=[tess.public_id]), {"reason": "Cleared by the board."})
    tess.refresh_from_db()
    assert tess.status == "verified" and tess.is_listed
    assert list(tess.decisions.values_list("action", flat=True)[:2]) == ["reinstated", "suspended"]


def test_unlisting_takes_a_profile_out_without_suspending_and_relisting_puts_it_back(client, staff_sam, tess):
    client.force_login(staff_sam)
    client.post(reverse("directory:staff_unlist", args=[tess.public_id]), {"reason": "Photo under review."})
    tess.refresh_from_db()
    assert not tess.is_listed and tess.status == "verified" and tess.unlisted_by_staff
    # The therapist ticking "list me" again does not undo staff's decision.
    from trustrepair.directory import services
    from trustrepair.directory.tests.factories import profile_fields

    services.save_profile(tess.user, **profile_fields(name="Tess Rivera"))
    assert not TherapistProfile.objects.get(pk=tess.pk).is_listed
    client.post(reverse("directory:staff_relist", args=[tess.public_id]), {"reason": "Resolved."})
    assert TherapistProfile.objects.get(pk=tess.pk).is_listed


def test_staff_attach_a_compact_when_verifying_a_licence(client, staff_sam, therapist_tess):
    profile = make_profile(therapist_tess, areas=("US-PA",))
    licence = profile.licences.get()
    client.force_login(staff_sam)
    client.post(reverse("directory:staff_licence_verify", args=[licence.public_id]), {"compact": "psypact"})
    profile.refresh_from_db()
    assert "US-TX" in TherapistProfile.split(profile.remote_coverage)
    bad = client.post(reverse("directory:staff_licence_verify", args=[licence.public_id]), {"compact": "made-up"})
    assert bad.status_code == 400


def test_rejecting_a_licence_removes_it_and_keeps_why(client, staff_sam, therapist_tess):
    profile = make_profile(therapist_tess, areas=("US-NY",))
    licence = profile.licences.get()
    client.force_login(staff_sam)
    client.post(reverse("directory:staff_licence_reject", args=[licence.public_id]), {"reason": "Lapsed in 2025."})
    assert not profile.licences.exists()
    assert "Lapsed in 2025." in profile.decisions.get(action="licence_rejected").reason


def _urls(profile, licence):
    return [
        ("post", reverse("directory:staff_suspend", args=[profile.public_id])),
        ("post", reverse("directory:staff_reinstate", args=[profile.public_id])),
        ("post", reverse("directory:staff_unlist", args=[profile.public_id])),
        ("post", reverse("directory:staff_relist", args=[profile.public_id])),
        ("post", reverse("directory:staff_licence_verify", args=[licence.public_id])),
        ("post", reverse("directory:staff_licence_reject", args=[licence.public_id])),
        ("get", LIST),
    ]


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("client", 403), ("partner", 403), ("therapist", 403), ("stranger", 403), ("staff", None)],
)
def test_url_by_role_matrix_for_the_staff_tools(client, cast, role, expected, staff_sam):
    profile = make_therapist("other@example.test", verified_by=staff_sam, name="Omar Other")
    licence = profile.licences.get()
    if cast[role]:
        client.force_login(cast[role])
    for method, url in _urls(profile, licence):
        response = getattr(client, method)(url, {"reason": "Because."})
        if expected is None:
            assert response.status_code in (200, 302, 400), url
        else:
            assert response.status_code == expected, (role, url)
    if expected is not None:
        profile.refresh_from_db()
        assert profile.is_listed and not profile.decisions.exclude(action__in=["verified", "licence_verified"]).exists()


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("client", 403), ("partner", 403), ("staff", 403), ("stranger", 403), ("therapist", 302)],
)
def test_url_by_role_matrix_for_the_therapists_own_tools(client, cast, role, expected, staff_sam):
    profile = make_profile(cast["therapist"], verified_by=staff_sam)
    licence = profile.licences.get()
    if cast[role]:
        client.force_login(cast[role])
    for url in (
        reverse("directory:my_photo_remove"),
        reverse("directory:my_licence_remove", args=[licence.public_id]),
    ):
        assert client.post(url).status_code == expected, (role, url)


def test_a_therapist_cannot_remove_another_therapists_licence(client, therapist_tess, staff_sam):
    make_profile(therapist_tess, verified_by=staff_sam)
    other = make_therapist("other@example.test", verified_by=staff_sam)
    licence = other.licences.get()
    client.force_login(therapist_tess)
    client.post(reverse("directory:my_licence_remove", args=[licence.public_id]))
    assert other.licences.filter(pk=licence.pk).exists()


def test_the_staff_page_gives_every_field_its_own_id_and_puts_an_error_by_its_field(client, staff_sam, tess):
    from trustrepair.directory import services

    services.add_licence(tess.user, kind="register", body="BACP", title="MBACP", number="B-1", areas=["GB"])
    client.force_login(staff_sam)
    page = client.get(reverse("directory:staff_review", args=[tess.public_id])).text
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    response = client.post(reverse("directory:staff_unlist", args=[tess.public_id]), {"reason": ""})
    assert response.status_code == 400, response.status_code
    assert 'id="id_listing_reason_error"' in response.text, re.findall(r"id=\"(id_[^\"]+error)\"", response.text)
