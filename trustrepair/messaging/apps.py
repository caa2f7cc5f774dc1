from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "trustrepair.messaging"
    label = "messaging"
    verbose_name = "Secure messages"

    def ready(self):
        from trustrepair.core import privacy
        from trustrepair.messaging import services

        privacy.register(
            "messaging.messages",
            export=services.export_messages,
            erase=services.restrict_messages,
            label="Messages with your therapist",
            description="The messages you and a therapist sent each other.",
        )
