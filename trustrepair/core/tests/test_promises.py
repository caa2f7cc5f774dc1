"""Every sentence that promises an action is listed in docs/promises.md with the test that keeps it."""

import re
from pathlib import Path

from django.conf import settings

from trustrepair.core.promises import PROMISE, promises

ROOT = Path(settings.BASE_DIR)
ROW = re.compile(r"^\| `(?P<quote>[^`]+)` \| (?P<where>[^|]+) \| (?P<code>[^|]+) \| `(?P<test>[^`]+)` \|$")


def listed() -> list[dict]:
    rows = [m.groupdict() for line in (ROOT / "docs/promises.md").read_text().splitlines() if (m := ROW.match(line))]
    assert len(rows) > 20, "docs/promises.md lost its table"
    return rows


def normal(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def test_every_promise_in_the_product_is_listed():
    quotes = [normal(row["quote"]) for row in listed()]
    unlisted = [
        f"{where}: {sentence}"
        for where, sentence in promises(ROOT / "trustrepair")
        if not any(quote in normal(sentence) for quote in quotes)
    ]
    assert unlisted == [], "add these to docs/promises.md with the test that keeps each:\n" + "\n".join(unlisted)


def test_every_listed_promise_is_still_in_the_product():
    sentences = [normal(sentence) for _, sentence in promises(ROOT / "trustrepair")]
    stale = [row["quote"] for row in listed() if not any(normal(row["quote"]) in s for s in sentences)]
    assert stale == [], f"these rows of docs/promises.md match nothing in the product any more: {stale}"


def test_every_listed_promise_names_a_test_that_exists():
    missing = []
    for row in listed():
        path, _, name = row["test"].partition("::")
        file = ROOT / path
        if not file.exists() or not re.search(rf"^def {re.escape(name)}\(", file.read_text(), re.MULTILINE):
            missing.append(row["test"])
    assert missing == []


def test_the_finder_finds_a_new_promise_and_not_a_plain_report():
    assert PROMISE.search("Your therapist will be told so they can check in with you.")
    assert PROMISE.search("We email you a reminder every week.")
    assert not PROMISE.search("Your journal entry is saved.")
