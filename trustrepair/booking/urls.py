from django.urls import path

from trustrepair.booking import views

app_name = "booking"
urlpatterns = [
    path("", views.my_appointments, name="mine"),
    path("with/<uuid:therapist_id>/", views.book, name="book"),
    path("with/<uuid:therapist_id>/consultation/", views.book, {"kind": "consultation"}, name="request_consultation"),
    path("with/<uuid:therapist_id>/details/", views.intake, name="intake"),
    path("appointments/<uuid:public_id>/", views.appointment, name="appointment"),
    path("appointments/<uuid:public_id>/decide/", views.decide, name="decide"),
    path("appointments/<uuid:public_id>/cancel/", views.cancel, name="cancel"),
    path("appointments/<uuid:public_id>/move/", views.reschedule, name="reschedule"),
    path("appointments/<uuid:public_id>/calendar.ics", views.appointment_ics, name="appointment_ics"),
    path("practice/", views.therapist_appointments, name="therapist_appointments"),
    path("practice/availability/", views.availability, name="availability"),
    path("practice/availability/settings/", views.availability_settings, name="availability_settings"),
    path("practice/availability/hours/", views.open_hours_add, name="open_hours_add"),
    path("practice/availability/hours/<int:rule_id>/remove/", views.open_hours_remove, name="open_hours_remove"),
    path("practice/availability/time-off/", views.time_off_add, name="time_off_add"),
    path("practice/availability/time-off/<int:time_off_id>/remove/", views.time_off_remove, name="time_off_remove"),
    path("practice/availability/feed-address/", views.feed_address_new, name="feed_address_new"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
]
