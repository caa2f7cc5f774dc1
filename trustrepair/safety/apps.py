from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "trustrepair.safety"
    label = "safety"
    verbose_name = "Safety"

    def ready(self):
        from trustrepair.core import privacy
        from trustrepair.safety import services

        privacy.register("safety.plan", export=services.export_plan, erase=services.erase_plan)
        privacy.register("safety.risk_events", export=services.export_risk_events, erase=services.erase_risk_events)
        privacy.register(
            "safety.gentle_questions", export=services.export_gentle_questions, erase=services.erase_gentle_questions
        )
