from django.apps import AppConfig


class ProgramConfig(AppConfig):
    name = "trustrepair.program"
    label = "program"
