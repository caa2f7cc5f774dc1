"""A request body over the limit is refused before any of it is read, with a kind page."""

import io

import pytest
from django.core.handlers.wsgi import WSGIHandler

from trustrepair.core.tests.urlwalk import parameterless_views

LIMIT = 5 * 1024 * 1024


class BodyThatMustNotBeRead(io.RawIOBase):
    def read(self, *args):
        raise AssertionError("the request body was read before it was refused")

    readline = readinto = read


def raw_post(path: str, length: int):
    """Send a POST through the whole WSGI stack, as gunicorn would, claiming a body of `length` bytes."""
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.9",
        "HTTP_HOST": "localhost",
        "CONTENT_TYPE": "multipart/form-data; boundary=xyz",
        "CONTENT_LENGTH": str(length),
        "wsgi.input": BodyThatMustNotBeRead(),
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
    }
    status = []
    body = b"".join(WSGIHandler()(environ, lambda s, headers, exc_info=None: status.append(s)))
    return int(status[0].split()[0]), body.decode()


def test_settings_cap_bodies_at_5_mb_or_less(settings):
    assert settings.REQUEST_BODY_MAX_BYTES <= LIMIT
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= settings.REQUEST_BODY_MAX_BYTES
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= settings.REQUEST_BODY_MAX_BYTES


@pytest.mark.django_db
def test_an_anonymous_30_mb_upload_is_refused_unread_with_a_kind_page():
    status, html = raw_post("/accounts/signup/", 30 * 1024 * 1024)
    assert status == 413
    assert "too large" in html


@pytest.mark.django_db
def test_a_body_just_over_the_limit_is_refused_on_every_page_of_ours():
    failures = []
    for path, _rule in parameterless_views():
        status, _html = raw_post(path, LIMIT + 1)
        if status != 413:
            failures.append(f"{path} → {status}")
    assert failures == []


@pytest.mark.django_db
def test_an_ordinary_anonymous_upload_under_the_limit_is_read(client):
    response = client.post("/accounts/login/", {"login": "a@example.test", "password": "x" * 1000})
    assert response.status_code == 200
