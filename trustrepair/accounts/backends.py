"""The authentication backends: Django's and allauth's, loading the signed-in person with the state that every
page reads, in the one query that loads them.

Every signed-in request loads the person from the database (AuthenticationMiddleware). The gates (health-data
consent; MFA turned on) and whether the crisis panel or a gentle question is waiting are read on every page
too, so they ride along in that same query as EXISTS subqueries instead of more round trips. They are read
afresh on each request, never cached in a process or a shared cache: withdrawing consent, or a new risk event,
takes effect on the next request on every worker. Readers fall back to their own query when the annotations
are missing (a user loaded some other way): see `request_state`.

While a request loads its person, the same statement reads the session too (`accounts.sessions`).

On a plain GET (a page that may be kept, `core.page_cache`) the person's page version rides along as well
(`core.page_versions.reading_version_with_person`); form posts and htmx polls do not read it, so on the
embedded SQLite they never wait on the writes that move it.
"""

from functools import cache

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Subquery

STATE = ("has_health_data_consent", "has_mfa", "has_open_risk_events", "has_waiting_question")


def request_state_annotations(person, with_page_version: bool) -> dict:
    """The request state (and the page version, when asked) of the person `person` refers to (an OuterRef),
    as annotations: for a query of people, and for a query of sessions with their person (`accounts.sessions`)."""
    from allauth.mfa.models import Authenticator

    from trustrepair.accounts.models import ConsentRecord
    from trustrepair.core.models import PageVersion
    from trustrepair.safety.models import GentleQuestion, RiskEvent

    annotations = {}
    if with_page_version:
        annotations["loaded_page_version"] = Subquery(
            PageVersion.objects.filter(person_id=person).values("version")[:1]
        )
    return annotations | {
        "request_state_has_health_data_consent": Exists(
            ConsentRecord.objects.filter(user=person, kind=ConsentRecord.Kind.HEALTH_DATA, revoked_at__isnull=True)
        ),
        "request_state_has_mfa": Exists(Authenticator.objects.filter(user=person)),
        "request_state_has_open_risk_events": Exists(RiskEvent.objects.filter(user=person, resolved_at__isnull=True)),
        "request_state_has_waiting_question": Exists(
            GentleQuestion.objects.filter(user=person, answered_at__isnull=True)
        ),
    }


@cache
def _people_with_request_state(with_page_version: bool):
    """Built once per process; never evaluated itself, only cloned by .filter(), so it holds no rows."""
    return get_user_model()._default_manager.annotate(**request_state_annotations(OuterRef("pk"), with_page_version))


def person_id(value):
    """The person's id as the session holds it (text), as the key the person's table uses; None if it is not one."""
    try:
        return get_user_model()._meta.pk.to_python(value)
    except ValidationError:
        return None


def user_with_request_state(user_id):
    """The person with their request state: as the session's statement read them in this request
    (`accounts.sessions`), or, when it did not (a session read before the person was loaded), by their own query."""
    from trustrepair.accounts.sessions import person_read_with_session
    from trustrepair.core.page_versions import reading_version_with_person

    user_id = person_id(user_id)
    if user_id is None:
        return None
    user = person_read_with_session(user_id)
    if user is not None:
        return user
    user = _people_with_request_state(reading_version_with_person()).filter(pk=user_id).first()
    return with_request_state_as_bools(user) if user is not None else None


def with_request_state_as_bools(user):
    """The annotations as real booleans (raw() leaves them as the database returns them, 1/0 on SQLite), since
    readers test `is False`."""
    for name in STATE:
        key = f"request_state_{name}"
        setattr(user, key, bool(getattr(user, key)))
    return user


def request_state(user, name: str):
    """True/False as loaded with the person at the start of this request, or None when not loaded that way."""
    return getattr(user, f"request_state_{name}", None)


class _LoadsRequestState:
    def get_user(self, user_id):
        user = user_with_request_state(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class RequestStateModelBackend(_LoadsRequestState, ModelBackend):
    pass


class RequestStateAllauthBackend(_LoadsRequestState, AllauthBackend):
    pass
