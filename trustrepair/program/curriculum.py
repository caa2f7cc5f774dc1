"""The four-phase program, read from Markdown in content/program/ (layout described in its README.md).

    content/program/<NN-phase-slug>/phase.md          front matter: title, summary; body: a short intro
    content/program/<NN-phase-slug>/<NN-module>.md    front matter: title, summary, exercises (comma list),
                                                      reflection.<lesson-slug> (one prompt per lesson)
                                                      body: lessons, each starting with a `# Lesson title`

A lesson's key is "<phase>/<module>/<lesson>" (slugs without their number prefixes); progress is stored
against that key, so reordering files keeps a person's ticks. Parsed once per process.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import markdown
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import slugify

from trustrepair.core.front_matter import split_front_matter

_PREFIX = re.compile(r"^\d+-")
_WORDS = re.compile(r"[A-Za-z0-9'’]+")


class CurriculumError(ValueError):
    pass


@dataclass(frozen=True)
class Lesson:
    key: str
    slug: str
    title: str
    html: str
    words: int
    phase_slug: str
    module_slug: str
    reflection: str = ""  # the one question the lesson ends with; answers are saved to the journal

    def get_absolute_url(self) -> str:
        return f"/program/{self.phase_slug}/{self.module_slug}/{self.slug}/"

    @property
    def minutes(self) -> int:
        """Reading time at an unhurried 200 words a minute, at least one (issue 11)."""
        return max(1, round(self.words / 200))


@dataclass(frozen=True)
class Module:
    slug: str
    title: str
    summary: str
    exercises: tuple[str, ...]
    lessons: tuple[Lesson, ...]
    phase_slug: str


@dataclass(frozen=True)
class Phase:
    number: int
    slug: str
    title: str
    summary: str
    intro_html: str
    modules: tuple[Module, ...]

    @property
    def lessons(self) -> tuple[Lesson, ...]:
        return tuple(lesson for module in self.modules for lesson in module.lessons)

    def get_absolute_url(self) -> str:
        return f"/program/{self.slug}/"


def _front_matter(name: str, source: str) -> tuple[dict[str, str], str]:
    return split_front_matter(name, source, error=CurriculumError)


def _render(body: str) -> str:
    return markdown.Markdown(extensions=["tables", "sane_lists"]).convert(body)


def parse_module(phase_slug: str, name: str, source: str) -> Module:
    meta, body = _front_matter(name, source)
    for required in ("title", "summary"):
        if not meta.get(required):
            raise CurriculumError(f"{name}: the front matter needs '{required}'.")
    module_slug = _PREFIX.sub("", Path(name).stem)
    lessons = []
    chunks = re.split(r"^# (.+)$", body, flags=re.MULTILINE)
    if chunks[0].strip():
        raise CurriculumError(f"{name}: text before the first '# Lesson title' line.")
    for title, text in zip(chunks[1::2], chunks[2::2], strict=True):
        slug = slugify(title)
        html = _render(text)
        reflection = meta.get(f"reflection.{slug}", "")
        if not reflection:
            raise CurriculumError(f"{name}: the front matter needs 'reflection.{slug}' (the lesson's closing prompt).")
        lessons.append(
            Lesson(
                key=f"{phase_slug}/{module_slug}/{slug}",
                slug=slug,
                title=title.strip(),
                html=html,
                words=len(_WORDS.findall(strip_tags(html))),
                phase_slug=phase_slug,
                module_slug=module_slug,
                reflection=reflection,
            )
        )
    if not lessons:
        raise CurriculumError(f"{name}: a module needs at least one lesson ('# Lesson title').")
    known = {f"reflection.{lesson.slug}" for lesson in lessons}
    stray = sorted(k for k in meta if k.startswith("reflection.") and k not in known)
    if stray:
        raise CurriculumError(f"{name}: {', '.join(stray)} names no lesson in this file.")
    exercises = tuple(e.strip() for e in meta.get("exercises", "").split(",") if e.strip())
    return Module(
        slug=module_slug,
        title=meta["title"],
        summary=meta["summary"],
        exercises=exercises,
        lessons=tuple(lessons),
        phase_slug=phase_slug,
    )


@cache
def _load(directory: str) -> tuple[Phase, ...]:
    phases = []
    for number, folder in enumerate(sorted(p for p in Path(directory).iterdir() if p.is_dir()), start=1):
        slug = _PREFIX.sub("", folder.name)
        meta, intro = _front_matter(f"{folder.name}/phase.md", (folder / "phase.md").read_text(encoding="utf-8"))
        modules = tuple(
            parse_module(slug, path.name, path.read_text(encoding="utf-8"))
            for path in sorted(folder.glob("*.md"))
            if path.name != "phase.md"
        )
        phases.append(
            Phase(
                number=number,
                slug=slug,
                title=meta["title"],
                summary=meta["summary"],
                intro_html=_render(intro),
                modules=modules,
            )
        )
    return tuple(phases)


def phases() -> tuple[Phase, ...]:
    return _load(str(settings.CONTENT_DIR / "program"))


def phase(slug: str) -> Phase | None:
    return next((p for p in phases() if p.slug == slug), None)


def phase_slugs() -> list[str]:
    return [p.slug for p in phases()]


def lesson(phase_slug: str, module_slug: str, lesson_slug: str) -> tuple[Phase, Module, Lesson] | None:
    found = phase(phase_slug)
    if found is None:
        return None
    for module in found.modules:
        if module.slug == module_slug:
            for item in module.lessons:
                if item.slug == lesson_slug:
                    return found, module, item
    return None


def lesson_by_key(key: str) -> Lesson | None:
    parts = key.split("/")
    if len(parts) != 3:
        return None
    found = lesson(*parts)
    return found[2] if found else None


def all_lesson_keys() -> list[str]:
    return [lesson.key for p in phases() for lesson in p.lessons]
