"""The authentication backends: Django's and allauth's, loading the signed-in person with the state that every
page reads, in the one query that loads them.

Every signed-in request loads the person from the database (AuthenticationMiddleware). The gates (health-data
consent; MFA turned on) and whether the crisis panel or a gentle question is waiting are read on every page
too, so they ride along in that same query as EXISTS subqueries instead of more round trips. They are read
afresh on each request, never cached in a process or a shared cache: withdrawing consent, or a new risk event,
takes effect on the next request on every worker. Readers fall back to their own query when the annotations
are missing (a user loaded some other way): see `request_state`.
"""

from functools import cache

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef

STATE = ("has_health_data_consent", "has_mfa", "has_open_risk_events", "has_waiting_question")


@cache
def _people_with_request_state():
    """Built once per process (building the subqueries costs more than running them); never evaluated itself,
    only cloned by .filter(), so it holds no rows."""
    from allauth.mfa.models import Authenticator

    from trustrepair.accounts.models import ConsentRecord
    from trustrepair.safety.models import GentleQuestion, RiskEvent

    person = OuterRef("pk")
    return get_user_model()._default_manager.annotate(
        request_state_has_health_data_consent=Exists(
            ConsentRecord.objects.filter(user=person, kind=ConsentRecord.Kind.HEALTH_DATA, revoked_at__isnull=True)
        ),
        request_state_has_mfa=Exists(Authenticator.objects.filter(user=person)),
        request_state_has_open_risk_events=Exists(RiskEvent.objects.filter(user=person, resolved_at__isnull=True)),
        request_state_has_waiting_question=Exists(GentleQuestion.objects.filter(user=person, answered_at__isnull=True)),
    )


def user_with_request_state(user_id):
    return _people_with_request_state().filter(pk=user_id).first()


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
