"""Django's database sessions, read with the signed-in person in one statement.

Every signed-in request reads its session and then its person (AuthenticationMiddleware): two round trips to the
database before any page work, and Django compiles the session's query with the ORM each time (issue 16). The
session table (`accounts.Session`) keeps the person's id beside the data, so while the person is being loaded
(`person_with_session()`, which `core.middleware.PageVersionMiddleware` opens around that moment) one statement
reads the person, with the request state of `accounts.backends`, and the session's data. The backend takes that
person when Django asks for the same id (`person_read_with_session`). Outside that moment, or for a session
without a person (a sign-in in progress), the session is read alone, as Django reads it.

The statements are compiled once per process and database vendor. Nothing here holds a session or a person past
the request that read it: ending a session, or withdrawing consent, takes effect on the next request everywhere.
"""

import datetime as dt
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Subquery
from django.utils import timezone

_ANY_KEY = "any-session-key-while-compiling"
_ANY_TIME = dt.datetime(1999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)


class _LoadingPerson:
    """The request's moment of loading its person: whether the combined read was tried, and what it found."""

    tried = False
    person = None


_loading: ContextVar[_LoadingPerson | None] = ContextVar("loading_person_with_session", default=None)


@contextmanager
def person_with_session():
    """While this is open, reading the session reads its person too (once)."""
    token = _loading.set(_LoadingPerson())
    try:
        yield
    finally:
        _loading.reset(token)


def person_read_with_session(user_id):
    """The person read with this request's session if it is the one asked for, else None. Taken once."""
    loading = _loading.get()
    if loading is None or loading.person is None:
        return None
    person, loading.person = loading.person, None
    return person if person.pk == user_id else None


def _placeholders(params: list, *marks) -> tuple[int, ...]:
    return tuple(i for i, value in enumerate(params) if value in marks)


@cache
def _session_statement(vendor: str) -> tuple[str, list, tuple, tuple]:
    from trustrepair.accounts.models import Session

    query = Session.objects.filter(session_key=_ANY_KEY, expire_date__gt=_ANY_TIME).values_list("session_data").query
    return _compiled(query)


@cache
def _person_statement(vendor: str, with_page_version: bool) -> tuple[str, list, tuple, tuple]:
    """The person whose id the session row holds, with the request state (`accounts.backends`) and the session's
    data as `loaded_session_data`. No row when the session is missing, expired or holds no person."""
    from trustrepair.accounts.backends import people_with_request_state
    from trustrepair.accounts.models import Session

    session = Session.objects.filter(session_key=_ANY_KEY, expire_date__gt=_ANY_TIME)
    people = people_with_request_state(with_page_version).annotate(
        loaded_session_data=Subquery(session.values("session_data")[:1])
    )
    return _compiled(people.filter(pk=Subquery(session.values("user_id")[:1])).query)


def _compiled(query) -> tuple[str, list, tuple, tuple]:
    sql, params = query.sql_with_params()
    params = list(params)
    keys = _placeholders(params, _ANY_KEY)
    times = _placeholders(params, _ANY_TIME, connection.ops.adapt_datetimefield_value(_ANY_TIME))
    if not keys or not times:
        raise RuntimeError("the session statement lost its placeholders")  # Django changed how it compiles
    return sql, params, keys, times


def _filled(statement, session_key: str) -> tuple[str, list]:
    sql, params, keys, times = statement
    params, now = list(params), connection.ops.adapt_datetimefield_value(timezone.now())
    for i in keys:
        params[i] = session_key
    for i in times:
        params[i] = now
    return sql, params


class SessionStore(DatabaseSessionStore):
    @classmethod
    def get_model_class(cls):
        from trustrepair.accounts.models import Session

        return Session

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        session.user_id = _signed_in_id(data)
        return session

    def _get_session_from_db(self):
        if self.session_key is None:
            return None
        loading = _loading.get()
        if loading is not None and not loading.tried:
            loading.tried = True
            person = _person_with_session(self.session_key)
            if person is not None:
                loading.person = person
                return self.model(session_key=self.session_key, session_data=person.loaded_session_data)
        with connection.cursor() as cursor:
            cursor.execute(*_filled(_session_statement(connection.vendor), self.session_key))
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return self.model(session_key=self.session_key, session_data=row[0])  # load() reads only the data


def _person_with_session(session_key: str):
    from django.contrib.auth import get_user_model

    from trustrepair.accounts.backends import with_request_state_as_bools
    from trustrepair.core.page_versions import reading_version_with_person

    statement = _person_statement(connection.vendor, reading_version_with_person())
    person = next(iter(get_user_model()._default_manager.raw(*_filled(statement, session_key))), None)
    return with_request_state_as_bools(person) if person is not None else None


def _signed_in_id(data: dict):
    from django.contrib.auth import get_user_model

    try:
        return get_user_model()._meta.pk.to_python(data.get(SESSION_KEY))
    except ValidationError:
        return None
