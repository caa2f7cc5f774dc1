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
    # v2: time since, an age then and now, "behind me", "a lifetime ago", a decade or a year named
    r"|\b(?:it'?s been|it has been) (?:\w+ ){1,3}since\b|\b(?:years?|months?|decades?) (?:since|on from|of recovery|sober|past)\b"
    r"|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+) (?:\w+ )?(?:years?|months?) (?:[\w-]+ )?(?:free|clean|sober)\b"
    r"|\b(?:free|clean) of (?:it|that|\w+-?\w*) (?:for|since)\b|\b(?:free|clean) of (?:self-harm\w*|it) for\b|\bsober (?:\w+ )?(?:years?|months?|now)\b"
    r"|\b(?:well|far|long|way|so far|miles) (?:behind|past) me\b|\bbehind me now\b|\ba lifetime ago\b|\ba long time ago\b|\bdecades? (?:ago|on)\b"
    r"|\ba decade\b|\bback (?:in the day|when)\b|\bgrowing up\b|\blooking back\b|\bnever looked back\b|\b(?:come|came) so far\b|\bhow far i'?ve come\b"
    r"|\b(?:at|aged) (?:\d{1,2}|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-\w+)?)\b(?! (?:years|months|weeks|days|pills|tablets))"
    r"|\bi'?m (?:\d{2}|twenty|thirty|forty|fifty|sixty|seventy)(?:-\w+)? now\b|\b(?:i'?m now|now i'?m) (?:\d{2}|twenty|thirty|forty|fifty|sixty|seventy)\b|\b(?:in|during|since) (?:19|20)\d\d\b|\bin the (?:eighties|nineties|noughties)\b"
    r"|\bthe nineties\b|\bnot who i am any ?more\b|\b(?:has|have|had) (?:been )?gone for (?:ages|years|a long time)\b|\b(?:is|are|was|'s) (?:long )?over\b"
    r"|\bthat'?s been over\b|\bmade peace\b|\b(?:i'?m|i am) (?:now |truly |really |doing )*(?:well|solid|at peace)(?: now)?\b|\bglad i'?m alive\b"
    r"|\bwent through a (?:phase|period|time)\b|\bthere (?:was|were) (?:a|years|months|times?)\b|\bthe last (?:time|suicidal thought|time i)\b|\blast time i\b"
    r"|\b(?:years?|months?)\s+(?:free|clean)\b|\bstrange memory\b|\bi remember when\b|\bmy old (?:diary|note|journal|self|suicide note)\b|\bold (?:self-harm\w*|urges?|habits?)\b|\bonce i\b|\bi (?:beat|overcame) the\b"
    r"|\byears past\b|\bthen shredded\b|\bremarried\b|\bhe'?s passed\b|\bnow i (?:volunteer|mentor|work|drive|read|have|sleep)\b|\bnow a\b|\bnow volunteer\b"
)
# A first-person present statement right before the phrase ("I'm 29 now and I want to die") is never past.
_PRESENT_SELF = re.compile(
    r"\b(?:i'?m|i am|im|i want|i wanna|i feel|i keep|i need|i still|i can'?t|i have to|i'?ll|i will|i'?m going to|i just want|i really want|i do)"
    r"(?: \w+){0,2} *$"
)
_CURRENT_AGAIN = re.compile(
    r"\b(?:again|are back|is back|came back|coming back|come back|creeping back|returned|returning|relaps\w*|"
    r"lately|these days|right now|tonight|this week|recently|started|still|at the moment|currently)\b"
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
    r"would you (?:know|tell)|is it normal to(?! (?:feel|want|wanna|think|keep|be|have|hear)))\b"
)
# v2: a condition the writer imagines ("if the urges ever came back", "should it ever", "say I did feel", "supposing").
_CONDITION = re.compile(
    r"\bif (?:\w+ ){0,5}ever\b|\bif ever\b|\bif one day\b|\bif someday\b|\bshould (?:the|my|i|it|those|that|this|any|these|they|he|she) (?:\w+ ){0,5}ever\b"
    r"|\bsuppos(?:e|ing)\b|\bsay i (?:did|do|ever|was|were|had)\b|\bif i (?:found|felt|noticed|caught) myself\b|\bwhat (?:we'?d|i'?d|to) (?:each )?do if\b"
)
# ...but a phrase in the consequence ("if he ever finds out he'll kill me", "if I ever see him I'd kill myself")
# or one that has happened ("if he ever hits me again") is not imagined.
_CONSEQUENCE = re.compile(
    r"\b(?:i'?d|i would|i'?ll|i will|he'?ll|she'?ll|they'?ll|he'?d|she'?d|they'?d|he will|she will|they will|would|will|gonna|going to|i'?m going to|then)\b"
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
# v2: more roles and work settings ("paramedic life:", "night shift in ICU", "lawyer here", "at work today").
_WORK = re.compile(
    r"\b(?:paramedic|paramedics|nurse|nurses|nursing|doctor|gp|gps|psychotherapist|therapist|counsellor|counselor|psychologist|"
    r"psychiatrist|pharmacist|chemist|chaplain|coroner'?s?|statistician|researcher|lawyer|solicitor|cop|police|officer|dispatcher|"
    r"annotator|social worker|support worker|care worker|youth worker|ward manager|teacher|lecturer|journalist|editor|moderator|"
    r"icu|a&e|ward|wards|shift|shifts|on call|caseload|callers?|crisis line|helpline|hotline|safeguarding|triage|clinic|"
    r"at work|work today|my job|our (?:team|school|ward|service|survey|unit|charity|clinic|practice|policy)|pupils|patients|clients|"
    r"naloxone|pharma|inpatients?|admissions?|admitted|statement from|attended a)\b"
)
# What a professional does with a topic ("I hear about self-harm weekly", "analysing suicide data"): not their own act.
_WORK_VERB = re.compile(
    r"\b(?:i|i'?ve|i'?m|i am|i was)(?: \w+)? (?:hear|heard|hearing|see|saw|seen|seeing|treat|treated|treating|attend|attended|teach|"
    r"taught|deal|dealt|work|working|handle|handled|review|reviewed|reviewing|read|reading|write|writing|wrote|analys\w+|analyz\w+|"
    r"study|studying|research\w*|coached|coach|held|sat|keep|do|did|building|typing|testing|trained|train|training|report\w*|"
    r"cover\w*|talk\w*|speak\w*|look\w* after|care for|cared for|ask|asked|help|helped|helping|monitor\w*|check\w*|support\w*|assess\w*)\b"
)
# A topic word used as a noun for something studied, counted or reported ("suicide risk", "overdose thresholds").
_TOPIC_COMPOUND = re.compile(
    r"\s*(?:prevention|awareness|rates?|hotline|line|survivors?|risk|risks|data|statistics|stats|figures|research|policy|policies|"
    r"framework|strategy|story|stories|scene|notes|observations?|thresholds?|emergencies|cases|language|assessment|"
    r"recovery|ideation among|attempts? among|among|in (?:kids|children|teens|teenagers|older|young|men|women|the)|"
    r"(?:and|or) (?:a |an )?(?:suicide|self-harm|accidental|overdose|mental))\b"
)
# A question about the topic, asked of no one in particular ("what are the signs of...", "is self-harm always...").
_TOPIC_QUESTION = re.compile(
    r"^\s*(?:what'?s?|what are|why|how|is|are|does|do|did|can|could|should|which|when|where|who|has|have)\b"
)
_FIRST_PERSON_WORD = re.compile(r"\b(?:i|i'?m|im|i'?ve|i'?d|i'?ll|me|my|myself|mine)\b")
_WAY_OUT_AFTER = re.compile(
    r"\s*(?:feels?|seems?|looks?|sounds?|is) (?:like )?(?:the |my )?(?:only|best|easiest|answer|way|option)"
)
# The writer's purpose, anywhere in the sentence ("asking for a training module I'm writing", "for my course:").
_PURPOSE = re.compile(
    r"\b(?:asking for a|for (?:my|a|our|the) (?:\w+ )?(?:course|essay|assignment|project|module|novel|story|short story|thesis|"
    r"dissertation|class|campaign|podcast|article|policy brief|brief|paper|presentation|lecture|blog|research)|"
    r"(?:i'?m|i am) writing (?:a|an)\b(?! (?:suicide )?note)|writing (?:a|an) (?:scene|story|novel|policy|research|proposal|essay|paper|brief|report)|"
    r"researching for|research proposal|policy brief|student journalist|clinically speaking)\b"
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
        # Most phrases say it is aimed at the writer ("... hurt me"). v2: one that names no one ("scared of her")
        # is someone else's when its subject is ("my client was scared of her landlord", "she's terrified of him").
        if re.search(r"\b(?:i|i'm|i'd|i'll|i've|me|my|myself|im)\b", c.matched) or not re.match(
            r"(?:so |really |very |too )?(?:scared|terrified|afraid|frightened|petrified)\b", c.matched
        ):
            return False
        return not _subject(c.s, c.sent_start, c.start, c.matched)
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
    """ "if I ever felt suicidal I'd call", "she asked if I was suicidal", "should the urge to cut ever come back",
    "if he ever hit me I'd leave" -- unless the writer says they will, or the phrase is the consequence."""
    # the condition may close after the phrase ("if the suicidal thoughts ever came back, I'd ...")
    upto = c.before_sentence + c.matched
    clause = upto + c.s[c.end : _clause_end(c.s, c.end, c.sent_end)]
    conditions = [m for m in _CONDITION.finditer(clause) if m.start() < len(upto)]
    if conditions:
        condition = upto[conditions[-1].start() :]
        happened = c.category == DANGER_FROM_OTHERS and re.match(r"\s*again\b", c.s[c.end :])
        return not _CONSEQUENCE.search(condition) and not happened
    return bool(_HYPOTHETICAL.search(c.before_sentence)) and not re.search(
        r"\bi'?(?:ll| will| am going to)\b", c.before_clause
    )


def _writers_own(c: Candidate) -> bool:
    """The topic word is the writer's own state or act: "I'm suicidal", "as a nurse I overdosed", "to feel suicidal"."""
    before = c.before_clause
    words = re.findall(r"[a-z][a-z'&-]*", before)[-4:]
    near = " ".join(words)
    if re.search(
        r"\b(?:feel|feels|feeling|felt|be|being|am|want|wanna|wanting|tempted|urge|urges)\s+(?:\w+\s+)?$", before
    ):
        return True
    if re.search(
        r"\b(?:thoughts?|thinking|thinkin|think|thought|dreaming|fantasi\w+|obsess\w*)(?: (?:of|about|abt))?\s+$",
        before,
    ):
        return True
    if _WAY_OUT_AFTER.match(c.s, c.end) or re.match(
        r"\s*(?:thoughts?|urges?|note)?\s*(?:now|tonight|today|again)\b", c.s[c.end :]
    ):
        return True
    if (
        re.match(r"\s*(?:thoughts?|urges?)\b", c.s[c.end :])
        and not _TOPIC_QUESTION.match(c.sentence)
        and not _WORK_VERB.search(before)
    ):
        return True
    if re.search(r"\bmy (?:own |last |first |latest |recent )?$", before):
        return True
    if re.search(r"\b(?:i|i'?m|im|i'?ve|i'?d|i'?ll|me|myself)\b", near) and not _WORK_VERB.search(before):
        return True
    return bool(_OWN_ACT.search(near) and not _WORK_VERB.search(before))


def is_topic(c: Candidate) -> bool:
    """A topic word only, about a topic or in a professional role ("an essay on suicide", "as a nurse I see overdoses",
    "what are the signs of self-harm?", "lower overdose risk"); never the writer's own ("as a nurse I overdosed")."""
    s = c.s
    if c.category not in _TOPIC_CATEGORIES or not _TOPIC_WORDS_ONLY.match(c.matched):
        return False
    if _TOPIC.search(s[c.clause_start : _clause_end(s, c.end, c.sent_end)]) or re.match(
        r"\s*(?:prevention|awareness|rates?|hotline|line|survivors?)\b", s[c.end :]
    ):
        return True
    # v2: the writer's own state or act is never a topic, whatever their job ("as a nurse I overdosed")
    if _writers_own(c):
        return False
    if not _OWN_ACT.search(c.before_clause) and bool(
        _PROFESSIONAL.search(c.sentence)
        or re.match(r"\s*(?:patients?|clients?|cases?|calls?|deaths?|victims?)\b", s[c.end :])
    ):
        return True
    sentence = c.sentence
    if _PURPOSE.search(sentence) or _WORK.search(sentence) or _TOPIC_COMPOUND.match(s, c.end):
        return True
    return bool(_TOPIC_QUESTION.match(sentence) and not _FIRST_PERSON_WORD.search(sentence))


def is_past(c: Candidate) -> bool:
    """Recovered and in the past ("years ago I used to self-harm"), unless it is back ("...and lately again")."""
    # The phrase's own words never discount it ("I no longer want to live" is not recovered past).
    outside = c.s[c.sent_start : c.start] + " " + c.s[c.end : c.sent_end]
    if _PRESENT_SELF.search(c.before_clause) or re.match(r"(?:want|wanna|need|feel|am|'m)\b", c.matched):
        return False  # v2: "I'm 29 now and I want to die" is present, whatever else the sentence says
    return bool(_PAST_RECOVERED.search(outside)) and not _CURRENT_AGAIN.search(c.sentence)


def is_accident(c: Candidate) -> bool:
    """ "I burned myself on the oven", "cut myself chopping onions"."""
    return c.category == SELF_HARM and bool(_ACCIDENT.match(c.s, c.end))


@dataclass(frozen=True)
class DiscountExamples:
    """What a discount check must discount (`discounted`: nothing of the writer's own current risk is left) and
    what it must never discount (`stays_risk`: a first-person current statement that only looks like it).
    Checked for every check by trustrepair/safety/tests/test_discounts.py."""

    discounted: tuple[str, ...]
    stays_risk: tuple[str, ...]


EXAMPLES: dict[str, DiscountExamples] = {
    "someone_elses": DiscountExamples(
        discounted=(
            "my friend said she wanted to die",
            "My client was scared of her landlord, so we called the tenancy service.",
            "My flatmate is scared of her boyfriend and I've offered her our sofa.",
        ),
        stays_risk=(
            "I'm terrified of him.",
            "She's terrified of him and so am I.",
            "He gets violent when he drinks.",
            "she told me to kill myself and I think I will",
        ),
    ),
    "idiom": DiscountExamples(
        discounted=("My mum will kill me when she sees my room.", "I nearly killed myself laughing."),
        stays_risk=("I want to die.",),
    ),
    "negated": DiscountExamples(
        discounted=("I'm not suicidal, just really tired.", "He has never hit me."),
        stays_risk=("I'm not okay, I want to die.", "I don't know why I want to die but I do."),
    ),
    "hypothetical": DiscountExamples(
        discounted=(
            "If I ever felt suicidal I would call my therapist.",
            "If the suicidal thoughts ever came back, I'd book in with my psychiatrist.",
            "Should the urge to cut ever come back, I'd ring my old counsellor.",
            "Say I did feel suicidal one day, I'd want someone to sit with me.",
            "Supposing the old urge to self-harm showed up, I'd text my sponsor.",
            "If my partner ever hit me, that would be the end of us.",
            "If I found myself searching for ways to die, I'd take it as a sign to ring a crisis line.",
        ),
        stays_risk=(
            "If he ever finds out he'll kill me.",
            "If I ever see him again I'd kill myself.",
            "If the suicidal thoughts come back tonight I will kill myself.",
            "If he ever hits me again I'm leaving.",
            "Is it normal to feel suicidal every day?",
            "Is it normal to want to overdose?",
        ),
    ),
    "topic": DiscountExamples(
        discounted=(
            "I'm writing an essay on suicide prevention.",
            "As a paramedic I see overdoses every week.",
            "Paramedic life: two falls, one overdose and a cardiac arrest before lunch.",
            "I'm a pharmacist and I do medication reviews to lower overdose risk in older people.",
            "As a psychotherapist, I hear about self-harm weekly.",
            "What are the stages of paracetamol overdose?",
            "Is self-harm always linked to suicidal feelings?",
            "For my course: what protective factors lower suicide risk in older adults?",
            "How are overdoses treated in hospital, I'm writing a scene for my novel?",
        ),
        stays_risk=(
            "I'm a nurse and I want to die.",
            "I'm a nurse and I'm suicidal.",
            "As a nurse I overdosed last week.",
            "I've been having thoughts of suicide at work and had to lock myself in the toilets.",
            "I'm writing my suicide note now.",
            "Is it wrong that suicide feels like the only way out?",
            "How do I stop feeling suicidal?",
        ),
    ),
    "past": DiscountExamples(
        discounted=(
            "Years ago I used to self-harm but I haven't in a long time.",
            "Three years clean from self-harm and proud of it.",
            "Eleven years self-harm free.",
            "I overdosed once when I was nineteen, I'm thirty-four now and really well.",
            "When I was twenty I overdosed after a breakup; now I'm fifty and have a lovely life.",
            "It's been two years since I last hurt myself and the urge isn't there any more.",
            "I self-harmed through most of high school and it's well behind me.",
        ),
        stays_risk=(
            "I used to self-harm and lately the urges are back.",
            "I'm 29 now and I want to die.",
            "I'm 14 and I want to kill myself because of what's happening at home.",
            "Three years clean but tonight I want to cut again.",
            "I was suicidal years ago and I still want to die.",
        ),
    ),
    "accident": DiscountExamples(
        discounted=("I burned myself on the oven tray.",),
        stays_risk=("I burned myself on purpose last night.",),
    ),
}


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
