import re

import pytest

from trustrepair.learn import library
from trustrepair.learn.library import TopicFormatError, parse_topic

REQUIRED_TOPICS = {
    "what-are-trust-issues",
    "signs",
    "causes",
    "impact",
    "how-therapy-helps",
    "kinds-of-therapy",
    "formats",
    "how-long",
    "self-trust",
    "faq",
    "when-to-seek-help",
}


def test_the_library_covers_every_topic_the_product_promises():
    assert {t.slug for t in library.all_topics()} >= REQUIRED_TOPICS


def test_every_cross_link_points_to_a_topic_that_exists():
    slugs = {t.slug for t in library.all_topics()}
    broken = [
        (t.slug, link)
        for t in library.all_topics()
        for link in re.findall(r'href="/learn/([^/"]+)/"', t.html)
        if link not in slugs
    ]
    assert broken == []


def test_every_topic_links_to_at_least_two_others():
    for t in library.all_topics():
        assert len(set(re.findall(r'href="/learn/([^/"]+)/"', t.html)) - {t.slug}) >= 2, t.slug


def test_kinds_of_therapy_names_each_kind():
    text = library.topic("kinds-of-therapy").text
    for kind in ["CBT", "EMDR", "schema", "attachment", "trauma-informed", "emotionally focused", "couples"]:
        assert kind.lower() in text.lower(), kind


def test_headings_become_a_table_of_contents_with_anchors():
    topic = parse_topic("t", "---\ntitle: T\nsummary: S\norder: 1\n---\n## First part\ntext\n## Second part\n")
    assert [h["name"] for h in topic.toc] == ["First part", "Second part"]
    assert 'id="first-part"' in topic.html


@pytest.mark.parametrize(
    "source, problem",
    [
        ("no front matter", "must start with"),
        ("---\ntitle: T\nsummary: S\n", "no closing"),
        ("---\ntitle: T\norder: 1\n---\nbody", "needs 'summary'"),
        ("---\nnonsense\n---\nbody", "is not 'key: value'"),
    ],
)
def test_a_malformed_topic_file_is_named_with_its_problem(source, problem):
    with pytest.raises(TopicFormatError, match=problem):
        parse_topic("broken", source)


def test_search_ranks_title_matches_first_and_highlights_the_words():
    hits = library.search("signs")
    assert hits and hits[0].topic.slug == "signs"
    assert "<mark>" in hits[0].snippet_html


def test_search_escapes_what_was_typed():
    hits = library.search("<script>trust")
    assert all("<script>" not in h.snippet_html for h in hits)


def test_search_with_nothing_useful_finds_nothing():
    assert library.search("  ?? ") == []


def test_topic_page_shows_contents_and_text(client):
    page = client.get("/learn/how-therapy-helps/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'aria-label="On this page"' in html and "<h1" in html


def test_unknown_topic_is_a_friendly_404(client):
    response = client.get("/learn/no-such-topic/")
    assert response.status_code == 404
    assert "couldn't find that page" in response.content.decode()


def test_search_page_shows_results_for_a_query(client):
    html = client.get("/learn/", {"q": "therapy"}).content.decode()
    assert "result" in html and "<mark>" in html
