"""The main signed-in pages stay within their query budgets (issue 16), so a regression shows as a failing test.

The budgets are the counts measured with the demo data (`seed_demo`: the demo client in care, linked with her
partner, with a few weeks of entries) plus a margin of one or two, for a page rendered afresh (pages not kept,
`KEPT_PAGE_SECONDS = 0`). bench/main_pages.py prints the same counts. A page kept in the shared cache
(`core.page_cache`) is served with two: the person with their session, request state and page version
(`accounts.sessions`), and the cache.
"""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from trustrepair.accounts.models import User
from trustrepair.program.models import Enrolment

pytestmark = pytest.mark.django_db

# page: (path, who, most queries). Session and person are one of them on every page.
BUDGETS = {
    "home": ("/", "client", 12),
    "Today": ("/program/today/", "client", 6),
    "tools": ("/tools/", "client", 2),
    "a tool list": ("/tools/journal/", "client", 5),
    "measures": ("/measures/", "client", 4),
    "insights": ("/program/insights/", "client", 18),  # 6 of them: "after which tools my ratings were lower"
    "directory search": ("/therapists/?mode=either&language=en", "client", 6),
    "learn": ("/learn/", "client", 2),
    "couples space": ("/together/", "client", 9),  # the gate is read alone (kept pages read it too), then the couple
    "caseload": ("/care/caseload/", "therapist", 11),
}


@pytest.fixture
def demo(client, another_device):
    call_command("seed_demo", verbosity=0)
    client.force_login(User.objects.get(email="alice@demo.trustrepair.test"))
    another_device.force_login(User.objects.get(email="tess@demo.trustrepair.test"))
    return {"client": client, "therapist": another_device}


@pytest.mark.parametrize("page", list(BUDGETS))
def test_a_main_page_stays_within_its_query_budget(page, demo, no_shared_cache, django_assert_max_num_queries):
    path, who, budget = BUDGETS[page]
    browser = demo[who]
    assert browser.get(path).status_code == 200  # the first visit of the day may write (a visit, a day of use)
    with django_assert_max_num_queries(budget):
        assert browser.get(path).status_code == 200


def test_a_client_page_does_not_read_entries_one_at_a_time(demo, no_shared_cache, django_assert_max_num_queries):
    """The shared tools are read whole: no query per entry for a text field the list pages leave deferred."""
    therapist = demo["therapist"]
    link = re.search(r'href="(/care/clients/[^"?#]+/)"', therapist.get(reverse("clinic:caseload")).content.decode())
    assert link, "the demo therapist's caseload lists the demo client"
    with django_assert_max_num_queries(21):
        assert therapist.get(link.group(1)).status_code == 200


@pytest.mark.parametrize("page", list(BUDGETS))
def test_a_kept_page_is_served_with_two_queries(page, demo, django_assert_max_num_queries):
    """The person (with session, request state and page version) and the cache. The caseload also writes
    its audit events again (one insert: every read of someone else's data is audited), and the couples space
    reads its safety gate afresh (never cached)."""
    path, who, _ = BUDGETS[page]
    browser = demo[who]
    browser.get(path)  # the first visit may write (a visit, a day of use), and sets the CSRF cookie
    kept = browser.get(path)
    with django_assert_max_num_queries(3 if page in {"caseload", "couples space"} else 2):
        again = browser.get(path)
    assert again.status_code == 200
    assert again.content == kept.content


def test_today_records_a_visit_at_most_once_an_hour(demo):
    client = demo["client"]
    enrolment = Enrolment.objects.get(owner__email="alice@demo.trustrepair.test")
    client.get("/program/today/")
    first = Enrolment.objects.get(pk=enrolment.pk).last_visit_at
    client.get("/program/today/")
    assert Enrolment.objects.get(pk=enrolment.pk).last_visit_at == first
