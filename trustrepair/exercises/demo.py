"""Demo entries for the demo client (run by `manage.py seed_demo`; idempotent: only when she has none)."""

from trustrepair.exercises import factories
from trustrepair.exercises.models import TrustEvent


def seed(cast) -> None:
    client = cast["client"]
    if TrustEvent.objects.filter(owner=client).exists():
        return
    factories.make_trust_events(client, 5)
    factories.make_trigger_logs(client, 21)
    factories.make_thought_records(client, 4)
    factories.make_fear_predictions(client, 8)
    factories.make_ladder_steps(client, 6)
    factories.make_core_beliefs(client, 2)
    factories.make_journal_entries(client, 4)
    factories.make_evidence_bricks(client, 18)
    factories.make_self_promises(client, 2, days=14)
    factories.make_need_statements(client, 5)
    factories.make_communication_scripts(client, 1)
