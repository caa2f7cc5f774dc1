"""Django's database sessions, read with one statement compiled once per process.

Every signed-in request reads its session. Django builds that query with the ORM on each request, and compiling
it cost more than running it (issue 16). This store runs the same SQL, compiled once per process and database
vendor; it holds no sessions, so ending a session still takes effect on the next request on every worker.
"""

import datetime as dt
from functools import cache

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

_ANY_KEY = "any-session-key-while-compiling"
_ANY_TIME = dt.datetime(1999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)


@cache
def _statement(vendor: str) -> tuple[str, list, int, int]:
    query = Session.objects.filter(session_key=_ANY_KEY, expire_date__gt=_ANY_TIME).values_list("session_data").query
    sql, params = query.sql_with_params()
    params = list(params)
    at_key = params.index(_ANY_KEY)
    at_time = next(i for i, value in enumerate(params) if i != at_key)
    return sql, params, at_key, at_time


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self):
        if self.session_key is None:
            return None
        sql, params, at_key, at_time = _statement(connection.vendor)
        params = list(params)
        params[at_key] = self.session_key
        params[at_time] = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return Session(session_key=self.session_key, session_data=row[0])  # load() reads only the data
