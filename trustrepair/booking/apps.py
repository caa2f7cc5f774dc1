from django.apps import AppConfig


class BookingConfig(AppConfig):
    name = "trustrepair.booking"
    label = "booking"
    verbose_name = "Booking"

    def ready(self):
        import logging

        from trustrepair.booking import services
        from trustrepair.booking.access_log import RedactFeedTokens
        from trustrepair.core import privacy

        for name in ("django.request", "django.server"):  # they write request paths: keep feed tokens out
            logging.getLogger(name).addFilter(RedactFeedTokens())

        privacy.register(
            "booking.appointments",
            export=services.export_booking,
            erase=services.erase_booking,
            label="Appointments",
            description="Appointments you booked or gave, what you told the therapist, and each change.",
        )
