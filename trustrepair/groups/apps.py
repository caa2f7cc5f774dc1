from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "trustrepair.groups"
    label = "groups"
    verbose_name = "Therapy groups"

    def ready(self):
        from trustrepair.core import privacy
        from trustrepair.groups import services

        privacy.register(
            "groups.membership",
            export=services.export_groups,
            erase=services.erase_groups,
            label="Groups",
            description="The groups you joined, the name you used there, when you came, and your notes.",
        )
