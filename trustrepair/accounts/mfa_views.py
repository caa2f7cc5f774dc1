"""Turning on two-factor authentication, then back to where the person was (issue 11).

A therapist or staff member who opens a clinical page without MFA is sent to set it up (core.access); the
page they asked for rides along as `next`. allauth's own activation view ends on the recovery codes (first
time) or the MFA overview; these thin subclasses carry a *safe* `next` through both, so the recovery codes
are still shown once — losing the phone without them locks a clinician out — and a "Continue" button then
takes the person back. Mounted in trustrepair/urls.py at allauth's own paths, ahead of allauth's URLs.
"""

from allauth.mfa.recovery_codes.views import ViewRecoveryCodesView
from allauth.mfa.totp.views import ActivateTOTPView
from django.utils.http import urlencode

from trustrepair.core.access import login_required
from trustrepair.core.http import safe_next


class ActivateAppView(ActivateTOTPView):
    def get_context_data(self, **kwargs) -> dict:
        return {**super().get_context_data(**kwargs), "next": safe_next(self.request)}

    def get_success_url(self) -> str:
        url = super().get_success_url()
        target = safe_next(self.request)
        if not target:
            return url
        if self.did_generate_recovery_codes:
            return f"{url}?{urlencode({'next': target})}"  # the codes first, then "Continue"
        return target


class RecoveryCodesView(ViewRecoveryCodesView):
    def get_context_data(self, **kwargs) -> dict:
        return {**super().get_context_data(**kwargs), "next": safe_next(self.request)}


# allauth's views check sign-in (and recent re-authentication) themselves; the marks say so to our URL walk.
activate_totp = login_required(ActivateAppView.as_view())
view_recovery_codes = login_required(RecoveryCodesView.as_view())
