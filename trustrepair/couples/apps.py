from django.apps import AppConfig


class CouplesConfig(AppConfig):
    name = "trustrepair.couples"
    label = "couples"
    verbose_name = "Couples"

    def ready(self):
        from trustrepair.couples import data_rights, therapist

        data_rights.register()
        therapist.register_scope()
