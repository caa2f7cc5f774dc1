"""What the couples space contributes to "download my data" and "erase my account" (core.privacy).

Exports hold only the person's own parts (never the other partner's words, ratings or answers, and never
anything about the other's safety gate). Erasure unlinks first, then deletes the person's parts; the
other's parts and the couple's containers stay.
"""

from trustrepair.core import privacy
from trustrepair.couples.models import CheckInPart, CycleMap, Membership, RupturePart, WindowPart


def export(user) -> dict:
    return {
        "links": [
            {
                "linked_at": m.couple.linked_at,
                "consented_at": m.consented_at,
                "consent_version": m.consent_version,
                "left_at": m.left_at,
                "my_last_clear_screen_at": m.screened_at,
            }
            for m in Membership.objects.filter(user=user).select_related("couple")
        ],
        "window_parts": [
            {
                "window": p.window.public_id,
                "question_if_mine": p.window.question if p.window.proposer_slot == p.window.couple.slot(user) else "",
                "reflection": p.reflection,
                "sharing": p.sharing,
                "ratings_shared": p.ratings_shared,
                "my_ratings": [{"at": r.at, "value": r.value, "seconds_in": r.seconds_in} for r in p.ratings.all()],
            }
            for p in WindowPart.objects.filter(owner=user).select_related("window__couple").prefetch_related("ratings")
        ],
        "rupture_parts": [
            {
                "rupture": p.rupture.public_id,
                "logged_at": p.rupture.logged_at,
                **{name: getattr(p, name) for name in RupturePart.TEXT_FIELDS},
                "accepts_repair": p.accepts_repair,
                "repaired_at": p.repaired_at,
                "sharing": p.sharing,
            }
            for p in RupturePart.objects.filter(owner=user).select_related("rupture")
        ],
        "cycle_maps": [{"moves": c.moves, "sharing": c.sharing} for c in CycleMap.objects.filter(owner=user)],
        "check_ins": [
            {
                "week": p.check_in.week,
                "safe": p.safe,
                "connected": p.connected,
                "trusting": p.trusting,
                "appreciation": p.appreciation,
                "need": p.need,
                "sharing": p.sharing,
            }
            for p in CheckInPart.objects.filter(owner=user).select_related("check_in")
        ],
    }


def erase(user) -> None:
    from trustrepair.couples.services import erase_parts

    erase_parts(user)


def register() -> None:
    privacy.register(
        "couples",
        export=export,
        erase=erase,
        label="Couples space",
        description="Your own part of the space you share with your partner.",
    )
