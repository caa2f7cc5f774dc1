"""The learning library: Markdown topics in content/learn/, parsed once per process.

A topic file starts with a front-matter block of `key: value` lines between `---` lines
(title, summary, order), then Markdown with `##`/`###` headings.
"""

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import markdown
from django.conf import settings
from django.utils.html import escape, strip_tags

from trustrepair.core.front_matter import split_front_matter

_WORD = re.compile(r"[a-z0-9']+")


class TopicFormatError(ValueError):
    pass


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    summary: str
    order: int
    html: str
    toc: list[dict] = field(default_factory=list)
    text: str = ""

    def get_absolute_url(self) -> str:
        return f"/learn/{self.slug}/"


def parse_topic(slug: str, source: str) -> Topic:
    meta, body = split_front_matter(f"{slug}.md", source, error=TopicFormatError)
    for required in ("title", "summary", "order"):
        if not meta.get(required):
            raise TopicFormatError(f"{slug}.md: the front matter needs '{required}'.")
    md = markdown.Markdown(extensions=["toc", "tables", "sane_lists"], extension_configs={"toc": {"toc_depth": "2-3"}})
    html = md.convert(body)
    return Topic(
        slug=slug,
        title=meta["title"],
        summary=meta["summary"],
        order=int(meta["order"]),
        html=html,
        toc=md.toc_tokens,
        text=strip_tags(html),
    )


@cache
def _load(directory: str) -> dict[str, Topic]:
    topics = {}
    for path in sorted(Path(directory).glob("*.md")):
        topics[path.stem] = parse_topic(path.stem, path.read_text(encoding="utf-8"))
    return dict(sorted(topics.items(), key=lambda item: (item[1].order, item[0])))


def all_topics() -> list[Topic]:
    return list(_load(str(settings.CONTENT_DIR / "learn")).values())


def topic(slug: str) -> Topic | None:
    return _load(str(settings.CONTENT_DIR / "learn")).get(slug)


def neighbours(slug: str) -> tuple[Topic | None, Topic | None]:
    topics = all_topics()
    index = next(i for i, t in enumerate(topics) if t.slug == slug)
    return (topics[index - 1] if index else None, topics[index + 1] if index + 1 < len(topics) else None)


@dataclass(frozen=True)
class SearchHit:
    topic: Topic
    score: int
    snippet_html: str


def search(query: str, limit: int = 20) -> list[SearchHit]:
    """Rank topics by how often the query's words occur, title matches first."""
    words = [w for w in _WORD.findall(query.lower()) if len(w) > 1][:10]
    if not words:
        return []
    hits = []
    for t in all_topics():
        title, body = t.title.lower(), t.text.lower()
        score = sum(10 * title.count(w) + 3 * t.summary.lower().count(w) + body.count(w) for w in words)
        if score:
            hits.append(SearchHit(topic=t, score=score, snippet_html=_snippet(t.text, words)))
    hits.sort(key=lambda h: (-h.score, h.topic.order))
    return hits[:limit]


def _snippet(text: str, words: list[str], radius: int = 90) -> str:
    lower = text.lower()
    positions = [p for p in (lower.find(w) for w in words) if p >= 0]
    start = max(0, min(positions) - radius) if positions else 0
    excerpt = " ".join(text[start : start + 2 * radius + 40].split())
    html = escape(excerpt)
    for w in sorted(set(words), key=len, reverse=True):
        html = re.sub(rf"(?i)\b({re.escape(escape(w))}\w*)", r"<mark>\1</mark>", html)
    return ("…" if start else "") + html + "…"
