from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "trustrepair.accounts"
    label = "accounts"

    def ready(self):
        from trustrepair.accounts import services
        from trustrepair.core import privacy

        # The account row itself is deleted last by privacy.erase_user; consents go with it.
        privacy.register("account", export=services.export_account)
