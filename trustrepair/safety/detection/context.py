# ruff: noqa: E501  (regular-expression alternations stay on one line each so they can be read and diffed)
"""Step 3: whose experience is it, and is it current? Negated, someone else's, idiom, past, hypothetical, topic."""

from __future__ import annotations

import re
from dataclasses import dataclass

from trustrepair.safety.detection.findings import (
    DANGER_FROM_OTHERS,
    HOPELESSNESS,
    PLAN_OR_MEANS,
    SELF_HARM,
    SUICIDAL_THOUGHTS,
    Finding,
)
from trustrepair.safety.detection.normalise import _Text

_SENTENCE_END = re.compile(r"[.!?\n]+|\s-\s")
_CLAUSE_BREAK = re.compile(
    r"[,;:()\"]|\s-\s|\b(?:but|and|although|though|yet|so|because|except|however|anyway|plus|lol|honestly)\b"
)

_NEGATORS = re.compile(
    r"\b(?:not|never|no|nor|n't|without|stopped|quit|none|neither|hardly|no longer|wouldn't|won't|don't|didn't|"
    r"doesn't|haven't|hasn't|isn't|aren't|wasn't|weren't|can't|couldn't|shouldn't)\b|n't\b"
)
# Negators that do not negate what follows them ("I don't know why I want to die").
_NOT_NEGATING = re.compile(
    r"\b(?:don't|do not|didn't|doesn't|can't|couldn't|not) (?:know|understand|care|see why|stop|help|tell anyone|"
    r"tell|want to tell|get why|remember|even know)\b|\bnot (?:sure|okay|ok|alright|fine|well|coping|doing well|doing ok)\b"
    r"|\bno (?:one|reason|point|way|idea)\b|\bcan't stop\b|\bcan't help\b|\bno matter\b|\bnot just\b"
)
_NEGATION_WINDOW = 5  # words before the phrase

_FIRST = {"i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself", "we", "we're", "we've", "us", "our", "im"}
_THIRD = {
    "he",
    "she",
    "they",
    "he's",
    "she's",
    "they're",
    "he'd",
    "she'd",
    "they'd",
    "he'll",
    "she'll",
    "they'll",
    "his",
    "her",
    "their",
    "him",
    "them",
    "someone",
    "somebody",
    "people",
    "anyone",
    "anybody",
    "character",
    "protagonist",
    "narrator",
    "you",
    "you're",
    "you'd",
    "your",
    "client",
    "patient",
    "student",
    "kid",
    "teenager",
    "celebrity",
    "actor",
    "singer",
    "man",
    "woman",
    "guy",
    "girl",
    "boy",
    "friend",
    "colleague",
    "coworker",
    "co-worker",
}
_RELATION = (
    r"(?:friend|friends|sister|brother|mum|mom|mother|dad|father|partner|husband|wife|boyfriend|girlfriend|son|"
    r"daughter|cousin|colleague|coworker|co-worker|client|patient|roommate|flatmate|ex|aunt|uncle|neighbour|"
    r"neighbor|classmate|teacher|boss|niece|nephew|grandma|grandad|grandfather|grandmother|best friend|mate|bf|gf|"
    r"kid|child|teen|student|therapist)"
)
_RELATION_RE = re.compile(rf"\b(?:my|our|a|her|his|their|your|the) (?:\w+ )?{_RELATION}(?:'s)?\b")

_IDIOMS = re.compile(
    r"\b(?:die|died|dying|dead) (?:of|from|with|laughing|for (?:a|some|this|that|one))\b"
    r"|\b(?:killing|kill|killed) (?:myself|me) (?:laughing|with laughter)\b"
    r"|\bcould (?:have )?(?:just )?died\b|\bdying to\b|\bto die for\b"
    r"|\b(?:bored|scared|worried|frozen|tickled) to death\b"
    r"|\bkill(?:ing)? (?:me|myself) (?:to|trying to) (?:get|finish|make)\b"
    r"|\brather (?:be dead|die) than (?!(?:go on|go through|live|keep|carry|feel|be here|wake up|face|spend|go back|be with|do this))"
)
_PAST_RECOVERED = re.compile(
    r"\b(?:used to|years ago|year ago|months ago|back (?:then|in (?:school|college|uni|\d{4}|my teens))|"
    r"when i was (?:a |younger|in |\d+|at )|as a (?:teen|teenager|kid|child)|in (?:the past|my teens|my twenties|high school|school)|"
    r"not any ?more|no longer|(?<!not )(?<!n't )(?<!never )recovered|in recovery|haven't (?:\w+ ){0,3}(?:in|for|since)|"
    r"(?:clean|free) (?:for|since|from)|"
    r"(?:\d+|two|three|four|five|six|ten) (?:years|months) (?:clean|free|ago)|those days are|it'?s behind me|"
    r"glad i didn't|glad i'?m still here|i'?m (?:so )?glad i survived|survived|got through it|i'?m in a (?:much )?better place)\b"
)
_CURRENT_AGAIN = re.compile(
    r"\b(?:again|are back|is back|came back|coming back|come back|creeping back|returned|returning|relaps\w*|"
    r"lately|these days|right now|tonight|this week|recently|started)\b"
)
_ACCIDENT = re.compile(
    r"\s*(?:on (?:the|a|an|my) (?:oven|stove|iron|kettle|pan|tray|hob|knife|paper|glass|nail|fence|grill)|"
    r"at (?:football|practice|training|the gym|work|school|netball|rugby)|during|"
    r"while (?:cooking|shaving|chopping|running|gardening|climbing|ironing|baking)|by accident|accidentally|making|"
    r"at the gym|playing|chopping|cooking|shaving|ironing|baking|with (?:the|a|an) (?:oven|iron|kettle|pan|knife))\b"
)
_DANGER_IDIOM = re.compile(
    r"\s*(?:when (?:he|she|they) (?:sees?|finds? out about|hears? about) (?:my|the|our) "
    r"(?:room|grades|results|marks|report|mess|bill|haircut|car|new)|for (?:being late|forgetting|breaking|eating|"
    r"spilling|losing)|if i(?:'m| am)? (?:late|forget)|lol|haha|lmao)\b"
)
_DANGER_NEGATIVE_FORMS = re.compile(
    r"\bcan't have me\b|\bno one (?:will|can)\b|\b(?:isn't|is not|'s not|wasn't|was not) (?:home|around|there|in)\b|"
    r"\b(?:won't|doesn't|will not|does not|never) let me\b|\b(?:don't|do not|never) feel safe\b|\bnot safe\b"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:if (?:i|you|someone|anyone) ever|in case|what to do if|how (?:do i|can i|to) (?:help|support|talk to|tell)|"
    r"(?:asked|asks|ask|asking) (?:me )?(?:if|whether|about|how)|(?:screen|screening|screened|questions?|question) "
    r"(?:for|about|on)|should i (?:ever )?(?:feel|be)|signs? of|warning signs|how to spot|if (?:he|she|they) ever|"
    r"would you (?:know|tell)|is it normal to)\b"
)
_TOPIC = re.compile(
    r"\b(?:essay|article|documentary|book|novel|film|movie|show|series|episode|podcast|song|lyrics|research|"
    r"study|studies|statistics|stats|rates?|prevention|awareness|training|course|lecture|module|hotline|helpline|"
    r"lifeline|news|headline|campaign|charity|fundraiser|vigil|survivors?|bereaved|"
    r"bereavement|researcher|paper|thesis|lesson|teach|teaching|volunteer|volunteering|degree|nursing|university|uni|"
    r"exam|assignment|homework|coursework|seminar|webinar|workshop|conference|textbook|curriculum|"
    r"learning about|reading about|studying|writing about)\b"
)
# The writer speaking in a professional role ("as a nurse I see overdoses") about a topic word only.
_PROFESSIONAL = re.compile(
    r"\b(?:as an? |i'?m an? |i am an? |i work as an? |i work (?:on|in|at) (?:an? |the )?)(?:\w+ )?"
    r"(?:therapist|nurse|paramedic|doctor|gp|counsellor|counselor|social worker|psychologist|psychiatrist|"
    r"crisis line|helpline|hotline|a&e|er|emergency department|ambulance|police officer|teacher|pharmacist|"
    r"support worker|care worker|mental health)\b|\b(?:my|our) (?:clients|patients|caseload|shift|ward)\b"
)
# ...unless the writer is the one acting ("as a nurse I took an overdose").
_OWN_ACT = re.compile(
    r"\b(?:i|i've|i'm|i'd|i'll|me|myself)\b(?: \w+)?(?: \w+)? (?:took|take|taking|taken|tried|trying|attempted|"
    r"did|do|want|wanted|thinking|planning|nearly|almost|cut|cutting|had|have|feel|felt|am|was|been|keep|kept|started|urge)\b"
)
_TOPIC_CATEGORIES = {SUICIDAL_THOUGHTS, SELF_HARM, PLAN_OR_MEANS}
_TOPIC_WORDS_ONLY = re.compile(r"^(?:suicide|suicidal|self-harm\w*|self-injur\w*|overdos\w*|suicide note)$")
_QUOTE_ATTRIBUTION_OTHER = re.compile(
    r"\b(?:he|she|they|someone|somebody|people|you|"
    r"(?:my|his|her|their|a|the) (?:\w+ )?\w+|[a-z]+) "
    r"(?:\w+ ){0,2}(?:said|says|say|wrote|writes|texted|texts|posted|posts|told (?:me|us|him|her|them)|tweeted|"
    r"screamed|yelled|shouted|whispered|sang|sings|messaged|asked)(?: me| us)?(?: that)?[ ,:]*$"
)
_QUOTE_ATTRIBUTION_AFTER_OTHER = re.compile(
    r'^[ ,.!?]*"?[ ,]*(?:he|she|they|someone|my \w+|the \w+|[a-z]+) (?:said|says|wrote|texted|posted|told me|screamed|yelled|sang)\b'
)
_QUOTE_ATTRIBUTION_SELF = re.compile(
    r"\bi (?:\w+ ){0,2}(?:said|say|wrote|write|told|tell|texted|keep thinking|think|thought|whispered|typed)\b"
)
_ECHO = re.compile(
    r"\b(?:so do i|so did i|so am i|so have i|so was i|me too|same here|same for me|i do too|i did too|i am too|"
    r"i have too|i feel the same|i feel that too|i feel it too|i've felt the same|i've been feeling (?:the same|that too)|"
    r"i relate|honestly same|me as well|i want to too|i wanted to too|i've thought (?:the same|about it too)|"
    r"i'm the same|i am the same|that'?s me too|that'?s how i feel too|i do as well)\b"
)


_AFFIRM = re.compile(
    r"\b(?:and|but) (?:honestly |truthfully |actually )?(?:i am|i do|i have|i was|i did|yes)(?: too| as well)?"
    r"(?=\s*(?:[.!?,;]|$))|\bi (?:said|answered|told (?:her|him|them)) (?:yes|that i am|that i do)\b"
)


def _sentences(s: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _SENTENCE_END.finditer(s):
        spans.append((pos, m.end()))
        pos = m.end()
    if pos < len(s):
        spans.append((pos, len(s)))
    return spans or [(0, len(s))]


def _quotes(s: str) -> list[tuple[int, int]]:
    """Spans inside double quotes (straight quotes after normalisation), and 'single' quotes used as quotes."""
    spans = [(m.start() + 1, m.end() - 1) for m in re.finditer(r'"[^"]+"', s)]
    spans += [(m.start() + 1, m.end() - 1) for m in re.finditer(r"(?:(?<=\s)|^)'[^']{6,}'(?=[\s.,!?]|$)", s)]
    return spans


def _clause_start(s: str, start: int, floor: int) -> int:
    last = floor
    for m in _CLAUSE_BREAK.finditer(s, floor, start):
        last = m.end()
    return last


def _clause_end(s: str, end: int, ceiling: int) -> int:
    m = _CLAUSE_BREAK.search(s, end, ceiling)
    return m.start() if m else ceiling


def _subject(s: str, sent_start: int, start: int, match_text: str) -> bool:
    """Whose experience is this? True for the writer. Reads backwards to the nearest subject."""
    words = [re.sub(r"'s$", "", w) for w in re.findall(r"[a-z][a-z'\-]*", s[sent_start:start])]
    ahead = s[start:]
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if w in _FIRST:
            if w in ("my", "our") and i + 1 < len(words) and re.fullmatch(_RELATION, words[i + 1]):
                return False
            return not (w in ("my", "our") and i + 2 < len(words) and re.fullmatch(_RELATION, words[i + 2]))
        if w in _THIRD:
            # "her" / "his" / "their" can be possessive of a third party ("her brother wants to die")
            return False
        if re.fullmatch(_RELATION, w) and i > 0 and words[i - 1] in {"my", "a", "our", "her", "his", "their", "the"}:
            return False
    del ahead
    return True


def _negated(s: str, clause_start: int, start: int) -> bool:
    before = s[clause_start:start]
    words = re.findall(r"[a-z][a-z']*", before)
    window = " ".join(words[-_NEGATION_WINDOW:])
    if not _NEGATORS.search(window):
        return False
    # remove the harmless negators ("don't know", "not okay", "no one") and look again
    cleaned = _NOT_NEGATING.sub(" ", window)
    return bool(_NEGATORS.search(cleaned))


def _category_of_phrase_is_reflexive_third(m: re.Match) -> bool | None:
    who = m.groupdict().get("who")
    if who is None:
        return None
    return who in ("my", "our")


@dataclass(frozen=True)
class Candidate:
    """One phrase a rule matched, with the sentence and clause it is read in (offsets in normalised text)."""

    s: str
    category: str
    start: int
    end: int
    matched: str
    sent_start: int
    sent_end: int
    clause_start: int

    @property
    def sentence(self) -> str:
        return self.s[self.sent_start : self.sent_end]

    @property
    def before_clause(self) -> str:
        return self.s[self.clause_start : self.start]

    @property
    def before_sentence(self) -> str:
        return self.s[self.sent_start : self.start]


# ---- the discount checks: each says why a candidate is not the writer's own current risk -------------


def quoted_from_someone_else(c: Candidate, quotes) -> str:
    """'other' for words quoted from another speaker, 'topic' for a quoted title or topic, else ''."""
    s = c.s
    for qa, qb in quotes:
        if qa <= c.start and c.end <= qb:
            before_quote = s[max(c.sent_start, qa - 80) : qa - 1]
            after_quote = s[qb + 1 : qb + 40]
            if _QUOTE_ATTRIBUTION_SELF.search(before_quote):
                return ""
            if (
                before_quote.strip() and _QUOTE_ATTRIBUTION_OTHER.search(before_quote)
            ) or _QUOTE_ATTRIBUTION_AFTER_OTHER.match(after_quote):
                return "other"
            if _TOPIC.search(before_quote):
                return "topic"
            return ""
    return ""


def is_someone_elses(c: Candidate, m) -> bool:
    """Someone else's experience ("my friend said she wanted to die", "he cuts himself"), not the writer's."""
    if c.category == DANGER_FROM_OTHERS:
        return False  # the phrases themselves say it is aimed at the writer ("... hurt me")
    own = _category_of_phrase_is_reflexive_third(m)
    if own is None and re.search(r"\b(?:i|i'm|i'd|i'll|i've|me|myself)\b", c.matched):
        own = True  # the phrase itself names the writer ("because i won't need ...")
    if own is None:
        own = _subject(c.s, c.sent_start, c.start, c.matched)
    elif own:
        # "my sister said she wants to kill myself" is not English; but "she told me to kill myself" is abuse
        own = not re.search(r"\btold (?:me|him|her) to\s*$", c.s[c.clause_start : c.start])
    return not own


def is_idiom(c: Candidate) -> bool:
    """ "this traffic is killing me", "I could die of embarrassment", "my dad will kill me when he sees my room"."""
    s = c.s
    if c.category in (SUICIDAL_THOUGHTS, HOPELESSNESS) and _IDIOMS.search(
        s[max(c.sent_start, c.start - 12) : min(len(s), c.end + 25)]
    ):
        return True
    return c.category == DANGER_FROM_OTHERS and bool(_DANGER_IDIOM.match(s, c.end))


def is_negated(c: Candidate) -> bool:
    """ "I'm not suicidal", "I would never hurt myself", "he has never hit me"."""
    if c.category == DANGER_FROM_OTHERS and _NEGATORS.search(_DANGER_NEGATIVE_FORMS.sub(" ", c.matched)):
        return True
    return _negated(c.s, c.clause_start, c.start)


def is_hypothetical(c: Candidate) -> bool:
    """ "if I ever felt suicidal I'd call", "she asked if I was suicidal" -- unless the writer says they will."""
    return bool(_HYPOTHETICAL.search(c.before_sentence)) and not re.search(
        r"\bi'?(?:ll| will| am going to)\b", c.before_clause
    )


def is_topic(c: Candidate) -> bool:
    """A topic word only, about a topic or in a professional role ("an essay on suicide", "as a nurse I see overdoses")."""
    s = c.s
    if c.category not in _TOPIC_CATEGORIES or not _TOPIC_WORDS_ONLY.match(c.matched):
        return False
    if _TOPIC.search(s[c.clause_start : _clause_end(s, c.end, c.sent_end)]) or re.match(
        r"\s*(?:prevention|awareness|rates?|hotline|line|survivors?)\b", s[c.end :]
    ):
        return True
    return not _OWN_ACT.search(c.before_clause) and bool(
        _PROFESSIONAL.search(c.sentence)
        or re.match(r"\s*(?:patients?|clients?|cases?|calls?|deaths?|victims?)\b", s[c.end :])
    )


def is_past(c: Candidate) -> bool:
    """Recovered and in the past ("years ago I used to self-harm"), unless it is back ("...and lately again")."""
    # The phrase's own words never discount it ("I no longer want to live" is not recovered past).
    outside = c.s[c.sent_start : c.start] + " " + c.s[c.end : c.sent_end]
    return bool(_PAST_RECOVERED.search(outside)) and not _CURRENT_AGAIN.search(c.sentence)


def is_accident(c: Candidate) -> bool:
    """ "I burned myself on the oven", "cut myself chopping onions"."""
    return c.category == SELF_HARM and bool(_ACCIDENT.match(c.s, c.end))


# In this order: the first that holds names the discount.
DISCOUNTS = (
    ("idiom", is_idiom),
    ("negated", is_negated),
    ("hypothetical", is_hypothetical),
    ("topic", is_topic),
    ("past", is_past),
    ("accident", is_accident),
)


def _analyse_match(t: _Text, category: str, m: re.Match, sentences, quotes) -> Finding:
    s = t.s
    start, end = m.start(), m.end()
    sent_start = next((a for a, b in sentences if a <= start < b), 0)
    sent_end = next((b for a, b in sentences if a <= start < b), len(s))
    c = Candidate(s, category, start, end, m.group(0), sent_start, sent_end, _clause_start(s, start, sent_start))
    orig_start, orig_end = t.span(start, end)

    def finding(first_person: bool, discounted: str = "") -> Finding:
        return Finding(category, orig_start, orig_end, "", first_person, discounted)

    quoted = quoted_from_someone_else(c, quotes)
    if quoted:
        return finding(False, "" if quoted == "other" else "topic")
    first_person = not is_someone_elses(c, m)
    for name, check in DISCOUNTS:
        if check(c):
            return finding(first_person, name)
    return finding(first_person)
