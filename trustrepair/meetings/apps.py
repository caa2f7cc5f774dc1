from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "trustrepair.meetings"
    label = "meetings"
    verbose_name = "How sessions meet, and who is in them"

    def ready(self):
        from trustrepair.core import privacy
        from trustrepair.meetings import services

        privacy.register(
            "meetings.sessions",
            export=services.export_meetings,
            label="How sessions meet",
            description="How each appointment meets, and who else was there.",
            fields={"how": "How it meets", "also_present": "Also there"},
        )
