# ruff: noqa: E501  (regular-expression alternations stay on one line each so they can be read and diffed)
"""Rules for plan or means: phrases first, then structural rules (word classes combined)."""

from trustrepair.safety.detection.lexicon import (
    _SELF,
)
from trustrepair.safety.detection.rules.rule import Rule

PHRASES: tuple[Rule, ...] = (
    Rule(
        r"\b(?:saved|saving|stockpil(?:ed|ing)|hoard(?:ed|ing)|collect(?:ed|ing)|stashed|stashing|have|got|bought) "
        r"(?:up )?(?:all )?(?:enough |some |my |a lot of |loads of )?(?:pills|tablets|meds|medication|paracetamol|painkillers)\b"
        r"(?! for (?:my|the) (?:headache|back|period|cold|flu))",
        positives=("I've saved up my pills.", "I've got enough pills saved to end it."),
        lookalikes=(
            "I don't have pills or a plan or anything like that, I'm just angry.",
            "If I ever noticed my partner stockpiling pills I'd call an ambulance.",
        ),
    ),
    Rule(
        r"\bhow many (?:pills|tablets|paracetamol|painkillers) (?:would|does it|will|it takes|to)\b",
        positives=("How many paracetamol would it take.",),
        lookalikes=('My friend told me "How many paracetamol would it take"',),
    ),
    Rule(
        r"\blethal dose\b",
        positives=("I looked up the lethal dose tonight.",),
        lookalikes=('My friend told me "I looked up the lethal dose tonight"',),
    ),
    Rule(
        r"\b(?:hidden|hid|hide|hiding|stashed|stash|stashing) (?:\w+ )?(?:razor ?blades|blades|a rope|the rope|rope|pills|tablets)\b",
        positives=("I hid the rope in the shed.", "I've hidden razor blades in my room again."),
        lookalikes=("I used to hide pills in my sock drawer as a teenager, that girl feels like a stranger now.",),
    ),
    Rule(
        r"\b(?:second|another|extra|third) (?:packet|box|bottle)s? of (?:paracetamol|pills|tablets|painkillers|sleeping pills)\b",
        positives=("I bought a second packet of paracetamol so I'd have enough.",),
        lookalikes=('My friend told me "I bought a second packet of paracetamol so I\'d have enough"',),
    ),
    Rule(
        r"\bmy plan is to (?:take|end|jump|hang|overdose|do it)\b(?! (?:the|a) (?:train|bus|car|course|class|day off|dog))",
        positives=("My plan is to take the pills on Saturday when I'm alone.",),
        lookalikes=('My friend told me "My plan is to take the pills on Saturday when I\'m alone"',),
    ),
    Rule(
        r"\b(?:take|took|taking|swallow|swallowed) (?:all|every one|the whole (?:box|bottle|packet)) (?:of )?(?:my |the |these |those )?(?:\w+ )?(?:pills|tablets|meds|medication|paracetamol|painkillers)\b",
        positives=("I took all of my pills.", "I'm going to take all my tablets tonight."),
        lookalikes=('My friend told me "I took all of my pills"',),
    ),
    Rule(
        r"\benough (?:pills|tablets|paracetamol|painkillers|meds|insulin)\b",
        positives=(
            "I've got enough pills saved to end it.",
            "I have enough pills saved up to end my life and I keep counting them.",
        ),
        lookalikes=('My friend told me "I\'ve got enough pills saved to end it"',),
    ),
    Rule(
        r"\bwalk(?:ing)? into the (?:sea|river|lake|traffic|ocean|canal)\b",
        positives=("I'm going to walk into the sea tonight.", "I'm going to walk into the sea tonight."),
        lookalikes=('My friend told me "I\'m going to walk into the sea tonight"',),
    ),
    Rule(
        r"\bcrash(?:ing)? (?:the|my) car (?:on purpose|deliberately|into)\b",
        positives=(
            "Part of me wants to crash the car on purpose.",
            "I've decided to crash the car into a tree on the back road.",
        ),
        lookalikes=('My friend told me "Part of me wants to crash the car on purpose"',),
    ),
    Rule(
        r"\b(?:knife|blade|razor|scissors) (?:against|to|on|across) my (?:wrists?|arms?|throat|neck|skin)\b",
        positives=(
            "I keep holding the knife against my wrist.",
            "I took a razor to my arm after he accused me of cheating again.",
        ),
        lookalikes=('My friend told me "I keep holding the knife against my wrist"',),
    ),
    Rule(
        r"\b(?:pills|tablets|meds|medication|paracetamol) (?:are |is )?(?:all )?(?:lined up|counted out|counted|laid out|in a pile|piled up|set out)\b",
        positives=(
            "I've got the tablets lined up on my bedside table.",
            "The tablets are counted out on the bench and I'm just sitting looking at them.",
        ),
        lookalikes=('My friend told me "I\'ve got the tablets lined up on my bedside table"',),
    ),
    Rule(
        r"\btake (?:everything|all|every pill|the lot|all the pills) (?:in|from) (?:the|my) (?:medicine )?(?:cabinet|cupboard|drawer|box|bathroom)\b",
        positives=("tonight i'm going to take everything in the cabinet",),
        lookalikes=('My friend told me "tonight i\'m going to take everything in the cabinet"',),
    ),
    Rule(
        r"\bengine running\b(?=.{0,60}\bgarage\b)|\bgarage\b(?=.{0,60}\bengine running\b)",
        positives=("I sat in the car in the garage with the engine running for a while.",),
        lookalikes=('My friend told me "I sat in the car in the garage with the engine running for a while"',),
    ),
    Rule(
        r"\b(?:highest|tallest) (?:bridge|building|cliff|car park|tower|roof)\b",
        positives=("I looked up the tallest bridge in the county.",),
        lookalikes=('My friend told me "I looked up the tallest bridge in the county"',),
    ),
    Rule(
        r"\bhow (?:much|many) (?:of )?(?:my )?(?:insulin|pills|tablets|paracetamol|meds|medication|sleeping pills|painkillers|antidepressants|ibuprofen|aspirin) (?:would it|it would|does it|will it|it will|it'?d|to|would) (?:take|kill)\b",
        positives=("How many paracetamol would it take.", "Been researching how much insulin it would take."),
        lookalikes=('My friend told me "How many paracetamol would it take"',),
    ),
    Rule(
        r"\bdriv(?:e|ing) (?:my car )?(?:off|into) (?:the|a) (?:road|bridge|cliff|tree|wall|river|lake|oncoming \w+)\b",
        positives=("I want to drive my car into a tree.", "I want to drive off the road and be done."),
        lookalikes=('My friend told me "I want to drive my car into a tree"',),
    ),
    Rule(
        r"\bnoose\b",
        positives=("I've been looking at how to tie a noose.",),
        lookalikes=('My friend told me "I\'ve been looking at how to tie a noose"',),
    ),
    Rule(
        r"\b(?:stood|standing|stand|sat|sitting|went up|climbed) (?:on|at|to|onto|up) (?:the|a|that) (?:edge|ledge|bridge|roof|rooftop|cliff|platform|tracks|railway|parapet)\b",
        positives=("I'm standing on the roof right now.", "I'm standing on the bridge right now."),
        lookalikes=('My friend told me "I\'m standing on the roof right now"',),
    ),
    Rule(
        r"\b(?:pills|tablets|blade|razor|knife|rope|gun|meds) (?:is |are )?(?:in front of me|in my hand|next to me|ready|beside me|on the table in front of me)\b",
        positives=("I have the pills in front of me.", "sittin here with the pills in my hand"),
        lookalikes=('My friend told me "I have the pills in front of me"',),
    ),
    Rule(
        r"\boverdos(?:e|ed|ing)\b",
        positives=("I'm thinking of taking an overdose.", "Sometimes I think about overdosing."),
        lookalikes=("The podcast was about surviving an overdose.", "Her mum took an overdose when she was little."),
    ),
    Rule(
        r"\b(?:take|took|taken|taking) (?:all|every one|a handful|a bunch|loads|too many|a lot) (?:of )?(?:my|the|these|those)? ?(?:pills|tablets|meds|paracetamol|painkillers)\b",
        positives=("I took all of my pills.", "I'm going to take all my tablets tonight."),
        lookalikes=(
            "My mother-in-law used to take too many pills when she was depressed, it affected my husband growing up.",
        ),
    ),
    Rule(
        r"\b(?:bought|got|found|have|tied|got hold of) (?:a |the )?(?:rope|noose|gun)\b(?! (?:for|to) (?:the|a|my) (?:boat|climbing|camping|tent|dog))",
        positives=("I bought a rope today.", "got the rope in my room hidden"),
        lookalikes=('My friend told me "I bought a rope today"',),
    ),
    Rule(
        r"\bhang(?:ing|ed)? {_SELF}\b".replace("{_SELF}", _SELF),
        positives=("I want to hang myself.", "I'm going to hang myself in the garage when everyone's asleep."),
        lookalikes=(
            "They found my uncle after he hanged himself.",
            "Our ward had a patient admitted after trying to hang himself, he's stable now.",
        ),
    ),
    Rule(
        r"\bslit(?:ting)? (?:my|his|her) (?:wrists|throat)\b",
        positives=("I keep thinking about slitting my wrists.",),
        lookalikes=('My friend told me "I keep thinking about slitting my wrists"',),
    ),
    Rule(
        r"\bjump(?:ing|ed)? (?:off|from|in front of) (?:a|the|that) (?:\w+ )?(?:bridge|building|roof|train|cliff|tower|balcony|car|bus|overpass)\b",
        positives=("I keep imagining jumping off the balcony.", "gonna jump off the bridge on the way home fr"),
        lookalikes=(
            "The podcast episode was about a man who jumped from a bridge and survived.",
            "Never once thought about jumping off the bridge, I walk over it to get to work.",
        ),
    ),
    Rule(
        r"\bstep(?:ping)? in front of (?:a|the) (?:train|bus|car|lorry|truck)\b",
        positives=("I thought about stepping in front of a train this morning.",),
        lookalikes=('My friend told me "I thought about stepping in front of a train this morning"',),
    ),
    Rule(
        r"\bdrive (?:my car |off )?(?:into|off) (?:a|the) (?:tree|wall|bridge|cliff|river|lake)\b",
        positives=("I want to drive my car into a tree.",),
        lookalikes=('My friend told me "I want to drive my car into a tree"',),
    ),
    Rule(
        r"\b(?:wrote|written|writing|left) (?:a|my) (?:suicide )?note\b(?= (?:for|to) (?:my|everyone|them|him|her|the)|$| so| and|\.)",
        positives=("I wrote my suicide note.", "I've written a note for my mum."),
        lookalikes=("Years ago I used to write things like: I wrote my suicide note",),
    ),
    Rule(
        r"\bsuicide note\b",
        positives=("I wrote my suicide note.", "I've written my suicide note and left it in the drawer."),
        lookalikes=('My friend told me "I wrote my suicide note"',),
    ),
    Rule(
        r"\b(?:have|made|got|making) a plan (?:to (?:die|end|do it|kill)|for (?:how|when))\b",
        positives=("I have a plan to end it on Friday.", "I have a plan to end my life and I've told no one."),
        lookalikes=('My friend told me "I have a plan to end it on Friday"',),
    ),
    Rule(
        r"\bi know (?:how|when|where) i'?(?:ll|d| will| would| am going to) do it\b",
        positives=("I know how I'd do it.", "I bought a rope yesterday and I know where I'd do it."),
        lookalikes=('My friend told me "I know how I\'d do it"',),
    ),
    Rule(
        r"\b(?:figured|worked) out (?:how|when|where) (?:i'?ll|to|i would) (?:do it|end it|die)\b",
        positives=("I've figured out how to end it.",),
        lookalikes=('My friend told me "I\'ve figured out how to end it"',),
    ),
    Rule(
        r"\b(?:tonight|tomorrow|this weekend|on (?:\w+day)) (?:is|will be) the (?:night|day)\b",
        positives=("Tonight is the night.",),
        lookalikes=('My friend told me "Tonight is the night"',),
    ),
    Rule(
        r"\bthe (?:bridge|rope|pills|gun) (?:is|are) ready\b",
        positives=("The rope is ready in the garage.",),
        lookalikes=('My friend told me "The rope is ready in the garage"',),
    ),
    Rule(
        r"\bi'?ve (?:got|put) everything ready\b",
        positives=("I've got everything ready for tonight.",),
        lookalikes=('My friend told me "I\'ve got everything ready for tonight"',),
    ),
    Rule(
        r"\b(?:get|getting|got|put|putting|sort|sorted|sorting|have) (?:all )?my affairs in order\b",
        positives=("I put my affairs in order this morning.",),
        lookalikes=('My friend told me "I put my affairs in order this morning"',),
    ),
    Rule(
        r"\bwrit(?:ing|ten|e) (?:my|a) will\b(?= (?:in case|before i|so they))",
        positives=("I'm writing my will before I go.",),
        lookalikes=('My friend told me "I\'m writing my will before I go"',),
    ),
)

STRUCTURAL: tuple[Rule, ...] = (
    # a means named with a count, a place or a method, without the word suicide
    Rule(
        r"\b(?:counting|counted|count) (?:how many |the |my )?(?:pills|tablets|meds|painkillers|sleeping pills)\b",
        positives=(
            "I've been counting how many pills are left in the cabinet, it might be enough.",
            "I did the breathing exercise, cleaned the kitchen and counted the tablets again.",
        ),
        lookalikes=(
            'My friend told me "I\'ve been counting how many pills are left in the cabinet, it might be enough"',
        ),
    ),
    Rule(
        r"\b(?:pills|tablets|meds|painkillers)\b[^.!?]{0,40}\b(?:might|would|will|could) be enough\b",
        positives=("I've been counting how many pills are left in the cabinet, it might be enough.",),
        lookalikes=(
            'My friend told me "I\'ve been counting how many pills are left in the cabinet, it might be enough"',
        ),
    ),
    Rule(
        r"\b(?:take|took|taking|swallow|swallowing|down|downing) (?:all|every one|the rest|the whole \w+|a handful|the lot) (?:of )?(?:my |the |these |those )?(?:\w+ )?(?:pills|tablets|meds|medication|painkillers)\b",
        positives=("I took all of my pills.", "I'm going to take all my tablets tonight."),
        lookalikes=('My friend told me "I took all of my pills"',),
    ),
    Rule(
        r"\b(?:how (?:high|tall|far down|deep)|how long it takes to (?:drown|bleed out|die)|the height of) (?:the |that |a )?(?:bridge|building|balcony|roof|cliff|car park|drop|fall)?\b(?=.{0,40}\b(?:bridge|balcony|roof|cliff|car park|jump|drop|fall|is|was)\b)",
        positives=(
            "I looked up how high the bridge on Route 9 is.",
            "I checked how tall the car park at the shopping centre is.",
        ),
        lookalikes=('My friend told me "I looked up how high the bridge on Route 9 is"',),
    ),
    Rule(
        r"\blook(?:ed|ing)? up (?:how|ways|methods)\b",
        positives=("just looked up how 2 ctb fastest", "I looked up how high the bridge on Route 9 is."),
        lookalikes=('My friend told me "just looked up how 2 ctb fastest"',),
    ),
    Rule(
        r"\b(?:gun|rope|knife|blade|razor|belt|cord)\b[^.!?]{0,40}\b(?:on|around) myself\b",
        positives=(
            "I keep looking at the rope and thinking of using it on myself.",
            "I've got a knife next to me and I'm going to use it on myself tonight.",
        ),
        lookalikes=('My friend told me "I keep looking at the rope and thinking of using it on myself"',),
    ),
    Rule(
        r"\b(?:using|use) (?:it|the gun|the rope|the knife|the blade) on myself\b",
        positives=(
            "I've got a knife next to me and I'm going to use it on myself tonight.",
            "There's a gun in the house and I keep thinking about using it on myself.",
        ),
        lookalikes=("My friend told me \"I've got a knife next to me and I'm going to use it on myself tonight\"",),
    ),
    Rule(
        r"\bi know (?:where|how|when) i'?d do it\b|\bknow (?:exactly )?where i'?(?:d|ll| would| will) do it\b",
        positives=("I know how I'd do it.", "I bought a rope yesterday and I know where I'd do it."),
        lookalikes=('My friend told me "I know how I\'d do it"',),
    ),
    Rule(
        r"\bplan\b[^.!?]{0,40}\b(?:picked|chosen|chose|set|decided on|have) (?:a |the )?(?:date|day|time|place|spot|method)\b",
        positives=("I have a plan and I've picked the date.",),
        lookalikes=('My friend told me "I have a plan and I\'ve picked the date"',),
    ),
    Rule(
        r"\b(?:imagin|pictur|fantasi[sz]|think|thinking|thought)\w* (?:about |of )?(?:jumping|falling|throwing myself) (?:off|from|in front of|under)\b",
        positives=(
            "I keep imagining jumping off the balcony.",
            "I keep thinking about jumping off the bridge near work.",
        ),
        lookalikes=("Never once thought about jumping off the bridge, I walk over it to get to work.",),
    ),
    Rule(
        r"\b(?:driv|crash|steer)\w* (?:my |the )?car (?:into|off) (?:a|the) (?:tree|wall|bridge|river|lake|lorry|truck|barrier|cliff|oncoming)\b",
        positives=("I want to drive my car into a tree.", "Thinking about driving my car into a tree on the way home."),
        lookalikes=('My friend told me "I want to drive my car into a tree"',),
    ),
    # a high place or a track named together with stepping, jumping or falling
    Rule(
        r"\b(?:tracks|platform|bridge|ledge|roof|rooftop|balcony|cliff|edge|overpass|car park)\b[^.!?]{0,60}\b(?:how easy (?:it )?would be|stepping off|step off|stepping in front|(?:to |about )jump(?:ing)?|leaning over|letting go|falling)\b",
        positives=(
            "Every time I'm on the platform I think about stepping off.",
            "I'm standing on the overpass right now thinking about jumping.",
        ),
        lookalikes=('My friend told me "Every time I\'m on the platform I think about stepping off"',),
    ),
    Rule(
        r"\bstanding (?:on|at) (?:the|a) (?:bridge|ledge|edge|roof|rooftop|cliff|tracks|platform edge)\b(?= (?:right now|now|tonight))",
        positives=("I'm standing on the roof right now.", "I'm standing on the bridge right now."),
        lookalikes=('My friend told me "I\'m standing on the roof right now"',),
    ),
    # reading up on what is lethal
    Rule(
        r"\b(?:fatal|lethal|deadly) (?:dose|amount|in (?:large|big|high) (?:amounts|doses))\b|\b(?:which|what) (?:medications?|pills|drugs|tablets) (?:are|is) (?:fatal|lethal|deadly)\b",
        positives=(
            "I looked up the lethal dose tonight.",
            "I've been reading about which medications are fatal in large amounts.",
        ),
        lookalikes=('My friend told me "I looked up the lethal dose tonight"',),
    ),
    Rule(
        r"\b(?:painless|quick|easy|quickest|easiest) ways? to (?:go|die|end it)\b",
        positives=("I've been googling painless ways to go.",),
        lookalikes=('My friend told me "I\'ve been googling painless ways to go"',),
    ),
    Rule(
        r"\b(?:stockpil|hoard|sav|collect)(?:e|ed|ing) (?:up )?(?:my |her |his |their |all the |old )?(?:\w+ )?(?:'s )?(?:old )?(?:prescriptions|pills|tablets|meds)\b",
        positives=("I've saved up my pills.", "I've been stockpiling tablets for weeks."),
        lookalikes=("If I ever noticed my partner stockpiling pills I'd call an ambulance.",),
    ),
    Rule(
        r"\b(?:planning|plan|decided|ready|going) to go through with it\b",
        positives=("I've decided to go through with it tonight.",),
        lookalikes=('My friend told me "I\'ve decided to go through with it tonight"',),
    ),
    Rule(
        r"\bstopped taking my (?:meds|medication|insulin|pills)\b(?=.{0,40}\b(?:don't wake|not wake|die|end|gone|hope)\b)",
        positives=("I stopped taking my meds and I hope I just don't wake up.",),
        lookalikes=('My friend told me "I stopped taking my meds and I hope I just don\'t wake up"',),
    ),
)
