from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "trustrepair.clinic"
    label = "clinic"
    verbose_name = "Care team"

    def ready(self):
        from trustrepair.clinic import data_rights, pages, receivers, scopes
        from trustrepair.safety import selectors as safety_selectors

        scopes.register_builtin_scopes()
        receivers.connect()
        data_rights.register_all()
        safety_selectors.register_care_lines(pages.care_lines)
