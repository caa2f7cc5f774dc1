from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "trustrepair.directory"
    label = "directory"

    def ready(self):
        from trustrepair.core import privacy
        from trustrepair.directory import services

        privacy.register("directory.therapist_profile", export=services.export_profile, erase=services.erase_profile)
