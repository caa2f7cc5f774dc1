"""How allauth fits TrustRepair: one client address everywhere."""

import ipaddress

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied
from django.utils.crypto import salted_hmac

from trustrepair.core.http import client_address


class AccountAdapter(DefaultAccountAdapter):
    # allauth's messages in the product's own voice: plain, calm, and saying what to do next.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": "This account is closed, so it can't be signed in to.",
        "cannot_remove_primary_email": "This is the address we write to, so it stays. Make another one main first.",
        "duplicate_email": "This address is already on your account.",
        "email_password_mismatch": "That email and password are not correct together. Please try again.",
        "email_taken": "That address can't be used for a new account. If it's yours, try signing in instead.",
        "enter_current_password": "Please type the password you use now.",
        "incorrect_code": "That code didn't work. Please check it and try again.",
        "incorrect_password": "That password is not correct. Please try again.",
        "invalid_or_expired_key": "This link has expired or was already used. You can ask for a new one.",
        "invalid_login": "That didn't work. Please try again.",
        "invalid_password_reset": "This reset link has expired or was already used. You can ask for a new one.",
        "max_email_addresses": "An account can hold at most %d email addresses.",
        "too_many_login_attempts": "Too many attempts in a short time. Please wait a few minutes, then try again.",
        "unknown_email": "We couldn't find an account with that address.",
        "unverified_primary_email": "Please confirm your main email address first.",
        "select_only_one": "Please choose just one.",
        "same_as_current": "That's the same as now. Please choose something different.",
        "rate_limited": "That was a lot of tries in a short time. Please wait a minute, then try again.",
    }

    def get_client_ip(self, request) -> str:
        # allauth's rate limits and session list ask here; so does the audit log, through the same helper.
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine the client's address.")
        return address

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        # allauth keys the failed-login lock ("login_failed": "…/key") on the email alone, so anyone who knows
        # an address could keep its owner out. Key it on the account *and* the client's network instead: the
        # attacker's address is held back, the owner elsewhere is not. (The per-address limit still applies.)
        # A test in accounts/tests/test_login_lock.py fails if allauth stops calling this hook.
        login = credentials.get("email", credentials.get("username", "")) or ""
        return login_attempts_key(login, client_address(request))


def login_attempts_key(login: str, address: str | None) -> str:
    """The failed-login lock's key for one account from one network.

    The email goes in as a keyed hash (SECRET_KEY), so a cache key cannot be linked back to an address by
    hashing guesses; erasure deletes the keys it can compute, the rest expire within minutes.
    """
    account = salted_hmac("trustrepair.login-attempts", login.strip().lower()).hexdigest()
    return f"login:{account}:{rate_limit_network(address)}"


def rate_limit_network(address: str | None) -> str:
    """The address itself for IPv4; its /64 for IPv6, since one device can hold a whole /64."""
    if address is None:
        return "unknown"
    ip = ipaddress.ip_address(address)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)
