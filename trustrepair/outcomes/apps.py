from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "trustrepair.outcomes"
    label = "outcomes"
    verbose_name = "Practice outcomes"
