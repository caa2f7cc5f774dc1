"""Hooks other apps may listen to, without safety importing them (DESIGN: signals for cross-cutting hooks).

`risk_event_recorded(sender=RiskEvent, event=..., origin=...)` is sent once per new RiskEvent, inside the
transaction that wrote it; `origin` is "screen", "questionnaire" or "question" (services._record).
"""

from django.dispatch import Signal

risk_event_recorded = Signal()
