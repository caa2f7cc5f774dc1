"""Key presses and screens for a thought record, keyboard only (issue 11: at most 40; it was 133 Tabs).

    TRUSTREPAIR_LOCAL=1 .venv/bin/python bench/keypresses.py --base-url http://127.0.0.1:8202 \
        --email kp@example.test --password PASSWORD [--width 320]
    TRUSTREPAIR_LOCAL=1 .venv/bin/python bench/keypresses.py --base-url http://127.0.0.1:8202 \
        --from-signup --mail-dir DIR [--width 320]

With --from-signup the count starts on the sign-up page of a server whose emails go to files in DIR
(`EMAIL_URL=file://DIR`): a new person signs up (required fields only), opens the confirmation link from the
email (a screen, no key press), confirms, takes whatever first-run screens the product shows by their main
button (the optional self-check skipped by its own link), then reaches a new thought record by links from
wherever they are (Tab to the link, Enter) and finishes it as below. Works on designs with and without a
first run.

Signs in (not counted), opens a new thought record and, from its first field to the finished record, does
what a person would with the keyboard alone: reach each field (Tab, counted), type the free text (counted
apart: it is the same whatever the design), choose two emotions and rate them (anxious 85, jealous 70),
tick one thinking trap, write the evidence and a balanced thought, re-rate (anxious 40, jealous 30), finish.

It works on either design: emotions as text and number fields (type the digits, counted as key presses) or
as chips and sliders (Space, Page Up/Down and arrows); a form that goes on with Enter from a chip or slider
(`data-enter-submits`) is used that way, otherwise the person tabs to the button. Prints one JSON line.
"""

import argparse
import json
import sys

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]
EMOTIONS = [("anxious", 85, 40), ("jealous", 70, 30)]
TEXT = {
    "situation": "He came home an hour late and didn't text.",
    "automatic_thought": "He is hiding something from me.",
    "evidence_for": "He was late.",
    "evidence_against": "The trains were down; he told me the truth last time.",
    "balanced_thought": "He was probably stuck on the train.",
}


class Keyboard:
    def __init__(self, page):
        self.page, self.presses, self.typed, self.log = page, 0, 0, {}

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.presses += 1
        self.log[key] = self.log.get(key, 0) + 1

    def type_text(self, text: str) -> None:  # free text: the same in any design, counted apart
        self.page.keyboard.type(text)
        self.typed += len(text)

    def type_rating(self, digits: str) -> None:  # a rating typed as digits counts as key presses
        for ch in digits:
            self.press(ch)

    def focused(self, selector: str) -> bool:
        return self.page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector)

    def tab_to(self, selector: str, limit: int = 300, text: str = "") -> None:
        for _ in range(limit):
            here = self.page.evaluate("document.activeElement.textContent") if text else ""
            if self.focused(selector) and text in here:
                return
            self.press("Tab")
        raise RuntimeError(f"could not reach {selector} {text} with Tab")

    def set_range(self, target: int) -> None:
        value = int(self.page.evaluate("document.activeElement.value"))
        step = int(self.page.evaluate("document.activeElement.step || 1"))
        big = max(
            step,
            (
                int(self.page.evaluate("document.activeElement.max"))
                - int(self.page.evaluate("document.activeElement.min"))
            )
            // 10,
        )
        while abs(target - value) >= big:
            self.press("PageUp" if target > value else "PageDown")
            value += big if target > value else -big
        while value != target:
            self.press("ArrowRight" if target > value else "ArrowLeft")
            value += step if target > value else -step

    def go_on(self, label: str) -> None:
        enter_submits = self.page.evaluate(
            "() => { const a = document.activeElement;"
            " return !!(a && a.form && a.form.hasAttribute('data-enter-submits')"
            " && a.matches('input[type=checkbox], input[type=radio], input[type=range]')); }"
        )
        if not enter_submits:
            self.tab_to("button[type=submit]", text=label)
        with self.page.expect_navigation():
            self.press("Enter")


def run(base_url: str, email: str, password: str, width: int) -> dict:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": 800}, base_url=base_url)
        page.goto("/accounts/login/")
        page.fill("input[name=login]", email)
        page.fill("input[name=password]", password)
        with page.expect_navigation():
            page.press("input[name=password]", "Enter")
        result = measure(page)
        browser.close()
    return {**result, "width": width}


def from_signup(base_url: str, mail_dir: str, width: int) -> dict:
    import re
    import secrets
    import time
    from pathlib import Path

    email, password = f"kp-{secrets.token_hex(4)}@example.test", "a long walk by the river 2026"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": 800}, base_url=base_url)
        kb, screens, path = Keyboard(page), 1, []
        page.goto("/accounts/signup/")
        path.append((page.url, 0))
        page.evaluate("document.activeElement && document.activeElement.blur()")
        fill_required(kb, {"email": email, "password1": password, "password2": password})
        kb.go_on(page.locator("form:has(input[name=password1]) button[type=submit]").first.inner_text().strip())
        screens += 1
        path.append((page.url, kb.presses))
        started = time.monotonic()
        link = None
        while link is None and time.monotonic() - started < 20:
            for mail in sorted(Path(mail_dir).glob("*.log"), key=lambda f: f.stat().st_mtime, reverse=True):
                text = mail.read_text(errors="replace")
                if email in text:
                    found = re.search(r"https?://\S+/accounts/confirm-email/\S+/", text)
                    link = found and found.group(0)
                    break
            time.sleep(0.2)
        if link is None:
            raise RuntimeError("no confirmation email arrived")
        page.goto(link)
        screens += 1
        path.append((page.url, kb.presses))
        kb.go_on(page.locator("main form button[type=submit]").first.inner_text().strip())
        screens += 1
        path.append((page.url, kb.presses))
        for _ in range(12):  # first-run screens, then links to the thought record
            url = page.url.split("?")[0].removeprefix(base_url.rstrip("/"))
            if url == "/tools/thought-records/new/":
                break
            if url.startswith("/account/welcome/self-check/"):
                kb.tab_to("a", text="Skip it")
                with page.expect_navigation():
                    kb.press("Enter")
            elif url.startswith("/account/welcome/plan/"):
                kb.go_on("Go to Today")
            elif url.startswith("/account/welcome/"):
                fill_required(kb, {})
                kb.go_on("Continue")
            else:
                follow_toward_thought_record(kb)
            screens += 1
            path.append((page.url, kb.presses))
        before = (kb.presses, kb.typed, dict(kb.log))
        record = measure(page, kb=kb)
        browser.close()
    return {
        "mode": "from sign-up",
        "key_presses": record["key_presses"],
        "key_presses_before_thought_record": before[0],
        "by_key": record["by_key"],
        "typed_characters": record["typed_characters"],
        "screens": screens - 1 + record["screens"],
        "screens_before_thought_record": screens - 1,
        "path": [f"{u.removeprefix(base_url.rstrip('/'))} (after {n})" for u, n in path],
        "finished": record["finished"],
        "width": width,
    }


def fill_required(kb: Keyboard, text: dict) -> None:
    """Fill the page's required fields with the keyboard, in tab order: text typed (counted apart), the first
    choice of a radio group (Space), required boxes ticked (Space), a select without a value moved on once."""
    fields = kb.page.evaluate(
        """() => [...document.querySelectorAll('main form [required], main form input[type=radio]')]
            .filter(e => e.offsetParent !== null)
            .map(e => ({id: e.id, name: e.name, type: e.type, tag: e.tagName, value: e.value, checked: e.checked}))"""
    )
    done = set()
    for field in fields:
        if field["name"] in done or not field["id"]:
            continue
        done.add(field["name"])
        if field["type"] == "radio":
            if kb.page.evaluate("(n) => !!document.querySelector(`input[name='${n}']:checked`)", field["name"]):
                continue
            kb.tab_to(f"input[name='{field['name']}']")
            kb.press("Space")
        elif field["type"] == "checkbox":
            if not field["checked"]:
                kb.tab_to(f"#{field['id']}")
                kb.press("Space")
        elif field["tag"] == "SELECT":
            if not field["value"]:
                kb.tab_to(f"#{field['id']}")
                kb.press("ArrowDown")
        elif not field["value"]:
            kb.tab_to(f"#{field['id']}")
            kb.type_text(text.get(field["name"], "x"))


def follow_toward_thought_record(kb: Keyboard) -> None:
    """From any signed-in page: the nearest link toward a new thought record, reached with Tab, then Enter."""
    for href in ("/tools/thought-records/new/", "/tools/thought-records/", "/tools/"):
        selector = f"a[href='{href}']"
        if kb.page.locator(selector).count():
            kb.tab_to(selector)
            with kb.page.expect_navigation():
                kb.press("Enter")
            return
    raise RuntimeError(f"no way toward a thought record from {kb.page.url}")


def measure(page, kb: Keyboard | None = None) -> dict:
    """Count, on a signed-in page, from the new thought record's first field to the finished record."""
    if kb is None:
        page.goto("/tools/thought-records/new/")
        kb = Keyboard(page)
    screens = 1
    for name in ("situation", "automatic_thought"):
        kb.tab_to(f"#id_{name}")
        kb.type_text(TEXT[name])
    kb.go_on("Save and continue")
    screens += 1
    # step 2: emotions
    if page.locator("#id_feel_anxious").count():
        for key, before, _ in EMOTIONS:
            kb.tab_to(f"#id_feel_{key}")
            kb.press("Space")
            kb.tab_to(f"#id_level_{key}")
            kb.set_range(before)
    else:
        for i, (key, before, _) in enumerate(EMOTIONS, start=1):
            kb.tab_to(f"#id_name_{i}")
            kb.type_text(key)
            kb.tab_to(f"#id_intensity_{i}")
            kb.type_rating(str(before))
    kb.go_on("Save and continue")
    screens += 1
    # step 3: one thinking trap
    kb.tab_to("input[value=mind_reading]")
    kb.press("Space")
    kb.go_on("Save and continue")
    screens += 1
    # step 4: evidence
    for name in ("evidence_for", "evidence_against"):
        kb.tab_to(f"#id_{name}")
        kb.type_text(TEXT[name])
    kb.go_on("Save and continue")
    screens += 1
    # step 5: the balanced thought and the re-ratings
    kb.tab_to("#id_balanced_thought")
    kb.type_text(TEXT["balanced_thought"])
    afters = page.locator("input[name^=after_]")
    for i in range(afters.count()):
        field_id = afters.nth(i).get_attribute("id")
        kb.tab_to(f"#{field_id}")
        after = EMOTIONS[i][2]
        if afters.nth(i).get_attribute("type") == "range":
            kb.set_range(after)
        else:
            kb.type_rating(str(after))
    kb.go_on("Finish")
    screens += 1
    finished = "Thought record," in page.content() and "/step/" not in page.url
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    return {
        "key_presses": kb.presses,
        "by_key": kb.log,
        "typed_characters": kb.typed,
        "screens": screens,
        "finished": finished,
        "last_page_overflow_px": overflow,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--email")
    parser.add_argument("--password")
    parser.add_argument("--width", type=int, default=320)
    parser.add_argument("--from-signup", action="store_true", help="count from the sign-up page (needs --mail-dir)")
    parser.add_argument("--mail-dir", help="where the server writes emails (its EMAIL_URL=file://DIR)")
    args = parser.parse_args(argv)
    if args.from_signup:
        if not args.mail_dir:
            parser.error("--from-signup needs --mail-dir")
        result = from_signup(args.base_url, args.mail_dir, args.width)
    elif not (args.email and args.password):
        parser.error("--email and --password are needed unless --from-signup")
    else:
        result = run(args.base_url, args.email, args.password, args.width)
    print(json.dumps(result))
    return 0 if result["finished"] else 1


if __name__ == "__main__":
    sys.exit(main())
