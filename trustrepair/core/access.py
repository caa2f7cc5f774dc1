"""Every view declares who may see it, with exactly one of these decorators.

A test walks the URLconf and fails on any view without `access_rule`, so no view can forget.
Objects are still fetched through selectors that filter by owner or consent; these decorators
decide only who may reach the view at all.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required as django_login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

ROLES_THAT_NEED_MFA = {"therapist", "staff"}
ROLES_THAT_NEED_HEALTH_CONSENT = {"client", "partner"}


def _mark(view, rule: str):
    view.access_rule = rule
    return view


def public(view):
    """Anyone, signed in or not."""
    return _mark(view, "public")


def login_required(view):
    """Any signed-in person, whatever their role."""
    return _mark(django_login_required(view), "login")


def has_mfa(user) -> bool:
    from allauth.mfa.utils import is_mfa_enabled

    from trustrepair.accounts.backends import request_state

    loaded = request_state(user, "has_mfa")  # read with the person, this request
    return loaded if loaded is not None else is_mfa_enabled(user)


def session_passed_mfa(request) -> bool:
    """Whether *this* session passed a second factor: at sign-in, on re-authentication, or by turning MFA on.

    allauth records each method used in the session; having MFA on is not enough, since a session signed in
    with the password before MFA was turned on would otherwise keep its access.
    """
    from allauth.account.authentication import get_authentication_records

    return any(record.get("method") == "mfa" for record in get_authentication_records(request, request.user))


def mfa_required_response(request):
    """Where to send a signed-in person who must pass MFA first, or None when this session has."""
    back_here = urlencode({"next": request.get_full_path()})
    if not has_mfa(request.user):
        # The page asked for rides along: after set-up (accounts/mfa_views.py) the person comes back to it.
        messages.info(
            request,
            "This page holds other people's care, so it asks for a code from your phone as well as your password."
            " Setting that up takes about two minutes; then we'll bring you straight back here.",
        )
        return redirect(f"{reverse('mfa_activate_totp')}?{back_here}")
    if not session_passed_mfa(request):
        messages.info(request, "One more step for this page: the code your authenticator app shows now.")
        return redirect(f"{reverse('mfa_reauthenticate')}?{back_here}")
    return None


def has_health_data_consent(user) -> bool:
    from trustrepair.accounts.backends import request_state
    from trustrepair.accounts.services import has_consent

    loaded = request_state(user, "has_health_data_consent")  # read with the person, this request
    return loaded if loaded is not None else has_consent(user, "health_data")


def role_required(*roles: str):
    """Signed-in people whose role is one of `roles`.

    Therapists and staff must also have MFA on and have passed it in this session; clients and partners must
    have agreed to the storing of what they write (health_data consent).
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if user.role not in roles:
                raise PermissionDenied("This page is not part of your account.")
            if user.role in ROLES_THAT_NEED_MFA:
                # This session must have passed MFA, not merely the person have it on (see session_passed_mfa).
                refused = mfa_required_response(request)
                if refused is not None:
                    return refused
            if user.role in ROLES_THAT_NEED_HEALTH_CONSENT and not has_health_data_consent(user):
                # Consent is read on every request, so withdrawing it takes effect at once.
                messages.info(request, "These tools keep what you write. Please agree to that first, or read on.")
                return redirect("accounts:consents")
            return view(request, *args, **kwargs)

        return _mark(django_login_required(wrapper), "role:" + ",".join(sorted(roles)))

    return decorator


client_required = role_required("client")
member_required = role_required("client", "partner")
therapist_required = role_required("therapist")
staff_required = role_required("staff")
