"""Phone screenshots of the main signed-in pages for the README, from a running demo (`make run`).

    .venv/bin/python docs/screenshots/take.py --base-url http://127.0.0.1:8000 [--width 360]

Signs in as the demo client (and the demo therapist with the demo TOTP secret) through the real forms and
writes one PNG per page beside this file. The demo data is invented; no real person appears.
"""

import argparse
import base64
import hashlib
import hmac
import struct
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]
PASSWORD = "demo-trust-2026"  # noqa: S105 - the published demo password (core/management/commands/seed_demo.py)
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 - the published demo TOTP secret (same file)
CLIENT_PAGES = [
    ("today", "/"),
    ("program", "/program/today/"),
    ("thought-record", "/tools/thought-records/new/"),
    ("progress", "/program/insights/"),
    ("together", "/together/"),
]
THERAPIST_PAGES = [("caseload", "/care/caseload/")]


def totp(secret: str) -> str:
    counter = struct.pack(">Q", int(time.time()) // 30)
    digest = hmac.new(base64.b32decode(secret), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")
    if page.locator("input[name=code]").count():
        page.fill("input[name=code]", totp(TOTP_SECRET))
        with page.expect_navigation():
            page.press("input[name=code]", "Enter")


def shoot(browser, base_url: str, width: int, email: str, pages: list) -> None:
    page = browser.new_page(viewport={"width": width, "height": 740}, base_url=base_url)
    sign_in(page, email)
    question = page.locator("form.gentle-question", has_text="Do you feel safe at home")
    if question.count():  # the demo's open question (after a demo entry); answered so the pages show themselves
        question.locator("button[value=yes]").click()
        page.wait_for_load_state()
    for name, path in pages:
        page.goto(path)
        page.screenshot(path=HERE / f"{name}.png")
        print(f"{name}: {page.url}")
    page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--width", type=int, default=360)
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        shoot(browser, args.base_url, args.width, "alice@demo.trustrepair.test", CLIENT_PAGES)
        shoot(browser, args.base_url, args.width, "tess@demo.trustrepair.test", THERAPIST_PAGES)
        browser.close()


if __name__ == "__main__":
    main()
