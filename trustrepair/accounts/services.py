import json
from importlib import import_module

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.utils import timezone

from trustrepair.accounts.consent import CURRENT_VERSIONS
from trustrepair.accounts.models import ConsentRecord, User
from trustrepair.core import page_versions, places
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
    """Revocation takes effect on the next request: every check reads the active record, and kept pages of the
    person and everyone connected to them are retired in the same transaction."""
    with transaction.atomic():
        revoked = ConsentRecord.objects.filter(user=user, kind=kind, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        page_versions.bump([user.pk])
    return revoked


def has_reminder_consent(user: User) -> bool:
    return has_consent(user, ConsentRecord.Kind.EMAIL_REMINDERS)


def has_consent(user: User, kind: str) -> bool:
    return ConsentRecord.objects.filter(user=user, kind=kind, revoked_at__isnull=True).exists()


class IncompletePlace(ValueError):
    """A country that licenses by state, province or territory was given without one."""


def _check_place(country: str, subdivision: str) -> None:
    if not places.is_complete(country, subdivision):
        raise IncompletePlace(f"not a complete place: {country!r} {subdivision!r}")


def complete_signup(
    user: User,
    *,
    role: str,
    display_name: str,
    country: str,
    subdivision: str = "",
    time_zone: str,
    contact: str = User.Contact.NEUTRAL_EMAIL,
    reminders: bool = False,
    first_run: bool = False,
) -> User:
    _check_place(country, subdivision)
    user.role = role
    user.display_name = clean_display_name(display_name)
    user.country = country
    user.subdivision = subdivision
    user.time_zone = time_zone
    user.contact = contact
    # A person signing up meets the first run next (issue 11); accounts made by scripts do not.
    user.needs_onboarding = first_run and role in (User.Role.CLIENT, User.Role.PARTNER)
    user.save(
        update_fields=["role", "display_name", "country", "subdivision", "time_zone", "contact", "needs_onboarding"]
    )
    grant_consent(user, kind="terms")
    grant_consent(user, kind="health_data")
    if reminders:
        grant_consent(user, kind=ConsentRecord.Kind.EMAIL_REMINDERS)
    return user


def save_welcome(user: User, *, joined_for: str, time_zone: str, country: str, subdivision: str = "") -> User:
    """The first run's answers: why the person came (never their role), their time zone and place."""
    _check_place(country, subdivision)
    user.joined_for, user.time_zone, user.country, user.subdivision = joined_for, time_zone, country, subdivision
    user.save(update_fields=["joined_for", "time_zone", "country", "subdivision"])
    return user


def end_onboarding(user: User) -> None:
    if user.needs_onboarding:
        user.needs_onboarding = False
        user.save(update_fields=["needs_onboarding"])


def clean_display_name(value: str) -> str:
    """The display name is optional: blank stays blank, anything else goes through the one name cleaner."""
    return clean_name(value) if value and value.strip() else ""


def update_profile(user: User, **fields) -> User:
    allowed = {
        "display_name", "time_zone", "locale", "country", "subdivision", "contact", "discreet_titles",
        "discreet_mfa_issuer",
    }  # fmt: skip
    changed = [name for name in fields if name in allowed]
    if "country" in fields or "subdivision" in fields:
        _check_place(fields.get("country", user.country), fields.get("subdivision", user.subdivision))
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
        "joined_for": user.joined_for,
        "time_zone": user.time_zone,
        "locale": user.locale,
        "country": user.country,
        "subdivision": user.subdivision,
        "contact": user.contact,
        "discreet_titles": user.discreet_titles,
        "discreet_mfa_issuer": user.discreet_mfa_issuer,
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


def erase_account_traces(user: User) -> None:
    """On erasure: end every session that names the person and drop the cache keys derived from their email.

    Runs as the account's eraser in the privacy registry, before the account row itself is deleted.
    """
    emails = {user.email.lower(), *(e.lower() for e in user.emailaddress_set.values_list("email", flat=True))}
    addresses = set(_session_index(user).values_list("ip", flat=True))
    end_other_sessions(user, keep_session_key=None)
    _delete_sessions_naming(user, emails)
    _forget_rate_limits(user, emails=emails, addresses=addresses)


def _session_index(user: User):
    from allauth.usersessions.models import UserSession

    return UserSession.objects.filter(user=user)


def _sessions_in_database() -> bool:
    from django.contrib.sessions.backends.db import SessionStore

    return issubclass(import_module(settings.SESSION_ENGINE).SessionStore, SessionStore)


def _session_model():
    return import_module(settings.SESSION_ENGINE).SessionStore.get_model_class()


def _delete_sessions_naming(user: User, emails: set[str]) -> int:
    """Sessions the index cannot hold: a sign-in stopped at the code step, a reset in progress. Such a session
    carries the email (allauth records the login) without being signed in. Stored in the database, they are
    read and deleted here; erasure is rare, and sessions live hours, so the scan stays small."""
    if not _sessions_in_database():
        return 0
    pk, deleted = str(user.pk), 0
    for session in _session_model().objects.iterator():
        data = session.get_decoded()
        text = json.dumps(data, default=str).lower()
        if data.get("_auth_user_id") == pk or any(email in text for email in emails):
            session.delete()
            deleted += 1
    return deleted


def _forget_rate_limits(user: User, *, emails: set[str], addresses: set[str]) -> None:
    from allauth.core.internal.ratelimit import get_cache_key, get_rates

    from trustrepair.accounts.adapter import login_attempts_key

    app = "allauth.account"
    keyed = [("mfa-auth-user-" + str(user.pk), "login_failed")]  # allauth's per-person code attempts
    for email in emails:
        keyed += [(email, "reset_password"), (email, "confirm_email"), (email, "request_login_code")]
        keyed += [(login_attempts_key(email, address), "login_failed") for address in addresses]
    keys = [
        get_cache_key(None, app=app, action=action, rate=rate, key=key)
        for key, action in keyed
        for rate in get_rates(app=app, action=action)
        if rate.per == "key"
    ]
    keys += [
        get_cache_key(None, app=app, action=action, rate=rate, user=user)
        for action in ("change_password", "manage_email", "reauthenticate")
        for rate in get_rates(app=app, action=action)
        if rate.per == "user"
    ]
    caches["default"].delete_many(keys)


def clear_expired_sessions() -> dict[str, int]:
    """Delete expired sessions (what `manage.py clearsessions` does), index rows whose session is gone, and
    expired rows of a database cache (which Django otherwise keeps until the table fills). Idempotent: the
    `clear_expired_sessions` command runs it on a schedule."""
    from allauth.usersessions.models import UserSession

    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()
    orphaned = 0
    if _sessions_in_database():
        live = _session_model().objects.values("session_key")
        orphaned, _ = UserSession.objects.exclude(session_key__in=live).delete()
    else:
        orphaned = sum(1 for session in UserSession.objects.iterator() if session.purge())
    return {"session index rows removed": orphaned, "expired cache rows removed": _clear_expired_cache_rows()}


def _clear_expired_cache_rows() -> int:
    removed = 0
    for alias in settings.CACHES:
        cache = caches[alias]
        if isinstance(cache, DatabaseCache):
            connection = connections[router.db_for_write(cache.cache_model_class)]
            table, expires = connection.ops.quote_name(cache._table), connection.ops.quote_name("expires")
            now = connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))
            with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {table} WHERE {expires} < %s", [now])  # noqa: S608
                removed += cursor.rowcount
    return removed
