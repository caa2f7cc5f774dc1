"""The lessons describe the program's phases in the order the program has them (issue 11, item 11)."""

from pathlib import Path

LESSON = Path(__file__).resolve().parents[3] / "content/program/03-regulation-and-safety/01-calming-the-body.md"


def test_why_your_body_reacts_first_places_regulation_third_after_core_beliefs():
    text = LESSON.read_text()
    assert "# Why your body reacts first" in text
    assert "Regulation comes first" not in text  # it is the third phase, not the first
    assert "previous phase, on core beliefs" in text
    assert "third phase" in text and "fourth, gradual rebuilding" in text
