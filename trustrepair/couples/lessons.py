"""The partner's learning track: Markdown in content/couples/, in the learning library's format."""

from functools import cache
from pathlib import Path

from django.conf import settings

from trustrepair.learn.library import Topic, parse_topic


@cache
def _load(directory: str) -> dict[str, Topic]:
    topics = {
        path.stem: parse_topic(path.stem, path.read_text(encoding="utf-8")) for path in Path(directory).glob("*.md")
    }
    return dict(sorted(topics.items(), key=lambda item: (item[1].order, item[0])))


def all_lessons() -> dict[str, Topic]:
    return _load(str(settings.CONTENT_DIR / "couples"))
