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


def test_addresses_reversed_once_still_follow_the_script_prefix():
    """Links are reversed once per process (issue 16), keyed by the script prefix, so an app served under a path
    still links within it."""
    from django.urls import get_script_prefix, set_script_prefix

    from trustrepair.core.navigation import url_of

    before = get_script_prefix()
    try:
        assert url_of("learn:index") == reverse("learn:index")
        set_script_prefix("/under/")
        assert url_of("learn:index") == "/under/learn/" == reverse("learn:index")
    finally:
        set_script_prefix(before)
    assert url_of("learn:index") == reverse("learn:index")


def test_a_labelled_icon_is_built_each_time_and_a_decorative_one_once():
    from trustrepair.core.templatetags.ui import _decorative_svg, icon_svg

    assert icon_svg("check") is icon_svg("check")  # the same string, built once
    kept = _decorative_svg.cache_info().currsize
    assert 'aria-label="Done &amp; kept"' in icon_svg("check", label="Done & kept")
    assert _decorative_svg.cache_info().currsize == kept  # words passed in are never kept
