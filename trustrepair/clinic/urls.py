from django.urls import path

from trustrepair.clinic import views

app_name = "clinic"

urlpatterns = [
    # the client's side
    path("", views.my_care, name="my_care"),
    path("join/", views.join, name="join"),
    path("start/<uuid:appointment_id>/", views.start_after_appointment, name="start_after_appointment"),
    path("seen/", views.who_has_seen, name="who_has_seen"),
    path("with/<uuid:relationship_id>/", views.client_care, name="client_care"),
    path("with/<uuid:relationship_id>/share/", views.share, name="share"),
    path("with/<uuid:relationship_id>/stop/", views.stop_sharing, name="stop_sharing"),
    path("with/<uuid:relationship_id>/preview/", views.preview, name="preview"),
    path("with/<uuid:relationship_id>/end/", views.end_care, name="end_care"),
    # the therapist's side
    path("caseload/", views.caseload_view, name="caseload"),
    path("codes/", views.codes, name="codes"),
    path("practice/", views.practice, name="practice"),
    path("alerts/", views.escalated_alerts, name="escalated_alerts"),
    path("alerts/<uuid:alert_id>/", views.alert, name="alert"),
    path("releases/", views.releases, name="releases"),
    path("releases/<uuid:release_id>/approve/", views.release_approve, name="release_approve"),
    path("clients/<uuid:relationship_id>/", views.client_page, name="client_page"),
    path("clients/<uuid:relationship_id>/notes/new/", views.note_new, name="note_new"),
    path("clients/<uuid:relationship_id>/private-notes/", views.private_notes, name="private_notes"),
    path("clients/<uuid:relationship_id>/release/", views.release_propose, name="release_propose"),
    path("clients/<uuid:relationship_id>/plan/", views.plan, name="plan"),
    path("clients/<uuid:relationship_id>/plan/goals/", views.goal_add, name="goal_add"),
    path("clients/<uuid:relationship_id>/assign/", views.assign_measure, name="assign_measure"),
    path("goals/<uuid:goal_id>/remove/", views.goal_remove, name="goal_remove"),
    path("notes/<uuid:note_id>/", views.note, name="note"),
    path("notes/<uuid:note_id>/sign/", views.note_sign, name="note_sign"),
    path("notes/<uuid:note_id>/addendum/", views.note_addendum, name="note_addendum"),
    # practice staff
    path("practice-alerts/", views.staff_alerts, name="staff_alerts"),
]
