"""Test helpers for the care team's second part: a practice and an active care relationship."""

from trustrepair.clinic import services as clinic


def in_care(client, therapist, *scopes, backup=None):
    """`client` in active care with `therapist`, sharing `scopes`. The practice names a backup, so risk
    alerts are possible."""
    from trustrepair.clinic.models import PracticeMembership

    membership = PracticeMembership.objects.filter(user=therapist).first()
    if membership is None:
        if backup is None:
            from conftest import make_user

            backup = make_user(f"backup-{therapist.pk}@example.test", "therapist", name="Bea", mfa=True)
        clinic.create_practice(name="Test Practice", lead=therapist, backup=backup)
    text, _ = clinic.issue_code(therapist)
    relationship = clinic.redeem_code(client, text)
    for scope in scopes:
        clinic.share(relationship, scope)
    return relationship
