from django.apps import AppConfig


class ProgramConfig(AppConfig):
    name = "trustrepair.program"
    label = "program"

    def ready(self):
        from trustrepair.core import privacy
        from trustrepair.program import services

        privacy.register(
            "program",
            export=services.export_program,
            erase=services.erase_program,
            label="Program progress",
            description="Where you are in the program, the lessons you finished, and setbacks you noted.",
        )
