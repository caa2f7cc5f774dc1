from django.urls import path

from trustrepair.messaging import views

app_name = "messaging"

urlpatterns = [
    path("", views.threads, name="threads"),
    path("with/<uuid:relationship_id>/", views.thread_with_therapist, name="with_therapist"),
    path("clients/<uuid:relationship_id>/", views.thread_with_client, name="with_client"),
]
