"""Every page fits a 320 px phone (issue 11, item 8), for each demo role with the demo data loaded.

The crawl visits every page without URL parameters that the role may open, plus the pages with an id that
carry tables (each tool's first entry, each measure history, match results), then one page of every other
route linked from a page already seen (a client's page in the caseload, a message thread, a Transparency
Window, a group, a session…). On each: the document is no wider than the screen, and axe finds nothing
serious or critical.
"""

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve, reverse

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
    routes = {route_of(path) for path in paths}
    queue = list(paths)
    try:
        while queue:
            path = queue.pop(0)
            if path not in paths and check.get(path).status_code != 200:
                continue
            page.goto(path)
            look_at(page, path, problems)
            for href in page.eval_on_selector_all(
                "main a[href^='/']", "links => links.map(a => a.getAttribute('href'))"
            ):
                route = route_of(href)
                if route is not None and route not in routes and not href.split("?")[0].endswith(NOT_PAGES):
                    routes.add(route)
                    queue.append(href)
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


def route_of(href: str) -> str | None:
    """The URL pattern a link resolves to (one page of each is enough), or None for anything else."""
    path = href.split("#")[0].split("?")[0]
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.route if match.kwargs else None


def look_at(page, path: str, problems: list) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > 320:
        problems.append(f"{path} is {width}px wide")
    violations = axe_violations(page)
    if violations:
        problems.append(f"{path}: {violations}")
