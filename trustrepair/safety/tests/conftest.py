"""Fixtures for the ask flow (issue 10, item 4)."""

import dataclasses

import pytest

from trustrepair.safety import detection

# A sentence that the engine's learned layer raises to "ask" (self family) while the rules stay silent.
ASK_SENTENCE = "Lately I keep wondering what the point of any of it is."
# The same for danger from someone else ("others" family).
ASK_OTHERS_SENTENCE = "I never know what mood he will come home in."


@dataclasses.dataclass(frozen=True)
class _Finding:  # the fields of the engine's Finding that screening reads
    category: str
    text: str
    layer: str = "model"
    model_version: str = "test"


@dataclasses.dataclass(frozen=True)
class _Response:  # the fields of the engine's Response that screening reads
    action: str
    findings: tuple
    categories: tuple
    ask_category: str | None


@pytest.fixture
def ask_sentence(monkeypatch):
    """A sentence that screening answers with "ask" (self family): `ask_sentence.self` / `ask_sentence.others`.

    TEMPORARY UNTIL THE ENGINE LANDS. In this branch `trustrepair.safety.detection` is an adapter over the
    rules, which never answer "ask", so this fixture monkeypatches `trustrepair.safety.detection.respond`
    to answer "ask" for exactly these two sentences and delegate every
    other text to the real function. At merge the lead points ASK_SENTENCE and ASK_OTHERS_SENTENCE at
    real sentences the engine's model raises to "ask" (its tests name some) and deletes the monkeypatch,
    so these tests run against the engine itself.
    """
    real = detection.respond

    def respond(text):
        text = str(text or "")
        found = []
        if ASK_SENTENCE in text:
            found.append(_Finding("hopelessness", ASK_SENTENCE))
        if ASK_OTHERS_SENTENCE in text:
            found.append(_Finding("danger_from_others", ASK_OTHERS_SENTENCE))
        response = real(text.replace(ASK_SENTENCE, "").replace(ASK_OTHERS_SENTENCE, ""))
        if response.action == "panel" or not found:
            return response
        categories = tuple(dict.fromkeys(f.category for f in found))
        ask = "self" if "hopelessness" in categories else "others"
        return _Response("ask", tuple(found), categories, ask)

    monkeypatch.setattr(detection, "respond", respond)  # screen_text calls detection.respond

    @dataclasses.dataclass(frozen=True)
    class Sentences:
        self: str = ASK_SENTENCE
        others: str = ASK_OTHERS_SENTENCE

        def __str__(self):
            return self.self

    return Sentences()
