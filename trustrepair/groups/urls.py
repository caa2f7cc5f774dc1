from django.urls import path

from trustrepair.groups import views

app_name = "groups"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("join/", views.join, name="join"),
    path("<uuid:group_id>/", views.group, name="group"),
    path("<uuid:group_id>/leave/", views.leave, name="leave"),
    path("run/", views.run, name="run"),
    path("run/<uuid:group_id>/", views.run_group, name="run_group"),
    path("run/<uuid:group_id>/code/", views.new_code, name="new_code"),
    path("run/<uuid:group_id>/sessions/", views.add_session, name="add_session"),
    path("run/<uuid:group_id>/members/<uuid:member_id>/remove/", views.remove_member, name="remove_member"),
    path("sessions/<uuid:session_id>/", views.session, name="session"),
    path("sessions/<uuid:session_id>/cancel/", views.cancel_session, name="cancel_session"),
]
