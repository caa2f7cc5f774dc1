"""Reads of the couples space. Every page starts from `space_for(user)`, which says what the person may see:

- "unlinked": no active link (invite or join);
- "screen": linked, and this person's own screen is due (first time, or 30 days on);
- "closed": this person closed the space (safety page; only they can reopen);
- "waiting": "waiting for your partner" — the *only* thing shown when the space is not open for a reason
  that is the other person's (their screen not done, due, or they closed it). It is built from this
  person's own facts alone, so it reads the same whatever the reason;
- "open": both have a clear screen younger than 30 days and neither closed: the shared space.

Another partner's part is shown only when shared with the partner, not held back, and the space is open.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.utils import timezone

from trustrepair.couples import gate
from trustrepair.couples.models import CheckIn, CheckInPart, Couple, CycleMap, Membership, Rupture, Window


@dataclass
class Space:
    state: str
    membership: Membership | None = None

    @property
    def couple(self) -> Couple | None:
        return self.membership.couple if self.membership else None

    @property
    def is_open(self) -> bool:
        return self.state == "open"


# Whether the couple's space is open (Couple.is_open), for the statements below that read it with another row.
COUPLE_OPEN_SQL = "CASE WHEN c.ended_at IS NULL AND c.open_until > %(now)s THEN 1 ELSE 0 END"

SPACE_SQL = f"""
SELECT m.*, {COUPLE_OPEN_SQL} AS c_open
FROM couples_membership m JOIN couples_couple c ON c.id = m.couple_id
WHERE m.user_id = %(user)s AND m.left_at IS NULL
LIMIT 1
"""


def space_for(user, now=None) -> Space:
    """Read on every request of the space, kept pages included, so it is one indexed query written as SQL
    (issue 16: building it through the ORM cost more than running it): the person's open membership with
    whether their couple is open. A page that shows the couple or the partner loads them when it does."""
    from django.db import connection

    now = now or timezone.now()
    params = {"now": connection.ops.adapt_datetimefield_value(now), "user": user.pk}
    membership = next(iter(Membership.objects.raw(SPACE_SQL, params)), None)
    if membership is None:
        return Space("unlinked")
    if membership.closed_at is not None:
        return Space("closed", membership)
    if membership.screened_at is None or membership.screened_at + gate.RESCREEN_AFTER <= now:
        return Space("screen", membership)
    if not membership.c_open:
        return Space("waiting", membership)
    return Space("open", membership)


# ---- windows -----------------------------------------------------------------------------------------
def windows_for(couple: Couple):
    return couple.windows.order_by("-created_at")


def window_for(couple: Couple, public_id) -> Window:
    window = Window.objects.select_related("couple").filter(couple=couple, public_id=public_id).first()
    if window is None:
        raise Http404
    return window


LIVE_SQL = f"""
SELECT w.*, c.member_a_id AS c_member_a_id, c.member_b_id AS c_member_b_id,
       {COUPLE_OPEN_SQL} AS c_open,
       EXISTS (SELECT 1 FROM accounts_consentrecord r WHERE r.user_id = %(user)s AND r.kind = 'health_data'
               AND r.revoked_at IS NULL) AS consented,
       EXISTS (SELECT 1 FROM couples_membership m WHERE m.couple_id = c.id AND m.user_id = %(user)s
               AND m.left_at IS NULL AND m.closed_at IS NULL) AS member
FROM couples_window w JOIN couples_couple c ON c.id = w.couple_id
WHERE w.public_id = %(public_id)s AND (c.member_a_id = %(user)s OR c.member_b_id = %(user)s)
"""


def live_window(user, public_id, now=None):
    """The poll's read: ONE indexed query (the window by its unique public id, joined to its couple, with the
    caller's membership and health-data consent as EXISTS subqueries), written as SQL because building it
    through the ORM cost more than running it. Returns (window, consented), with window None when it is not
    this person's or their space is not open; (None, None) when there is no such window of theirs."""
    from django.db import connection

    now = now or timezone.now()
    params = {
        "now": connection.ops.adapt_datetimefield_value(now),
        "user": user.pk,
        "public_id": public_id if connection.vendor == "postgresql" else public_id.hex,
    }
    rows = list(Window.objects.raw(LIVE_SQL, params))
    if not rows:
        return None, None
    row = rows[0]
    consented = bool(row.consented)
    if not row.member or not row.c_open:
        return None, consented
    row.couple = Couple(id=row.couple_id, member_a_id=row.c_member_a_id, member_b_id=row.c_member_b_id)
    return row, consented


def shared_summary(window: Window, viewer) -> dict:
    """The summary both partners see: the question, unpaused time, pauses, and each person's ratings over
    time only if that person shared them. Reflections: the viewer's own, and the other's only if shared."""
    parts = {p.owner_id: p for p in window.parts.select_related("owner").prefetch_related("ratings")}
    mine = parts.get(viewer.pk)
    theirs = next((p for uid, p in parts.items() if uid != viewer.pk), None)
    return {
        "question": window.question,
        "minutes": int(window.elapsed_seconds // 60),
        "seconds": int(window.elapsed_seconds % 60),
        "pauses": window.pause_count,
        "mine": mine,
        "my_ratings": list(mine.ratings.all()) if mine else [],
        "theirs": theirs,
        "their_ratings": list(theirs.ratings.all())
        if theirs and theirs.ratings_shared and not theirs.held_back
        else None,
        "their_reflection": theirs.reflection if theirs and theirs.visible_to_partner else None,
    }


# ---- ruptures, cycles, check-ins ----------------------------------------------------------------------
def ruptures_for(couple: Couple):
    return Rupture.objects.filter(couple=couple).prefetch_related("parts")


def rupture_for(couple: Couple, public_id) -> Rupture:
    rupture = Rupture.objects.filter(couple=couple, public_id=public_id).prefetch_related("parts").first()
    if rupture is None:
        raise Http404
    return rupture


def split_parts(parts, viewer):
    """(mine, theirs-if-visible-to-me) from a joint item's parts."""
    mine = next((p for p in parts if p.owner_id == viewer.pk), None)
    theirs = next((p for p in parts if p.owner_id != viewer.pk), None)
    return mine, (theirs if theirs is not None and theirs.visible_to_partner else None)


def cycle_for(couple: Couple, viewer):
    maps = list(CycleMap.objects.filter(couple=couple))
    return split_parts(maps, viewer)


def check_ins_for(couple: Couple, viewer, limit: int = 12) -> list[dict]:
    """Weeks newest first: my answers, and the other's side by side only when both answered (and shared)."""
    weeks = list(CheckIn.objects.filter(couple=couple).prefetch_related("parts")[:limit])
    rows = []
    for check_in in weeks:
        parts = list(check_in.parts.all())
        mine, theirs = split_parts(parts, viewer)
        both = len(parts) == 2
        rows.append({"week": check_in.week, "mine": mine, "theirs": theirs if both else None, "both": both})
    return rows


def my_check_in_trend(user) -> list[CheckInPart]:
    return list(CheckInPart.objects.filter(owner=user).select_related("check_in").order_by("check_in__week")[:26])
