from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "trustrepair.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self):
        from trustrepair.core import privacy
        from trustrepair.notifications import services

        privacy.register(
            "notifications",
            export=services.export_notices,
            erase=services.erase_notices,
            label="Updates",
            description="The updates shown to you, and whether each was also emailed.",
            fields={"email": "Also emailed"},
        )
