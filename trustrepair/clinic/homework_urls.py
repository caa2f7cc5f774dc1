from django.urls import path

from trustrepair.clinic import homework_views as views

app_name = "homework"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("<uuid:assignment_id>/done/", views.done, name="done"),
    path("<uuid:assignment_id>/not-done/", views.not_done, name="not_done"),
    path("<uuid:assignment_id>/withdraw/", views.cancel, name="cancel"),
    path("clients/<uuid:relationship_id>/", views.client_homework, name="client"),
]
