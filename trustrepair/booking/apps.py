from django.apps import AppConfig


class BookingConfig(AppConfig):
    name = "trustrepair.booking"
    label = "booking"
    verbose_name = "Booking"

    def ready(self):
        from trustrepair.booking import services
        from trustrepair.core import privacy

        privacy.register("booking.appointments", export=services.export_booking, erase=services.erase_booking)
