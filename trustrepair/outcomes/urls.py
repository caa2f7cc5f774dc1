from django.urls import path

from trustrepair.outcomes import views

app_name = "outcomes"

urlpatterns = [path("", views.practice_outcomes, name="practice")]
