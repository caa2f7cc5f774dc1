from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "trustrepair.learn"
    label = "learn"
