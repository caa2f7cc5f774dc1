import re

from trustrepair.couples import services

CLEAR = dict.fromkeys(("hurt", "threatened", "afraid", "controlled", "forced"), "never")


def link(a, b):
    _invitation, code = services.create_invitation(a)
    return services.accept_invitation(b, code=code)


def link_and_open(a, b):
    couple = link(a, b)
    services.record_screen(a, answers=CLEAR)
    services.record_screen(b, answers=CLEAR)
    couple.refresh_from_db()
    return couple


_TOKEN = re.compile(r'(csrfmiddlewaretoken" value="|X-CSRFToken": "|data-csrf=")[^"]+')


def page_text(response) -> str:
    """The body with the per-request CSRF masks blanked, to compare two pages exactly."""
    return _TOKEN.sub(r"\1-", response.content.decode())
