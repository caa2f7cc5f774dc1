"""Demo data: the demo client and partner are linked, both passed the safety screen, and their space holds
a finished Transparency Window, a rupture logged and repaired, and a few weekly check-ins. Idempotent."""

import datetime

from django.utils import timezone

from trustrepair.couples import services
from trustrepair.couples.models import (
    CheckIn,
    CheckInPart,
    Couple,
    Membership,
    Rupture,
    RupturePart,
    Window,
    WindowPart,
    WindowRating,
)


def seed(cast) -> None:
    alice, bob = cast["client"], cast["partner"]
    if Membership.objects.filter(user__in=[alice, bob], left_at__isnull=True).exists():
        return
    now = timezone.now()
    couple = Couple.objects.create(member_a=alice, member_b=bob, linked_at=now - datetime.timedelta(days=40))
    for person in (alice, bob):
        Membership.objects.create(
            couple=couple, user=person, consented_at=couple.linked_at, screened_at=now - datetime.timedelta(days=2)
        )
    services._refresh_open_until(couple)

    started = now - datetime.timedelta(days=3)
    window = Window.objects.create(
        couple=couple,
        proposer_slot="a",
        minutes=10,
        status=Window.Status.ENDED,
        question="When you stopped answering on Friday night, what was going on for you?",
        created_at=started - datetime.timedelta(minutes=20),
        started_at=started,
        ended_at=started + datetime.timedelta(minutes=13),
        elapsed_seconds=600,
        pause_count=1,
        rating_a=3,
        rating_b=4,
    )
    a_part = WindowPart.objects.create(
        window=window,
        owner=alice,
        shared_with_partner=True,
        ratings_shared=True,
        reflection="Asking out loud was frightening, and the answer was kinder than the story in my head.",
    )
    b_part = WindowPart.objects.create(
        window=window,
        owner=bob,
        shared_with_partner=True,
        reflection="I got defensive at first. After the pause I could actually listen.",
    )
    for part, values in ((a_part, [(30, 4), (240, 3)]), (b_part, [(60, 3), (180, 7), (300, 4)])):
        for seconds, value in values:
            WindowRating.objects.create(
                part=part, at=started + datetime.timedelta(seconds=seconds), seconds_in=seconds, value=value
            )

    rupture = Rupture.objects.create(
        couple=couple, logged_at=now - datetime.timedelta(days=9), repaired_at=now - datetime.timedelta(days=7)
    )
    RupturePart.objects.create(
        rupture=rupture,
        owner=alice,
        shared_with_partner=True,
        accepts_repair=True,
        repaired_at=rupture.repaired_at,
        what_happened="Plans changed at the last minute and I found out from a friend.",
        felt="I felt left out and frightened that it meant more than it did.",
        need="To hear about changes from you first.",
        repair_attempt="",
    )
    RupturePart.objects.create(
        rupture=rupture,
        owner=bob,
        shared_with_partner=True,
        accepts_repair=True,
        repaired_at=rupture.repaired_at - datetime.timedelta(hours=5),
        felt="I felt accused, and I went quiet.",
        need="To be asked before being judged.",
        repair_attempt="I will text you myself when plans change, even small ones.",
    )

    for weeks_ago, (a, b) in enumerate([((6, 7, 5), (7, 6, 6)), ((5, 6, 4), (6, 6, 5)), ((4, 5, 4), (5, 4, 5))]):
        week = services.week_of((now - datetime.timedelta(weeks=weeks_ago + 1)).date())
        check_in = CheckIn.objects.create(couple=couple, week=week)
        for owner, (safe, connected, trusting) in ((alice, a), (bob, b)):
            CheckInPart.objects.create(
                check_in=check_in,
                owner=owner,
                safe=safe,
                connected=connected,
                trusting=trusting,
                shared_with_partner=True,
                appreciation="Dinner together without phones." if owner == alice else "You told me about your day.",
                need="More time, just us." if owner == alice else "A walk on Sunday.",
            )
