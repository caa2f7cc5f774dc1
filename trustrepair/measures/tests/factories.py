import datetime

from django.utils import timezone

from trustrepair.measures import registry, services


def answers(values, start=1):
    return {str(n): v for n, v in enumerate(values, start=start)}


def take(user, instrument_id, values, *, weeks_ago=0, **kwargs):
    instrument = registry.get(instrument_id)
    when = timezone.now() - datetime.timedelta(weeks=weeks_ago)
    given = values if isinstance(values, dict) else answers(values)
    return services.submit_answers(user, instrument=instrument, answers=given, completed_at=when, **kwargs)
