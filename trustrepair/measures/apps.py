from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "trustrepair.measures"
    label = "measures"
