"""The regulation exercises, written as plain steps. Each page shows them as an ordered list that works
without JavaScript; a small module per exercise (static/exercises/<slug>.js) guides through the same
steps with Start, Pause and Next buttons and announces each step politely to screen readers."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    text: str
    seconds: int | None = None  # None: the person moves on when ready


@dataclass(frozen=True)
class Timer:
    slug: str
    title: str
    summary: str
    intro: str
    steps: tuple[Step, ...]
    rounds: int = 1  # how many times the steps repeat


TIMERS: tuple[Timer, ...] = (
    Timer(
        slug="box-breathing",
        title="Box breathing",
        summary="Four slow counts in, hold, out, hold. Steadies the body when an urge rises.",
        intro="Sit comfortably. Breathe through your nose if you can. Each side of the box lasts four seconds.",
        steps=(
            Step("Breathe in slowly", 4),
            Step("Hold your breath gently", 4),
            Step("Breathe out slowly", 4),
            Step("Hold, empty, and rest", 4),
        ),
        rounds=4,
    ),
    Timer(
        slug="grounding",
        title="5-4-3-2-1 grounding",
        summary="Come back to the room you are in through your five senses.",
        intro="Take your time with each step. Say the things to yourself or out loud. Move on when you are ready.",
        steps=(
            Step("Name five things you can see around you."),
            Step("Notice four things you can feel: your feet on the floor, the chair, your clothes, the air."),
            Step("Listen for three things you can hear, near or far."),
            Step("Find two things you can smell, or two smells you like."),
            Step("Notice one thing you can taste, or take a sip of water."),
        ),
    ),
    Timer(
        slug="body-scan",
        title="Body scan",
        summary="A slow walk of attention from head to feet, noticing without judging.",
        intro="Sit or lie down. Let your attention rest on each part of the body for a few breaths.",
        steps=(
            Step("Notice the top of your head and your forehead. Let your brow soften.", 20),
            Step("Notice your jaw and your face. Let your teeth part a little.", 20),
            Step("Notice your neck and shoulders. Let them drop, if they will.", 20),
            Step("Notice your arms and hands. Feel their weight.", 20),
            Step("Notice your chest and belly rising and falling as you breathe.", 20),
            Step("Notice your back, and where it is supported.", 20),
            Step("Notice your hips and legs, heavy and resting.", 20),
            Step("Notice your feet and the ground beneath them.", 20),
            Step("Take one fuller breath, and notice your whole body at once.", 20),
        ),
    ),
)
