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


def space_for(user, now=None) -> Space:
    now = now or timezone.now()
    membership = (
        Membership.objects.select_related("couple", "couple__member_a", "couple__member_b")
        .filter(user=user, left_at__isnull=True)
        .first()
    )
    if membership is None:
        return Space("unlinked")
    if membership.closed_at is not None:
        return Space("closed", membership)
    if membership.screened_at is None or membership.screened_at + gate.RESCREEN_AFTER <= now:
        return Space("screen", membership)
    if not membership.couple.is_open(now):
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


def live_window(user, public_id, now=None):
    """The poll's read: ONE indexed query (the window by its unique public id, joined to its couple, with the
    caller's health-data consent as a subquery). Returns (window, consented) or (None, consented) when the
    window is not this person's or their space is not open."""
    from django.db.models import Exists, OuterRef, Q

    from trustrepair.accounts.models import ConsentRecord

    now = now or timezone.now()
    consent = ConsentRecord.objects.filter(user=user, kind="health_data", revoked_at__isnull=True)
    mine = Membership.objects.filter(couple=OuterRef("couple"), user=user, left_at__isnull=True)
    row = (
        Window.objects.select_related("couple")
        .annotate(consented=Exists(consent), member=Exists(mine.filter(closed_at__isnull=True)))
        .filter(public_id=public_id)
        .filter(Q(couple__member_a=user) | Q(couple__member_b=user))
        .first()
    )
    if row is None:
        return None, None
    if not row.member or not row.couple.is_open(now):
        return None, row.consented
    return row, row.consented


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
