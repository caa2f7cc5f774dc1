from django.urls import path

from trustrepair.meetings import views

app_name = "meetings"

urlpatterns = [
    path("<uuid:appointment_id>/", views.appointment, name="appointment"),
    path("<uuid:appointment_id>/setup/", views.setup, name="setup"),
    path("<uuid:appointment_id>/second-client/", views.add_second_client, name="add_second_client"),
    path("<uuid:appointment_id>/family/", views.add_family_member, name="add_family_member"),
    path("<uuid:appointment_id>/notes/", views.notes, name="notes"),
    path("participants/<uuid:participant_id>/remove/", views.remove_participant, name="remove_participant"),
]
