# ruff: noqa: E501  (regular-expression alternations stay on one line each so they can be read and diffed)
"""Rules for self harm: phrases first, then structural rules (word classes combined)."""

from trustrepair.safety.detection.lexicon import (
    _SELF,
)
from trustrepair.safety.detection.rules.rule import Rule

PHRASES: tuple[Rule, ...] = (
    Rule(
        rf"\b(?:cut|cutting|cuts|burn|burning|burnt|burned|burns|harm|harming|harmed|hurt|hurting|hurts|scratch|"
        rf"scratching|scratched|punish|punishing|hit|hitting|bite|biting|starve|starving|starved) {_SELF}\b",
        positives=("I want to hurt myself.", "I cut myself last night."),
        lookalikes=("I'm not going to hurt myself.", "I burned myself on the oven tray."),
    ),
    Rule(
        r"\bself-harm(?:ed|ing|s)?\b",
        positives=("I've started self-harming again.", "I self harm when things get bad."),
        lookalikes=("I have never self-harmed.", "I haven't self-harmed in two years."),
    ),
    Rule(
        r"\bself-injur(?:y|e|ed|ing)\b",
        positives=("I self-injured again last night.",),
        lookalikes=('My friend told me "I self-injured again last night"',),
    ),
    Rule(
        r"\burges? to (?:cut|burn|hurt|harm|self-harm)\b",
        positives=(
            "The urge to cut is really strong tonight.",
            "Sitting on my bed fighting a massive urge to cut after reading her texts.",
        ),
        lookalikes=("No urge to hurt myself tonight, scored it zero on the check-in.",),
    ),
    Rule(
        r"\bcutting again\b",
        positives=("been cutting again", "I keep thinking about cutting again, it's getting hard to resist."),
        lookalikes=("My friend relapsed and started cutting again, I drove her to the GP.",),
    ),
    Rule(
        r"\bcut (?:again|deeper)\b",
        positives=("Cut again tonight, deeper than before.", "i cut again last night, deeper this time"),
        lookalikes=('My friend told me "Cut again tonight, deeper than before"',),
    ),
    Rule(
        r"\bcut(?:ting)? (?:my )?(?:arms?|wrists?|legs?|thighs?|skin|stomach)\b",
        positives=("Been cutting my legs where no one can see.", "I just cut my arm and it won't stop bleeding."),
        lookalikes=('My friend told me "Been cutting my legs where no one can see"',),
    ),
    Rule(
        r"\bburn(?:ing|ed|t)? my (?:skin|arms?|legs?|wrists?|hands?|thighs?)\b",
        positives=("I've been burning my skin with cigarettes.", "i burnt my arm again w the straightener lol"),
        lookalikes=('My friend told me "I\'ve been burning my skin with cigarettes"',),
    ),
    Rule(
        r"\bwon't stop bleeding\b",
        positives=("I just cut my arm and it won't stop bleeding.",),
        lookalikes=('My friend told me "I just cut my arm and it won\'t stop bleeding"',),
    ),
    Rule(
        r"\b(?:hit|hitting|bang|banging|bashed|bashing|punch|punching|slam|slamming) my head (?:against|on|into|off)\b",
        positives=(
            "I bang my head against the wall when he goes quiet on me.",
            "I started hitting my head against the wall to make it stop.",
        ),
        lookalikes=('My friend told me "I bang my head against the wall when he goes quiet on me"',),
    ),
    Rule(
        r"\b(?:razor|blade|knife|scissors|compass|glass) (?:on|to|across|into) my (?:arms?|legs?|wrists?|skin|thighs?|stomach)\b",
        positives=("I pressed the blade into my thigh until it stung.",),
        lookalikes=('My friend told me "I pressed the blade into my thigh until it stung"',),
    ),
    Rule(
        r"\bscratch(?:ing|ed|es)? my (?:arms?|legs?|wrists?|skin|thighs?|face) (?:with|until|till|raw|open)\b",
        positives=(
            "I keep scratching my arms with a razor when I'm upset.",
            "I've been scratching my legs until they bleed so I can feel something else.",
        ),
        lookalikes=('My friend told me "I keep scratching my arms with a razor when I\'m upset"',),
    ),
    Rule(
        r"\buntil (?:it|they|i|my \w+) bleeds?\b",
        positives=("I keep scratching myself until it bleeds.", "I keep punching walls until my knuckles bleed."),
        lookalikes=('My friend told me "I keep scratching myself until it bleeds"',),
    ),
    Rule(
        r"\brelaps(?:e|ed|ing) (?:on|with|into)? ?(?:cutting|self-harm)\b",
        positives=(
            "I relapsed with cutting after two years.",
            "I relapsed on self-harm after eight months clean and I can't stop thinking about doing it again.",
        ),
        lookalikes=("In case I ever relapse with self-harm, my safety plan is taped inside my wardrobe.",),
    ),
    Rule(
        r"\b(?:the )?(?:blade|razor)s? (?:again|helps?|is the only)\b",
        positives=("The blade is the only thing that helps.", "the blade is the only thing that helps anymore"),
        lookalikes=('My friend told me "The blade is the only thing that helps"',),
    ),
    Rule(
        r"\bbleed(?:ing)? (?:on purpose|again)\b",
        positives=("I made it bleed on purpose.",),
        lookalikes=('My friend told me "I made it bleed on purpose"',),
    ),
    Rule(
        r"\b(?:want|need|wanted|needed) to (?:feel )?(?:pain|bleed)\b",
        positives=("I need to feel pain to feel anything.",),
        lookalikes=('My friend told me "I need to feel pain to feel anything"',),
    ),
    Rule(
        r"\bmake myself bleed\b",
        positives=("I want to make myself bleed.",),
        lookalikes=('My friend told me "I want to make myself bleed"',),
    ),
)

STRUCTURAL: tuple[Rule, ...] = (
    Rule(
        r"\b(?:i|i've|i'm|been|started|back to|keep|kept) (?:\w+ )?(?:cut|cutting|burning|burnt|scratching|hurting) (?:again|myself|deeper|last night|tonight|more)\b",
        positives=("been cutting again", "I cut myself last night."),
        lookalikes=(
            "I burnt myself making toast this morning.",
            "My friend relapsed and started cutting again, I drove her to the GP.",
        ),
    ),
    Rule(
        r"\b(?:relapsed|relapse|relapsing|urges?|clean from|sh again|did sh)\b[^.!?]{0,15}\bsh\b|\bsh (?:again|urges?|relapse|scars?|tonight)\b",
        positives=("sh urges r crazy tonite", "been sh again cos of him"),
        lookalikes=('My friend told me "sh urges r crazy tonite"',),
    ),
    Rule(
        r"\b(?:my )?(?:arms|wrists|legs|thighs) (?:are|is) (?:a mess|covered in (?:cuts|scars|burns))\b",
        positives=("been self harming again, my arms are a mess",),
        lookalikes=('My friend told me "been self harming again, my arms are a mess"',),
    ),
    Rule(
        r"\b(?:carv|gouge|gouging|pick|scrap)\w* (?:\w+ )?(?:into|at|on) my (?:skin|arms?|legs?|thighs?|wrists?|stomach)\b",
        positives=("I carve words into my thigh so I can feel something.",),
        lookalikes=('My friend told me "I carve words into my thigh so I can feel something"',),
    ),
    Rule(
        r"\b(?:punch|punching|punched|hit|hitting) (?:the )?walls?\b(?=[^.!?]{0,40}\b(?:bleed|bled|bleeding|broke|hurt myself)\b)",
        positives=(
            "I keep punching walls until my knuckles bleed.",
            "I've been punching walls until my knuckles bleed to feel something.",
        ),
        lookalikes=('My friend told me "I keep punching walls until my knuckles bleed"',),
    ),
)
