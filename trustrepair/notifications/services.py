"""Writes: make a notice, deliver its email exactly once, mark notices read, export and erase.

Delivery is claimed with a conditional UPDATE, so any number of workers on any number of machines
can run it at once and each email goes out once. A claim that is older than CLAIM_TIMEOUT and has no
sent mark belongs to a worker that died mid-send; the next run takes it over and tries again.
"""

import datetime as dt
import logging
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone

from trustrepair.notifications import sender
from trustrepair.notifications.kinds import KINDS
from trustrepair.notifications.models import Notice

log = logging.getLogger(__name__)

CLAIM_TIMEOUT = dt.timedelta(minutes=10)
MAX_ATTEMPTS = 5


def render_body(kind_key: str, *, named: bool, in_app: bool, link_path: str = "", context: dict | None = None) -> str:
    kind = KINDS[kind_key]
    link = sender.absolute_url(link_path) if link_path else ""
    text = render_to_string(kind.template, {**(context or {}), "named": named, "in_app": in_app, "link": link})
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def notify(
    user,
    *,
    kind: str,
    context: dict | None = None,
    link_path: str = "",
    key: str = "",
    calendar_for: Callable[[bool], str] | None = None,
    deliver_now: bool = True,
) -> Notice:
    """Tell `user` something: list it under Updates and, if their preference allows, email it.

    With `key`, calling twice makes one notice (jobs use this to be idempotent). The email is sent
    after the surrounding transaction commits; whatever is not sent then is sent by the
    `deliver_pending_emails` job.
    """
    if key:
        existing = Notice.objects.filter(user=user, key=key).first()
        if existing is not None:
            return existing
    named = sender.names_allowed(user)
    notice = Notice(
        user=user,
        kind=kind,
        key=key,
        link_path=link_path,
        text=render_body(kind, named=True, in_app=True, context=context),
    )
    if sender.wants_email(user):
        notice.email = Notice.Email.PENDING
        notice.email_subject = sender.subject_for(
            user, named=KINDS[kind].title.lower(), neutral=KINDS[kind].neutral_subject
        )
        notice.email_body = render_body(kind, named=named, in_app=False, link_path=link_path, context=context)
        notice.email_calendar = calendar_for(named) if calendar_for else ""
    try:
        with transaction.atomic():
            notice.save()
            get_user_model().objects.filter(pk=user.pk).update(unread_updates=F("unread_updates") + 1)
    except IntegrityError:
        if not key:
            raise
        return Notice.objects.get(user=user, key=key)  # another runner made it first
    if notice.email == Notice.Email.PENDING and deliver_now:
        transaction.on_commit(lambda: deliver(notice.pk))
    return notice


def _claimable(now: dt.datetime):
    return Notice.objects.filter(email=Notice.Email.PENDING, email_sent_at__isnull=True).filter(
        Q(email_claimed_at__isnull=True) | Q(email_claimed_at__lt=now - CLAIM_TIMEOUT)
    )


def claim(notice_id: int, *, now: dt.datetime) -> bool:
    """Exactly one caller anywhere gets True for an unclaimed (or abandoned) notice."""
    claimed = _claimable(now).filter(pk=notice_id).update(email_claimed_at=now, email_attempts=F("email_attempts") + 1)
    return claimed == 1


def deliver(notice_id: int, *, now: dt.datetime | None = None) -> bool:
    """Send one notice's email if this caller wins the claim; return whether it was sent."""
    now = now or timezone.now()
    if not claim(notice_id, now=now):
        return False
    notice = Notice.objects.select_related("user").get(pk=notice_id)
    mine = Notice.objects.filter(pk=notice_id, email_claimed_at=now)
    user = notice.user
    if not user.is_active or not sender.wants_email(user):
        mine.update(email=Notice.Email.SKIPPED)
        return False
    try:
        sender.send_email(
            user=user, subject=notice.email_subject, body=notice.email_body, calendar=notice.email_calendar
        )
    except Exception:
        log.exception("notice %s could not be emailed (attempt %s)", notice.public_id, notice.email_attempts)
        if notice.email_attempts >= MAX_ATTEMPTS:
            mine.update(email=Notice.Email.FAILED)
        else:
            mine.update(email_claimed_at=None)  # release: the next run tries again
        return False
    mine.update(email=Notice.Email.SENT, email_sent_at=timezone.now())
    return True


def deliver_pending(*, now: dt.datetime | None = None, limit: int = 500) -> int:
    """Send every pending email not held by a live claim. Safe to run anywhere, any number of times."""
    now = now or timezone.now()
    ids = list(_claimable(now).order_by("created_at").values_list("pk", flat=True)[:limit])
    return sum(1 for notice_id in ids if deliver(notice_id, now=now))


def mark_read(user, *, now: dt.datetime | None = None) -> int:
    with transaction.atomic():
        marked = Notice.objects.filter(user=user, read_at__isnull=True).update(read_at=now or timezone.now())
        get_user_model().objects.filter(pk=user.pk).update(unread_updates=0)
    user.unread_updates = 0
    return marked


def export_notices(user) -> list[dict]:
    return [
        {"kind": n.kind, "text": n.text, "created_at": n.created_at, "read_at": n.read_at, "email": n.email}
        for n in Notice.objects.filter(user=user)
    ]


def erase_notices(user) -> None:
    Notice.objects.filter(user=user).delete()
