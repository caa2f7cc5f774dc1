"""Demo data: the demo client's check-ins over several weeks, so history and the profile show."""

import datetime

from django.utils import timezone

from trustrepair.measures import registry, services
from trustrepair.measures.models import Administration, Schedule

PHQ9_WEEKS = [
    (10, [2, 2, 2, 2, 1, 2, 1, 1, 0]),
    (8, [2, 2, 1, 2, 1, 1, 1, 1, 0]),
    (6, [1, 2, 1, 1, 1, 1, 1, 0, 0]),
    (4, [1, 1, 1, 1, 1, 1, 0, 0, 0]),
    (2, [1, 1, 1, 0, 0, 1, 0, 0, 0]),
    (0, [0, 1, 1, 0, 0, 1, 0, 0, 0]),
]
GAD7_WEEKS = [(10, [2, 3, 2, 2, 1, 2, 2]), (6, [2, 2, 2, 1, 1, 1, 2]), (2, [1, 2, 1, 1, 0, 1, 1])]
SIGNS_WEEKS = [(10, [3, 3, 3, 4, 3, 2, 3, 2, 2, 3, 2, 2, 3]), (2, [2, 3, 2, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2])]
CAUSES = ["early_promises", "partner_infidelity", "fear_of_abandonment", "fear_thoughts"]


def _answers(values):
    return {str(n): v for n, v in enumerate(values, start=1)}


def seed(cast) -> None:
    client = cast.get("client")
    if client is None or Administration.objects.filter(owner=client).exists():
        return
    now = timezone.now()
    instruments = registry.all_instruments()

    def at(weeks_ago):
        return now - datetime.timedelta(weeks=weeks_ago, hours=2)

    for weeks, values in SIGNS_WEEKS:
        services.submit_answers(
            client, instrument=instruments["trust_signs"], answers=_answers(values), completed_at=at(weeks)
        )
    causes = instruments["causes"]
    services.submit_answers(
        client,
        instrument=causes,
        answers={i: int(i in CAUSES) for i in causes.item_ids},
        completed_at=at(10),
    )
    for weeks, values in GAD7_WEEKS:
        services.submit_answers(
            client, instrument=instruments["gad7"], answers=_answers(values), completed_at=at(weeks)
        )
    for weeks, values in PHQ9_WEEKS:
        services.submit_answers(
            client, instrument=instruments["phq9"], answers=_answers(values), completed_at=at(weeks)
        )
    services.schedule_instrument(client, instrument=instruments["phq9"], every_days=14)
    # GAD-7 planned fortnightly and last taken two weeks ago: due now, so the dashboard card shows it.
    Schedule.objects.get_or_create(
        owner=client,
        instrument_id="gad7",
        defaults={"every_days": 14, "next_due_at": at(2) + datetime.timedelta(days=14)},
    )
