"""The URL × role matrix for the couples pages with an object in the address: each role gets the declared
access, and a stranger (linked to someone else, or not at all) or a therapist sees nothing of the couple's."""

import pytest

from trustrepair.core.tests.test_access_rules import ROLE_KEYS, expected_outcome, outcome
from trustrepair.core.tests.urlwalk import own_views
from trustrepair.couples import services
from trustrepair.couples.tests.helpers import link_and_open

pytestmark = pytest.mark.django_db
SECRET = "the words only Bob and Alice may read"


@pytest.fixture
def object_pages(client_alice, partner_bob, couple):
    window, _ = services.propose_window(client_alice, couple=couple, question=SECRET, minutes=10)
    rupture, _ = services.log_rupture(partner_bob, couple=couple, sharing="both", felt=SECRET)
    w, r = window.public_id, rupture.public_id
    rules = {route: callback.access_rule for route, callback in own_views() if route.startswith("together/")}
    pages = [
        (f"/together/window/{w}/", rules["together/window/<uuid:public_id>/"]),
        (f"/together/window/{w}/live/", rules["together/window/<uuid:public_id>/live/"]),
        (f"/together/repair/{r}/", rules["together/repair/<uuid:public_id>/"]),
        ("/together/my-space/answering-reassurance/", rules["together/my-space/<slug:slug>/"]),
    ]
    return pages


@pytest.mark.parametrize("stranger_linked", [False, True])
def test_each_role_gets_the_declared_access_and_only_the_couple_sees_its_pages(
    client, cast, object_pages, stranger_linked, db
):
    from conftest import make_user

    if stranger_linked:
        link_and_open(cast["stranger"], make_user("fred@example.test", "partner", name="Fred"))
    mismatches = []
    for role in [*ROLE_KEYS, "stranger"]:
        client.logout()
        if cast[role] is not None:
            client.force_login(cast[role])
        for path, rule in object_pages:
            response = client.get(path)
            want = expected_outcome(rule, role if role != "stranger" else "client")
            got = outcome(response)
            if got != want and not (role == "stranger" and response.status_code == 404):
                mismatches.append(f"{role} GET {path} ({rule}): wanted {want}, got {got}")
            if role not in ("client", "partner") and SECRET in response.content.decode():
                mismatches.append(f"{role} saw the couple's words at {path}")
    assert mismatches == []


def test_a_therapist_without_the_couples_scope_gets_no_shared_items(client_alice, partner_bob, therapist_tess, couple):
    from trustrepair.couples.therapist import shared_items_for

    services.log_rupture(partner_bob, couple=couple, sharing="both", felt=SECRET)
    assert shared_items_for(therapist_tess, client_alice) == []
    assert shared_items_for(therapist_tess, partner_bob) == []


def test_the_clinic_scope_reader_needs_both_parts_shared(client_alice, partner_bob, couple):
    from django.apps import apps

    if not apps.is_installed("trustrepair.clinic"):
        pytest.skip("the clinic app (issue 13) is not installed on this branch")
    from trustrepair.clinic import scopes

    scope = scopes.get("couples")
    rupture, _ = services.log_rupture(partner_bob, couple=couple, sharing="therapist", felt=SECRET)
    assert scope.read(client_alice) == [] and scope.read(partner_bob) == []
    mine = rupture.parts.get(owner=client_alice)
    services.save_rupture_part(client_alice, mine, sharing="therapist", felt="I felt scared")
    bob_items = scope.read(partner_bob)
    assert len(bob_items) == 1 and SECRET in str(bob_items[0].lines)
    assert "I felt scared" not in str(bob_items[0].lines)  # Alice's words show on Alice's page only
    services.set_sharing(mine, sharing="private")  # revoked: gone at once
    assert scope.read(partner_bob) == []
