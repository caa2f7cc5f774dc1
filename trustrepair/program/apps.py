from django.apps import AppConfig


class ProgramConfig(AppConfig):
    name = "trustrepair.program"
    label = "program"

    def ready(self):
        from trustrepair.core import privacy
        from trustrepair.program import services

        privacy.register("program", export=services.export_program, erase=services.erase_program)
