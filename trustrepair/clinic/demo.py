"""Demo data: the demo therapist in a practice with a clinical lead and a backup clinician, and the demo
client in care with questionnaires, check-ins and two tools shared, weeks of scores with one reliable
worsening, an acknowledged alert, notes and a plan, so the caseload is full. Idempotent."""

import datetime as dt

from django.utils import timezone

from trustrepair.clinic import services
from trustrepair.clinic.models import CareRelationship, PracticeMembership, RiskAlert

COLLEAGUES = [
    ("lead@demo.trustrepair.test", "Dr Lena Park"),
    ("backup@demo.trustrepair.test", "Omar Haddad"),
]


def _colleague(email, name):
    from allauth.mfa.models import Authenticator

    from trustrepair.accounts import services as account_services
    from trustrepair.accounts.models import User
    from trustrepair.core.management.commands.seed_demo import DEMO_PASSWORD, DEMO_TOTP_SECRET

    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD)
        account_services.complete_signup(
            user, role="therapist", display_name=name, country="US", subdivision="US-NY", time_zone="America/New_York"
        )
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        from allauth.mfa.totp.internal.auth import TOTP

        TOTP.activate(user, DEMO_TOTP_SECRET)
    return user


def seed(cast) -> None:
    therapist, client, staff = cast.get("therapist"), cast.get("client"), cast.get("staff")
    if therapist is None or client is None:
        return
    if CareRelationship.objects.filter(client=client, therapist=therapist).exists():
        return
    lead, backup = (_colleague(email, name) for email, name in COLLEAGUES)
    practice = services.create_practice(name="Riverside Practice", lead=lead, backup=backup)
    services.add_member(practice, therapist, role=PracticeMembership.Role.THERAPIST)
    if staff is not None:
        services.add_member(practice, staff, role=PracticeMembership.Role.STAFF)

    text, _code = services.issue_code(therapist)
    relationship = services.redeem_code(client, text)
    for scope in ("measures", "checkins", "program", "risk_alerts", "tool:thought_record", "tool:evidence_brick"):
        services.share(relationship, scope)

    _one_reliable_worsening(client)
    now = timezone.now()
    alert = RiskAlert.objects.create(relationship=relationship, origin=RiskAlert.Origin.QUESTION)
    RiskAlert.objects.filter(pk=alert.pk).update(raised_at=now - dt.timedelta(days=9))
    services.acknowledge_alert(
        alert,
        by=therapist,
        action_taken="Demo: phoned the same afternoon; went through the safety plan together; seen two days later.",
        now=now - dt.timedelta(days=9, hours=-3),
    )

    note = services.save_progress_note(
        relationship,
        author=therapist,
        format="soap",
        session_date=(now - dt.timedelta(days=14)).date(),
        subjective="Demo: checking the partner's phone most evenings; wants to stop and understand why.",
        objective="Demo: engaged, tearful when describing the first betrayal.",
        assessment="Demo: checking relieves anxiety briefly and keeps mistrust in place.",
        plan="Demo: trigger and urge log daily; one thought record before next session.",
    )
    services.sign_note(note, by=therapist)
    services.add_addendum(note, by=therapist, text="Demo: client asked to add that evenings are hardest.")
    services.save_progress_note(
        relationship,
        author=therapist,
        format="dap",
        session_date=(now - dt.timedelta(days=7)).date(),
        data="Demo: three urges logged, two ridden out.",
        assessment="Demo: first signs of responding rather than reacting.",
        plan="Demo: continue; introduce evidence bricks.",
    )
    services.save_psychotherapy_note(
        relationship, author=therapist, text="Demo: my own impression — rupture with father at 12 keeps coming up."
    )
    plan = services.save_plan(
        relationship,
        by=therapist,
        interventions="Demo: CBT for checking (urge surfing, thought records), then graded trusting acts.",
        review_on=(now + dt.timedelta(weeks=6)).date(),
    )
    services.add_goal(
        plan,
        phase="regulation",
        text="Anxiety that fits daily life",
        instrument_id="gad7",
        direction="below",
        target=10,
    )
    services.add_goal(plan, phase="core_beliefs", text="Re-examine “people always leave” with evidence")
    services.add_goal(plan, phase="rebuilding", text="Say one need out loud to my partner each week")
    services.assign_measure(relationship, instrument_id="phq9", due_at=now + dt.timedelta(days=5))


def _one_reliable_worsening(client) -> None:
    """GAD-7 this week 7 points above the last one (threshold 4): a reliable worsening on the caseload."""
    from trustrepair.measures import registry
    from trustrepair.measures import services as measures_services

    gad7 = registry.all_instruments().get("gad7")
    if gad7 is None:
        return
    measures_services.submit_answers(
        client,
        instrument=gad7,
        answers={str(n): v for n, v in enumerate([2, 2, 2, 2, 2, 2, 2], start=1)},
        completed_at=timezone.now() - dt.timedelta(days=1),
    )
