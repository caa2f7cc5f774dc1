from django.apps import AppConfig


class ExercisesConfig(AppConfig):
    name = "trustrepair.exercises"
    label = "exercises"
