"""Every page fits a 320 px phone (issue 11, item 8), for each demo role with the demo data loaded.

The crawl visits every page without URL parameters that the role may open, plus the pages with an id that
carry tables (each tool's first entry, each measure history, match results). On each: the document is no wider
than the screen, and axe finds nothing serious or critical.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse

from conftest import SignedInClient, axe_violations, signed_in_session_key
from trustrepair.core.tests.test_access_rules import expected_outcome
from trustrepair.core.tests.urlwalk import parameterless_views

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO = {
    "anonymous": None,
    "client": "alice@demo.trustrepair.test",
    "partner": "bob@demo.trustrepair.test",
    "therapist": "tess@demo.trustrepair.test",
    "staff": "sam@demo.trustrepair.test",
}
NOT_PAGES = (".csv", ".json", ".ics", ".webp", "/leave/", "/autosave/", "/preview/")


def pages_for(role, user) -> list[str]:
    paths = [
        path
        for path, rule in parameterless_views()
        if expected_outcome(rule, role) == "open" and not path.endswith(NOT_PAGES) and "/leave/" not in path
    ]
    if user is not None and role in ("client", "partner"):
        from trustrepair.exercises.tools import TOOLS
        from trustrepair.measures.models import Administration

        for tool in TOOLS:
            entry = tool.model.objects.filter(owner=user).first()
            if entry is not None and getattr(entry, "public_id", None):
                paths.append(reverse(f"exercises:{tool.key}_detail", args=[entry.public_id]))
        for instrument in set(Administration.objects.filter(owner=user).values_list("instrument_id", flat=True)):
            paths.append(reverse("measures:history", args=[instrument]))
        paths.append(reverse("directory:find") + "?format=any&where=US-NY")
    return paths


@pytest.mark.parametrize("role", list(DEMO))
def test_every_page_fits_320_pixels_for_each_demo_role(chromium, live_server, role):
    from trustrepair.accounts.models import User

    call_command("seed_demo", verbosity=0)
    user = User.objects.get(email=DEMO[role]) if DEMO[role] else None
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    if user is not None:
        context.add_cookies([{"name": "sessionid", "value": signed_in_session_key(user), "url": live_server.url}])
    page = context.new_page()
    problems = []
    check = SignedInClient()
    if user is not None:
        check.force_login(user)
    # POST-only actions (405) and pages that send the person elsewhere are not pages to look at
    paths = [path for path in pages_for(role, user) if check.get(path).status_code == 200]
    assert len(paths) >= 5
    try:
        for path in paths:
            page.goto(path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                problems.append(f"{path} is {width}px wide")
            violations = axe_violations(page)
            if violations:
                problems.append(f"{path}: {violations}")
    finally:
        context.close()
    assert problems == [], "\n".join(problems)
