from django.apps import AppConfig


class BookingConfig(AppConfig):
    name = "trustrepair.booking"
    label = "booking"
