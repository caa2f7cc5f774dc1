"""Demo data: a few notices on the demo client's Updates page, one of them unread (idempotent by key)."""

from django.urls import reverse

from trustrepair.notifications.models import Notice
from trustrepair.notifications.services import notify


def seed(cast) -> None:
    client = cast["client"]
    declined = notify(
        client,
        kind="appointment_declined",
        context={"other": "Dr Demo", "when": "a Tuesday morning last month"},
        link_path=reverse("directory:find"),
        key="demo:declined",
        deliver_now=False,
    )
    Notice.objects.filter(pk=declined.pk, read_at__isnull=True).update(read_at=declined.created_at)
    notify(client, kind="checkin_due", link_path=reverse("measures:index"), key="demo:checkin", deliver_now=False)
