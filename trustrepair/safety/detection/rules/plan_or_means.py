# ruff: noqa: E501  (regular-expression alternations stay on one line each so they can be read and diffed)
"""Rules for plan or means: phrases first, then structural rules (word classes combined)."""

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
]

STRUCTURAL: list[str] = [
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
]
