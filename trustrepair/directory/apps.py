from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "trustrepair.directory"
    label = "directory"
