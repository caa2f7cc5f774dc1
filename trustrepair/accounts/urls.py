from django.urls import path

from trustrepair.accounts import views

app_name = "accounts"
urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("welcome/", views.welcome, name="welcome"),
    path("welcome/self-check/", views.welcome_self_check, name="welcome_self_check"),
    path("welcome/plan/", views.welcome_plan, name="welcome_plan"),
    path("consents/", views.consents, name="consents"),
    path("consents/<slug:kind>/grant/", views.consent_grant, name="consent_grant"),
    path("consents/<slug:kind>/revoke/", views.consent_revoke, name="consent_revoke"),
]
