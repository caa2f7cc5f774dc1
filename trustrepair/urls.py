from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

# The admin signs in through allauth, so MFA and rate limits apply there too.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "TrustRepair administration"

urlpatterns = [
    path("", include("trustrepair.core.urls")),
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
    path("admin/", admin.site.urls),
]
