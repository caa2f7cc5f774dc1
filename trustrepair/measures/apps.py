from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "trustrepair.measures"
    label = "measures"
    verbose_name = "Measures"

    def ready(self):
        from trustrepair.core import privacy
        from trustrepair.measures import registry, services

        registry.all_instruments()  # a broken instrument file stops start-up, naming the file and field
        privacy.register("measures", export=services.export_measures, erase=services.erase_measures)
