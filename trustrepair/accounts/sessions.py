"""Django's database sessions, read with the signed-in person in one statement.

Every signed-in request reads its session and then its person (AuthenticationMiddleware): two round trips to the
database before any page work, and Django compiles the session's query with the ORM each time (issue 16). The
session table (`accounts.Session`) keeps the person's id beside the data, so one statement reads the session
with its person (a LEFT JOIN: a session without one, such as a sign-in in progress, reads as before) and the
person's request state (`accounts.backends`). While the person is being loaded (`person_with_session()`, which
`core.middleware.PageVersionMiddleware` opens around that moment) the person read is handed to the backend when
Django asks for the same id (`person_read_with_session`); a session read at any other moment hands nobody over.

The statements are compiled once per process and database vendor. Nothing here holds a session or a person past
the request that read it: ending a session, or withdrawing consent, takes effect on the next request everywhere.
"""

import datetime as dt
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import connection
from django.utils import timezone

_ANY_KEY = "any-session-key-while-compiling"
_ANY_TIME = dt.datetime(1999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)


class _LoadingPerson:
    """The request's moment of loading its person, and the person the session's statement found."""

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
def _statement(vendor: str, with_page_version: bool) -> tuple[str, list, tuple, tuple]:
    """The session with its person (a LEFT JOIN: a session without one has none) and the person's request state
    (`accounts.backends`), compiled once per process and database vendor. The SQL text holds no rows."""
    from django.db.models import OuterRef

    from trustrepair.accounts.backends import request_state_annotations
    from trustrepair.accounts.models import Session

    sessions = Session.objects.filter(session_key=_ANY_KEY, expire_date__gt=_ANY_TIME).select_related("user")
    query = sessions.annotate(**request_state_annotations(OuterRef("user_id"), with_page_version)).query
    sql, params = query.sql_with_params()
    params = list(params)
    keys = _placeholders(params, _ANY_KEY)
    times = _placeholders(params, _ANY_TIME, connection.ops.adapt_datetimefield_value(_ANY_TIME))
    if not keys or not times:
        raise RuntimeError("the session statement lost its placeholders")  # Django changed how it compiles
    return sql, params, keys, times


def _session_with_person(session_key: str):
    """The person of this session (with `session_data` and the request state on them; no id when the session has
    no person), or None when there is no such session or it has expired."""
    from django.contrib.auth import get_user_model

    from trustrepair.core.page_versions import reading_version_with_person

    sql, params, keys, times = _statement(connection.vendor, reading_version_with_person())
    params, now = list(params), connection.ops.adapt_datetimefield_value(timezone.now())
    for i in keys:
        params[i] = session_key
    for i in times:
        params[i] = now
    # raw() maps the columns by name: the person's fields onto a person, the others (session_data, the state)
    # onto attributes of the same name.
    return next(iter(get_user_model()._default_manager.raw(sql, params)), None)


class SessionStore(DatabaseSessionStore):
    @classmethod
    def get_model_class(cls):
        from trustrepair.accounts.models import Session

        return Session

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        from trustrepair.accounts.backends import person_id

        session.user_id = person_id(data.get(SESSION_KEY))
        return session

    def _get_session_from_db(self):
        if self.session_key is None:
            return None
        row = _session_with_person(self.session_key)
        if row is None:
            self._session_key = None
            return None
        data = vars(row)
        session_data = data.pop("session_data")
        for column in ("session_key", "expire_date", "user_id"):  # the session's own columns: not the person's
            data.pop(column, None)
        loading = _loading.get()
        if loading is not None and row.pk is not None:
            from trustrepair.accounts.backends import with_request_state_as_bools

            loading.person = with_request_state_as_bools(row)
        return self.model(session_key=self.session_key, session_data=session_data)  # load() reads only the data
