"""The Django admin, for the operator: staff accounts whose session passed MFA, and nothing clinical."""

from functools import update_wrapper

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.shortcuts import redirect

from trustrepair.core.access import mfa_required_response, session_passed_mfa


class TrustRepairAdminSite(admin.AdminSite):
    site_header = "TrustRepair administration"
    site_title = "TrustRepair administration"

    def has_permission(self, request) -> bool:
        return super().has_permission(request) and session_passed_mfa(request)

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def mfa_first(request, *args, **kwargs):
            user = request.user
            if user.is_active and user.is_staff:
                refused = mfa_required_response(request)
                if refused is not None:
                    return refused
            return inner(request, *args, **kwargs)

        return update_wrapper(mfa_first, inner)

    def login(self, request, extra_context=None):
        # Signing in goes through allauth (its rate limits, then MFA). The admin's own password form is
        # never offered: a signed-in operator is sent on, where MFA is asked for if this session lacks it.
        if request.user.is_authenticated and request.user.is_active and request.user.is_staff:
            return redirect("admin:index")
        return secure_admin_login(super().login)(request, extra_context)
