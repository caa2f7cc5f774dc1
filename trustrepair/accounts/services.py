from django.db import transaction
from django.utils import timezone

from trustrepair.accounts.consent import CURRENT_VERSIONS
from trustrepair.accounts.models import ConsentRecord, User
from trustrepair.core.names import clean_name


def grant_consent(user: User, *, kind: str) -> ConsentRecord:
    """Record agreement to the current version of `kind`; an earlier active one is superseded."""
    with transaction.atomic():
        active = ConsentRecord.objects.select_for_update().filter(user=user, kind=kind, revoked_at__isnull=True)
        current = active.first()
        if current and current.version == CURRENT_VERSIONS[kind]:
            return current
        active.update(revoked_at=timezone.now())
        return ConsentRecord.objects.create(user=user, kind=kind, version=CURRENT_VERSIONS[kind])


def revoke_consent(user: User, *, kind: str) -> int:
    """Revocation takes effect on the next request: every check reads the active record."""
    return ConsentRecord.objects.filter(user=user, kind=kind, revoked_at__isnull=True).update(revoked_at=timezone.now())


def has_consent(user: User, kind: str) -> bool:
    return ConsentRecord.objects.filter(user=user, kind=kind, revoked_at__isnull=True).exists()


def complete_signup(user: User, *, role: str, display_name: str, region: str, time_zone: str) -> User:
    user.role = role
    user.display_name = clean_display_name(display_name)
    user.region = region
    user.time_zone = time_zone
    user.save(update_fields=["role", "display_name", "region", "time_zone"])
    grant_consent(user, kind="terms")
    grant_consent(user, kind="health_data")
    return user


def clean_display_name(value: str) -> str:
    """The display name is optional: blank stays blank, anything else goes through the one name cleaner."""
    return clean_name(value) if value and value.strip() else ""


def update_profile(user: User, **fields) -> User:
    allowed = {"display_name", "time_zone", "locale", "region"}
    changed = [name for name in fields if name in allowed]
    if "display_name" in fields:
        fields = {**fields, "display_name": clean_display_name(fields["display_name"])}
    for name in changed:
        setattr(user, name, fields[name])
    user.save(update_fields=changed)
    return user


def export_account(user: User) -> dict:
    return {
        "email": user.email,
        "display_name": user.display_name,
        "role": user.role,
        "time_zone": user.time_zone,
        "locale": user.locale,
        "region": user.region,
        "joined": user.date_joined,
        "consents": [
            {"kind": c.kind, "version": c.version, "granted_at": c.granted_at, "revoked_at": c.revoked_at}
            for c in user.consents.all()
        ],
        "email_addresses": list(user.emailaddress_set.values("email", "verified", "primary")),
    }


def end_other_sessions(user: User, *, keep_session_key: str | None) -> int:
    """Sign the person out everywhere but the session `keep_session_key` (None: everywhere). Returns how many.

    Sessions are indexed by person (allauth's usersessions), so this reaches every session on every worker.
    """
    from allauth.usersessions.models import UserSession

    sessions = UserSession.objects.filter(user=user)
    if keep_session_key:
        sessions = sessions.exclude(session_key=keep_session_key)
    ended = 0
    for session in sessions:
        session.end()  # deletes the session itself, then its index row
        ended += 1
    return ended
