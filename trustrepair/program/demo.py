"""Demo data: the demo client is enrolled, has finished phase 1 (so its phase story shows, with a reflection
written along the way) and is partway into core beliefs."""

import datetime

from django.utils import timezone

from trustrepair.exercises.models import JournalEntry
from trustrepair.program import curriculum
from trustrepair.program.models import Enrolment, LessonCompletion, Setback


def seed(cast) -> None:
    client = cast["client"]
    phases = curriculum.phases()
    now = timezone.now()
    Enrolment.objects.get_or_create(
        owner=client,
        defaults={
            "starting_phase": phases[0].slug,
            "current_phase": phases[1].slug,
            "started_at": now - datetime.timedelta(days=40),
            "last_visit_at": now - datetime.timedelta(days=16),
        },
    )
    done = list(phases[0].lessons) + list(phases[1].lessons[:1])
    for days_ago, lesson in zip(range(38, 0, -5), done, strict=False):
        LessonCompletion.objects.get_or_create(
            owner=client, lesson_key=lesson.key, defaults={"completed_at": now - datetime.timedelta(days=days_ago)}
        )
    now_or_then = phases[0].lessons[-1]
    if not JournalEntry.objects.filter(owner=client, lesson_key=now_or_then.key).exists():
        JournalEntry.objects.create(
            owner=client,
            lesson_key=now_or_then.key,
            is_draft=False,
            created_at=now - datetime.timedelta(days=23),
            body="When he was quiet at dinner I was sure he was pulling away. Most of that feeling was about then: "
            "the year everyone went silent before they left. Now, he was tired.",
        )
    if not Setback.objects.filter(owner=client).exists():
        Setback.objects.create(
            owner=client,
            happened_on=timezone.localdate() - datetime.timedelta(days=20),
            what_happened="Checked his phone after a late message. Felt awful afterwards.",
            what_might_help="Box breathing before replying; reading my needs list.",
        )
