from django.urls import path

from trustrepair.couples import views

app_name = "couples"
urlpatterns = [
    path("", views.home, name="home"),
    path("invite/code/", views.invite_code, name="invite_code"),
    path("invite/email/", views.invite_email, name="invite_email"),
    path("join/", views.join, name="join"),
    path("unlink/", views.unlink, name="unlink"),
    path("screen/", views.screen, name="screen"),
    path("not-safe/", views.unsafe, name="unsafe"),
    path("sign-out-other-devices/", views.sign_out_others, name="sign_out_others"),
    path("window/new/", views.window_new, name="window_new"),
    path("window/<uuid:public_id>/", views.window, name="window"),
    path("window/<uuid:public_id>/live/", views.live, name="window_live"),
    path("window/<uuid:public_id>/accept/", views.window_accept, name="window_accept"),
    path("window/<uuid:public_id>/not-now/", views.window_decline, name="window_decline"),
    path("window/<uuid:public_id>/present/", views.window_present, name="window_present"),
    path("window/<uuid:public_id>/rate/", views.window_rate, name="window_rate"),
    path("window/<uuid:public_id>/continue/", views.window_continue, name="window_continue"),
    path("window/<uuid:public_id>/end/", views.window_end, name="window_end"),
    path("window/<uuid:public_id>/reflection/", views.window_reflection, name="window_reflection"),
    path("repair/", views.repair, name="repair"),
    path("repair/new/", views.rupture_new, name="rupture_new"),
    path("repair/cycle/", views.cycle, name="cycle"),
    path("repair/<uuid:public_id>/", views.rupture, name="rupture"),
    path("repair/<uuid:public_id>/repaired/", views.rupture_repaired, name="rupture_repaired"),
    path("check-in/", views.check_in, name="check_in"),
    path("my-space/", views.own_space, name="own_space"),
    path("my-space/<slug:slug>/", views.lesson, name="lesson"),
]
