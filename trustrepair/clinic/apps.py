from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "trustrepair.clinic"
    label = "clinic"
    verbose_name = "Care team"

    def ready(self):
        from trustrepair.clinic import data_rights, receivers, scopes

        scopes.register_builtin_scopes()
        receivers.connect()
        data_rights.register_all()
