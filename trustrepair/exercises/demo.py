"""Demo entries for the demo client (run by `manage.py seed_demo`; idempotent: only when she has none)."""

import datetime

from django.utils import timezone

from trustrepair.exercises import factories, services
from trustrepair.exercises.models import DailyCheckIn, TrustEvent


def seed(cast) -> None:
    client = cast["client"]
    if not DailyCheckIn.objects.filter(owner=client).exists():  # issue 11: a week of check-ins, a reminder
        factories.make_daily_check_ins(client, 7)
        services.set_reminder(client, remind=True, remind_at=datetime.time(19, 30))
        services.note_use(client, today=timezone.localdate())
    if TrustEvent.objects.filter(owner=client).exists():
        return
    factories.make_trust_events(client, 5)
    factories.make_trigger_logs(client, 21)
    factories.make_thought_records(client, 6)  # enough for insights' "lower after" (5 or more)
    factories.make_fear_predictions(client, 8)
    factories.make_ladder_steps(client, 6)
    factories.make_core_beliefs(client, 2)
    factories.make_journal_entries(client, 4)
    factories.make_evidence_bricks(client, 18)
    factories.make_self_promises(client, 2, days=14)
    factories.make_need_statements(client, 5)
    factories.make_communication_scripts(client, 1)
