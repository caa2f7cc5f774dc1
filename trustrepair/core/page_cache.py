"""A signed-in person's main pages, kept rendered for a minute in the shared cache, encrypted.

`@person_page` goes under a view's access decorator, so who may see the page is decided on every request as
before; only the rendering is reused. The cache key is a hash of everything the page may depend on:

- the person and their page version (`core.page_versions`: it changes with any write that could change what
  they see, theirs or a connected person's, in the same transaction as the write; read first, before anything
  the page shows), and the request state read with them (consent, MFA, crisis panel, waiting question);
- this session and its data (what the session passed, such as a second factor) and its CSRF secret, so a
  page's forms carry a token this browser can send back;
- the address with its query, and the person's date where they are (their time zone), so a page never
  outlives the day it was rendered on.

A page is kept for `KEPT_PAGE_SECONDS` (60; 0 keeps no page) from its rendering, so nothing that changes with
time alone ("starts in 10 minutes") is more than a minute old. Counted from each page's own rendering, not from
the start of a clock minute, so every person's pages do not all render afresh in the same second.

A page is not kept when it is not a plain 200 HTML page, when the view set a cookie or a message or changed
the session, or when messages were waiting. A view that wrote something the person sees is kept under the key
it was read with, which that write has already retired (the version moved). What is kept is
encrypted with the field keys (`core.fields`), so the shared cache holds no readable personal content; the
audit events the view wrote are kept with it and written again, with this request's address, each time the
page is served from the cache.
"""

import hashlib
import json
import zlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from trustrepair.accounts.backends import STATE, request_state
from trustrepair.core import audit
from trustrepair.core.fields import fernet
from trustrepair.core.page_versions import current

KEY_VERSION = "2"  # the layout of a kept entry (`_seal`)


def person_page(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        key = page_key(request)
        if key is None:
            return view(request, *args, **kwargs)
        kept = cache.get(key)
        if kept is not None:
            entry = _unseal(kept)
            if entry is not None:
                audit.replay(entry["audit"], request)
                return HttpResponse(entry["body"], headers=entry["headers"])
        with audit.noting() as events:
            response = view(request, *args, **kwargs)
        if _keepable(request, response):
            cache.set(key, _seal(response, events), timeout=settings.KEPT_PAGE_SECONDS)
        return response

    return wrapped


def page_key(request) -> str | None:
    """The cache key of this request's page, or None when this request's page is never kept."""
    user = getattr(request, "user", None)
    if not settings.KEPT_PAGE_SECONDS or request.method != "GET" or getattr(request, "htmx", False):
        return None
    if user is None or not user.is_authenticated:
        return None
    csrf_secret = request.META.get("CSRF_COOKIE")
    session = request.session
    state = [request_state(user, name) for name in STATE]
    if not csrf_secret or not session.session_key or None in state or _messages_waiting(request):
        return None
    parts = [
        KEY_VERSION,
        str(user.pk),
        str(current(user)),
        repr(state),
        request.get_full_path(),
        session.session_key,
        json.dumps(dict(session.items()), sort_keys=True, default=str),
        csrf_secret,
        timezone.get_current_timezone_name(),
        timezone.localdate().isoformat(),
        get_language() or "",
    ]
    return "page:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _messages_waiting(request) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0  # len() reads them without marking them shown


def _messages_added(request) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is not None and storage.added_new


def _keepable(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and not request.session.modified
        and not _messages_added(request)
    )


def _seal(response, events: list[dict]) -> bytes:
    """The page's headers and audit events as JSON, then its body as the bytes it was sent as: the body is not
    escaped into a JSON string, so serving it again decodes only the few hundred bytes before it."""
    headers = {name: value for name, value in response.headers.items() if name.lower() != "set-cookie"}
    about = json.dumps({"headers": headers, "audit": events}).encode()
    # Compressed first (a page is mostly markup): less to encrypt, store and read back on every visit.
    return fernet().encrypt(zlib.compress(len(about).to_bytes(4, "big") + about + response.content, 1))


def _unseal(kept) -> dict | None:
    from cryptography.fernet import InvalidToken

    try:
        entry = zlib.decompress(fernet().decrypt(kept))
        length = int.from_bytes(entry[:4], "big")
        return {**json.loads(entry[4 : 4 + length]), "body": entry[4 + length :]}
    except (InvalidToken, TypeError, ValueError, zlib.error):
        return None  # written under a key since retired, or by an older release: render afresh
