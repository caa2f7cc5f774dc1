from django.urls import path

from trustrepair.safety import views

app_name = "safety"
urlpatterns = [
    path("crisis/", views.crisis, name="crisis"),
    path("safety-plan/", views.plan, name="plan"),
    path("safety-plan/edit/", views.plan_edit, name="plan_edit"),
    path("safety-plan/read/", views.plan_reviewed, name="plan_reviewed"),
    path("safe-now/", views.safe_now, name="safe_now"),
    path("panel/fold/", views.fold, name="fold"),
    path("question/<uuid:public_id>/answer/", views.answer, name="answer"),
    path("check-in/<uuid:public_id>/", views.follow_up, name="follow_up"),
]
