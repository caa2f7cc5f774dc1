# ruff: noqa: E501  (regular-expression alternations stay on one line each so they can be read and diffed)
"""Rules for danger from others: phrases first, then structural rules (word classes combined)."""

from trustrepair.safety.detection.lexicon import (
    _BODY,
    _HARM_PAST,
    _HARM_VERB,
    _ME,
    _PERSON,
    _VIOLENT_ACT,
)
from trustrepair.safety.detection.rules.rule import Rule

PHRASES: tuple[Rule, ...] = (
    Rule(
        rf"\b{_PERSON} (?:[\w']+ ){{0,3}}(?:said|says|told me|threatened|threatens|swore|promised|wants|tried|will|'ll|would|'d|"
        rf"is going to|are going to|going to|might|could|keeps? saying|keeps? threatening)(?: [\w']+){{0,3}}? {_HARM_VERB}s? {_ME}\b",
        positives=("he said hed kill me", "He said he'd kill me."),
        lookalikes=("He would never hurt me.", "My mum will kill me when she sees my room."),
    ),
    Rule(
        rf"\b(?:he|she|they)'(?:ll|d) {_HARM_VERB} me\b",
        positives=("He said he'd kill me.", "I'm scared he'll hurt me."),
        lookalikes=('My friend told me "He said he\'d kill me"',),
    ),
    Rule(
        rf"\b{_PERSON} {_HARM_PAST} me\b",
        positives=("She hit me again last night.", "He pushed me down the stairs."),
        lookalikes=('My friend told me "She hit me again last night"',),
    ),
    Rule(
        rf"\b{_PERSON} (?:has|had|have) (?:\w+ )?(?:hit|beaten|choked|strangled|punched|kicked|pushed|slapped|raped|hurt|attacked) me\b",
        positives=("My partner has hit me twice this month.",),
        lookalikes=("He has never hit me.",),
    ),
    Rule(
        rf"\b(?:scared|afraid|terrified|frightened|fear) (?:of )?(?:what )?(?:that )?(?:one day |someday |some day |soon |tonight )?{_PERSON}(?:'ll|'s| will| might| is going to| are going to| would| could| may)? (?:\w+ ){{0,2}}(?:do to me|hurt me|kill me|hit me|find me|come after me|harm me)\b",
        positives=("I'm scared he'll hurt me.", "im scared hes going to hurt me"),
        lookalikes=("My friend told me \"I'm scared he'll hurt me\"",),
    ),
    Rule(
        rf"\b(?:scared|afraid|terrified|frightened) of {_PERSON}\b",
        positives=("I'm terrified of my ex.", "I'm terrified of my husband."),
        lookalikes=("I'm not scared of him at all.", "I'm not scared of him, I'm scared of how jealous I get."),
    ),
    Rule(
        r"\b(?:scared|afraid|terrified|frightened) (?:to go|of going) home\b",
        positives=("I'm scared to go home.", "He slammed me against the wall and I'm scared to go home."),
        lookalikes=('My friend told me "I\'m scared to go home"',),
    ),
    Rule(
        r"\b(?:scared|afraid|terrified|fear) for my (?:life|safety)\b",
        positives=("I fear for my safety.",),
        lookalikes=('My friend told me "I fear for my safety"',),
    ),
    Rule(
        rf"\b(?:don't|do not|never|can't|no longer) feel safe (?:\w+ ){{0,3}}(?:in the same (?:house|room|flat|bed) as|around|near|alone with) {_PERSON}\b",
        positives=("I don't feel safe sleeping in the same house as my dad.",),
        lookalikes=('My friend told me "I don\'t feel safe sleeping in the same house as my dad"',),
    ),
    Rule(
        r"\b(?:don't|do not|never) feel safe (?:at home|with (?:him|her|them|my \w+)|in my (?:own )?(?:home|house|flat))\b",
        positives=("I don't feel safe at home.",),
        lookalikes=('My friend told me "I don\'t feel safe at home"',),
    ),
    Rule(
        r"\bnot safe (?:at home|with (?:him|her|them|my \w+)|in my (?:own )?(?:home|house|flat))\b",
        positives=("I'm not safe with him.",),
        lookalikes=('She said, "I\'m not safe at home," and I helped her find a shelter.',),
    ),
    Rule(
        rf"\b{_PERSON} (?:won't|doesn't|will not|does not|never) let me (?:leave|go out|see my (?:friends|family)|have (?:money|my phone)|talk to anyone)\b",
        positives=(
            "He won't let me see my friends.",
            "I can't see my friends anymore, he won't let me leave the house without him.",
        ),
        lookalikes=('My friend told me "He won\'t let me see my friends"',),
    ),
    Rule(
        rf"\b{_PERSON} (?:controls|checks|tracks|monitors|took|takes|smashed|broke) (?:all )?(?:my|of my) (?:money|phone|location|passport|messages|bank)\b",
        positives=("He took my phone and my passport.", "My partner controls all my money."),
        lookalikes=('My friend told me "He took my phone and my passport"',),
    ),
    Rule(
        rf"\b{_PERSON} (?:threatened|threatens|keeps threatening) (?:me|to (?:take the kids|hurt|kill|leave me with nothing))\b",
        positives=("He threatens me all the time.", "My boyfriend threatened to kill me."),
        lookalikes=('My friend told me "He threatens me all the time"',),
    ),
    Rule(
        r"\btold me to (?:go )?kill myself\b",
        positives=("My ex told me to kill myself.",),
        lookalikes=('My friend told me "My ex told me to kill myself"',),
    ),
    Rule(
        r"\b(?:he|she|they) (?:strangled|choked) me\b",
        positives=("He choked me during the argument.", "He strangled me and told me nobody would believe me."),
        lookalikes=('My friend told me "He choked me during the argument"',),
    ),
    Rule(
        rf"\b{_PERSON} grabbed me by the (?:throat|neck|hair)\b",
        positives=(
            "He grabbed me by the throat.",
            "He grabbed me by the throat last night because I didn't answer my phone.",
        ),
        lookalikes=('My friend told me "He grabbed me by the throat"',),
    ),
    Rule(
        rf"\b{_PERSON} (?:pinned|cornered|trapped|restrained|dragged|locked) me\b",
        positives=(
            "My husband locked me in the house for two days.",
            "She locked me in the bedroom for the whole weekend.",
        ),
        lookalikes=('My friend told me "My husband locked me in the house for two days"',),
    ),
    Rule(
        r"\bregret it if i (?:try to |ever )?(?:leave|go|tell)\b",
        positives=("My partner said I'll regret it if I try to leave, and I believe him.",),
        lookalikes=('My friend told me "My partner said I\'ll regret it if I try to leave, and I believe him"',),
    ),
    Rule(
        r"\buse it on me\b",
        positives=("He has a gun and said he would use it on me.",),
        lookalikes=('My friend told me "He has a gun and said he would use it on me"',),
    ),
    Rule(
        r"\b(?:hands?|fingers|arm|belt|rope) (?:around|round|on|to) my (?:neck|throat)\b",
        positives=(
            "He put his hands around my neck last night.",
            "He put his hands around my neck last night until I almost blacked out.",
        ),
        lookalikes=('My friend told me "He put his hands around my neck last night"',),
    ),
    Rule(
        r"\bif (?:he|she|they) can't have me,? no one (?:will|can)\b",
        positives=("He says if he can't have me, no one can.",),
        lookalikes=('My friend told me "He says if he can\'t have me, no one can"',),
    ),
    Rule(
        rf"\b{_PERSON} (?:hurts|hurt|hits|hit|touches|touched) me when (?:mum|mom|dad|no one|my \w+) (?:isn't|is not|'s not|wasn't|was not) (?:home|around|there|in)\b",
        positives=("My stepdad hurts me when mum isn't home.",),
        lookalikes=('My friend told me "My stepdad hurts me when mum isn\'t home"',),
    ),
    Rule(
        r"\b(?:gets|get|turns|turn|getting|becomes) violent\b",
        positives=("I'm terrified to go home tonight, he's been drinking and he gets violent.",),
        lookalikes=("My friend told me \"I'm terrified to go home tonight, he's been drinking and he gets violent\"",),
    ),
    Rule(
        rf"\b{_PERSON} (?:held|holds|pinned|pins) me down\b",
        positives=(
            "I have bruises on my arms from where he held me down.",
            "He pins me down when I try to leave the room during an argument.",
        ),
        lookalikes=('My friend told me "I have bruises on my arms from where he held me down"',),
    ),
    Rule(
        rf"\b{_PERSON} (?:threw|throws|threw|hurled|flung) (?:\w+ ){{0,3}}at (?:me|my (?:head|face))\b",
        positives=(
            "My boyfriend throws things at me when he's drunk.",
            "She threw a bottle at my head and I needed stitches.",
        ),
        lookalikes=('My friend told me "My boyfriend throws things at me when he\'s drunk"',),
    ),
    Rule(
        rf"\b{_PERSON} (?:smashed|broke|took) my phone\b",
        positives=("He took my phone and my passport.", "He smashed my phone and held me down so I couldn't leave."),
        lookalikes=('My friend told me "He took my phone and my passport"',),
    ),
    Rule(
        rf"\b{_PERSON} (?:said|says|threatened|told me) (?:he|she|they)'?(?:d| would| will|'ll)? make me disappear\b",
        positives=("My boyfriend said he'd make me disappear if I left.",),
        lookalikes=('My friend told me "My boyfriend said he\'d make me disappear if I left"',),
    ),
    Rule(
        rf"\b{_PERSON} (?:pointed|points|held|holds) (?:a|the|his|her|their) (?:gun|knife|weapon) (?:at|to) (?:me|my)\b",
        positives=("My husband pointed a knife at me last night.",),
        lookalikes=("He pointed at me across the room and laughed.",),
    ),
    Rule(
        rf"\b{_PERSON}(?:'s| has| have)? been (?:hitting|beating|hurting|choking|kicking|slapping|pushing|strangling) me\b",
        positives=("She's been hitting me and I can't tell anyone.",),
        lookalikes=("My friend told me \"She's been hitting me and I can't tell anyone\"",),
    ),
    Rule(
        rf"\b(?:scared|afraid|terrified|frightened) to be (?:alone )?(?:in the same (?:house|room|flat|bed) as|alone with|near|around) {_PERSON}\b",
        positives=("I'm frightened to be in the same house as him tonight.",),
        lookalikes=('My friend told me "I\'m frightened to be in the same house as him tonight"',),
    ),
    Rule(
        r"\bkill (?:himself|herself|themselves) and (?:me|us)\b",
        positives=("He says he'll kill himself and me if I go.",),
        lookalikes=('My friend told me "He says he\'ll kill himself and me if I go"',),
    ),
    Rule(
        r"\bnext time (?:he|she|they)'?(?:ll|d| will| would)? (?:finish|kill|end)\b",
        positives=(
            "He pinned me against the wall and said next time he'd finish it.",
            "I'm scared of my husband, he said next time he'll finish the job.",
        ),
        lookalikes=('My friend told me "He pinned me against the wall and said next time he\'d finish it"',),
    ),
    Rule(
        r"\b(?:scared|afraid|terrified|frightened) (?:that )?(?:he|she|they)(?:'ll| will| might| is going to)? (?:come|comes) (?:for|after) me\b",
        positives=("I'm hiding in the bathroom because he's hitting things and I'm scared he'll come for me.",),
        lookalikes=(
            "My friend told me \"I'm hiding in the bathroom because he's hitting things and I'm scared he'll come for me\"",
        ),
    ),
    Rule(
        r"\bhiding (?:in the (?:bathroom|bedroom|car|cupboard)|from (?:him|her|them|my \w+))\b",
        positives=(
            "I'm hiding in the bathroom because he's smashing things downstairs.",
            "I'm hiding in the bathroom because he's hitting things and I'm scared he'll come for me.",
        ),
        lookalikes=("My friend told me \"I'm hiding in the bathroom because he's smashing things downstairs\"",),
    ),
    Rule(
        r"\b(?:he|she|they)(?:'s|'re| is| are) (?:hitting|smashing|throwing) things\b",
        positives=(
            "I'm hiding in the bathroom because he's smashing things downstairs.",
            "I'm hiding in the bathroom because he's hitting things and I'm scared he'll come for me.",
        ),
        lookalikes=("My friend told me \"I'm hiding in the bathroom because he's smashing things downstairs\"",),
    ),
    Rule(
        rf"\b{_PERSON} (?:hurt|hurts) me (?:physically|again|badly|so bad|every|when (?:he|she|they)(?:'s|'re| is| are| gets?) (?:drunk|angry|high|mad))\b",
        positives=("My husband hurt me again last night.",),
        lookalikes=('My friend told me "My husband hurt me again last night"',),
    ),
    Rule(
        rf"\b(?:he|she|they)(?:'s|'re| is| are) (?:going to|about to|trying to|threatening to) {_HARM_VERB} me\b",
        positives=("im scared hes going to hurt me", "He keeps saying he's going to hurt me."),
        lookalikes=("He's going to kill me if I'm late again lol.",),
    ),
)

STRUCTURAL: tuple[Rule, ...] = (
    # violence from someone else: <person> <violent act> me / my <body part>
    Rule(
        rf"\b{_PERSON} (?:\w+ ){{0,2}}{_VIOLENT_ACT} (?:me|my {_BODY})\b(?! (?:up|off|out|with a (?:hug|present|gift|surprise)|a (?:text|message|call|smile)))",
        positives=("She hit me again last night.", "He grabbed me by the throat."),
        lookalikes=("He has never hit me.", "He never hits me, he just goes quiet."),
    ),
    Rule(
        rf"\b{_PERSON} (?:put|wrapped|had|pressed|held) (?:his|her|their|both) (?:hands?|fingers|arm|arms|knee|forearm) (?:around|round|on|over|against) my (?:neck|throat|mouth|face|chest)\b",
        positives=(
            "He put his hands around my neck last night.",
            "He put his hands around my neck last night until I almost blacked out.",
        ),
        lookalikes=('My friend told me "He put his hands around my neck last night"',),
    ),
    Rule(
        rf"\b{_VIOLENT_ACT} me (?:against|into|to|on|onto|off|down|until|till|so hard)\b",
        positives=("He pushed me down the stairs.", "i hope a car hits me on the way home"),
        lookalikes=('My friend told me "He pushed me down the stairs"',),
    ),
    Rule(
        rf"\b{_PERSON}(?: \w+){{0,6}} (?:said|says|told me|threatened|threatens|swore|warned) (?:that )?(?:he|she|they)(?:'ll|'d| will| would| is going to| are going to|'s going to|'re going to) (?:\w+ )?{_HARM_VERB} me\b",
        positives=("He said he'd kill me.", "He said he would kill me if I ever left."),
        lookalikes=('My friend told me "He said he\'d kill me"',),
    ),
    Rule(
        rf"\b{_PERSON}(?: \w+){{0,4}} (?:said|says|told me|threatened|threatens|swore) (?:that )?(?:he|she|they)(?:'ll|'d| will| would| is going to) (?:\w+ )?(?:kill|hurt|stab|shoot) me if\b",
        positives=("He said he would kill me if I ever left.", "They said they'd hurt me if I told anyone."),
        lookalikes=('My friend told me "He said he would kill me if I ever left"',),
    ),
    # threats conditional on leaving or telling; a person arriving armed; being locked in
    Rule(
        r"\bif i (?:ever )?(?:leave|left|go|tell|told|call|called|report)\b[^.!?]{0,30}\b(?:he|she|they)(?:'ll| will|'d| would| is going to) (?:\w+ ){0,2}(?:kill|hurt|ruin|find|come after|destroy|take the kids|hit|beat|punish|make (?:me|sure)|end|burn|stab|shoot)\b",
        positives=("My husband said if I leave he will kill me.", "He says if I leave, he'll find me wherever I go."),
        lookalikes=('My friend told me "My husband said if I leave he will kill me"',),
    ),
    Rule(
        rf"\b{_PERSON}(?: \w+){{0,5}} with a (?:knife|gun|weapon|bat|hammer|machete)\b",
        positives=(
            "He threatened me with a knife this morning.",
            "My ex-husband showed up at my door with a knife last night.",
        ),
        lookalikes=('My friend told me "He threatened me with a knife this morning"',),
    ),
    Rule(
        rf"\b{_PERSON} (?:locks|locked|lock|keeps) me (?:in|out|inside)\b",
        positives=("He locks me in the bedroom when he goes out.", "My husband locked me in the house for two days."),
        lookalikes=('My friend told me "He locks me in the bedroom when he goes out"',),
    ),
    Rule(
        rf"\b{_PERSON}(?: \w+){{0,4}} (?:with|and) me (?:in it|inside)\b",
        positives=("He locked the car with me inside.",),
        lookalikes=("My sister went to the cinema with me.",),
    ),
    Rule(
        r"\b(?:hide|hiding|hid|cover|covering|covered) (?:up )?(?:the |my )?bruises\b",
        positives=("I hide the bruises on my arms with long sleeves so nobody asks.",),
        lookalikes=('My friend told me "I hide the bruises on my arms with long sleeves so nobody asks"',),
    ),
    Rule(
        r"\bno one will believe (?:me|you)\b",
        positives=("He told me no one will believe me if I tell.",),
        lookalikes=('My friend told me "He told me no one will believe me if I tell"',),
    ),
    Rule(
        rf"\b{_PERSON} (?:threatened|threatens|keeps threatening|said|says|swore) (?:to )?(?:\w+ )?(?:stab|shoot|kill|hurt|strangle|burn) me\b",
        positives=("he said hed kill me", "My boyfriend threatened to kill me."),
        lookalikes=('My friend told me "he said hed kill me"',),
    ),
    Rule(
        rf"\b{_PERSON}(?:'s| is| has been| keeps| kept) (?:following|stalking|watching|tracking) me\b",
        positives=("My ex has been following me home from work.",),
        lookalikes=("My dog keeps following me around the house.",),
    ),
    Rule(
        rf"\b{_PERSON} (?:\w+ )?(?:hits|hit|beats|kicks|slaps) me when\b",
        positives=("My husband hits me when he's drunk.", "My stepdad hits me when Mum's at work."),
        lookalikes=('My friend told me "My husband hits me when he\'s drunk"',),
    ),
    Rule(
        r"\b(?:scared|afraid|terrified|frightened) (?:to|of going|of what happens when i go) (?:go )?home\b",
        positives=("I'm scared to go home.", "He slammed me against the wall and I'm scared to go home."),
        lookalikes=('My friend told me "I\'m scared to go home"',),
    ),
)
