"""The one place that says where each role can go (issue 11, item 2).

At most five primary destinations per role (a test holds this), each with its own home wording. Everything
else lives under "More", a <details> disclosure that works without JavaScript and with keyboard and screen
reader. base.html renders what `navigation_for` returns; no template lists links of its own.
"""

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

MAX_PRIMARY = 5


@dataclass(frozen=True)
class Link:
    label: str
    url_name: str
    icon: str
    sections: tuple[str, ...] = ()  # resolver app_names (or "app:url_name") that mark this link current
    exact: bool = False  # current only on exactly this URL


# Primary destinations per role. "More" is always last and is not a link but the disclosure of SECONDARY.
PRIMARY: dict[str, tuple[Link, ...]] = {
    "client": (
        Link("Today", "core:home", "today", exact=True),
        Link("Program", "program:overview", "program", ("program",)),
        Link("Tools", "exercises:index", "tools", ("exercises",)),
        Link("Progress", "program:insights", "progress", ("program:insights", "measures")),
    ),
    "therapist": (
        Link("Practice", "core:home", "home", exact=True),
        Link("Caseload", "clinic:caseload", "user", ("clinic",)),
        Link("Appointments", "booking:therapist_appointments", "calendar", ("booking",)),
        Link("Your listing", "directory:my_profile", "user", ("directory",)),
    ),
    "staff": (
        Link("Overview", "core:home", "home", exact=True),
        Link("Review queue", "directory:staff_queue", "shield", ("directory",)),
    ),
    "anonymous": (
        Link("Learn", "learn:index", "program", ("learn",)),
        Link("Therapists", "directory:list", "user", ("directory",)),
        Link("Sign in", "account_login", "arrow", exact=True),
        Link("Create account", "account_signup", "plus", exact=True),
    ),
}
# A partner's home is the couples space (issue 15): "Together" takes Progress's place, which moves under More.
PRIMARY["partner"] = (
    Link("Today", "core:home", "today", exact=True),
    Link("Together", "couples:home", "user", ("couples",)),
    Link("Program", "program:overview", "program", ("program",)),
    Link("Tools", "exercises:index", "tools", ("exercises",)),
)

SECONDARY: dict[str, tuple[Link, ...]] = {
    "client": (
        Link("Check-ins", "measures:index", "progress", ("measures",)),
        Link("Together", "couples:home", "user", ("couples",)),
        Link("Your care", "clinic:my_care", "user", ("clinic", "homework")),
        Link("Messages", "messaging:threads", "bell", ("messaging",)),
        Link("Groups", "groups:mine", "user", ("groups",)),
        Link("Find a therapist", "directory:find", "user", ("directory",)),
        Link("Appointments", "booking:mine", "calendar", ("booking",)),
        Link("Learn", "learn:index", "program", ("learn",)),
        Link("Updates", "notifications:updates", "bell", ("notifications",)),
        Link("Your data", "core:my_data", "download"),
        Link("Profile", "accounts:profile", "user"),
    ),
    "therapist": (
        Link("Availability", "booking:availability", "calendar"),
        Link("Messages", "messaging:threads", "bell", ("messaging",)),
        Link("Groups", "groups:run", "user", ("groups",)),
        Link("Codes for new clients", "clinic:codes", "plus"),
        Link("Your practice", "clinic:practice", "home"),
        Link("Learn", "learn:index", "program", ("learn",)),
        Link("Updates", "notifications:updates", "bell", ("notifications",)),
        Link("Your data", "core:my_data", "download"),
        Link("Profile", "accounts:profile", "user"),
    ),
    "staff": (
        Link("Therapists", "directory:staff_therapists", "user"),
        Link("Unacknowledged alerts", "clinic:staff_alerts", "bell"),
        Link("Practice outcomes", "outcomes:practice", "progress"),
        Link("Learn", "learn:index", "program", ("learn",)),
        Link("Updates", "notifications:updates", "bell", ("notifications",)),
        Link("Your data", "core:my_data", "download"),
        Link("Profile", "accounts:profile", "user"),
    ),
    "anonymous": (),
}
SECONDARY["partner"] = (
    Link("Progress", "program:insights", "progress", ("program:insights", "measures")),
    *(link for link in SECONDARY["client"] if link.url_name != "couples:home"),
)


def role_of(user) -> str:
    if user is None or not user.is_authenticated:
        return "anonymous"
    role = getattr(user, "role", "") or "client"
    return role if role in PRIMARY else "client"


@cache
def _reverse(url_name: str, script_prefix: str, urlconf: str) -> str:
    return reverse(url_name, urlconf=urlconf)


def url_of(url_name: str) -> str:
    """A link's address, reversed once per process for each script prefix and URLconf: the addresses are the same
    for everyone, and reversing fifteen of them on every page was a fifth of a simple page's time (issue 16)."""
    return _reverse(url_name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


def _is_current(link: Link, request) -> bool:
    match = getattr(request, "resolver_match", None)
    url = url_of(link.url_name)
    if link.exact:
        return request.path == url
    if match is None:
        return False
    full = f"{match.app_name}:{match.url_name}"
    return any(s == match.app_name or s == full for s in link.sections) or request.path == url


def _items(links, request) -> list[dict]:
    return [
        {"label": link.label, "url": url_of(link.url_name), "icon": link.icon, "current": _is_current(link, request)}
        for link in links
    ]


def navigation_for(request) -> dict:
    """{'primary': [...], 'more': [...] } for this request's person; 'more' empty means no More menu."""
    role = role_of(getattr(request, "user", None))
    primary = _items(PRIMARY[role], request)
    # A more specific section wins: on /program/insights/ "Progress" is current, not "Program".
    current = [item for item in primary if item["current"]]
    if len(current) > 1:
        for item in current[:-1]:
            item["current"] = False
    more = _items(SECONDARY[role], request)
    if any(item["current"] for item in primary):
        for item in more:
            item["current"] = item["current"] and item["url"] == request.path
    return {"role": role, "primary": primary, "more": more}


def primary_count(role: str) -> int:
    """Primary destinations a role sees, counting the "More" menu as one."""
    return len(PRIMARY[role]) + (1 if SECONDARY[role] else 0)
