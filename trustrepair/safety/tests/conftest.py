"""Fixtures for the ask flow (issue 10, item 4)."""

import dataclasses

import pytest

from trustrepair.safety import detection

# Sentences that the shipped learned layer raises to "ask" while the rules stay silent. They run against the
# real engine: if a retrained model no longer asks on them, `ask_sentence` fails loudly and names them.
ASK_SENTENCE = "Lately I keep wondering what the point of any of it is."  # self family
ASK_OTHERS_SENTENCE = "I don't feel safe when he gets home."  # danger from someone else


@pytest.fixture
def ask_sentence():
    """A sentence that screening answers with "ask": `ask_sentence.self` / `ask_sentence.others`."""
    for sentence, family in ((ASK_SENTENCE, "self"), (ASK_OTHERS_SENTENCE, "others")):
        response = detection.respond(sentence)
        assert (response.action, response.ask_category) == ("ask", family), (
            f"The shipped model no longer asks on {sentence!r}: pick another sentence for the ask-flow tests."
        )

    @dataclasses.dataclass(frozen=True)
    class Sentences:
        self: str = ASK_SENTENCE
        others: str = ASK_OTHERS_SENTENCE

        def __str__(self):
            return self.self

    return Sentences()
