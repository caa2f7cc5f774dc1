from django.urls import path

from trustrepair.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.directory, name="list"),
    path("find/", views.find, name="find"),
    path("me/", views.my_profile, name="my_profile"),
    path("me/photo/", views.my_photo, name="my_photo"),
    path("me/photo/remove/", views.my_photo_remove, name="my_photo_remove"),
    path("me/licences/new/", views.my_licence_add, name="my_licence_add"),
    path("me/licences/<uuid:public_id>/remove/", views.my_licence_remove, name="my_licence_remove"),
    path("photo/<str:digest>.webp", views.photo, name="photo"),
    path("staff/therapists/", views.staff_therapists, name="staff_therapists"),
    path("staff/<uuid:public_id>/suspend/", views.staff_suspend, name="staff_suspend"),
    path("staff/<uuid:public_id>/reinstate/", views.staff_reinstate, name="staff_reinstate"),
    path("staff/<uuid:public_id>/unlist/", views.staff_unlist, name="staff_unlist"),
    path("staff/<uuid:public_id>/relist/", views.staff_relist, name="staff_relist"),
    path("staff/licences/<uuid:public_id>/verify/", views.staff_licence_verify, name="staff_licence_verify"),
    path("staff/licences/<uuid:public_id>/reject/", views.staff_licence_reject, name="staff_licence_reject"),
    path("staff/", views.staff_queue, name="staff_queue"),
    path("staff/terms/", views.staff_term_add, name="staff_term_add"),
    path("staff/terms/<str:kind>/<slug:slug>/", views.staff_term_toggle, name="staff_term_toggle"),
    path("staff/import/", views.staff_import, name="staff_import"),
    path("staff/export.csv", views.staff_export, name="staff_export"),
    path("staff/<uuid:public_id>/", views.staff_review, name="staff_review"),
    path("<uuid:public_id>/", views.profile, name="profile"),
]
