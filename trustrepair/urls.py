from django.contrib import admin
from django.urls import include, path

from trustrepair.accounts import mfa_views

# admin.site is core.admin_site.TrustRepairAdminSite: signed in through allauth, and only in a session that
# passed MFA.

urlpatterns = [
    path("", include("trustrepair.core.urls")),
    # allauth's MFA set-up views, carrying a safe `next` back to the page that asked for MFA (accounts/mfa_views.py).
    path("accounts/2fa/totp/activate/", mfa_views.activate_totp, name="mfa_activate_totp"),
    path("accounts/2fa/recovery-codes/", mfa_views.view_recovery_codes, name="mfa_view_recovery_codes"),
    path("accounts/", include("allauth.urls")),
    path("account/", include("trustrepair.accounts.urls")),
    path("learn/", include("trustrepair.learn.urls")),
    path("help/", include("trustrepair.safety.urls")),
    path("measures/", include("trustrepair.measures.urls")),
    path("program/", include("trustrepair.program.urls")),
    path("tools/", include("trustrepair.exercises.urls")),
    path("therapists/", include("trustrepair.directory.urls")),
    path("booking/", include("trustrepair.booking.urls")),
    path("updates/", include("trustrepair.notifications.urls")),
    path("care/homework/", include("trustrepair.clinic.homework_urls")),
    path("care/", include("trustrepair.clinic.urls")),
    path("together/", include("trustrepair.couples.urls")),
    path("messages/", include("trustrepair.messaging.urls")),
    path("groups/", include("trustrepair.groups.urls")),
    path("meet/", include("trustrepair.meetings.urls")),
    path("outcomes/", include("trustrepair.outcomes.urls")),
    path("admin/", admin.site.urls),
]
