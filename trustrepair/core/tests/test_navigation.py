"""Navigation (issue 11, item 2): one place (core/navigation.py), at most five primary destinations per role,
a More menu that works without JavaScript, and the quick exit on every page."""

import re

import pytest
from django.urls import reverse

from trustrepair.core.navigation import MAX_PRIMARY, PRIMARY, SECONDARY, primary_count

ROLES = ["anonymous", "client", "partner", "therapist", "staff"]


@pytest.mark.parametrize("role", ROLES)
def test_no_role_has_more_than_five_primary_destinations(role):
    assert primary_count(role) <= MAX_PRIMARY


def test_every_destination_resolves():
    for links in (*PRIMARY.values(), *SECONDARY.values()):
        for link in links:
            assert reverse(link.url_name)


def primary_links(html: str) -> list[str]:
    nav = re.search(r'<ul class="nav-primary">(.*?)</nav>', html, re.S).group(1)
    top = re.sub(r'<ul class="nav-more-list">.*?</ul>', "", nav, flags=re.S)
    return re.findall(r"<(?:a|summary) class=\"nav-link\"", top)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_at_most_five_primary_links_with_its_own_home_wording(client, cast, role):
    if cast[role] is not None:
        client.force_login(cast[role])
    html = client.get(reverse("learn:index")).content.decode()
    assert 1 <= len(primary_links(html)) <= MAX_PRIMARY
    assert 'class="quick-exit"' in html
    words = {"client": "Today", "partner": "Today", "therapist": "Practice", "staff": "Overview", "anonymous": "Learn"}
    assert f"<span>{words[role]}</span>" in html
    if role != "anonymous":
        assert '<details class="nav-more">' in html  # a disclosure: keyboard, screen reader, no JavaScript needed
        assert "Sign out" in html


@pytest.mark.django_db
def test_the_current_section_is_marked_once(client, client_alice):
    client.force_login(client_alice)
    html = client.get(reverse("exercises:index")).content.decode()
    nav = html[html.index('<nav class="main-nav"') : html.index("</nav>")]
    assert nav.count('aria-current="page"') == 1
    assert re.search(r'href="/tools/" aria-current="page"', nav)
