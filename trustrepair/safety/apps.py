from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "trustrepair.safety"
    label = "safety"
    verbose_name = "Safety"

    def ready(self):
        from trustrepair.core import privacy
        from trustrepair.safety import services
        from trustrepair.safety.models import SafetyPlan

        privacy.register(
            "safety.plan",
            export=services.export_plan,
            erase=services.erase_plan,
            label="Safety plan",
            description="The steps, people and places you wrote down for a hard time.",
            sensitive=True,
            fields={**dict(SafetyPlan.SECTIONS), "reviewed_at": "Last looked at"},
        )
        privacy.register(
            "safety.risk_events",
            export=services.export_risk_events,
            erase=services.erase_risk_events,
            label="Times help was shown",
            description="When crisis support was shown to you, the words that brought it up, and how it closed.",
            sensitive=True,
            fields={"created_at": "When", "source": "Where"},
        )
        privacy.register(
            "safety.gentle_questions",
            export=services.export_gentle_questions,
            erase=services.erase_gentle_questions,
            label="Gentle questions after a hard moment",
            description="The questions asked after something you wrote, and your answers.",
            sensitive=True,
            fields={"source": "Where"},
        )
