"""Every write of therapy groups: create, invitation codes, join and leave, sessions (calendar blocks),
attendance, group notes written per member, reminders, export and erasure."""

from __future__ import annotations

import datetime as dt
import re
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

from trustrepair.core import page_versions
from trustrepair.groups.models import (
    MAX_MEMBERS,
    MIN_MEMBERS,
    Attendance,
    Group,
    GroupSession,
    Member,
    NoteEntry,
    hash_code,
)

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
REMIND_BEFORE = dt.timedelta(hours=24)


class GroupError(ValueError):
    """Words to show next to the field."""


def _new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def create_group(therapist, *, name: str, theme: str, schedule: str, max_members: int) -> tuple[Group, str]:
    if not MIN_MEMBERS <= max_members <= MAX_MEMBERS:
        raise GroupError(f"A group has {MIN_MEMBERS} to {MAX_MEMBERS} members.")
    code = _new_code()
    group = Group.objects.create(
        therapist=therapist,
        name=name.strip(),
        theme=theme.strip(),
        schedule=schedule.strip(),
        max_members=max_members,
        code_hash=hash_code(code),
        code_hint=code[-4:],
    )
    return group, code


def new_code(group: Group) -> str:
    """A fresh invitation code; the old one stops working at once. Shown once: only its hash is kept."""
    code = _new_code()
    Group.objects.filter(pk=group.pk).update(code_hash=hash_code(code), code_hint=code[-4:])
    return code


def join(user, *, code: str, handle: str, adult: bool, now=None) -> Member:
    now = now or timezone.now()
    handle = " ".join((handle or "").split())
    if not adult:
        raise GroupError("Groups are for adults: please confirm you are 18 or over.")
    if len(handle) < 2 or len(handle) > 30:
        raise GroupError("Choose a first name or handle of 2 to 30 characters.")
    if "@" in handle or any(ch.isdigit() for ch in handle[:1]):
        raise GroupError("Choose a first name or handle, not an email address or number.")
    with transaction.atomic():
        group = (
            Group.objects.select_for_update().filter(code_hash=hash_code(code or ""), closed_at__isnull=True).first()
        )
        if group is None:
            raise GroupError("That code does not open a group. Check it with your therapist.")
        if Member.objects.filter(group=group, user=user, left_at__isnull=True).exists():
            raise GroupError("You are already in this group.")
        if Member.objects.filter(group=group, left_at__isnull=True).count() >= group.max_members:
            raise GroupError("This group is full. Your therapist can tell you about the next one.")
        try:
            with transaction.atomic():
                return Member.objects.create(group=group, user=user, handle=handle, adult_confirmed_at=now)
        except IntegrityError as exc:
            raise GroupError("Someone in the group already uses that name; choose another.") from exc


def leave(member: Member, *, now=None) -> Member:
    with transaction.atomic():
        Member.objects.filter(pk=member.pk, left_at__isnull=True).update(left_at=now or timezone.now())
        page_versions.bump([member.user_id])  # the group's other members and therapist are connected
    member.refresh_from_db()
    return member


def remove_member(group: Group, member_id, *, now=None) -> int:
    with transaction.atomic():
        member = Member.objects.filter(group=group, public_id=member_id).values_list("user_id", flat=True).first()
        removed = Member.objects.filter(group=group, public_id=member_id, left_at__isnull=True).update(
            left_at=now or timezone.now()
        )
        page_versions.bump([member, group.therapist_id])
    return removed


def _conflict(therapist_id, start, end, *, buffer: dt.timedelta) -> str:
    from trustrepair.booking import selectors as booking

    for busy in booking.appointments_overlapping(therapist_id, start - buffer, end + buffer):
        return f"You have an appointment at {busy:%H:%M} that day; choose another time."
    if GroupSession.objects.filter(
        group__therapist_id=therapist_id, cancelled_at__isnull=True, start__lt=end + buffer, end__gt=start - buffer
    ).exists():
        return "Another group session is at that time."
    return ""


def add_session(group: Group, *, start: dt.datetime, minutes: int, now=None) -> GroupSession:
    """One calendar block: the therapist's bookable slots around it disappear (booking.selectors.busy_for)."""
    now = now or timezone.now()
    if start <= now:
        raise GroupError("Choose a time in the future.")
    if not 15 <= minutes <= 240:
        raise GroupError("A session lasts 15 to 240 minutes.")
    end = start + dt.timedelta(minutes=minutes)
    from trustrepair.booking import selectors as booking

    schedule = booking.schedule_of(group.therapist)
    buffer = dt.timedelta(minutes=schedule.buffer_minutes if schedule else 0)
    problem = _conflict(group.therapist_id, start, end, buffer=buffer)
    if problem:
        raise GroupError(problem)
    return GroupSession.objects.create(group=group, start=start, end=end)


def cancel_session(session: GroupSession, *, now=None) -> None:
    GroupSession.objects.filter(pk=session.pk, cancelled_at__isnull=True).update(cancelled_at=now or timezone.now())


def record_attendance(session: GroupSession, *, present_ids: set[str]) -> int:
    members = list(Member.objects.filter(group=session.group, left_at__isnull=True))
    for member in members:
        Attendance.objects.update_or_create(
            session=session, member=member, defaults={"present": str(member.public_id) in present_ids}
        )
    return len(members)


def names_of(member: Member) -> set[str]:
    """Every way this member could be recognised in text: handle, account name and email."""
    words = {member.handle}
    user = member.user
    if user is not None:
        words |= {user.email, user.email.split("@")[0], str(user)}
        words |= set(str(user).split())
    return {w for w in words if w and len(w) >= 2}


def naming(text: str, names: set[str]) -> str:
    """The first of `names` that appears in `text` as a word, or ""."""
    for name in sorted(names, key=len, reverse=True):
        found = re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, flags=re.IGNORECASE)
        if found:
            return found.group(0)  # as the note wrote it
    return ""


def write_group_note(session: GroupSession, *, author, shared: str, personal: dict[str, str]) -> list[NoteEntry]:
    """One entry per member present or named in `personal`, into that member's own record.

    `shared` (what the group did) goes to every member, so it may name no member at all; each member's
    personal part may name only that member. Refused with the offending name, nothing written.
    """
    shared = (shared or "").strip()
    members = list(Member.objects.filter(group=session.group, left_at__isnull=True).select_related("user"))
    if NoteEntry.objects.filter(session=session).exists():
        raise GroupError("This session's note is already written.")
    if not shared and not any((personal or {}).values()):
        raise GroupError("Write what the group did, or a line for a member.")
    everyone = {m.public_id.hex: names_of(m) for m in members}
    all_names = set().union(*everyone.values()) if everyone else set()
    found = naming(shared, all_names)
    if found:
        raise GroupError(f"The shared part goes into every member's record, so it cannot name “{found}”.")
    for member in members:
        own = (personal or {}).get(str(member.public_id), "").strip()
        others = all_names - everyone[member.public_id.hex]
        found = naming(own, others)
        if found:
            raise GroupError(f"The part for {member.handle} names “{found}”; it may name only {member.handle}.")
    entries = []
    with transaction.atomic():
        for member in members:
            own = (personal or {}).get(str(member.public_id), "").strip()
            text = "\n\n".join(part for part in (shared, own) if part)
            if text:
                entries.append(NoteEntry.objects.create(session=session, member=member, author=author, text=text))
    return entries


def send_reminders(*, now=None) -> int:
    from trustrepair.booking.notify import when
    from trustrepair.notifications.models import Notice
    from trustrepair.notifications.services import notify

    now = now or timezone.now()
    sent = 0
    soon = GroupSession.objects.filter(cancelled_at__isnull=True, start__gt=now, start__lte=now + REMIND_BEFORE)
    for session in soon.select_related("group"):
        for member in Member.objects.filter(
            group=session.group, left_at__isnull=True, user__isnull=False
        ).select_related("user"):
            key = f"group-{session.public_id}-{member.public_id}"
            if Notice.objects.filter(user=member.user, key=key).exists():
                continue
            with transaction.atomic():
                notify(
                    member.user,
                    kind="group_session_soon",
                    context={"when": when(session.start, member.user.time_zone)},
                    link_path=session.group.get_absolute_url(),
                    key=key,
                )
            sent += 1
    return sent


# ---- export and erasure ----------------------------------------------------------------------------------


def export_groups(user) -> list[dict]:
    out = []
    for member in Member.objects.filter(user=user).select_related("group"):
        out.append(
            {
                "group": member.group.name,
                "your_name_there": member.handle,
                "joined_at": member.joined_at,
                "left_at": member.left_at,
                "attendance": [
                    {"session": a.session.start, "present": a.present}
                    for a in Attendance.objects.filter(member=member).select_related("session")
                ],
                "notes": [
                    {"session": n.session.start, "text": n.text}
                    for n in NoteEntry.objects.filter(member=member).select_related("session")
                ],
            }
        )
    return out


def erase_groups(user) -> None:
    """The person leaves every group; notes about them stay with the practice's record, unlinked from the
    account, like issue 13's care relationships (DESIGN records table: notes are the practice's record)."""
    now = timezone.now()
    Member.objects.filter(user=user, left_at__isnull=True).update(left_at=now)
    Member.objects.filter(user=user).update(user=None)
