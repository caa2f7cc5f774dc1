from django.urls import path

from trustrepair.program import views

app_name = "program"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("enrol/", views.enrol, name="enrol"),
    path("today/", views.today, name="today"),
    path("phase/", views.choose_phase, name="choose_phase"),
    path("insights/", views.insights_page, name="insights"),
    path("summary/", views.summary_page, name="summary"),
    path("setback/", views.setback_new, name="setback_new"),
    path("setbacks/<uuid:public_id>/", views.setback_detail, name="setback_detail"),
    path("setbacks/<uuid:public_id>/delete/", views.setback_delete, name="setback_delete"),
    path("<slug:phase>/", views.phase_detail, name="phase"),
    path("<slug:phase>/<slug:module>/<slug:lesson>/", views.lesson_detail, name="lesson"),
    path("<slug:phase>/<slug:module>/<slug:lesson>/done/", views.lesson_done, name="lesson_done"),
    path("<slug:phase>/<slug:module>/<slug:lesson>/reflect/", views.lesson_reflect, name="lesson_reflect"),
]
