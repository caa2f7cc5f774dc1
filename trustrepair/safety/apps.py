from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "trustrepair.safety"
    label = "safety"
