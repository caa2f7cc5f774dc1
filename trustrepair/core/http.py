"""What a request says about where it came from and where it may go back to.

`client_address`: the one answer to "which address did this request come from?", used by rate limits,
sessions and audit. `safe_next`: the `next` address a form or link carries, only when it stays on this site.

Behind a proxy every request arrives from the proxy's address. The operator says how many proxies in front
of the app are theirs (TRUSTED_PROXY_COUNT) or which header their proxy sets to the client's address
(TRUSTED_CLIENT_IP_HEADER); nothing else a client sends is believed. See the README's Production section.
"""

import ipaddress

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request) -> str:
    """The `next` address from the form or the query string, or "" when it is missing or leads elsewhere."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def client_address(request) -> str | None:
    """The client's IP address as the trusted proxies saw it, or None when it cannot be told."""
    header = getattr(settings, "TRUSTED_CLIENT_IP_HEADER", None)
    if header:
        return _address(request.headers.get(header, ""))
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.headers.get("X-Forwarded-For", "")
    if count > 0 and forwarded.strip():
        hops = [hop.strip() for hop in forwarded.split(",")]
        # Each trusted proxy appends the address it was reached from, so the client is `count` from the end.
        # Anything further left was written by the client and proves nothing.
        if len(hops) >= count:
            return _address(hops[-count])
    return _address(request.META.get("REMOTE_ADDR", ""))


def _address(value: str) -> str | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "203.0.113.9:443"
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None
