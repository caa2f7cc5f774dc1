from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "trustrepair.measures"
    label = "measures"
    verbose_name = "Measures"

    def ready(self):
        from trustrepair.core import privacy
        from trustrepair.measures import fhir, registry, services

        registry.all_instruments()  # a broken instrument file stops start-up, naming the file and field
        privacy.register(
            "measures",
            export=services.export_measures,
            erase=services.erase_measures,
            label="Questionnaire answers",
            description="Each questionnaire you finished, with your answers and scores.",
            copy=services.copy_measures,
            fhir=fhir.responses_for,
        )
