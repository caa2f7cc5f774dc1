"""The care team listens to safety's one hook: a new risk event may raise an alert (services.raise_risk_alerts)."""


def _on_risk_event(sender, *, event, origin, **kwargs):
    from trustrepair.clinic import services

    services.raise_risk_alerts(event, origin=origin)


def connect() -> None:
    from trustrepair.safety.signals import risk_event_recorded

    risk_event_recorded.connect(_on_risk_event, dispatch_uid="clinic.raise_risk_alerts")
