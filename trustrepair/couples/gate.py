"""The safety gate's items and rule (pure: no Django).

Five items in our own words, asked privately of each partner before any shared feature opens and again
every 30 days. Any answer but "Never" closes the space. The answers are never stored.
"""

import datetime

RESCREEN_AFTER = datetime.timedelta(days=30)

ITEMS = [
    ("hurt", "In the last year, has your partner hurt you physically — pushed, hit, grabbed or choked you?"),
    ("threatened", "Has your partner threatened you, your children, your pets or themselves, to get their way?"),
    ("afraid", "Are you afraid of your partner, or of what they might do?"),
    (
        "controlled",
        "Does your partner control your phone, your money, who you see or where you go, or check up on you "
        "in ways you do not want?",
    ),
    ("forced", "Has your partner forced or pressured you into sex or sexual acts you did not want?"),
]

NEVER = "never"
ANSWERS = [
    (NEVER, "Never"),
    ("sometimes", "Sometimes"),
    ("often", "Often"),
    ("prefer_not", "Prefer not to say"),
]


def closes(answers: dict[str, str]) -> bool:
    """True unless every one of the five items was answered "Never" (a missing answer closes too)."""
    return any(answers.get(key) != NEVER for key, _ in ITEMS)
