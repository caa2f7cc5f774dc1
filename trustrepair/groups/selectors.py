"""Every read of therapy groups. A member reads a group only while a member (left_at IS NULL), and sees other
members only by handle. A therapist reads only the groups they run."""

from __future__ import annotations

import datetime as dt

from django.http import Http404

from trustrepair.groups.models import Attendance, Group, GroupSession, Member, NoteEntry


def groups_run_by(therapist):
    return Group.objects.filter(therapist=therapist, closed_at__isnull=True)


def group_for_therapist(therapist, public_id) -> Group:
    try:
        return Group.objects.get(therapist=therapist, public_id=public_id)
    except (Group.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such group.") from exc


def session_for_therapist(therapist, public_id) -> GroupSession:
    try:
        return GroupSession.objects.select_related("group").get(group__therapist=therapist, public_id=public_id)
    except (GroupSession.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such session.") from exc


def memberships_of(user):
    return Member.objects.filter(user=user, left_at__isnull=True).select_related("group")


def membership_for(user, group_public_id) -> Member:
    """The person's current membership of that group; 404 once they left, or if they never joined."""
    try:
        return Member.objects.select_related("group", "group__therapist").get(
            user=user, group__public_id=group_public_id, left_at__isnull=True
        )
    except (Member.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such group.") from exc


def handles_in(group) -> list[str]:
    """What a member sees of the others: chosen names only (never an email, account name or record)."""
    return list(Member.objects.filter(group=group, left_at__isnull=True).values_list("handle", flat=True))


def members_for_therapist(group):
    return list(Member.objects.filter(group=group, left_at__isnull=True).select_related("user"))


def sessions_of(group, *, now=None):
    return list(GroupSession.objects.filter(group=group).order_by("start"))


def attendance_of(session) -> dict[int, bool]:
    return dict(Attendance.objects.filter(session=session).values_list("member_id", "present"))


def my_notes(member) -> list[NoteEntry]:
    return list(NoteEntry.objects.filter(member=member).select_related("session"))


def busy_blocks(therapist_id, first: dt.datetime, last: dt.datetime) -> list[tuple[dt.datetime, dt.datetime]]:
    """The therapist's group sessions overlapping [first, last): for booking's open slots."""
    return list(
        GroupSession.objects.filter(
            group__therapist_id=therapist_id, cancelled_at__isnull=True, start__lt=last, end__gt=first
        ).values_list("start", "end")
    )
