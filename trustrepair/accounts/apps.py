from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "trustrepair.accounts"
    label = "accounts"

    def ready(self):
        from allauth.account.signals import password_changed, password_reset, password_set
        from allauth.mfa.signals import authenticator_added

        from trustrepair.accounts import mfa, receivers, services
        from trustrepair.core import fields, privacy

        # The account row itself is deleted last by privacy.erase_user; consents go with it.
        privacy.register(
            "account",
            export=services.export_account,
            erase=services.erase_account_traces,
            label="Your account",
            description="Your email address, name, settings, and the agreements you gave or withdrew.",
            fields={"discreet_titles": "Plain page titles", "discreet_mfa_issuer": "Plain name in your code app"},
        )
        fields.register_rotation("mfa.Authenticator secrets", mfa.rotate_secrets)

        authenticator_added.connect(receivers.on_authenticator_added, dispatch_uid="trustrepair-mfa-added")
        password_changed.connect(receivers.on_password_changed, dispatch_uid="trustrepair-password-changed")
        password_set.connect(receivers.on_password_changed, dispatch_uid="trustrepair-password-set")
        password_reset.connect(receivers.on_password_reset, dispatch_uid="trustrepair-password-reset")
