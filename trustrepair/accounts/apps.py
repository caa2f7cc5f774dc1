from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "trustrepair.accounts"
    label = "accounts"

    def ready(self):
        from trustrepair.accounts import mfa, services
        from trustrepair.core import fields, privacy

        # The account row itself is deleted last by privacy.erase_user; consents go with it.
        privacy.register("account", export=services.export_account)
        fields.register_rotation("mfa.Authenticator secrets", mfa.rotate_secrets)
