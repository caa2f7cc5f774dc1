"""Demo data: the demo therapist runs a small group (three members, the demo client among them) with one
past session — attendance and a note written per member — and one to come. Idempotent."""

import datetime as dt

from django.utils import timezone

from trustrepair.groups import services
from trustrepair.groups.models import Attendance, Group, GroupSession, Member

OTHERS = [("june@demo.trustrepair.test", "June Moreau", "June"), ("kai@demo.trustrepair.test", "Kai Lindqvist", "K.")]


def _client(email, name):
    from trustrepair.accounts import services as account_services
    from trustrepair.accounts.models import User
    from trustrepair.core.management.commands.seed_demo import DEMO_PASSWORD

    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD)
        account_services.complete_signup(
            user, role="client", display_name=name, country="US", subdivision="US-NY", time_zone="America/New_York"
        )
    return user


def seed(cast) -> None:
    therapist, client = cast.get("therapist"), cast.get("client")
    if therapist is None or client is None or Group.objects.filter(therapist=therapist).exists():
        return
    group, code = services.create_group(
        therapist,
        name="Thursday evening group",
        theme="Rebuilding after betrayal",
        schedule="Thursdays, 18:00–19:30",
        max_members=8,
    )
    now = timezone.now()
    services.join(client, code=code, handle="Ally", adult=True)
    for email, name, handle in OTHERS:
        services.join(_client(email, name), code=code, handle=handle, adult=True)
    start = (now - dt.timedelta(days=7)).replace(hour=23, minute=0, second=0, microsecond=0)
    past = GroupSession.objects.create(group=group, start=start, end=start + dt.timedelta(minutes=90))
    members = list(Member.objects.filter(group=group))
    for m in members:
        Attendance.objects.create(session=past, member=m, present=m.handle != "K.")
    services.write_group_note(
        past,
        author=therapist,
        shared="Demo: the group mapped the checking cycle together and practised one urge-surfing round.",
        personal={
            str(m.public_id): "Demo: spoke about evenings; named one small safe risk for the week."
            for m in members
            if m.user_id == client.pk
        },
    )
    upcoming = (now + dt.timedelta(days=3)).replace(hour=23, minute=0, second=0, microsecond=0)
    GroupSession.objects.create(group=group, start=upcoming, end=upcoming + dt.timedelta(minutes=90))
