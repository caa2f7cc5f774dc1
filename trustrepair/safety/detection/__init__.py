"""Crisis screening of English free text. Pure: imports nothing from Django.

The one entry point is `respond(text)`: its `action` is "none", "ask" (a gentle direct question) or
"panel" (the crisis panel), with findings (category, matched words, layer, model version) and never a
score. A rule hit is always the panel; the learned layer (`model.py`, `features.py`) may raise "none" to
"ask" or "panel" and never lowers anything; without its weights screening runs on rules only
(`model_status()`).

    >>> respond("I'm not okay, I want to die").action
    'panel'
    >>> respond("I'm not suicidal, just tired").action
    'none'

Where things are: `normalise.py` (with REMOVED_WORDS, every word normalisation rewrites away),
`lexicon.py` (word classes), `rules/<category>.py` (each Rule with its positive and look-alike examples),
`context.py` (the discount checks: is_negated, is_someone_elses, is_idiom, is_past, is_hypothetical,
is_topic, is_accident), `engine.py` (detect, find_risk), `respond.py` (chunks, units, the cache).

How the rules work, in order (each step is small and tested on its own):

1. **Normalise** a copy of the text for matching: lower case, one kind of apostrophe and quote, single
   spaces, common shorthand and misspellings ("im", "dont", "wanna", "kms", "suicidle", "my self"), and a
   one-edit typo match against a handful of key words. An offset map keeps every match tied to the exact
   span of what the person wrote.
2. **Match phrases** by category: suicidal thoughts, plans or means, self-harm, hopelessness or feeling a
   burden, goodbye messages, and danger from someone else (threats, violence, fear of a partner).
   Phrases that are risk *because of* a negation ("I don't want to live anymore") are phrases in their own
   right, so the negation step below never sees them as negated.
3. **Decide whose experience it is and whether it is current**, looking only backwards inside the clause
   (and, for the subject, the sentence):
   - negated ("I'm not suicidal", "I would never hurt myself") — not risk;
   - someone else's ("my friend said she wanted to die", "he cuts himself", quoted words attributed to
     another speaker) — not the writer's own, *unless* the writer then joins in ("and so do I",
     "me too"), which is recorded as the writer's own;
   - an idiom ("this traffic is killing me", "I could die of embarrassment") — not risk;
   - recovered and in the past ("years ago I used to self-harm") — not risk, unless it is back
     ("...and lately the urges are back");
   - a hypothetical, a question asked by someone else, or a topic ("if I ever felt suicidal I'd call",
     "she asked if I was suicidal", "an essay on suicide prevention") — not risk.
   When in doubt the writer is assumed to be speaking about themselves: recall comes first.

The result is a list of findings (category, span, matched text, whether it is the writer's own current
experience and, when it is not, why). There is deliberately no score: NICE NG225 advises against using
risk scores or low/medium/high labels to predict anything, so a finding only ever brings help closer.
"""

from trustrepair.safety.detection.engine import categories, detect, find_risk
from trustrepair.safety.detection.findings import (
    CATEGORIES,
    DANGER_FROM_OTHERS,
    GOODBYE,
    HOPELESSNESS,
    PLAN_OR_MEANS,
    SELF_HARM,
    SUICIDAL_THOUGHTS,
    Finding,
)
from trustrepair.safety.detection.normalise import normalise
from trustrepair.safety.detection.respond import ASK, NONE, PANEL, Response, model_status, respond, stronger

__all__ = [
    "CATEGORIES",
    "DANGER_FROM_OTHERS",
    "GOODBYE",
    "HOPELESSNESS",
    "PLAN_OR_MEANS",
    "SELF_HARM",
    "SUICIDAL_THOUGHTS",
    "Finding",
    "categories",
    "detect",
    "find_risk",
    "normalise",
    "ASK",
    "NONE",
    "PANEL",
    "Response",
    "stronger",
    "model_status",
    "respond",
]
