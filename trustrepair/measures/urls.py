from django.urls import path

from trustrepair.measures import views

app_name = "measures"
urlpatterns = [
    path("", views.index, name="index"),
    path("profile/", views.profile, name="profile"),
    path("results/<uuid:public_id>/", views.result, name="result"),
    path("results/<uuid:public_id>/correct/", views.correct, name="correct"),
    path("results/<uuid:public_id>/fhir.json", views.result_fhir, name="result_fhir"),
    path("<slug:instrument_id>/", views.about, name="about"),
    path("<slug:instrument_id>/take/", views.take, name="take"),
    path("<slug:instrument_id>/take/autosave/", views.autosave, name="autosave"),
    path("<slug:instrument_id>/history/", views.history, name="history"),
    path("<slug:instrument_id>/schedule/", views.schedule, name="schedule"),
    path("<slug:instrument_id>/fhir.json", views.questionnaire_fhir, name="questionnaire_fhir"),
]
