from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "trustrepair.core"
    label = "core"
    verbose_name = "Core"
