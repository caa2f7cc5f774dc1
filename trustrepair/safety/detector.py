# ruff: noqa: E501  (regular-expression alternations stay on one line each so they can be read and diffed)
"""Signs of crisis in English free text. Pure: imports nothing from Django.

    >>> [f.category for f in find_risk("I'm not okay, I want to die")]
    ['suicidal_thoughts']
    >>> find_risk("I'm not suicidal, just tired")
    []

How it works, in order (each step is small and tested on its own):

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

from __future__ import annotations

import re
from dataclasses import dataclass

SUICIDAL_THOUGHTS = "suicidal_thoughts"
PLAN_OR_MEANS = "plan_or_means"
SELF_HARM = "self_harm"
HOPELESSNESS = "hopelessness"
GOODBYE = "goodbye"
DANGER_FROM_OTHERS = "danger_from_others"
CATEGORIES = (SUICIDAL_THOUGHTS, PLAN_OR_MEANS, SELF_HARM, HOPELESSNESS, GOODBYE, DANGER_FROM_OTHERS)


@dataclass(frozen=True)
class Finding:
    category: str
    start: int  # span in the text as written
    end: int
    text: str  # the words as written
    first_person: bool  # the writer's own experience (not someone else's, not quoted from another speaker)
    discounted: str = ""  # why it is not counted: negated, idiom, past, hypothetical, topic; "" when it counts

    @property
    def is_risk(self) -> bool:
        return self.first_person and not self.discounted


# ---- 1. normalisation with an offset map -------------------------------------------------------------


class _Text:
    """A normalised string plus, for each of its characters, the index of the original character."""

    def __init__(self, original: str):
        chars, index = [], []
        for i, ch in enumerate(original):
            low = ch.lower()
            if ch in "\u2018\u2019\u02bc\u0060\u00b4":
                low = "'"
            elif ch in "\u201c\u201d\u201e\u00ab\u00bb":
                low = '"'
            elif ch in "\u2013\u2014":
                low = "-"
            elif ch in "\t\r\f\v\u00a0":
                low = " "
            if len(low) != 1:
                low = ch
            chars.append(low)
            index.append(i)
        self.s = "".join(chars)
        self.index = index
        self.length = len(original)

    def sub(self, pattern: re.Pattern, repl) -> None:
        out, index, pos = [], [], 0
        for m in pattern.finditer(self.s):
            out.append(self.s[pos : m.start()])
            index.extend(self.index[pos : m.start()])
            new = repl(m) if callable(repl) else m.expand(repl)
            out.append(new)
            anchor = self.index[m.start()] if m.start() < len(self.index) else self.length
            index.extend([anchor] * len(new))
            if new and m.end() > m.start():
                index[-1] = self.index[m.end() - 1]
            pos = m.end()
        out.append(self.s[pos:])
        index.extend(self.index[pos:])
        self.s = "".join(out)
        self.index = index

    def span(self, start: int, end: int) -> tuple[int, int]:
        if start >= len(self.index):
            return self.length, self.length
        return self.index[start], (self.index[end - 1] + 1 if end > start else self.index[start])


_SHORTHAND = [
    (r"\bkms\b", "kill myself"),
    (r"\bkys\b", "kill yourself"),
    (r"\bun-?aliv(?:e|ing) (?:myself|me)\b", "kill myself"),
    (r"\bhes\b", "he's"),
    (r"\bshes\b", "she's"),
    (r"\btheyre\b", "they're"),
    (r"\bun-?alive\b", "dead"),
    (r"\bsewer ?slide\b", "suicide"),
    (r"\bs(?:ui|iu|u|ue|uei)c(?:i|e)?d(?:e|al|le|ial|el|all|ale)\b", None),  # handled by _spell
    (r"\bmy self\b", "myself"),
    (r"\bmyslef\b", "myself"),
    (r"\bi ?m\b", "i'm"),
    (r"\bi ?ve\b", "i've"),
    (r"\bi ll\b", "i'll"),
    (r"\bid\b(?= (?:rather|be|never|just|kill|end|do))", "i'd"),
    (r"\b(do|does|did|can|could|would|should|wo|is|are|was|were|have|has|had|ain)nt\b", r"\1n't"),
    (r"\bcant\b", "can't"),
    (r"\bwont\b", "won't"),
    (r"\bwanna\b", "want to"),
    (r"\bgonna\b", "going to"),
    (r"\bwant(s|ed)? 2\b", r"want\1 to"),
    (r"\bu\b", "you"),
    (r"\bur\b", "your"),
    (r"\bcuz\b|\bcos\b", "because"),
    (r"\bevery1\b", "everyone"),
    (r"\bno1\b", "no one"),
    (r"\bnobody\b", "no one"),
    (r"\banymore\b", "any more"),
    (r"\bkil+(?=(?:ing|ed)?\b)", "kill"),
    (r"\bgood ?bye\b|\bgood-bye\b", "goodbye"),
    (r"\bself ?harm", "self-harm"),
    (r"\bover ?dose", "overdose"),
    (r"\bcan not\b", "can't"),
    (r"\bcannot\b", "can't"),
    (r"\bdon't\b", "don't"),
]
_SHORTHAND_RE = [(re.compile(p), r) for p, r in _SHORTHAND if r is not None]

_KEY_WORDS = ("suicidal", "suicide", "myself", "overdose", "hopeless", "burden", "worthless", "goodbye")
_KNOWN = {
    "suicides",
    "mysel",
    "burdens",
    "burdened",
    "goodbyes",
    "hopeless",
    "overdoes",
    "overdone",
    "himself",
    "herself",
    "itself",
    "thyself",
    "burden",
    "harden",
    "warden",
}


def _close(word: str, key: str) -> bool:
    """True when `word` is one edit (insert, delete, substitute or swap neighbours) from `key`."""
    if word == key or abs(len(word) - len(key)) > 1:
        return word == key
    if len(word) == len(key):
        diffs = [i for i, (a, b) in enumerate(zip(word, key, strict=True)) if a != b]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and word[diffs[0]] == key[diffs[1]] == word[diffs[0]]
    short, long_ = (word, key) if len(word) < len(key) else (key, word)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _swap_close(word: str, key: str) -> bool:
    if len(word) != len(key):
        return False
    diffs = [i for i, (a, b) in enumerate(zip(word, key, strict=True)) if a != b]
    return (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and word[diffs[0]] == key[diffs[1]]
        and word[diffs[1]] == key[diffs[0]]
    )


_SPELLING = {
    "suicidle": "suicidal",
    "suicidial": "suicidal",
    "sucidal": "suicidal",
    "suisidal": "suicidal",
    "suecidal": "suicidal",
    "sucidial": "suicidal",
    "suiside": "suicide",
    "sucide": "suicide",
    "suecide": "suicide",
    "sucicide": "suicide",
    "suicde": "suicide",
    "overdoes": "overdose",
    "hopless": "hopeless",
    "burdon": "burden",
}
_WORD_RE = re.compile(r"[a-z]{5,}")


def _spell(m: re.Match) -> str:
    word = m.group(0)
    if word in _SPELLING:
        return _SPELLING[word]
    if word in _KNOWN or word in _KEY_WORDS or len(word) < 6:
        return word
    for key in _KEY_WORDS:
        if _close(word, key) or _swap_close(word, key):
            return key
    return word


_SPACES_RE = re.compile(r" {2,}")


# Intensifiers and hedges that people slip between words ("he'll actually kill me", "I really just want to
# die") are dropped before matching, so each phrase need not allow for them.
_FILLERS_RE = re.compile(
    r"\b(?:actually|really|literally|seriously|truly|genuinely|definitely|probably|totally|truthfully|basically|"
    r"kinda|kind of|sort of|just|so so|simply|even)\b ?"
)


def normalise(text: str) -> _Text:
    t = _Text(text)
    t.sub(_SPACES_RE, " ")
    t.sub(_FILLERS_RE, "")
    t.sub(_WORD_RE, _spell)
    for pattern, repl in _SHORTHAND_RE:
        t.sub(pattern, repl)
    return t


# ---- 2. phrases by category ------------------------------------------------------------------------

_SELF = r"(?P<who>my|him|her|them|your|our)sel(?:f|ves)"
_POSS = r"(?P<who>my|his|her|their|your|our)"
_ME = r"(?:me|myself)"
_PERSON = (
    r"(?:he|she|they|him|her|them|my (?:ex|partner|husband|wife|boyfriend|girlfriend|bf|gf|fiance|fiancee|"
    r"dad|father|mum|mom|mother|stepdad|stepfather|brother|sister|son|daughter|family|flatmate|roommate|"
    r"landlord|uncle|aunt|cousin|carer|ex-partner|ex-husband|ex-wife|ex-boyfriend|ex-girlfriend))"
)
_HARM_VERB = r"(?:kill|hurt|harm|beat|strangle|choke|hit|punch|kick|stab|shoot|attack|rape|batter|slap|smother)"
_HARM_PAST = (
    r"(?:hit|hits|beat|beats|choked|chokes|strangled|strangles|punched|punches|kicked|kicks|pushed|pushes|"
    r"shoved|shoves|slapped|slaps|raped|attacked|attacks|"
    r"smothered|threw (?:\w+ ){0,3}at|locked)"
)
_ANY = r"(?:any ?more|any longer|at all)"

_PHRASES: dict[str, list[str]] = {
    SUICIDAL_THOUGHTS: [
        rf"\b(?:kill(?:ing|ed)?|killin) {_SELF}\b",
        rf"\bend(?:ing|ed)? {_POSS} (?:own )?life\b",
        rf"\btak(?:e|ing|en) {_POSS} (?:own )?life\b",
        r"\bend(?:ing)? it all\b",
        r"\bend(?:ing)? (?:it|everything|things) (?:tonight|today|soon|now|for good|once and for all)\b",
        r"\bsuicidal\b",
        r"\bsuicide\b",
        r"\bwant(?:s|ed|ing)? to (?:die|be dead|not (?:be alive|exist|be here)|stop existing|not wake up)\b",
        r"\bwish(?:ed|ing)? (?:i|he|she|they) (?:was|were|could be) dead\b(?! (?:tired|to the world))",
        r"\bwish(?:ed|ing)? (?:i|he|she|they) could (?:just )?die\b",
        r"\bbetter off dead\b",
        r"\b(?:thinking|thought|thoughts|think) (?:about|of) (?:dying|death|not being here|not being alive|ending it(?! with| between))\b",
        r"\b(?:ready|going|about|planning|decided) to die\b",
        r"\bwish(?:ed|ing)? (?:i|he|she) (?:had never been|was never|were never|wasn't|weren't) born\b",
        r"\bi'?d rather (?:be dead|die)\b",
        r"\bi'?d be better off (?:dead|gone)\b",
        r"\bno(?:t| longer) want(?:ing)? to (?:be alive|exist|live)\b",
        r"\bdon't want to (?:be alive|exist|live|wake up|be here)\b",
        r"\bdidn't want to (?:be alive|exist|live|wake up)\b",
        r"\bdoesn't want to (?:be alive|exist|live|wake up)\b",
        r"\b(?:wouldn't|won't) mind (?:if i (?:died|didn't wake up|was gone|were gone)|dying|not waking up)\b",
        r"\bhope i (?:don't|never) wake up\b",
        r"\bsleep and (?:never|not) wake up\b",
        r"\b(?:go to )?sleep forever\b",
        r"\bdisappear forever\b",
        r"\bwant(?:s|ed)? to disappear\b(?! (?:under|into|in|for (?:a|the|an)|to|on|somewhere|from (?:work|the|this)))",
        r"\bjust want to die\b",
        r"\bi want out of (?:this )?life\b",
        r"\bnot be here (?:any ?more|tomorrow)\b",
        r"\btell you i'?m suicidal\b",
        r"\b(?:i|we) (?:should|might as well) (?:just )?die\b",
        r"\bshould just (?:die|disappear)\b",
        r"\b(?:want|wanted|wish|wishing|could|would|just|need) (?:i could )?(?:just )?(?:to )?stop (?:existing|living|being alive|breathing)\b",
        r"\b(?:ways|way|how|methods?) to (?:die|kill myself|end (?:it|my life)|commit suicide|not wake up)\b",
        r"\b(?:i could|i'?ll|i will|i'?m going to|i want to|i should|time to) (?:just )?end it\b(?! (?:with|between|for (?:him|her|them)|now,? (?:with|between)))",
        r"\bfeel like (?:ending (?:it|things|everything)|dying)\b",
        r"\bending (?:things|everything|it) (?:tonight|today|soon|now|this week)\b",
        r"\bdon't want to be (?:on this (?:earth|planet)|in this world|alive|around|here)\b",
        r"\b(?:pray|hope|wish) (?:that )?i (?:won't|don't|never|wouldn't|didn't) wake up\b",
        r"\brather not (?:exist|be alive|be here|live|wake up)\b",
        r"\bmy own funeral\b",
        r"\bi want out\b(?! of (?:this|the|my|our) (?:relationship|job|marriage|house|flat|contract|meeting|deal|lease|group))",
        r"\bif i'?m not (?:here|around|alive)\b",
        r"\bdeserve to die\b",
        r"\b(?:thinking|thought|think) (?:of|about) jumping\b(?! (?:into|in|on|at|ship|back|the gun|rope|a plane|out of a plane))",
        r"\b(?:going to|want to|i'?ll|i will) disappear (?:and|so|where|forever|for good)\b",
        r"\bwant (?:it|this|everything|my life) (?:all )?(?:to be )?over\b",
        r"\bcan't (?:keep|go on) (?:living|existing|being alive)\b",
        r"\b(?:don't|can't|cannot) see myself (?:being )?(?:alive|here|around)\b",
        r"\bhop(?:e|ing) (?:that )?i (?:crash|die|don't make it|get hit|never come back|don't come back)\b",
        r"\bfavou?r (?:by|if i) (?:dying|died|killing myself|disappearing|was gone|wasn't here)\b",
        # passive wishes to die: "I hope a bus hits me", "I wouldn't care if something killed me"
        r"\b(?:hope|hoping|wish|wishing|pray|praying|wouldn't care|wouldn't mind|don't care) (?:that )?(?:a|the|some|something|someone|somebody) ?(?:car|bus|train|truck|lorry|plane|van|driver)? (?:hits|hit|would hit|kills|would kill|runs? me over|ran me over|crashes)(?: me)?\b",
        r"\b(?:hope|hoping|wish|wishing|pray|praying) (?:that )?i (?:get|got) (?:hit|killed|run over|sick and die|cancer)\b",
        # a future without them in it
        r"\b(?:can't|cannot|can not|don't|couldn't) (?:picture|imagine|see) (?:a|any|my|the) future\b",
        r"\bfuture (?:where|in which) i'?m (?:still )?(?:here|alive|around)\b",
        r"\bwon't be (?:here|around|alive) (?:for|at|to see|by)\b",
        r"\bclose my eyes and (?:never|not) (?:open them|wake up)\b",
        r"\bnever (?:wake|waking) up again\b",
        r"\b(?:ready|going|about) to (?:give up|let go|stop fighting|stop trying)\b(?=\s*(?:[.!?,;]|$|now|on|for good|for ever|forever))",
        r"\b(?:don't|do not) want (?:any )?more of (?:this life|life|it all|living)\b",
        r"\bif this is (?:what )?life(?: is)?,? i don't want\b",
        r"\b(?:welcom|embrac)(?:e|ing) death\b|\b(?:long|longing|wish|wishing|pray|praying) for death\b",
        r"\b(?:considering|contemplating|thinking about|planning) (?:ending|finishing) (?:everything|it all|it|my life|things)\b",
        r"\bi'?m checking out\b",
        r"\b(?:don't|do not) (?:plan|intend|expect) (?:on |to )?(?:be|being) (?:here|alive|around)\b",
        r"\b(?:won't|will not|not going to|don't think i'?ll) make it (?:to|through|past) (?:my|the|next|christmas|new year|another)\b",
        r"\b(?:don't|do not) think i'?ll be (?:alive|here|around) (?:much longer|for (?:much )?long|by|next)\b",
        r"\bnot (?:going to|gonna) be (?:here|around|alive) (?:much longer|for (?:much )?long|tomorrow|by)\b",
        r"\b(?:disappointed|annoyed|angry|sad|upset|gutted) (?:that )?i (?:woke|wake|still wake) up\b",
    ],
    PLAN_OR_MEANS: [
        r"\b(?:saved|saving|stockpil(?:ed|ing)|hoard(?:ed|ing)|collect(?:ed|ing)|stashed|stashing|have|got|bought) "
        r"(?:up )?(?:all )?(?:enough |some |my |a lot of |loads of )?(?:pills|tablets|meds|medication|paracetamol|painkillers)\b"
        r"(?! for (?:my|the) (?:headache|back|period|cold|flu))",
        r"\bhow many (?:pills|tablets|paracetamol|painkillers) (?:would|does it|will|it takes|to)\b",
        r"\blethal dose\b",
        r"\b(?:hidden|hid|hide|hiding|stashed|stash|stashing) (?:\w+ )?(?:razor ?blades|blades|a rope|the rope|rope|pills|tablets)\b",
        r"\b(?:second|another|extra|third) (?:packet|box|bottle)s? of (?:paracetamol|pills|tablets|painkillers|sleeping pills)\b",
        r"\bmy plan is to (?:take|end|jump|hang|overdose|do it)\b(?! (?:the|a) (?:train|bus|car|course|class|day off|dog))",
        r"\b(?:take|took|taking|swallow|swallowed) (?:all|every one|the whole (?:box|bottle|packet)) (?:of )?(?:my |the |these |those )?(?:\w+ )?(?:pills|tablets|meds|medication|paracetamol|painkillers)\b",
        r"\benough (?:pills|tablets|paracetamol|painkillers|meds|insulin)\b",
        r"\bwalk(?:ing)? into the (?:sea|river|lake|traffic|ocean|canal)\b",
        r"\bcrash(?:ing)? (?:the|my) car (?:on purpose|deliberately|into)\b",
        r"\b(?:knife|blade|razor|scissors) (?:against|to|on|across) my (?:wrists?|arms?|throat|neck|skin)\b",
        r"\b(?:pills|tablets|meds|medication|paracetamol) (?:are |is )?(?:all )?(?:lined up|counted out|counted|laid out|in a pile|piled up|set out)\b",
        r"\btake (?:everything|all|every pill|the lot|all the pills) (?:in|from) (?:the|my) (?:medicine )?(?:cabinet|cupboard|drawer|box|bathroom)\b",
        r"\bengine running\b(?=.{0,60}\bgarage\b)|\bgarage\b(?=.{0,60}\bengine running\b)",
        r"\b(?:highest|tallest) (?:bridge|building|cliff|car park|tower|roof)\b",
        r"\bhow (?:much|many) (?:of )?(?:my )?(?:insulin|pills|tablets|paracetamol|meds|medication|sleeping pills|painkillers|antidepressants|ibuprofen|aspirin) (?:would it|it would|does it|will it|it will|it'?d|to|would) (?:take|kill)\b",
        r"\bdriv(?:e|ing) (?:my car )?(?:off|into) (?:the|a) (?:road|bridge|cliff|tree|wall|river|lake|oncoming \w+)\b",
        r"\bnoose\b",
        r"\b(?:stood|standing|stand|sat|sitting|went up|climbed) (?:on|at|to|onto|up) (?:the|a|that) (?:edge|ledge|bridge|roof|rooftop|cliff|platform|tracks|railway|parapet)\b",
        r"\b(?:pills|tablets|blade|razor|knife|rope|gun|meds) (?:is |are )?(?:in front of me|in my hand|next to me|ready|beside me|on the table in front of me)\b",
        r"\boverdos(?:e|ed|ing)\b",
        r"\b(?:take|took|taken|taking) (?:all|every one|a handful|a bunch|loads|too many|a lot) (?:of )?(?:my|the|these|those)? ?(?:pills|tablets|meds|paracetamol|painkillers)\b",
        r"\b(?:bought|got|found|have|tied|got hold of) (?:a |the )?(?:rope|noose|gun)\b(?! (?:for|to) (?:the|a|my) (?:boat|climbing|camping|tent|dog))",
        r"\bhang(?:ing|ed)? {_SELF}\b".replace("{_SELF}", _SELF),
        r"\bslit(?:ting)? (?:my|his|her) (?:wrists|throat)\b",
        r"\bjump(?:ing|ed)? (?:off|from|in front of) (?:a|the|that) (?:\w+ )?(?:bridge|building|roof|train|cliff|tower|balcony|car|bus|overpass)\b",
        r"\bstep(?:ping)? in front of (?:a|the) (?:train|bus|car|lorry|truck)\b",
        r"\bdrive (?:my car |off )?(?:into|off) (?:a|the) (?:tree|wall|bridge|cliff|river|lake)\b",
        r"\b(?:wrote|written|writing|left) (?:a|my) (?:suicide )?note\b(?= (?:for|to) (?:my|everyone|them|him|her|the)|$| so| and|\.)",
        r"\bsuicide note\b",
        r"\b(?:have|made|got|making) a plan (?:to (?:die|end|do it|kill)|for (?:how|when))\b",
        r"\bi know (?:how|when|where) i'?(?:ll|d| will| would| am going to) do it\b",
        r"\b(?:figured|worked) out (?:how|when|where) (?:i'?ll|to|i would) (?:do it|end it|die)\b",
        r"\b(?:tonight|tomorrow|this weekend|on (?:\w+day)) (?:is|will be) the (?:night|day)\b",
        r"\bthe (?:bridge|rope|pills|gun) (?:is|are) ready\b",
        r"\bi'?ve (?:got|put) everything ready\b",
        r"\b(?:get|getting|got|put|putting|sort|sorted|sorting|have) (?:all )?my affairs in order\b",
        r"\bwrit(?:ing|ten|e) (?:my|a) will\b(?= (?:just in case|before i|so they))",
    ],
    SELF_HARM: [
        rf"\b(?:cut|cutting|cuts|burn|burning|burnt|burned|burns|harm|harming|harmed|hurt|hurting|hurts|scratch|"
        rf"scratching|scratched|punish|punishing|hit|hitting|bite|biting|starve|starving|starved) {_SELF}\b",
        r"\bself-harm(?:ed|ing|s)?\b",
        r"\bself-injur(?:y|e|ed|ing)\b",
        r"\burges? to (?:cut|burn|hurt|harm|self-harm)\b",
        r"\bcutting again\b",
        r"\bcut (?:again|deeper)\b",
        r"\bcut(?:ting)? (?:my )?(?:arms?|wrists?|legs?|thighs?|skin|stomach)\b",
        r"\bburn(?:ing|ed|t)? my (?:skin|arms?|legs?|wrists?|hands?|thighs?)\b",
        r"\bwon't stop bleeding\b",
        r"\b(?:hit|hitting|bang|banging|bashed|bashing|punch|punching|slam|slamming) my head (?:against|on|into|off)\b",
        r"\b(?:razor|blade|knife|scissors|compass|glass) (?:on|to|across|into) my (?:arms?|legs?|wrists?|skin|thighs?|stomach)\b",
        r"\bscratch(?:ing|ed|es)? my (?:arms?|legs?|wrists?|skin|thighs?|face) (?:with|until|till|raw|open)\b",
        r"\buntil (?:it|they|i|my \w+) bleeds?\b",
        r"\brelaps(?:e|ed|ing) (?:on|with|into)? ?(?:cutting|self-harm)\b",
        r"\b(?:the )?(?:blade|razor)s? (?:again|helps?|is the only)\b",
        r"\bbleed(?:ing)? (?:on purpose|again)\b",
        r"\b(?:want|need|wanted|needed) to (?:feel )?(?:pain|bleed)\b",
        r"\bmake myself bleed\b",
    ],
    HOPELESSNESS: [
        r"\b(?:everyone|everybody|they|my (?:family|kids|partner|friends|husband|wife|parents)|the world|people|all of you|you all|you) "
        r"(?:would|will|'d|'ll)? ?(?:be )?(?:better off|happier) (?:without me|if i (?:was|were|wasn't|weren't) (?:gone|here|around|dead))\b",
        r"\bbetter off without me\b",
        r"\bbetter (?:place|world|off) without me\b",
        r"\b(?:better|happier|easier|favou?r|reliev\w*|relief|keep turning|move on|fine|care|miss me|notice)\b[^.!?]{0,40}\bif i (?:died|was dead|were dead|was gone|were gone|wasn't here|weren't here|"
        r"wasn't around|weren't around|disappeared|killed myself|was not here)\b",
        r"\b(?:easier|better|happier) (?:for (?:everyone|everybody|them|all of them|my family) )?if i (?:just )?(?:wasn't|weren't|was not|were not) (?:alive|here|around)\b",
        r"\bif i (?:died|was gone|were gone|wasn't here|weren't here|wasn't around|weren't around|disappeared)\b[^.!?]{0,40}\b(?:better|happier|easier|favou?r|relief|no one|nobody|care|notice|keep turning)\b",
        r"\b(?:no|don't see (?:the|any)|can't see (?:the|any)|stopped seeing the|lost (?:the|any)|there'?s no|not much) point (?:in|of|to) (?:being alive|living|life|going on|carrying on|existing|anything|me|being here|waking up|getting up|trying)\b",
        r"\bwhen i'?m dead\b",
        r"\b(?:better|easier|happier) (?:life|lives|off|time) (?:with|if) (?:me|i'?m|i was|i were) gone\b",
        r"\bwouldn't matter to (?:anyone|a single (?:person|soul)|anybody|no one)\b",
        r"\b(?:nothing|no one|nobody) (?:left )?(?:for me )?(?:here )?for me\b|\bnothing left for me\b",
        r"\b(?:worth more dead|than i'?m worth alive|life insurance would)\b",
        r"\b(?:no one|nobody) (?:would|will|'d) (?:even )?(?:come|go|turn up|show up|cry) (?:to|at) my funeral\b",
        r"\bno future for (?:me|someone like me|people like me)\b",
        r"\bnothing matters(?: any ?more)?\b",
        r"\bhate my life\b",
        r"\bshould (?:never|not) have been born\b",
        r"\bburden\b",
        r"\bbetter off with (?:a different|another|someone else|a new|a better) ?(?:mum|mom|dad|parent|partner|wife|husband|person|son|daughter)?\b",
        r"\b(?:i'?m|i am|i've become|i feel like|feel like) (?:such |just |only |nothing but |a huge |a )?(?:a )?burden\b",
        r"\bburden (?:to|on) (?:everyone|everybody|my family|them|you|the people)\b",
        r"\bno (?:reason|point|purpose) (?:to|in|for) (?:living|live|being alive|being here|go on|going on|keep going|carrying on|carry on|stay|staying|exist|existing|me)\b",
        r"\bnothing (?:left )?to live for\b",
        r"\b(?:what'?s|what is) the point (?:of|in) (?:living|life|being alive|going on|me)\b",
        r"\blife (?:isn't|is not|isnt|ain't) worth (?:living|it)\b",
        r"\b(?:can't|couldn't) (?:go on|keep going|carry on|do this|take (?:it|this)|cope)(?: like this)? (?:any ?more|any longer)\b",
        r"\bdon't think i can (?:go on|keep going|carry on|do this any ?more)\b",
        r"\b(?:there'?s|there is|i see|i can see) no way out\b",
        r"\bno way out\b",
        r"\bno(?: one|body) (?:would|will|'d|is going to|'s going to|going to) (?:even )?(?:miss|notice|care|cry)(?: me| if i (?:was|were|died|disappeared|vanished|was gone))?\b(?= *(?:[.!?,]|$|any ?more|at all|if i (?:was|were|died|disappeared|vanished|was gone|were gone|wasn't|weren't|stopped)|when i'?m gone|that i'?m gone))",
        r"\btired of (?:living|being alive|life|existing|waking up)\b",
        r"\b(?:done|finished) with (?:life|living|everything|it all|breathing|existing|being alive|being here)\b",
        r"\bwhat'?s (?:stopping|to stop) me\s*(?=[.!?]|$)",
        r"\b(?:stop|stopped|stopping) being (?:a problem|a burden|a bother|in the way)\b.{0,30}\b(?:permanently|for good|forever)\b",
        r"\bcan't see (?:a|any) (?:future|way forward|point)\b",
        r"\b(?:it'?s|everything is|i am|i'?m|i feel|feel so|feeling) (?:completely |so |totally |utterly )?hopeless\b(?! (?:at|about|with|in|when it comes to) (?!(?:life|everything|the future|my future|myself|it all|living|me)\b))",
        r"\bgive up on (?:life|living|everything)\b",
        r"\bgiving up on (?:life|living|everything)\b",
        r"\bwant (?:it|everything|this|the pain|the pain) (?:all )?to (?:end|stop|be over)\b(?! (?:now|soon)?,? ?(?:the|this) (?:meeting|day|week|call|class))",
        r"\bnot sure (?:i|if i) want to (?:live|be alive|be here|keep going|go on)\b",
        r"\b(?:i'?m|i am) (?:worthless|a waste of space|a waste of (?:oxygen|air))\b",
        r"\bthe world would be better\b(?= without me)",
        r"\bwhy (?:am i|bother) (?:even )?(?:alive|living|still here)\b",
        r"\bwhy (?:do|should) i (?:even )?(?:bother )?(?:keep )?(?:living|going on|going|exist|carry on|trying)\b",
    ],
    GOODBYE: [
        r"\bthis is (?:my )?goodbye\b",
        r"\bgoodbye (?:everyone|everybody|forever|world|for good|for ever|all|cruel world|to you all)\b(?!,? (?:logging|signing|see you|for (?:now|today|tonight|the (?:night|day|weekend))|until|till|have a|good ?night|night|talk (?:soon|tomorrow)|bye))",
        r"\b(?:say|saying|said) (?:my )?goodbyes?(?: to (?:everyone|everybody|you all|the world|all of you)| for good| forever)\b",
        r"\bby the time (?:you|anyone|someone) (?:read|reads|find|finds|see|sees) this\b",
        r"\bwon't be (?:here|around|alive) (?:much longer|tomorrow|for long|by (?:tomorrow|the morning|monday|next week)|any ?more)\b",
        r"\b(?:giving|gave|give|given) away (?:all )?(?:my|of my) (?:things|stuff|belongings|possessions|pets|cat|dog)\b",
        r"\b(?:look|looking) after (?:my|the) (?:cat|dog|kids|children|pets) (?:for me )?when i'?m gone\b",
        r"\bwhen i'?m gone\b",
        r"\bthis is (?:my|the) last (?:message|entry|post|note|thing i'?ll write|time you'?ll hear from me)\b"
        r"(?! (?:before|for (?:now|today|a while|this|the)|until|of the|on this|here|in (?:this|the|our|my)))",
        r"\bi'?m sorry for everything\b(?=.{0,40}\b(?:goodbye|love you|forgive)\b)",
        r"\b(?:please )?(?:remember|forgive) me when\b",
        r"\bi (?:just )?wanted to say (?:thank you|goodbye) (?:for everything|before i go)\b",
        r"\blast (?:message|words|letter|note|text)\b(?=.{0,60}\b(?:sorry for everything|goodbye|forgive me|i love you)\b)",
        r"\bsee you on the other side\b",
        r"\b(?:letters?|notes?|messages?) (?:to|for) (?:everyone|all the people|the people|each of the people) i love\b",
        r"\bbecause i won'?t (?:need|be (?:needing|around|here))\b",
        r"\bgiv(?:e|ing|en) (?:away )?(?:all )?my (?:things|stuff|belongings|possessions) (?:to|away)\b",
        r"\b(?:who|what) should (?:get|have) my (?:things|stuff|\w+)\b(?=.{0,40}\b(?:savings|will|when i'?m gone|after i'?m gone|money)\b)",
        r"\bif i (?:disappear|die|don't come back|am gone|'m gone|do not come back),? (?:please )?(?:feed|look after|take care of|walk) my\b",
        r"\b(?:letters?|notes?|videos?|messages?) (?:to|for) (?:say goodbye|my (?:kids|children|family|parents|mum|mom|dad|partner|wife|husband))\b(?=.{0,40}\b(?:goodbye|in case|when i'?m gone|after i'?m gone|for after)\b)",
        r"\bsay(?:ing)? goodbye to my (?:kids|children|family|parents|mum|mom|dad|partner|wife|husband|friends)\b(?! (?:at|before|for the (?:day|week|weekend))| as they| when)",
        r"\bthis will be the last (?:time|thing)\b(?= you(?:'ll)? (?:hear|read))",
    ],
    DANGER_FROM_OTHERS: [
        rf"\b{_PERSON} (?:[\w']+ ){{0,3}}(?:said|says|told me|threatened|threatens|swore|promised|wants|tried|will|'ll|would|'d|"
        rf"is going to|are going to|going to|might|could|keeps? saying|keeps? threatening)(?: [\w']+){{0,3}}? {_HARM_VERB}s? {_ME}\b",
        rf"\b(?:he|she|they)'(?:ll|d) {_HARM_VERB} me\b",
        rf"\b{_PERSON} {_HARM_PAST} me\b",
        rf"\b{_PERSON} (?:has|had|have) (?:\w+ )?(?:hit|beaten|choked|strangled|punched|kicked|pushed|slapped|raped|hurt|attacked) me\b",
        rf"\b(?:scared|afraid|terrified|frightened|fear) (?:of )?(?:what )?(?:that )?(?:one day |someday |some day |soon |tonight )?{_PERSON}(?:'ll|'s| will| might| is going to| are going to| would| could| may)? (?:\w+ ){{0,2}}(?:do to me|hurt me|kill me|hit me|find me|come after me|harm me)\b",
        rf"\b(?:scared|afraid|terrified|frightened) of {_PERSON}\b",
        r"\b(?:scared|afraid|terrified|frightened) (?:to go|of going) home\b",
        r"\b(?:scared|afraid|terrified|fear) for my (?:life|safety)\b",
        rf"\b(?:don't|do not|never|can't|cannot|no longer) feel safe (?:\w+ ){{0,3}}(?:in the same (?:house|room|flat|bed) as|around|near|alone with) {_PERSON}\b",
        r"\b(?:don't|do not|never) feel safe (?:at home|with (?:him|her|them|my \w+)|in my (?:own )?(?:home|house|flat))\b",
        r"\bnot safe (?:at home|with (?:him|her|them|my \w+)|in my (?:own )?(?:home|house|flat))\b",
        rf"\b{_PERSON} (?:won't|doesn't|will not|does not|never) let me (?:leave|go out|see my (?:friends|family)|have (?:money|my phone)|talk to anyone)\b",
        rf"\b{_PERSON} (?:controls|checks|tracks|monitors|took|takes|smashed|broke) (?:all )?(?:my|of my) (?:money|phone|location|passport|messages|bank)\b",
        rf"\b{_PERSON} (?:threatened|threatens|keeps threatening) (?:me|to (?:take the kids|hurt|kill|leave me with nothing))\b",
        r"\btold me to (?:go )?kill myself\b",
        r"\bkill yourself\b",
        r"\b(?:he|she|they) (?:strangled|choked) me\b",
        rf"\b{_PERSON} grabbed me by the (?:throat|neck|hair)\b",
        rf"\b{_PERSON} (?:pinned|cornered|trapped|restrained|dragged|locked) me\b",
        r"\bregret it if i (?:try to |ever )?(?:leave|go|tell)\b",
        r"\buse it on me\b",
        r"\b(?:hands?|fingers|arm|belt|rope) (?:around|round|on|to) my (?:neck|throat)\b",
        r"\bif (?:he|she|they) can't have me,? no(?: one|body) (?:will|can)\b",
        rf"\b{_PERSON} (?:hurts|hurt|hits|hit|touches|touched) me when (?:mum|mom|dad|no one|nobody|my \w+) (?:isn't|is not|'s not|wasn't|was not) (?:home|around|there|in)\b",
        r"\b(?:gets|get|turns|turn|getting|becomes) violent\b",
        rf"\b{_PERSON} (?:held|holds|pinned|pins) me down\b",
        rf"\b{_PERSON} (?:threw|throws|threw|hurled|flung) (?:\w+ ){{0,3}}at (?:me|my (?:head|face))\b",
        rf"\b{_PERSON} (?:smashed|broke|took) my phone\b",
        rf"\b{_PERSON} (?:said|says|threatened|told me) (?:he|she|they)'?(?:d| would| will|'ll)? make me disappear\b",
        rf"\b{_PERSON} (?:pointed|points|held|holds) (?:a|the|his|her|their) (?:gun|knife|weapon) (?:at|to) (?:me|my)\b",
        rf"\b{_PERSON}(?:'s| has| have)? been (?:hitting|beating|hurting|choking|kicking|slapping|pushing|strangling) me\b",
        rf"\b(?:scared|afraid|terrified|frightened) to be (?:alone )?(?:in the same (?:house|room|flat|bed) as|alone with|near|around) {_PERSON}\b",
        r"\bkill (?:himself|herself|themselves) and (?:me|us)\b",
        r"\bnext time (?:he|she|they)'?(?:ll|d| will| would)? (?:finish|kill|really hurt|end)\b",
        r"\b(?:scared|afraid|terrified|frightened) (?:that )?(?:he|she|they)(?:'ll| will| might| is going to)? (?:come|comes) (?:for|after) me\b",
        r"\bhiding (?:in the (?:bathroom|bedroom|car|cupboard)|from (?:him|her|them|my \w+))\b",
        r"\b(?:he|she|they)(?:'s|'re| is| are) (?:hitting|smashing|throwing) things\b",
        rf"\b{_PERSON} (?:hurt|hurts) me (?:physically|again|badly|so bad|every|when (?:he|she|they)(?:'s|'re| is| are| gets?) (?:drunk|angry|high|mad))\b",
        rf"\b(?:he|she|they)(?:'s|'re| is| are) (?:going to|about to|trying to|threatening to) {_HARM_VERB} me\b",
    ],
}

# ---- 2b. structural lexicons ------------------------------------------------------------------------
# Rather than one phrase per sentence seen, these are small word classes combined by rule, so wordings that
# were never written down still meet: a burden belief is "<anyone> would be <fine/better/...> without me";
# violence from someone else is "<person> <violent act> me / my <body part>"; finality is "<won't / not going
# to> be <around/here> <for long / any more>" or "<giving away / sorted out> my <things>".
_BODY = r"(?:throat|neck|hair|arm|arms|wrist|wrists|face|head|jaw)"  # not hand: "she grabbed my hand" is often kind
_VIOLENT_ACT = (
    r"(?:grabbed|grabs|squeezed|squeezes|choked|chokes|choking|strangled|strangles|strangling|hit|hits|hitting|"
    r"punched|punches|slapped|slaps|kicked|kicks|shoved|shoves|pushed|pushes|slammed|slams|smacked|smacks|"
    r"beat|beats|beating|dragged|drags|pinned|pins|bit|bites|burned|burnt|twisted|twists|stabbed|stabs|"
    r"headbutted|throttled|throttles|bashed|attacked|attacks|threatened|threatens)"  # not "hurt": "she hurt me when she lied"
)
_ANYONE = (
    r"(?:everyone|everybody|they|people|the world|all of you|you all|you guys|my (?:family|kids|children|partner|"
    r"friends|husband|wife|parents|mum|mom|dad|boyfriend|girlfriend)|the people (?:i love|around me)|no one)"
)
_RELIEF = r"(?:fine|ok|okay|alright|better|better off|happier|easier|relieved|lighter|freer|free|at peace)"
_THINGS = r"(?:things|stuff|belongings|possessions|clothes|books|records|guitar|games|plants|pets|cat|dog|savings|money|passwords|jewellery|jewelry|car|bike|accounts)"
_STRUCTURAL: dict[str, list[str]] = {
    SUICIDAL_THOUGHTS: [
        # euphemisms for ending one's life, each needing a first-person wish or plan in front (or none at all)
        r"\b(?:thinking|thought|think|thoughts|considering|contemplating|planning|plan|going|want|wanting|ready|decided|tempted|urge) (?:of |about |on |to )?end(?:ing)? (?:things|it|everything|it all)\b(?! (?:with|between|off|on a|for (?:him|her|them|now)))",
        r"\b(?:better off|happier|easier) (?:not (?:existing|being (?:here|alive|around|born))|gone|asleep forever)\b",
        r"\b(?:go|fade|turn|went) (?:to )?(?:black|dark|away|quiet) (?:forever|for good|permanently)\b",
        r"\b(?:go|going|went|fall|falling) to sleep and (?:not|never) (?:wake|waking|wakes) up\b",
        r"\b(?:not|never|stop) (?:existing|being alive)\b(?=.{0,20}(?:relief|peace|better|easier|nice|want|wish))",
        r"\bnot being (?:around|here|alive) (?:any ?more|any longer|at all|for good|forever)\b",
        r"\b(?:can't|cannot|don't) see myself (?:getting through|making it (?:to|through|past)|surviving|lasting) (?:another|next|the next|this|to)\b",
        r"\b(?:rather|prefer to) (?:be dead|not be here|not exist|not wake up)\b",
        r"\bwant (?:it|this|everything|the pain) (?:all )?to (?:stop|end) (?:permanently|for good|forever)\b",
        r"\b(?:pain|everything|it) (?:to )?stop (?:permanently|for good|forever)\b",
    ],
    PLAN_OR_MEANS: [
        # a means named with a count, a place or a method, without the word suicide
        r"\b(?:counting|counted|count) (?:how many |the |my )?(?:pills|tablets|meds|painkillers|sleeping pills)\b",
        r"\b(?:pills|tablets|meds|painkillers)\b[^.!?]{0,40}\b(?:might|would|will|could) be enough\b",
        r"\b(?:take|took|taking|swallow|swallowing|down|downing) (?:all|every one|the rest|the whole \w+|a handful|the lot) (?:of )?(?:my |the |these |those )?(?:\w+ )?(?:pills|tablets|meds|medication|painkillers)\b",
        r"\b(?:how (?:high|tall|far down|deep)|how long it takes to (?:drown|bleed out|die)|the height of) (?:the |that |a )?(?:bridge|building|balcony|roof|cliff|car park|drop|fall)?\b(?=.{0,40}\b(?:bridge|balcony|roof|cliff|car park|jump|drop|fall|is|was)\b)",
        r"\blook(?:ed|ing)? up (?:how|ways|methods)\b",
        r"\b(?:gun|rope|knife|blade|razor|belt|cord)\b[^.!?]{0,40}\b(?:on|around) myself\b",
        r"\b(?:using|use) (?:it|the gun|the rope|the knife|the blade) on myself\b",
        r"\bi know (?:where|how|when) i'?d do it\b|\bknow (?:exactly )?where i'?(?:d|ll| would| will) do it\b",
        r"\bplan\b[^.!?]{0,40}\b(?:picked|chosen|chose|set|decided on|have) (?:a |the )?(?:date|day|time|place|spot|method)\b",
        r"\b(?:imagin|pictur|fantasi[sz]|think|thinking|thought)\w* (?:about |of )?(?:jumping|falling|throwing myself) (?:off|from|in front of|under)\b",
        r"\b(?:driv|crash|steer)\w* (?:my |the )?car (?:into|off) (?:a|the) (?:tree|wall|bridge|river|lake|lorry|truck|barrier|cliff|oncoming)\b",
        # a high place or a track named together with stepping, jumping or falling
        r"\b(?:tracks|platform|bridge|ledge|roof|rooftop|balcony|cliff|edge|overpass|car park)\b[^.!?]{0,60}\b(?:how easy (?:it )?would be|stepping off|step off|stepping in front|(?:to |about )jump(?:ing)?|leaning over|letting go|falling)\b",
        r"\bstanding (?:on|at) (?:the|a) (?:bridge|ledge|edge|roof|rooftop|cliff|tracks|platform edge)\b(?= (?:right now|now|tonight))",
        # reading up on what is lethal
        r"\b(?:fatal|lethal|deadly) (?:dose|amount|in (?:large|big|high) (?:amounts|doses))\b|\b(?:which|what) (?:medications?|pills|drugs|tablets) (?:are|is) (?:fatal|lethal|deadly)\b",
        r"\b(?:painless|quick|easy|quickest|easiest) ways? to (?:go|die|end it)\b",
        r"\b(?:stockpil|hoard|sav|collect)(?:e|ed|ing) (?:up )?(?:my |her |his |their |all the |old )?(?:\w+ )?(?:'s )?(?:old )?(?:prescriptions|pills|tablets|meds)\b",
        r"\b(?:planning|plan|decided|ready|going) to go through with it\b",
        r"\bstopped taking my (?:meds|medication|insulin|pills)\b(?=.{0,40}\b(?:don't wake|not wake|die|end|gone|hope)\b)",
    ],
    SELF_HARM: [
        r"\b(?:i|i've|i'm|been|started|back to|keep|kept) (?:\w+ )?(?:cut|cutting|burning|burnt|scratching|hurting) (?:again|myself|deeper|last night|tonight|more)\b",
        r"\b(?:relapsed|relapse|relapsing|urges?|clean from|sh again|did sh)\b[^.!?]{0,15}\bsh\b|\bsh (?:again|urges?|relapse|scars?|tonight)\b",
        r"\b(?:my )?(?:arms|wrists|legs|thighs) (?:are|is) (?:a mess|covered in (?:cuts|scars|burns))\b",
        r"\b(?:carv|gouge|gouging|pick|scrap)\w* (?:\w+ )?(?:into|at|on) my (?:skin|arms?|legs?|thighs?|wrists?|stomach)\b",
        r"\b(?:punch|punching|punched|hit|hitting) (?:the )?walls?\b(?=[^.!?]{0,40}\b(?:bleed|bled|bleeding|broke|hurt myself)\b)",
    ],
    HOPELESSNESS: [
        # burden belief: <anyone> would be <fine/better/...> without me / if I wasn't here
        rf"\b{_ANYONE}(?: would| will|'d|'ll| could| might) (?:all )?(?:honestly )?(?:be |get on |manage |cope )?(?:so |much |a lot |all )?{_RELIEF} without me\b(?! (?:for|while|when|during|at|on|this|next|over|until|till|tonight|today|tomorrow))",
        rf"\b{_RELIEF} without me (?:around|here|in (?:their|the|your) (?:lives|life|way))\b",
        r"\b(?:no one|nobody|not a single (?:person|soul)) (?:would|will|'d) (?:even )?(?:notice|care|miss me|realise|realize)\b(?= *(?:[.!?,]|$|any ?more|at all|if i (?:was|were|died|disappeared|vanished|was gone|were gone|wasn't|weren't|stopped)|when i'?m gone|that i'?m gone))",
        r"\bwhat'?s the point (?:of|in) (?:living|anything|trying|going on|me|being here|any of it)\b",
        r"\b(?:done|finished|through) with (?:life|living|everything|it all|this life|being alive)\b",
        r"\b(?:don't|can't|cannot|no longer) see (?:a |any )?(?:future|point|way forward)(?: for (?:me|myself))?\b",
        r"\b(?:the )?world (?:would|will|'d) be (?:a )?(?:better|happier|easier)(?: place)? without me\b",
        r"\b(?:simpler|easier|better|happier|lighter|calmer) (?:for (?:everyone|everybody|them|all of them|my family|the people i love) )?if i (?:just )?(?:vanished|disappeared|ceased to exist|was gone|were gone|wasn't (?:here|around|in (?:it|them))|weren't (?:here|around|in (?:it|them)))\b",
        r"\b(?:lives|life) would be (?:simpler|easier|better|happier|lighter)\b[^.!?]{0,30}\bif i (?:wasn't|weren't|was not|were not|vanished|disappeared)\b",
        r"\b(?:tired|exhausted|sick|weary|worn out) of (?:existing|being alive|living|life|fighting to (?:stay alive|live|keep going|be here)|trying to stay alive)\b",
        r"\bend (?:my|the) (?:suffering|misery|pain)(?: for good| forever| permanently| once and for all)?\b",
    ],
    GOODBYE: [
        # finality: not being around, goodbyes, giving things away, arranging for after
        r"\b(?:won't|will not|not going to|am not going to|i'm not going to|not gonna) be (?:around|here|alive) (?:much longer|for (?:much )?longer|for long|any ?more|any longer|after (?:tonight|today|this)|by (?:tomorrow|morning|the weekend|next week))\b",
        rf"\b(?:gave|giving|give|given|handed|handing) (?:away )?(?:all )?(?:of )?my {_THINGS}\b(?=[^.!?]{{0,60}}\b(?:won't need|not need|won't be|when i'?m gone|after i'?m gone|in case|anymore|any more|don't need)\b)",
        rf"\b(?:sorted|sorting|worked) out (?:who gets|who'?ll get|where) (?:all )?my {_THINGS}\b",
        r"\b(?:said|saying|say) (?:all )?my goodbyes\b",
        r"\b(?:started |been )?(?:saying|said) goodbye to (?:people|everyone|everybody|my friends|friends)\b(?! (?:at|before|as|when|for the))(?=[^.!?]{0,40}(?:without|quietly|one by one|in my own way|$|[.!?]))",
        r"\b(?:tidy|sorted|in order|paid off|ready)\b[^.!?]{0,40}\bbefore i go\s*(?:[.!?]|$)",
        r"\b(?:please )?tell (?:my \w+|everyone|them|him|her) (?:that )?i love (?:her|him|them|you|everyone)\b",
        r"\b(?:remember me|after i'?m gone|when i'?m not here)\b",
        r"\b(?:wrote|written|writing|left) (?:letters|notes|messages) (?:to|for) (?:everyone|everybody|all the people|the people|each of)\b",
        r"\bin case (?:something happens to me|i'?m not (?:here|around)|i don't make it|i'?m gone|anything happens to me)\b",
        r"\b(?:deleted|deleting|delete) (?:all )?my (?:accounts|social media|profiles)\b(?=[^.!?]{0,40}\b(?:goodbye|goodbyes|gone|for good|won't need|forever)\b)",
        r"\b(?:my will|affairs|who gets my|goodbyes?)\b[^.!?]{0,50}\b(?:i'?m|i am) ready\b",
    ],
    DANGER_FROM_OTHERS: [
        # violence from someone else: <person> <violent act> me / my <body part>
        rf"\b{_PERSON} (?:\w+ ){{0,2}}{_VIOLENT_ACT} (?:me|my {_BODY})\b(?! (?:up|off|out|with a (?:hug|present|gift|surprise)|a (?:text|message|call|smile)))",
        rf"\b{_PERSON} (?:put|wrapped|had|pressed|held) (?:his|her|their|both) (?:hands?|fingers|arm|arms|knee|forearm) (?:around|round|on|over|against) my (?:neck|throat|mouth|face|chest)\b",
        rf"\b{_VIOLENT_ACT} me (?:against|into|to|on|onto|off|down|until|till|so hard)\b",
        rf"\b{_PERSON}(?: \w+){{0,6}} (?:said|says|told me|threatened|threatens|swore|warned) (?:that )?(?:he|she|they)(?:'ll|'d| will| would| is going to| are going to|'s going to|'re going to) (?:\w+ )?{_HARM_VERB} me\b",
        rf"\b{_PERSON}(?: \w+){{0,4}} (?:said|says|told me|threatened|threatens|swore) (?:that )?(?:he|she|they)(?:'ll|'d| will| would| is going to) (?:\w+ )?(?:kill|hurt|stab|shoot) me if\b",
        # threats conditional on leaving or telling; a person arriving armed; being locked in
        r"\bif i (?:ever )?(?:leave|left|go|tell|told|call|called|report)\b[^.!?]{0,30}\b(?:he|she|they)(?:'ll| will|'d| would| is going to) (?:\w+ ){0,2}(?:kill|hurt|ruin|find|come after|destroy|take the kids|hit|beat|punish|make (?:me|sure)|end|burn|stab|shoot)\b",
        rf"\b{_PERSON}(?: \w+){{0,5}} with a (?:knife|gun|weapon|bat|hammer|machete)\b",
        rf"\b{_PERSON} (?:locks|locked|lock|keeps) me (?:in|out|inside)\b",
        rf"\b{_PERSON}(?: \w+){{0,4}} (?:with|and) me (?:in it|inside)\b",
        r"\b(?:hide|hiding|hid|cover|covering|covered) (?:up )?(?:the |my )?bruises\b",
        r"\bnobody will believe (?:me|you)\b",
        rf"\b{_PERSON} (?:threatened|threatens|keeps threatening|said|says|swore) (?:to )?(?:\w+ )?(?:stab|shoot|kill|hurt|strangle|burn) me\b",
        rf"\b{_PERSON}(?:'s| is| has been| keeps| kept) (?:following|stalking|watching|tracking) me\b",
        rf"\b{_PERSON} (?:\w+ )?(?:hits|hit|beats|kicks|slaps) me when\b",
        r"\b(?:scared|afraid|terrified|frightened) (?:to|of going|of what happens when i go) (?:go )?home\b",
    ],
}
for _cat, _pats in _STRUCTURAL.items():
    _PHRASES[_cat].extend(_pats)

_COMPILED = {cat: [re.compile(p) for p in pats] for cat, pats in _PHRASES.items()}

# ---- 3. context ------------------------------------------------------------------------------------

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
    r"\bcan't have me\b|\b(?:isn't|is not|'s not|wasn't|was not) (?:home|around|there|in)\b|"
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


def _analyse_match(t: _Text, category: str, m: re.Match, sentences, quotes) -> Finding:
    s = t.s
    start, end = m.start(), m.end()
    sent_start = next((a for a, b in sentences if a <= start < b), 0)
    clause_start = _clause_start(s, start, sent_start)
    orig_start, orig_end = t.span(start, end)

    def finding(first_person: bool, discounted: str = "") -> Finding:
        return Finding(category, orig_start, orig_end, "", first_person, discounted)

    matched = m.group(0)
    # Quoted words: whose are they?
    for qa, qb in quotes:
        if qa <= start and end <= qb:
            before_quote = s[max(sent_start, qa - 80) : qa - 1]
            after_quote = s[qb + 1 : qb + 40]
            if _QUOTE_ATTRIBUTION_SELF.search(before_quote):
                break
            if (
                before_quote.strip() and _QUOTE_ATTRIBUTION_OTHER.search(before_quote)
            ) or _QUOTE_ATTRIBUTION_AFTER_OTHER.match(after_quote):
                return finding(False, "")
            if _TOPIC.search(before_quote):
                return finding(False, "topic")
            break

    # Person: a reflexive or possessive inside the phrase decides; otherwise read back to the subject.
    if category == DANGER_FROM_OTHERS:
        first_person = True  # the phrases themselves say it is aimed at the writer ("... hurt me")
    else:
        own = _category_of_phrase_is_reflexive_third(m)
        if own is None and re.search(r"\b(?:i|i'm|i'd|i'll|i've|me|myself)\b", matched):
            own = True  # the phrase itself names the writer ("because i won't need ...")
        if own is None:
            own = _subject(s, sent_start, start, matched)
        elif own:
            # "my sister said she wants to kill myself" is not English; but "she told me to kill myself" is abuse
            own = not re.search(r"\btold (?:me|him|her) to\s*$", s[clause_start:start])
        first_person = own

    before_clause = s[clause_start:start]
    before_sentence = s[sent_start:start]
    sent_end = next((b for a, b in sentences if a <= start < b), len(s))
    sentence = s[sent_start:sent_end]
    if _IDIOMS.search(s[max(sent_start, start - 12) : min(len(s), end + 25)]) and category in (
        SUICIDAL_THOUGHTS,
        HOPELESSNESS,
    ):
        return finding(first_person, "idiom")
    if category == DANGER_FROM_OTHERS:
        if _DANGER_IDIOM.match(s, end):
            return finding(first_person, "idiom")
        if _NEGATORS.search(_DANGER_NEGATIVE_FORMS.sub(" ", matched)):
            return finding(first_person, "negated")
    if _negated(s, clause_start, start):
        return finding(first_person, "negated")
    if _HYPOTHETICAL.search(before_sentence) and not re.search(r"\bi'?(?:ll| will| am going to)\b", before_clause):
        return finding(first_person, "hypothetical")
    if (
        category in _TOPIC_CATEGORIES
        and _TOPIC_WORDS_ONLY.match(matched)
        and (
            _TOPIC.search(s[clause_start : _clause_end(s, end, sent_end)])
            or re.match(r"\s*(?:prevention|awareness|rates?|hotline|line|survivors?)\b", s[end:])
        )
    ):
        return finding(first_person, "topic")
    if (
        category in _TOPIC_CATEGORIES
        and _TOPIC_WORDS_ONLY.match(matched)
        and not _OWN_ACT.search(before_clause)
        and (
            _PROFESSIONAL.search(sentence)
            or re.match(r"\s*(?:patients?|clients?|cases?|calls?|deaths?|victims?)\b", s[end:])
        )
    ):
        return finding(first_person, "topic")
    if _PAST_RECOVERED.search(sentence) and not _CURRENT_AGAIN.search(sentence):
        return finding(first_person, "past")
    if category == SELF_HARM and _ACCIDENT.match(s, end):
        return finding(first_person, "accident")
    return finding(first_person)


# ---- 4. a wider net: wanting + death in one clause ------------------------------------------------------
# Phrases miss new wordings ("I keep fantasising about not waking up"). This layer looks, within one
# sentence, for a wish or intention followed closely by a death word, with the same person, negation,
# idiom and topic checks as the phrases. It only ever adds findings.
_DESIRE = re.compile(
    r"\b(?:want|wanted|wanting|wish|wished|wishing|wonder|wondering|i'd like|would like|considering|contemplating|part of me|"
    r"pray|prayed|praying|hope|hoping|long|longing|rather|crave|craving|"
    r"tempted|tempting|urge|urges|plan|planning|planned|going to|ready|decided|thinking (?:of|about)|think about|"
    r"thought about|fantasi[sz]e|fantasi[sz]ing|dream (?:of|about)|dreaming (?:of|about)|imagine|imagining|picture|picturing|"
    r"research(?:ed|ing)?|look(?:ed|ing)? up|googl(?:e|ed|ing)|deserve|deserving|need to|would be (?:nice|easier|better|a relief|peaceful))\b"
)
# ...but no other person or thing may come between them ("I want to see the Dead Sea").
_BLOCK = {"the", "a", "an", "this", "these", "those", "he", "she", "they", "him", "her", "them", "his", "their"}
_BLOCK |= {"you", "your", "its", "we", "our", "us", "his", "someone", "somebody", "people", "everyone"}
_DEATH = re.compile(
    r"\b(?:die|stay asleep|sleep forever|(?:not|never) (?:come|coming) back|checking out|check out for good|"
    r"(?:be|being) gone(?: for good)?|be done(?= *(?:[.!?]|$| for good| with (?:it all|life|everything)))|not make it to|ending (?:everything|it all|my life)|"
    r"dying(?! (?:to|for|of|inside|laughing))|dead(?! (?:tired|end|serious|line|battery|on|set|heat|weight))|my (?:own )?death|"
    r"not (?:be )?(?:here|alive|around|exist(?:ing)?)|(?:stop|cease|ceasing|stopping) (?:to )?exist(?:ing)?|never wak(?:e|ing) up|"
    r"not wak(?:e|ing) up|funeral|my grave|afterlife|end (?:it all|my life|everything)|"
    r"disappear(?:ing)? (?:forever|for good|permanently)|no longer (?:be )?(?:here|around|alive)|not being (?:here|around|alive)|"
    r"stop(?:ping)? (?:breathing|living)|(?:fade|go) (?:away|black) (?:forever|for good)|ending (?:things|it)(?! with| between))\b"
)
_CONCEPT_GAP = 60  # characters between the wish and the death word
# Only these small words may stand between the wish and the death word, so "I want to see the Dead Sea" or
# "I hope she is not here" never join up.
_GLUE = {
    "to",
    "be",
    "could",
    "would",
    "should",
    "will",
    "can",
    "just",
    "i",
    "i'd",
    "i'm",
    "i'll",
    "about",
    "of",
    "that",
    "ways",
    "way",
    "how",
    "my",
    "own",
    "really",
    "simply",
    "quietly",
    "never",
    "go",
    "was",
    "were",
    "am",
    "being",
    "finally",
    "already",
    "so",
    "if",
    "it",
    "all",
    "then",
    "and",
    "myself",
    "again",
    "someday",
    "one",
    "day",
    "soon",
    "peacefully",
    "feel",
    "like",
    "sometimes",
    "often",
    "off",
    "gone",
    "where",
    "when",
    "what",
    "it'd",
    "is",
}


def _concept_findings(t: _Text, sentences, quotes, taken) -> list[Finding]:
    s = t.s
    found = []
    for sent_start, sent_end in sentences:
        for d in _DESIRE.finditer(s, sent_start, sent_end):
            m = _DEATH.search(s, d.end(), min(sent_end, d.end() + _CONCEPT_GAP))
            if m is None:
                continue
            between = re.findall(r"[a-z][a-z']*", s[d.end() : m.start()])
            if len(between) > 7 or any(w in _BLOCK and w not in _GLUE for w in between):
                continue
            if any(a < m.end() and d.start() < b for a, b, _ in taken):
                continue
            span = re.match(r"(?s).*", s[d.start() : m.end()])  # a match object over the whole span
            fake = _Span(d.start(), m.end(), span.group(0))
            found.append(_analyse_match(t, SUICIDAL_THOUGHTS, fake, sentences, quotes))
            taken.append((d.start(), m.end(), SUICIDAL_THOUGHTS))
            break
    return found


class _Span:
    """Just enough of re.Match for _analyse_match."""

    def __init__(self, start: int, end: int, text: str):
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _=0) -> str:
        return self._text

    def groupdict(self) -> dict:
        return {}


def detect(text: str) -> list[Finding]:
    """Every candidate finding, including those not counted as the writer's own current risk (and why)."""
    if not text or not text.strip():
        return []
    t = normalise(text)
    s = t.s
    sentences = _sentences(s)
    quotes = _quotes(s)
    findings: list[Finding] = []
    taken: list[tuple[int, int, str]] = []
    for category in CATEGORIES:
        for pattern in _COMPILED[category]:
            for m in pattern.finditer(s):
                if any(a < m.end() and m.start() < b and c == category for a, b, c in taken):
                    continue
                if any(a <= m.start() and m.end() <= b for a, b, _ in taken):
                    continue  # wholly inside an earlier, longer phrase
                taken.append((m.start(), m.end(), category))
                f = _analyse_match(t, category, m, sentences, quotes)
                findings.append(
                    Finding(f.category, f.start, f.end, text[f.start : f.end], f.first_person, f.discounted)
                )
    for f in _concept_findings(t, sentences, quotes, taken):
        findings.append(Finding(f.category, f.start, f.end, text[f.start : f.end], f.first_person, f.discounted))
    # The writer joining in: "my friend said she wanted to die, and honestly so do I", or answering a
    # question with yes: "my therapist asked if I was suicidal and I am".
    others = [f for f in findings if (not f.first_person and not f.discounted) or f.discounted == "hypothetical"]
    if others:
        first_other = min(f.start for f in others)
        for m in (*_ECHO.finditer(s), *_AFFIRM.finditer(s)):
            o_start, o_end = t.span(m.start(), m.end())
            if o_start <= first_other:
                continue
            if _negated(s, _clause_start(s, m.start(), 0), m.start()):
                continue
            prior = [f for f in others if f.end <= o_start]
            if not prior:
                continue
            source = max(prior, key=lambda f: f.end)
            if any(f.first_person and f.start < o_end and o_start < f.end for f in findings):
                continue
            findings.append(Finding(source.category, o_start, o_end, text[o_start:o_end], True, ""))
    findings.sort(key=lambda f: (f.start, f.category))
    return findings


def find_risk(text: str) -> list[Finding]:
    """The findings that are the writer's own, current, and not negated: these bring the crisis panel."""
    return [f for f in detect(text) if f.is_risk]


def categories(text: str) -> set[str]:
    return {f.category for f in find_risk(text)}
