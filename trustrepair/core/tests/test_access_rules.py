"""Every view declares who may see it, and the declaration holds for every role."""

import pytest
from django.core.exceptions import PermissionDenied

from trustrepair.core.tests.urlwalk import admin_paths, own_views, parameterless_views

ROLE_KEYS = ["anonymous", "client", "partner", "therapist", "staff"]


def test_every_view_declares_its_access_rule():
    missing = [route for route, callback in own_views() if not getattr(callback, "access_rule", None)]
    assert missing == [], f"views without @public, @login_required or a role decorator: {missing}"


def test_the_walk_finds_our_views():
    routes = {route for route, _ in own_views()}
    assert {"", "learn/", "account/data/", "help/crisis/"} <= routes


def expected_outcome(rule: str, role: str) -> str:
    if rule == "public":
        return "open"
    if role == "anonymous":
        return "login"
    if rule == "login":
        return "open"
    allowed = rule.removeprefix("role:").split(",")
    return "open" if role in allowed else "forbidden"


def outcome(response) -> str:
    if response.status_code in (200, 405):  # 405: a POST-only action, reachable
        return "open"
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return "login"
    if response.status_code == 302 and "/accounts/reauthenticate/" in response["Location"]:
        return "open"
    if response.status_code == 302 and not response["Location"].startswith(("/accounts/", "/account/consents/")):
        return "open"  # the view ran and sent the person on, e.g. to enrol first
    if response.status_code == 403:
        return "forbidden"
    return f"status {response.status_code} → {response.get('Location', '')}"


@pytest.mark.django_db
def test_each_role_gets_the_declared_access_on_every_page(client, cast):
    mismatches = []
    for role in ROLE_KEYS:
        client.logout()
        if cast[role] is not None:
            client.force_login(cast[role])
        for path, rule in parameterless_views():
            got = outcome(client.get(path))
            want = expected_outcome(rule, role)
            if got != want:
                mismatches.append(f"{role} GET {path} ({rule}): wanted {want}, got {got}")
    assert mismatches == []


@pytest.mark.django_db
def test_a_therapist_without_mfa_is_sent_to_set_it_up_first(client, therapist_tess):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.filter(user=therapist_tess).delete()
    client.force_login(therapist_tess)
    therapist_pages = [p for p, rule in parameterless_views() if rule.startswith("role:") and "therapist" in rule]
    assert therapist_pages  # e.g. the therapist's listing and appointments
    for path in therapist_pages:
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/2fa/totp/activate" in response["Location"], path


@pytest.mark.django_db
def test_withdrawing_health_data_consent_closes_the_tools_on_the_next_request(client, client_alice):
    from trustrepair.accounts.services import revoke_consent

    member_pages = [p for p, rule in parameterless_views() if rule.startswith("role:") and "client" in rule]
    assert member_pages  # e.g. the tools and the program
    client.force_login(client_alice)
    revoke_consent(client_alice, kind="health_data")
    for path in member_pages:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].endswith("/account/consents/"), path


def test_a_page_for_another_role_is_refused_with_a_kind_403(client_alice, rf):
    from django.http import HttpResponse
    from django.views.defaults import permission_denied

    from trustrepair.core.access import staff_required

    @staff_required
    def staff_only(request):
        return HttpResponse("staff")

    request = rf.get("/x/")
    request.user = client_alice
    with pytest.raises(PermissionDenied) as refused:
        staff_only(request)
    response = permission_denied(request, refused.value)
    assert response.status_code == 403
    assert "isn't part of your account" in response.content.decode()


@pytest.mark.django_db
def test_every_admin_page_needs_a_staff_session_that_passed_mfa(client, cast):
    from allauth.mfa.totp.internal.auth import TOTP

    from conftest import TOTP_SECRET, make_user

    operator = make_user("olga@example.test", "staff", name="Olga")
    operator.is_staff = operator.is_superuser = True
    operator.save(update_fields=["is_staff", "is_superuser"])
    paths = [p for p in admin_paths() if not p.startswith(("/admin/login", "/admin/logout"))]
    assert "/admin/" in paths and "/admin/accounts/user/" in paths
    mismatches = []
    for path in paths:
        client.logout()
        if not client.get(path)["Location"].startswith(("/accounts/login/", "/admin/login/")):
            mismatches.append(f"anonymous {path}")
        for role in ROLE_KEYS[1:]:  # nobody without is_staff, whatever their role or MFA
            client.force_login(cast[role])
            if client.get(path).status_code not in (302, 403):
                mismatches.append(f"{role} {path}")
    client.force_login(operator)  # the password alone: MFA is not even on
    TOTP.activate(operator, TOTP_SECRET)  # now on, but this session never passed it
    for path in paths:
        response = client.get(path)
        if response.status_code != 302 or not response["Location"].startswith("/accounts/2fa/"):
            mismatches.append(f"operator without MFA in this session {path} → {response.status_code}")
    client.force_login(operator)  # signed in again, through MFA
    for path in paths:
        if client.get(path).status_code not in (200, 403):  # 403: adding to a read-only model such as audit
            mismatches.append(f"operator with MFA {path}")
    assert mismatches == []


@pytest.mark.django_db
def test_a_clinical_session_from_before_mfa_was_turned_on_must_pass_mfa_first(client, therapist_tess):
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    from conftest import TOTP_SECRET

    Authenticator.objects.filter(user=therapist_tess).delete()
    client.force_login(therapist_tess)  # a password-only session...
    TOTP.activate(therapist_tess, TOTP_SECRET)  # ...from before MFA was turned on
    clinical = [p for p, rule in parameterless_views() if rule.startswith("role:") and "therapist" in rule]
    assert clinical
    for path in clinical:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/reauthenticate/"), path


# ---- pages with an object in the address (issue 8): the declared rule, then ownership and listing ---------
@pytest.fixture
def object_pages(cast):
    """(path, rule, who owns it) for one listed therapist's booking pages and one appointment of Alice's."""
    from trustrepair.booking.tests.helpers import book, open_every_day, upcoming_slots

    therapist, alice = cast["therapist"], cast["client"]
    schedule = open_every_day(therapist)
    start = upcoming_slots(schedule)[0]
    appointment = book(alice, therapist, start)
    profile = therapist.therapist_profile
    a = f"/booking/appointments/{appointment.public_id}"
    return [
        (f"/booking/with/{therapist.public_id}/", "role:client,partner", None),
        (
            f"/booking/with/{therapist.public_id}/details/?kind=consultation&start={start.isoformat()}",
            "role:client,partner",
            None,
        ),  # fmt: skip
        (f"{a}/", "role:client,partner,therapist", {"client", "therapist"}),
        (f"{a}/cancel/", "role:client,partner,therapist", {"client", "therapist"}),
        (f"{a}/move/", "role:client,partner,therapist", {"client", "therapist"}),
        (f"{a}/calendar.ics", "role:client,partner,therapist", {"client", "therapist"}),
        (f"/therapists/staff/{profile.public_id}/", "role:staff", None),
        (f"/therapists/{profile.public_id}/", "public", None),
    ]


@pytest.mark.django_db
def test_each_role_gets_the_declared_access_on_object_pages_and_only_owners_see_an_appointment(
    client, cast, object_pages
):
    mismatches = []
    for role in [*ROLE_KEYS, "stranger"]:
        client.logout()
        if cast[role] is not None:
            client.force_login(cast[role])
        for path, rule, owners in object_pages:
            response = client.get(path)
            want = expected_outcome(rule, role if role != "stranger" else "client")
            if want == "open" and owners is not None and role not in owners:
                want = "status 404 → "  # reachable by the role, but not theirs
            got = outcome(response)
            if got != want:
                mismatches.append(f"{role} GET {path} ({rule}): wanted {want}, got {got}")
    assert mismatches == []


@pytest.mark.django_db
@pytest.mark.parametrize("standing", ["unverified", "returned", "suspended"])
def test_a_therapist_who_is_not_listed_has_no_booking_pages_for_anyone(client, cast, standing):
    import datetime as dt

    from trustrepair.booking import selectors as booking_selectors
    from trustrepair.booking import services as booking_services
    from trustrepair.booking.tests.helpers import open_every_day
    from trustrepair.directory import services as directory_services
    from trustrepair.directory.tests.factories import make_therapist

    therapist = cast["therapist"]
    open_every_day(therapist)
    profile = therapist.therapist_profile
    if standing == "unverified":  # a profile staff never verified, with open hours of its own
        therapist = make_therapist("never-verified@example.test").user
        schedule = booking_selectors.schedule_for(therapist)
        booking_services.add_rule(schedule, weekday=0, start=dt.time(9), end=dt.time(17))
    elif standing == "returned":
        directory_services.return_profile(cast["staff"], profile=profile, note="Licence unclear.")
    else:
        directory_services.suspend_profile(cast["staff"], profile=profile, reason="on leave", for_cause=False)
    for role in ("client", "partner", "stranger"):
        client.force_login(cast[role])
        for path in (f"/booking/with/{therapist.public_id}/", f"/booking/with/{therapist.public_id}/details/"):
            assert client.get(path).status_code == 404, (standing, role, path)
