"""Who may see a person where: licences, register memberships and interstate compacts. Pure, no Django.

The law follows the place where the client is during the session. A credential covers a list of ISO
codes: a country code ("GB") covers the whole country, a subdivision ("US-NY") only itself. So a UK
register (BACP, UKCP, HCPC) lists "GB"; a New York licence lists "US-NY". Only a credential staff have
verified counts.

An interstate compact extends a US licence to the compact's other member states for remote sessions
(video or phone), and only when the home licence is itself in a member state. Staff attach a compact to a
licence after checking the therapist holds the compact's authorisation (PSYPACT's E.Passport, the
Counseling Compact's privilege to practise). In-person sessions need the office's own place covered by a
licence; compacts are not used for them here (PSYPACT's in-person authority is temporary, 30 days).

Compact membership changes as states join: the lists below are as the commissions published them on
MEMBERS_AS_OF, and practice staff keep them current (a change here is a reviewed code change).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

MEMBERS_AS_OF = "2025-06"


@dataclass(frozen=True)
class Compact:
    key: str
    name: str
    members: frozenset[str]


def _states(codes: str) -> frozenset[str]:
    return frozenset(f"US-{code}" for code in codes.split())


COMPACTS = {
    "psypact": Compact(
        "psypact",
        "PSYPACT",
        _states(
            "AL AZ AR CO CT DE DC GA ID IL IN KS KY ME MD MN MO NE NV NH NJ NC ND OH OK PA RI SC TN TX UT VT VA WA WV "
            "WI WY"
        ),
    ),
    "counseling": Compact(
        "counseling",
        "Counseling Compact",
        _states(
            "AL AR CO CT DE FL GA IN IA KS KY LA ME MD MN MS MO MT NE NH NJ NC ND OH OK SC SD TN UT VT VA WA WV WI WY"
        ),
    ),
}


@dataclass(frozen=True)
class Credential:
    """A licence ("licence") or register membership ("register") as the matcher sees it."""

    kind: str
    body: str
    areas: frozenset[str]
    compact: str = ""
    verified_on: dt.date | None = None

    @property
    def is_verified(self) -> bool:
        return self.verified_on is not None


def area_covers(area: str, place: str) -> bool:
    """A country code covers its whole country; a subdivision only itself. An unknown place is never covered."""
    if not area or not place:
        return False
    if area == place:
        return True
    return "-" not in area and place.split("-", 1)[0] == area


def compact_areas(credential: Credential) -> frozenset[str]:
    """The member states a verified credential's compact adds for remote sessions (none if its home isn't one)."""
    compact = COMPACTS.get(credential.compact)
    if compact is None or not credential.is_verified or not (credential.areas & compact.members):
        return frozenset()
    return compact.members


def covers(credential: Credential, place: str, *, remote: bool) -> bool:
    if not credential.is_verified:
        return False
    if any(area_covers(area, place) for area in credential.areas):
        return True
    return remote and place in compact_areas(credential)


def covering(credentials: Iterable[Credential], place: str, *, remote: bool) -> Credential | None:
    """The credential that lets the therapist see someone at `place` (its own areas before any compact)."""
    credentials = list(credentials)
    for credential in credentials:
        if covers(credential, place, remote=False):
            return credential
    if remote:
        for credential in credentials:
            if covers(credential, place, remote=True):
                return credential
    return None


def remote_coverage(credentials: Iterable[Credential]) -> frozenset[str]:
    """Every code a remote session may be held in, for an indexed pre-filter: own areas plus compact members."""
    codes: set[str] = set()
    for credential in credentials:
        if credential.is_verified:
            codes |= credential.areas | compact_areas(credential)
    return frozenset(codes)


def place_keys(place: str) -> tuple[str, ...]:
    """The codes whose presence in a coverage list covers `place`: itself and, for a subdivision, its country."""
    if not place:
        return ()
    country = place.split("-", 1)[0]
    return (place,) if country == place else (place, country)


def why(credential: Credential, *, compact_used: bool = False) -> str:
    """ "Licensed where you'll be, verified 3 March 2026" — the words the match shows."""
    verb = "Registered" if credential.kind == "register" else "Licensed"
    by = f" ({credential.body})" if credential.kind == "register" and credential.body else ""
    via = f" through {COMPACTS[credential.compact].name}" if compact_used and credential.compact in COMPACTS else ""
    when = f", verified {credential.verified_on.day} {credential.verified_on:%B %Y}" if credential.verified_on else ""
    return f"{verb}{by} where you'll be{via}{when}"


def parse_areas(text: str, *, default_country: str = "US", known=None) -> tuple[list[str], list[str]]:
    """Free text such as "NY, NJ" or "US-NY; GB" → (ISO codes, tokens not understood).

    A bare two- or three-letter token is read as a subdivision of `default_country` when it is one (NY → US-NY),
    else as a country; "UK" means GB. `known(code)` says whether a code exists (core.places.is_place).
    """
    known = known or (lambda code: True)
    found, unknown = [], []
    for raw in text.replace(";", ",").replace("/", ",").split(","):
        code = raw.strip().upper()
        if not code:
            continue
        code = "GB" if code == "UK" else code
        if "-" in code and known(code):
            found.append(code)
        elif default_country and known(f"{default_country}-{code}"):
            found.append(f"{default_country}-{code}")
        elif "-" not in code and known(code):
            found.append(code)
        else:
            unknown.append(raw.strip())
    return sorted(set(found)), unknown
