# ruff: noqa: E501  (regular-expression alternations stay on one line each so they can be read and diffed)
"""Rules for self harm: phrases first, then structural rules (word classes combined)."""

from trustrepair.safety.detection.lexicon import (  # noqa: F401
    _ANY,
    _ANYONE,
    _BODY,
    _HARM_PAST,
    _HARM_VERB,
    _ME,
    _PERSON,
    _POSS,
    _RELIEF,
    _SELF,
    _THINGS,
    _VIOLENT_ACT,
)

PHRASES: list[str] = [
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
]

STRUCTURAL: list[str] = [
    r"\b(?:i|i've|i'm|been|started|back to|keep|kept) (?:\w+ )?(?:cut|cutting|burning|burnt|scratching|hurting) (?:again|myself|deeper|last night|tonight|more)\b",
    r"\b(?:relapsed|relapse|relapsing|urges?|clean from|sh again|did sh)\b[^.!?]{0,15}\bsh\b|\bsh (?:again|urges?|relapse|scars?|tonight)\b",
    r"\b(?:my )?(?:arms|wrists|legs|thighs) (?:are|is) (?:a mess|covered in (?:cuts|scars|burns))\b",
    r"\b(?:carv|gouge|gouging|pick|scrap)\w* (?:\w+ )?(?:into|at|on) my (?:skin|arms?|legs?|thighs?|wrists?|stomach)\b",
    r"\b(?:punch|punching|punched|hit|hitting) (?:the )?walls?\b(?=[^.!?]{0,40}\b(?:bleed|bled|bleeding|broke|hurt myself)\b)",
]
