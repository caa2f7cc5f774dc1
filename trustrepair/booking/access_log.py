"""Keep the calendar feed's secret out of logs.

A therapist's feed address (`/booking/feed/<token>.ics`) is a secret: whoever has it sees when they work.
Calendar apps can only subscribe to a plain address (most cannot send a header or a password), so the token
stays in the path, and every log that writes paths writes `[secret]` in its place:

- gunicorn's access log, through `RedactingLogger` (set as `logger_class` in the repository's
  `gunicorn.conf.py`, which gunicorn reads from its working directory);
- Django's own `django.request` (e.g. "Not Found" for a revoked token) and `django.server` (runserver) logs,
  through `RedactFeedTokens`, which `BookingConfig.ready()` adds to them.

A reverse proxy in front writes its own access log: the README shows how to leave the path out there.
"""

import logging
import re

from gunicorn.glogging import Logger

FEED_PATH = re.compile(r"(/booking/feed/)[^/?#\s]+(\.ics)")


def redact(text: str) -> str:
    # The substring test first: every request writes a dozen atoms, and almost none holds a feed address.
    return FEED_PATH.sub(r"\1[secret]\2", text) if isinstance(text, str) and "/booking/feed/" in text else text


class RedactingLogger(Logger):
    """gunicorn's logger, with the feed token replaced in every atom a log format can use (the request line,
    the path, the referrer, and the environ and header atoms such as {raw_uri}e)."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key, value in atoms.items():
            atoms[key] = redact(value)
        return atoms


class RedactFeedTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) for arg in record.args)
        return True
