from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "trustrepair.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from trustrepair.core import audit, page_versions, privacy

        # Any row naming a person, written anywhere, moves their page version (core.page_versions).
        page_versions.connect_receivers()

        # Audit events stay with the practice on erasure (their link to the person is cleared); the person's
        # download includes who looked, as the Your-data page shows it.
        privacy.register(
            "who_looked",
            export=audit.export_who_looked,
            copy=audit.copy_who_looked,
            fields={"who": "Who", "did": "What they did", "what": "What they looked at", "why": "Why"},
            label="Who looked at your information",
            description="Each time someone other than you opened or changed your information, and why.",
        )
