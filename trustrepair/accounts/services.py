from django.db import transaction
from django.utils import timezone

from trustrepair.accounts.consent import CURRENT_VERSIONS
from trustrepair.accounts.models import ConsentRecord, User
from trustrepair.core import places


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


class IncompletePlace(ValueError):
    """A country that licenses by state, province or territory was given without one."""


def _check_place(country: str, subdivision: str) -> None:
    if not places.is_complete(country, subdivision):
        raise IncompletePlace(f"not a complete place: {country!r} {subdivision!r}")


def complete_signup(
    user: User, *, role: str, display_name: str, country: str, subdivision: str = "", time_zone: str
) -> User:
    _check_place(country, subdivision)
    user.role = role
    user.display_name = display_name
    user.country = country
    user.subdivision = subdivision
    user.time_zone = time_zone
    user.save(update_fields=["role", "display_name", "country", "subdivision", "time_zone"])
    grant_consent(user, kind="terms")
    grant_consent(user, kind="health_data")
    return user


def update_profile(user: User, **fields) -> User:
    allowed = {"display_name", "time_zone", "locale", "country", "subdivision"}
    changed = [name for name in fields if name in allowed]
    if "country" in fields or "subdivision" in fields:
        _check_place(fields.get("country", user.country), fields.get("subdivision", user.subdivision))
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
        "country": user.country,
        "subdivision": user.subdivision,
        "joined": user.date_joined,
        "consents": [
            {"kind": c.kind, "version": c.version, "granted_at": c.granted_at, "revoked_at": c.revoked_at}
            for c in user.consents.all()
        ],
        "email_addresses": list(user.emailaddress_set.values("email", "verified", "primary")),
    }
