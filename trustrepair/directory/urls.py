from django.urls import path

from trustrepair.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.directory, name="list"),
    path("find/", views.find, name="find"),
    path("me/", views.my_profile, name="my_profile"),
    path("staff/", views.staff_queue, name="staff_queue"),
    path("staff/terms/", views.staff_term_add, name="staff_term_add"),
    path("staff/terms/<str:kind>/<slug:slug>/", views.staff_term_toggle, name="staff_term_toggle"),
    path("staff/import/", views.staff_import, name="staff_import"),
    path("staff/export.csv", views.staff_export, name="staff_export"),
    path("staff/<uuid:public_id>/", views.staff_review, name="staff_review"),
    path("<uuid:public_id>/", views.profile, name="profile"),
]
