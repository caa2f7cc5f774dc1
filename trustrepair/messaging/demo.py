"""Demo data between sessions (issue 14): a short message thread between the demo client and the demo
therapist, and homework (a lesson, a tool exercise done, a questionnaire). Idempotent.

Homework is clinic's Assignment; it is seeded here because clinic's own demo returns early once the care
relationship exists, and this app's demo runs after it."""

import datetime as dt

from django.utils import timezone

from trustrepair.messaging.models import Message

THREAD = [
    (
        True,
        50,
        "Demo: I tried the urge log on Tuesday when the phone buzzed. I waited ten minutes and the urge passed.",
    ),
    (False, 30, "Demo: That is a real step. Bring the log on Thursday and we can look at what helped you wait."),
    (True, 4, "Demo: Will do. Could we also talk about the weekend plans? They make me anxious."),
]


def seed(cast) -> None:
    from trustrepair.clinic.models import CareRelationship

    therapist, client = cast.get("therapist"), cast.get("client")
    if therapist is None or client is None:
        return
    rel = CareRelationship.objects.filter(client=client, therapist=therapist, status="active").first()
    if rel is None:
        return
    _homework(rel, therapist)
    if Message.objects.filter(relationship=rel).exists():
        return
    now = timezone.now()
    for from_client, hours_ago, body in THREAD:
        Message.objects.create(
            relationship=rel,
            sender=client if from_client else therapist,
            from_client=from_client,
            body=body,
            sent_at=now - dt.timedelta(hours=hours_ago),
            read_at=None if hours_ago < 10 else now - dt.timedelta(hours=hours_ago - 1),
        )


def _homework(rel, therapist) -> None:
    """Rows made directly (not through homework.assign) so the demo client's Updates list keeps exactly the
    notices the notifications demo put there."""
    from trustrepair.clinic import homework
    from trustrepair.clinic.models import Assignment

    if Assignment.objects.filter(relationship=rel, kind__in=["lesson", "tool"]).exists():
        return
    now = timezone.now()
    lessons = homework.choices_for("lesson")
    rows = [
        ("tool", "trigger_log", 1, "Demo: log each urge to check the phone this week, and what you did instead."),
        ("tool", "thought_record", 6, "Demo: one thought record after the next evening that feels hard."),
    ]
    if lessons:
        rows.insert(0, ("lesson", lessons[0][0], 3, "Demo: read this slowly; note one sentence that sounds like you."))
    for kind, target, days, text in rows:
        a = Assignment.objects.create(
            relationship=rel, kind=kind, target=target, due_at=now + dt.timedelta(days=days, hours=2), instructions=text
        )
        if target == "trigger_log":
            Assignment.objects.filter(pk=a.pk).update(completed_at=now - dt.timedelta(hours=20))
