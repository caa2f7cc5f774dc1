from django.apps import AppConfig


class ExercisesConfig(AppConfig):
    name = "trustrepair.exercises"
    label = "exercises"
    verbose_name = "Tools"

    def ready(self):
        from trustrepair.exercises import data_rights

        data_rights.register_all()
