"""Today, the daily home (issue 11): the check-in, one suggested tool, and a kind welcome back.

The suggestion comes from SUGGESTIONS, a plain rule table read top to bottom over the person's recent
check-ins (docs/decisions.md, "Today's suggested tool"): the first rule whose test holds wins. Nothing
here counts missed days or keeps a streak; a person who needs the app less is doing well.
"""

import datetime
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

WELCOME_BACK_AFTER_DAYS = 7
RECENT_DAYS = 7  # the check-ins the rules look at


def local_now(user, now: datetime.datetime | None = None) -> datetime.datetime:
    try:
        zone = zoneinfo.ZoneInfo(user.time_zone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = datetime.UTC
    return (now or timezone.now()).astimezone(zone)


def local_today(user, now: datetime.datetime | None = None) -> datetime.date:
    return local_now(user, now).date()


# ---- the rule table ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Suggestion:
    key: str  # the rule's name, for tests and the decision record
    title: str
    why: str
    url_name: str
    url_args: tuple = ()

    @property
    def url(self) -> str:
        return reverse(self.url_name, args=self.url_args)


@dataclass(frozen=True)
class Rule:
    key: str
    test: Callable[[list], bool]  # over recent check-ins, newest first (non-empty)
    title: str
    why: str
    url_name: str
    url_args: tuple = ()

    def suggestion(self) -> Suggestion:
        return Suggestion(self.key, self.title, self.why, self.url_name, self.url_args)


def _strong(urges: set[str], at_least: int = 6):
    return lambda recent: recent[0].urge in urges and recent[0].urge_strength >= at_least


def _mood_today(mood: str):
    return lambda recent: mood in recent[0].moods


def _low_trust_days(days: int, at_most: int = 3):
    return lambda recent: len(recent) >= days and all(c.trust <= at_most for c in recent[:days])


SUGGESTIONS: tuple[Rule, ...] = (
    Rule(
        "strong_checking_urge",
        _strong({"check", "reassurance"}),
        "Trigger and urge log",
        "The urge to check or to ask for reassurance was strong today. Writing it down helps you ride it out.",
        "exercises:trigger_log_new",
    ),
    Rule(
        "strong_accusing_urge",
        _strong({"accuse"}),
        "Communication scripts",
        "When the urge is to accuse, a script helps you say what you feel without blame.",
        "exercises:communication_script_new",
    ),
    Rule(
        "strong_withdrawing_urge",
        _strong({"withdraw"}),
        "Needs and boundaries",
        "Pulling away often hides a need. Putting it into words can make it easier to ask.",
        "exercises:need_statement_new",
    ),
    Rule(
        "anxious_today",
        _mood_today("anxious"),
        "Box breathing",
        "Feeling anxious: two minutes of slow breathing can settle the body before anything else.",
        "exercises:timer",
        ("box-breathing",),
    ),
    Rule(
        "low_trust_three_days",
        _low_trust_days(3),
        "Thought record",
        "Trust has felt low for a few days. A thought record slows one painful thought down.",
        "exercises:thought_record_new",
    ),
    Rule(
        "trusting_today",
        lambda recent: recent[0].trust >= 7,
        "Evidence of trustworthiness",
        "Today felt more trusting. Note one moment that showed someone could be relied on.",
        "exercises:evidence_brick_new",
    ),
)
DEFAULT = Rule(
    "default",
    lambda recent: True,
    "Journal",
    "A few lines about today, in your own words, whenever you like.",
    "exercises:journal_entry_new",
)
BEFORE_FIRST_CHECK_IN = Rule(
    "no_check_in_yet",
    lambda recent: True,
    "Box breathing",
    "A gentle way to begin: two minutes of slow breathing.",
    "exercises:timer",
    ("box-breathing",),
)


def suggest(recent: list) -> Suggestion:
    """The one tool to suggest, from recent check-ins (newest first)."""
    if not recent:
        return BEFORE_FIRST_CHECK_IN.suggestion()
    for rule in SUGGESTIONS:
        if rule.test(recent):
            return rule.suggestion()
    return DEFAULT.suggestion()


def is_welcome_back(previous_use: datetime.date | None, today: datetime.date) -> bool:
    """True after WELCOME_BACK_AFTER_DAYS or more away. The number of days is never shown."""
    return previous_use is not None and (today - previous_use).days >= WELCOME_BACK_AFTER_DAYS
