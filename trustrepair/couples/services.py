"""Every write of the couples space: linking, the safety gate, sharing, the Transparency Window, rupture and
repair, and check-ins. Each runs in a transaction; each text a person writes is screened (safety) before it
can be shared, and a danger-from-others finding holds it back.

Nothing here tells one partner anything about the other's gate: closing sends no notification, and the
couple's `open_until` is the only bit any page of the other partner reads.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from trustrepair.core import page_versions
from trustrepair.couples import gate
from trustrepair.couples.models import (
    CheckIn,
    CheckInPart,
    Couple,
    CycleMap,
    Invitation,
    Membership,
    Rupture,
    RupturePart,
    Window,
    WindowPart,
    WindowRating,
)
from trustrepair.safety import detection
from trustrepair.safety.services import screen_text

INVITATION_LIFETIME = datetime.timedelta(days=7)
WINDOW_EVERY = datetime.timedelta(hours=24)
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to read aloud
CODE_LENGTH = 16  # 80 bits


class CouplesError(ValidationError):
    """A refused action, with a message for the person (shown next to the form)."""


# ---- linking -----------------------------------------------------------------------------------------
def _hash(code: str) -> str:
    normal = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(normal.encode()).hexdigest()


def format_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def active_membership(user) -> Membership | None:
    return (
        Membership.objects.select_related("couple", "couple__member_a", "couple__member_b")
        .filter(user=user, left_at__isnull=True)
        .first()
    )


def create_invitation(user) -> tuple[Invitation, str]:
    """A fresh one-time code (returned once, formatted for reading aloud); earlier open codes are cancelled."""
    if active_membership(user) is not None:
        raise CouplesError("You are already linked. Unlink first to invite someone else.")
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    now = timezone.now()
    with transaction.atomic():
        Invitation.objects.filter(inviter=user, used_at__isnull=True, cancelled_at__isnull=True).update(
            cancelled_at=now
        )
        invitation = Invitation.objects.create(
            inviter=user, code_hash=_hash(code), created_at=now, expires_at=now + INVITATION_LIFETIME
        )
    return invitation, format_code(code)


def invite_by_email(user, *, address: str) -> Invitation:
    """Send the code to an address. The email and what the inviter sees read the same whether or not the
    address has an account here: the email names nobody, and nothing about the address is looked up."""
    from trustrepair.notifications import sender

    invitation, code = create_invitation(user)
    link = sender.absolute_url(reverse("couples:join"))
    body = (
        "Someone you know has invited you to a shared space.\n\n"
        f"Your one-time code: {code}\n"
        f"Sign in or create an account, then enter the code at: {link}\n\n"
        "The code works once, for seven days. If you were not expecting this, you can ignore this message."
    )
    transaction.on_commit(
        lambda: sender.send_email(user=None, subject="An invitation", body=body, address=address, requested=True)
    )
    return invitation


def accept_invitation(user, *, code: str) -> Couple:
    """Link `user` with the inviter. The code works once; it fails the same way whether wrong, used or old."""
    refused = CouplesError("That code does not work. Codes work once, for seven days: ask for a new one.")
    now = timezone.now()
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("inviter")
            .filter(code_hash=_hash(code), used_at__isnull=True, cancelled_at__isnull=True, expires_at__gt=now)
            .first()
        )
        if invitation is None or invitation.inviter_id == user.pk:
            raise refused
        if active_membership(user) is not None:
            raise CouplesError("You are already linked. Unlink first to join someone else.")
        if active_membership(invitation.inviter) is not None:
            raise refused
        invitation.used_at = now
        invitation.save(update_fields=["used_at"])
        couple = Couple.objects.create(member_a=invitation.inviter, member_b=user, linked_at=now)
        try:
            with transaction.atomic():
                Membership.objects.create(couple=couple, user=invitation.inviter, consented_at=invitation.created_at)
                Membership.objects.create(couple=couple, user=user, consented_at=now)
        except IntegrityError as exc:  # a second link raced this one
            raise refused from exc
    return couple


def unlink(user) -> bool:
    """End the link at once, without the other's agreement. Each keeps their own parts; neither sees the
    other's any more. No notification is sent. True if there was a link."""
    now = timezone.now()
    with transaction.atomic():
        membership = active_membership(user)
        if membership is None:
            return False
        Membership.objects.filter(couple=membership.couple, left_at__isnull=True).update(left_at=now)
        Couple.objects.filter(pk=membership.couple_id).update(ended_at=now, open_until=None)
        Window.objects.filter(
            couple=membership.couple, status__in=[Window.Status.RUNNING, Window.Status.PAUSED, Window.Status.ACCEPTED]
        ).update(status=Window.Status.ENDED, ended_at=now, running_since=None)
        page_versions.bump([membership.couple.member_a_id, membership.couple.member_b_id])
    return True


# ---- the safety gate ---------------------------------------------------------------------------------
def _refresh_open_until(couple: Couple) -> None:
    """Recompute the gate's one bit from both memberships (call inside the transaction of the change)."""
    members = list(Membership.objects.filter(couple=couple, left_at__isnull=True))
    open_until = None
    if (
        couple.ended_at is None
        and len(members) == 2
        and all(m.closed_at is None and m.screened_at is not None for m in members)
    ):
        open_until = min(m.screened_at for m in members) + gate.RESCREEN_AFTER
    Couple.objects.filter(pk=couple.pk).update(open_until=open_until)
    couple.open_until = open_until
    page_versions.bump([couple.member_a_id, couple.member_b_id])


def record_screen(user, *, answers: dict[str, str]) -> bool:
    """Record a fresh screen. Returns True when it closed the space. The answers are not stored."""
    now = timezone.now()
    closing = gate.closes(answers)
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(user=user, left_at__isnull=True).first()
        if membership is None:
            return closing
        if closing:
            membership.closed_at = membership.closed_at or now
            membership.screened_at = None
        else:
            membership.closed_at = None
            membership.screened_at = now
        membership.save(update_fields=["closed_at", "screened_at"])
        _refresh_open_until(membership.couple)
    return closing


def close_space(user) -> None:
    """ "I don't feel safe": close the space at once, the same way a screen does. Nothing is sent to anyone."""
    now = timezone.now()
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(user=user, left_at__isnull=True).first()
        if membership is None:
            return
        membership.closed_at = membership.closed_at or now
        membership.screened_at = None
        membership.save(update_fields=["closed_at", "screened_at"])
        _refresh_open_until(membership.couple)
        Window.objects.filter(
            couple=membership.couple, status__in=[Window.Status.RUNNING, Window.Status.PAUSED, Window.Status.ACCEPTED]
        ).update(status=Window.Status.ENDED, ended_at=now, running_since=None, version=F("version") + 1)


# ---- screening and sharing ----------------------------------------------------------------------------
def screen_part(user, part, texts, *, source: str) -> bool:
    """Screen a part's text before it can be shared; hold it back on a danger-from-others finding. Returns
    True when held back. Help (the crisis panel or a gentle question) goes to the writer only."""
    result = screen_text(user, *[t for t in texts if t], source=f"couples.{source}", obj=part)
    held = detection.DANGER_FROM_OTHERS in result.categories
    if held != part.held_back:
        type(part).objects.filter(pk=part.pk).update(held_back=held)
        part.held_back = held
    return held


SHARE_CHOICES = [
    ("private", "Only me"),
    ("partner", "My partner"),
    ("therapist", "Our couples therapist (through your care team's sharing)"),
    ("both", "My partner and our therapist"),
]


def set_sharing(part, *, sharing: str, ratings_shared: bool | None = None) -> None:
    """Change who sees a part; takes effect on the next request of whoever is looking (nothing is cached)."""
    if sharing not in dict(SHARE_CHOICES):
        raise CouplesError("Choose who may see this.")
    partner = sharing in ("partner", "both")
    therapist = sharing in ("therapist", "both")
    fields = {"shared_with_partner": partner, "shared_with_therapist": therapist}
    if ratings_shared is not None and isinstance(part, WindowPart):
        fields["ratings_shared"] = ratings_shared
    was_shared = part.shared_with_partner
    type(part).objects.filter(pk=part.pk).update(**fields)
    for name, value in fields.items():
        setattr(part, name, value)
    if partner and not was_shared and not part.held_back:
        _tell_partner(part.owner)


def _tell_partner(user) -> None:
    """A neutral notice for the other partner, only while the space is open for both."""
    from trustrepair.notifications.services import notify

    membership = active_membership(user)
    if membership is None or not membership.couple.is_open():
        return
    other = membership.couple.other(user)
    if other is not None:
        transaction.on_commit(
            lambda: notify(other, kind="couples_waiting", link_path=reverse("couples:home"), deliver_now=True)
        )


# ---- the Transparency Window ---------------------------------------------------------------------------
def propose_window(user, *, couple: Couple, question: str, minutes: int) -> tuple[Window | None, bool]:
    """Propose a Window. Returns (window, held): a question the screen finds danger-from-others in is held
    back (no Window is made; the writer is offered "I don't feel safe")."""
    if not Window.MIN_MINUTES <= minutes <= Window.MAX_MINUTES:
        raise CouplesError(f"Choose between {Window.MIN_MINUTES} and {Window.MAX_MINUTES} minutes.")
    question = question.strip()
    if not question:
        raise CouplesError("Write the question you want to ask.")
    result = screen_text(user, question, source="couples.window_question", obj=None)
    if detection.DANGER_FROM_OTHERS in result.categories:
        return None, True
    now = timezone.now()
    with transaction.atomic():
        Couple.objects.select_for_update().filter(pk=couple.pk).first()
        recent = couple.windows.filter(created_at__gt=now - WINDOW_EVERY).exclude(status=Window.Status.DECLINED)
        if recent.exists():
            raise CouplesError("One Window a day is enough: you can propose the next one 24 hours after the last.")
        window = Window.objects.create(
            couple=couple, proposer_slot=couple.slot(user), question=question, minutes=minutes, created_at=now
        )
        for member in (couple.member_a, couple.member_b):
            WindowPart.objects.create(window=window, owner=member)
    _tell_partner(user)
    return window, False


def _locked(window: Window) -> Window:
    return Window.objects.select_for_update().get(pk=window.pk)


def _save(window: Window, *fields: str) -> None:
    window.version += 1
    window.save(update_fields=[*fields, "version"])


def answer_window(user, window: Window, *, accept: bool) -> Window:
    with transaction.atomic():
        window = _locked(window)
        if window.status != Window.Status.PROPOSED or window.proposer_slot == window.couple.slot(user):
            return window
        window.status = Window.Status.ACCEPTED if accept else Window.Status.DECLINED
        _save(window, "status")
    return window


def mark_present(user, window: Window) -> Window:
    now = timezone.now()
    with transaction.atomic():
        window = _locked(window)
        if window.status != Window.Status.ACCEPTED:
            return window
        setattr(window, f"present_{window.couple.slot(user)}", True)
        fields = ["present_a", "present_b"]
        if window.present_a and window.present_b:
            window.status, window.started_at, window.running_since = Window.Status.RUNNING, now, now
            fields += ["status", "started_at", "running_since"]
        _save(window, *fields)
    return window


def _finish_if_time_up(window: Window, now) -> None:
    if window.is_time_up(now):
        window.elapsed_seconds = window.minutes * 60
        window.status, window.ended_at, window.running_since = Window.Status.ENDED, now, None


def rate(user, window: Window, *, value: int) -> Window:
    """Write a defensiveness rating. Above 5 the Window pauses in this same write: whichever worker the
    other partner's next poll reaches reads the paused row."""
    if not 0 <= value <= 10:
        raise CouplesError("Choose a number from 0 to 10.")
    now = timezone.now()
    with transaction.atomic():
        window = _locked(window)
        _finish_if_time_up(window, now)
        if window.status not in (Window.Status.RUNNING, Window.Status.PAUSED):
            _save(window, "status", "ended_at", "running_since", "elapsed_seconds")
            return window
        slot = window.couple.slot(user)
        setattr(window, f"rating_{slot}", value)
        fields = ["rating_a", "rating_b"]
        if value > Window.PAUSE_ABOVE and window.status == Window.Status.RUNNING:
            window.elapsed_seconds = window.elapsed(now)
            window.running_since = None
            window.status = Window.Status.PAUSED
            window.pause_count += 1
            window.continue_a = window.continue_b = False
            fields += ["elapsed_seconds", "running_since", "status", "pause_count", "continue_a", "continue_b"]
        elif value > Window.PAUSE_ABOVE:
            setattr(window, f"continue_{slot}", False)
            fields.append(f"continue_{slot}")
        _save(window, *fields)
        part = WindowPart.objects.get(window=window, owner=user)
        WindowRating.objects.create(part=part, at=now, value=value, seconds_in=int(window.elapsed(now)))
    return window


def choose_continue(user, window: Window) -> Window:
    """Ready to go on. The Window resumes when both chose to and both ratings are 5 or below."""
    now = timezone.now()
    with transaction.atomic():
        window = _locked(window)
        if window.status != Window.Status.PAUSED:
            return window
        slot = window.couple.slot(user)
        if (getattr(window, f"rating_{slot}") or 0) > Window.PAUSE_ABOVE:
            raise CouplesError("When you feel it at 5 or below, move your slider there first.")
        setattr(window, f"continue_{slot}", True)
        fields = ["continue_a", "continue_b"]
        calm = all((r or 0) <= Window.PAUSE_ABOVE for r in (window.rating_a, window.rating_b))
        if window.continue_a and window.continue_b and calm:
            window.status, window.running_since = Window.Status.RUNNING, now
            fields += ["status", "running_since"]
        _save(window, *fields)
    return window


def end_window(user, window: Window) -> Window:
    now = timezone.now()
    with transaction.atomic():
        window = _locked(window)
        if window.status in (Window.Status.ENDED, Window.Status.DECLINED):
            return window
        window.elapsed_seconds = window.elapsed(now) if window.started_at else 0
        window.status, window.ended_at, window.running_since = Window.Status.ENDED, now, None
        _save(window, "elapsed_seconds", "status", "ended_at", "running_since")
    return window


def finish_if_time_up(window: Window) -> Window:
    """Called by a poll that finds the time up: one conditional UPDATE, so many pollers end it once."""
    now = timezone.now()
    if window.is_time_up(now):
        Window.objects.filter(pk=window.pk, status=Window.Status.RUNNING, version=window.version).update(
            status=Window.Status.ENDED,
            ended_at=now,
            running_since=None,
            elapsed_seconds=window.minutes * 60,
            version=F("version") + 1,
        )
        window.status, window.ended_at, window.running_since = Window.Status.ENDED, now, None
        window.elapsed_seconds = window.minutes * 60
        window.version += 1
    return window


def save_reflection(user, part: WindowPart, *, reflection: str, sharing: str, ratings_shared: bool) -> bool:
    part.reflection = reflection
    part.save(update_fields=["reflection", "updated_at"])
    held = screen_part(user, part, [reflection], source="window_reflection")
    set_sharing(part, sharing=sharing, ratings_shared=ratings_shared)
    return held


# ---- rupture and repair --------------------------------------------------------------------------------
def log_rupture(user, *, couple: Couple, sharing: str, **texts) -> tuple[Rupture, bool]:
    with transaction.atomic():
        rupture = Rupture.objects.create(couple=couple)
        for member in (couple.member_a, couple.member_b):
            RupturePart.objects.create(rupture=rupture, owner=member)
    part = rupture.parts.get(owner=user)
    held = save_rupture_part(user, part, sharing=sharing, **texts)
    return rupture, held


def save_rupture_part(user, part: RupturePart, *, sharing: str, accepts_repair=None, **texts) -> bool:
    for name in RupturePart.TEXT_FIELDS:
        if name in texts:
            setattr(part, name, texts[name])
    part.accepts_repair = accepts_repair
    part.full_clean()
    part.save()
    held = screen_part(user, part, [getattr(part, n) for n in RupturePart.TEXT_FIELDS], source="rupture")
    set_sharing(part, sharing=sharing)
    return held


def mark_repaired(user, part: RupturePart, *, repaired: bool) -> Rupture:
    """Each marks it repaired for themselves; the rupture is repaired when both have (time to repair runs
    from logging to the second mark)."""
    now = timezone.now()
    with transaction.atomic():
        part.repaired_at = now if repaired else None
        part.save(update_fields=["repaired_at", "updated_at"])
        rupture = Rupture.objects.select_for_update().get(pk=part.rupture_id)
        marks = list(rupture.parts.values_list("repaired_at", flat=True))
        rupture.repaired_at = max(marks) if len(marks) == 2 and all(marks) else None
        rupture.save(update_fields=["repaired_at"])
    return rupture


def save_cycle_map(user, *, couple: Couple, moves: list[str], sharing: str) -> CycleMap:
    allowed = {key for key, _ in CycleMap.MOVES}
    cycle, _ = CycleMap.objects.update_or_create(
        couple=couple, owner=user, defaults={"moves": [m for m in moves if m in allowed]}
    )
    set_sharing(cycle, sharing=sharing)
    return cycle


# ---- weekly check-in -----------------------------------------------------------------------------------
def week_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def save_check_in(user, *, couple: Couple, sharing: str, week=None, **answers) -> tuple[CheckInPart, bool]:
    week = week or week_of(timezone.localdate())
    with transaction.atomic():
        check_in, _ = CheckIn.objects.get_or_create(couple=couple, week=week)
        part = CheckInPart.objects.filter(check_in=check_in, owner=user).first() or CheckInPart(
            check_in=check_in, owner=user
        )
        for name, value in answers.items():
            setattr(part, name, value)
        part.full_clean()
        part.save()
    held = screen_part(user, part, [part.appreciation, part.need], source="check_in")
    set_sharing(part, sharing=sharing)
    return part, held


def erase_parts(user) -> None:
    """Erasure: unlink, then delete this person's parts (the other's parts stay, and the containers)."""
    unlink(user)
    for model in (WindowPart, RupturePart, CheckInPart, CycleMap):
        model.objects.filter(owner=user).delete()
    Invitation.objects.filter(inviter=user).delete()
    Window.objects.filter(Q(couple__member_a=user) | Q(couple__member_b=user)).update(rating_a=None, rating_b=None)
