from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from trustrepair.accounts import services as account_services
from trustrepair.accounts.models import User

DEMO_PASSWORD = "demo-trust-2026"  # noqa: S105 - the published demo password, shown only with DEBUG on
CAST = [
    ("client", "alice@demo.trustrepair.test", "Alice", User.Role.CLIENT),
    ("partner", "bob@demo.trustrepair.test", "Bob", User.Role.PARTNER),
    ("therapist", "tess@demo.trustrepair.test", "Tess Rivera", User.Role.THERAPIST),
    ("staff", "sam@demo.trustrepair.test", "Sam", User.Role.STAFF),
]
# A fixed TOTP secret for the demo therapist and staff, so a person trying the demo can add it to an
# authenticator app. Demo only: never used outside `seed_demo`.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 - demo only


class Command(BaseCommand):
    help = "Create the demo accounts (and each app's demo data). Idempotent: safe to run every start."

    def handle(self, *args, **options):
        # The demo accounts' password and TOTP secret are in this file: never create them on a real service.
        if not (settings.DEBUG or getattr(settings, "LOCAL", False)):
            raise CommandError(
                "seed_demo creates accounts with published passwords; it runs only with TRUSTREPAIR_LOCAL=1 or DEBUG=1."
            )
        with transaction.atomic():
            cast = {key: self.ensure_user(email, name, role) for key, email, name, role in CAST}
            for config in apps.get_app_configs():
                if config.name.startswith("trustrepair."):
                    try:
                        module = import_module(f"{config.name}.demo")
                    except ModuleNotFoundError as exc:
                        if exc.name != f"{config.name}.demo":
                            raise
                        continue
                    module.seed(cast)
        if settings.DEBUG:
            self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
            for _key, email, _name, role in CAST:
                self.stdout.write(f"  {role:<9} {email}")
            self.stdout.write(f"  therapist and staff use two-factor codes from the TOTP secret {DEMO_TOTP_SECRET}")
        else:
            self.stdout.write("Demo accounts are ready. Their passwords are shown only when DEBUG is on.")

    def ensure_user(self, email, name, role):
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=DEMO_PASSWORD)
            account_services.complete_signup(
                user, role=role, display_name=name, country="US", subdivision="US-NY", time_zone="America/New_York"
            )
        elif not user.place_is_complete:
            # Made before places were ISO codes: the demo cast lives in New York.
            account_services.update_profile(user, country="US", subdivision="US-NY")
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        if (
            role in (User.Role.THERAPIST, User.Role.STAFF)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            from allauth.mfa.totp.internal.auth import TOTP

            TOTP.activate(user, DEMO_TOTP_SECRET)
        return user
