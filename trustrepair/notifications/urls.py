from django.urls import path

from trustrepair.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.updates, name="updates"),
]
