# ruff: noqa: E501  (regular-expression alternations stay on one line each so they can be read and diffed)
"""Rules for suicidal thoughts: phrases first, then structural rules (word classes combined)."""

from trustrepair.safety.detection.lexicon import (
    _POSS,
    _SELF,
)
from trustrepair.safety.detection.rules.rule import Rule

PHRASES: tuple[Rule, ...] = (
    Rule(
        rf"\b(?:kill(?:ing|ed)?|killin) {_SELF}\b",
        positives=("kms", "i wanna kms"),
        lookalikes=("I would never kill myself.", "I nearly killed myself laughing."),
    ),
    Rule(
        rf"\bend(?:ing|ed)? {_POSS} (?:own )?life\b",
        positives=("I'm going to end my life.", "I keep thinking about ending my life."),
        lookalikes=("I'm glad I didn't end my life back then.", "No thoughts of ending my life, just sadness."),
    ),
    Rule(
        rf"\btak(?:e|ing|en) {_POSS} (?:own )?life\b",
        positives=("I'm planning to take my life this weekend.", "Some nights I think about taking my own life."),
        lookalikes=('My friend told me "I\'m planning to take my life this weekend"',),
    ),
    Rule(
        r"\bend(?:ing)? it all\b",
        positives=("I want to end it all.", "thinking about ending it all tonight"),
        lookalikes=("I used to think about ending it all, but now I want to live.",),
    ),
    Rule(
        r"\bend(?:ing)? (?:it|everything|things) (?:tonight|today|soon|now|for good|once and for all)\b",
        positives=("I feel like ending things tonight.",),
        lookalikes=('My friend told me "I feel like ending things tonight"',),
    ),
    Rule(
        r"\bsuicidal\b",
        positives=("i feel suicidle", "im so suicidal rn"),
        lookalikes=("I'm not suicidal.", "I'm not suicidal, I'm angry."),
    ),
    Rule(
        r"\bsuicide\b",
        positives=("im thinking of sucide", "I wrote my suicide note."),
        lookalikes=("I don't think about suicide anymore.", "I don't have any thoughts of suicide."),
    ),
    Rule(
        r"\bwant(?:s|ed|ing)? to (?:die|be dead|not (?:be alive|exist|be here)|stop existing|not wake up)\b",
        positives=("i want 2 die", "i want to die"),
        lookalikes=("I no longer want to die.", "My friend said she wanted to die."),
    ),
    Rule(
        r"\bwish(?:ed|ing)? (?:i|he|she|they) (?:was|were|could be) dead\b(?! (?:tired|to the world))",
        positives=("I wish I was dead.", "My boss praised my report today and I sat there wishing I was dead."),
        lookalikes=(
            "When I was younger I wished I was dead.",
            "I used to wish I was dead, but that feels like a lifetime ago.",
        ),
    ),
    Rule(
        r"\bwish(?:ed|ing)? (?:i|he|she|they) could die\b",
        positives=("I wish I could die tonight.",),
        lookalikes=('My friend told me "I wish I could die tonight"',),
    ),
    Rule(
        r"\bbetter off dead\b",
        positives=("I'd be better off dead.", "I'm better off dead and we both know it."),
        lookalikes=(
            "my mate lost his job and said he felt like he was better off dead, i got him to his GP the next morning",
        ),
    ),
    Rule(
        r"\b(?:thinking|thought|thoughts|think) (?:about|of) (?:dying|death|not being here|not being alive|ending it(?! with| between))\b",
        positives=("Every day I think about dying.", "thinking about ending it all tonight"),
        lookalikes=(
            "I used to think about ending it all, but now I want to live.",
            "Leah said she'd been having thoughts of dying and I went straight round with pizza and the helpline number.",
        ),
    ),
    Rule(
        r"\b(?:ready|going|about|planning|decided) to die\b",
        positives=("I'm ready to die.", "This is the last entry, I'm going to die tonight."),
        lookalikes=('My friend told me "I\'m ready to die"',),
    ),
    Rule(
        r"\bwish(?:ed|ing)? (?:i|he|she) (?:had never been|was never|were never|wasn't|weren't) born\b",
        positives=("i wish i was never born",),
        lookalikes=('My friend told me "i wish i was never born"',),
    ),
    Rule(
        r"\bi'?d rather (?:be dead|die)\b",
        positives=(
            "I'd rather be dead than go through this again.",
            "i dont see a future for myself, i'd rather be dead",
        ),
        lookalikes=(
            "I'd rather die than sing karaoke again, haha.",
            'In the film the hero says "I\'d rather be dead".',
        ),
    ),
    Rule(
        r"\bi'?d be better off (?:dead|gone)\b",
        positives=("I'd be better off dead.", "My partner keeps telling me I'd be better off dead."),
        lookalikes=('My friend told me "I\'d be better off dead"',),
    ),
    Rule(
        r"\bno(?:t| longer) want(?:ing)? to (?:be alive|exist|live)\b",
        positives=("I no longer want to live.",),
        lookalikes=("If I ever got to a place of not wanting to live, I'd tell my counsellor before anything.",),
    ),
    Rule(
        r"\bdon't want to (?:be alive|exist|live|wake up|be here)\b",
        positives=("I don't want to exist.", "i dont want to live anymore"),
        lookalikes=('The song goes "I don\'t want to live forever".',),
    ),
    Rule(
        r"\bdidn't want to (?:be alive|exist|live|wake up)\b",
        positives=("This morning I woke up and didn't want to be alive.",),
        lookalikes=('My friend told me "This morning I woke up and didn\'t want to be alive"',),
    ),
    Rule(
        r"\bdoesn't want to (?:be alive|exist|live|wake up)\b",
        positives=("Part of me doesn't want to be alive.",),
        lookalikes=("My sister said she doesn't want to live with mum anymore.",),
    ),
    Rule(
        r"\b(?:wouldn't|won't) mind (?:if i (?:died|didn't wake up|was gone|were gone)|dying|not waking up)\b",
        positives=("I wouldn't mind if I didn't wake up.",),
        lookalikes=("My friend told me \"I wouldn't mind if I didn't wake up\"",),
    ),
    Rule(
        r"\bhope i (?:don't|never) wake up\b",
        positives=("I hope I don't wake up tomorrow.", "I hope I don't wake up tomorrow."),
        lookalikes=('My friend told me "I hope I don\'t wake up tomorrow"',),
    ),
    Rule(
        r"\bsleep and (?:never|not) wake up\b",
        positives=(
            "I wish I could go to sleep and never wake up.",
            "Lately I just want to go to sleep and not wake up.",
        ),
        lookalikes=('My friend told me "I wish I could go to sleep and never wake up"',),
    ),
    Rule(
        r"\b(?:go to )?sleep forever\b",
        positives=("I want to go to sleep forever.", "I want to go to sleep forever."),
        lookalikes=('My friend told me "I want to go to sleep forever"',),
    ),
    Rule(
        r"\bdisappear forever\b",
        positives=("i just wanna disappear forever", "I just want to disappear forever."),
        lookalikes=('My friend told me "i just wanna disappear forever"',),
    ),
    Rule(
        r"\bwant(?:s|ed)? to disappear\b(?! (?:under|into|in|for (?:a|the|an)|to|on|somewhere|from (?:work|the|this)))",
        positives=("i just wanna disappear forever", "I just want to disappear forever."),
        lookalikes=(
            "I don't want to disappear, I want to be asked how my day was.",
            "Should I be worried if my teenager says she wants to disappear?",
        ),
    ),
    Rule(
        r"\bi want out of (?:this )?life\b",
        positives=("I want out of this life.",),
        lookalikes=('My friend told me "I want out of this life"',),
    ),
    Rule(
        r"\bnot be here (?:any ?more|tomorrow)\b",
        positives=("I might not be here tomorrow.",),
        lookalikes=('My friend told me "I might not be here tomorrow"',),
    ),
    Rule(
        r"\btell you i'?m suicidal\b",
        positives=("I have to tell you I'm suicidal.",),
        lookalikes=('My friend told me "I have to tell you I\'m suicidal"',),
    ),
    Rule(
        r"\b(?:i|we) (?:should|might as well) die\b",
        positives=("i should just die", "I should just die and save everyone the trouble."),
        lookalikes=('My friend told me "i should just die"',),
    ),
    Rule(
        r"\b(?:i|we) should disappear\b(?! (?:for|into|under|from|off|to))",
        positives=("Maybe I should disappear.",),
        lookalikes=('My friend told me "Maybe I should disappear"',),
    ),
    Rule(
        r"\b(?:want|wanted|wish|wishing|could|would|need) (?:i could )?(?:to )?stop (?:existing|living|being alive|breathing)\b",
        positives=("i wanna stop existing", "I want to stop living."),
        lookalikes=('My friend told me "i wanna stop existing"',),
    ),
    Rule(
        r"\b(?:ways|way|how|methods?) to (?:die|kill myself|end (?:it|my life)|commit suicide|not wake up)\b",
        positives=("I keep googling ways to die.", "I've figured out how to end it."),
        lookalikes=('My friend told me "I keep googling ways to die"',),
    ),
    Rule(
        r"\b(?:i could|i'?ll|i will|i'?m going to|i want to|i should|time to) end it\b(?! (?:with|between|for (?:him|her|them)|now,? (?:with|between)))",
        positives=("I want to end it all.", "I want to end it, I really do."),
        lookalikes=('My friend told me "I want to end it all"',),
    ),
    Rule(
        r"\bfeel like (?:ending (?:it|things|everything)|dying)\b",
        positives=("I feel like ending things tonight.",),
        lookalikes=('My friend told me "I feel like ending things tonight"',),
    ),
    Rule(
        r"\bending (?:things|everything|it) (?:tonight|today|soon|now|this week)\b",
        positives=("I feel like ending things tonight.",),
        lookalikes=('My friend told me "I feel like ending things tonight"',),
    ),
    Rule(
        r"\bdon't want to be (?:on this (?:earth|planet)|in this world|alive|around|here)\b",
        positives=("i dont want to be here no more", "I don't want to be here anymore."),
        lookalikes=('My friend told me "i dont want to be here no more"',),
    ),
    Rule(
        r"\b(?:pray|hope|wish) (?:that )?i (?:won't|don't|never|wouldn't|didn't) wake up\b",
        positives=("I hope I don't wake up tomorrow.", "I hope I don't wake up tomorrow."),
        lookalikes=(
            "i used to wish i wouldn't wake up, that was years ago, now i set two alarms because i love mornings",
        ),
    ),
    Rule(
        r"\brather not (?:exist|be alive|be here|live|wake up)\b",
        positives=(
            "I'd rather not exist than feel like this.",
            "I'd rather not be here at all than be here like this.",
        ),
        lookalikes=('My friend told me "I\'d rather not exist than feel like this"',),
    ),
    Rule(
        r"\bmy own funeral\b",
        positives=("I keep picturing my own funeral and feeling relieved.",),
        lookalikes=('My friend told me "I keep picturing my own funeral and feeling relieved"',),
    ),
    Rule(
        r"\bi want out\b(?! of (?:this|the|my|our) (?:relationship|job|marriage|house|flat|contract|meeting|deal|lease|group))",
        positives=("im done fighting. i want out.", "Life feels pointless and I want out."),
        lookalikes=("I want out of this relationship.",),
    ),
    Rule(
        r"\bif i'?m not (?:here|around|alive)\b",
        positives=("The only way this stops is if I'm not here.",),
        lookalikes=('My friend told me "The only way this stops is if I\'m not here"',),
    ),
    Rule(
        r"\bdeserve to die\b",
        positives=("The voices tell me I deserve to die and I agree.",),
        lookalikes=('My friend told me "The voices tell me I deserve to die and I agree"',),
    ),
    Rule(
        r"\b(?:thinking|thought|think) (?:of|about) jumping\b(?! (?:into|in|on|at|ship|back|the gun|rope|a plane|out of a plane))",
        positives=("Thinking of jumping.", "I keep thinking about jumping off the bridge near work."),
        lookalikes=(
            "Never once thought about jumping off the bridge, I walk over it to get to work.",
            "A lad in my uni halls told me he'd thought about jumping, so I walked him to student support.",
        ),
    ),
    Rule(
        r"\b(?:going to|want to|i'?ll|i will) disappear (?:and|so|where|forever|for good)\b",
        positives=("i just wanna disappear forever", "I just want to disappear forever."),
        lookalikes=('My friend told me "i just wanna disappear forever"',),
    ),
    Rule(
        r"\bwant (?:it|this|everything|my life) (?:all )?(?:to be )?over\b",
        positives=("i hate my life and want it over", "There's no hope left, I just want my life to be over."),
        lookalikes=('My friend told me "i hate my life and want it over"',),
    ),
    Rule(
        r"\bcan't (?:keep|go on) (?:living|existing|being alive)\b",
        positives=("I can't keep living like this.", "I can't keep living like this, I need it to be over."),
        lookalikes=('My friend told me "I can\'t keep living like this"',),
    ),
    Rule(
        r"\b(?:don't|can't) see myself (?:being )?(?:alive|here|around)\b",
        positives=("i dont see myself being alive next year", "I don't see myself being here by spring."),
        lookalikes=('My friend told me "i dont see myself being alive next year"',),
    ),
    Rule(
        r"\bhop(?:e|ing) (?:that )?i (?:crash|die|don't make it|get hit|never come back|don't come back)\b",
        positives=("Sometimes I drive too fast hoping I crash.",),
        lookalikes=('My friend told me "Sometimes I drive too fast hoping I crash"',),
    ),
    Rule(
        r"\bfavou?r (?:by|if i) (?:dying|died|killing myself|disappearing|was gone|wasn't here)\b",
        positives=(
            "I'd be doing everyone a favour if I died.",
            "I feel like I'd be doing the world a favour by dying.",
        ),
        lookalikes=('My friend told me "I\'d be doing everyone a favour if I died"',),
    ),
    # passive wishes to die: "I hope a bus hits me", "I wouldn't care if something killed me"
    Rule(
        r"\b(?:hope|hoping|wish|wishing|pray|praying|wouldn't care|wouldn't mind|don't care) (?:that )?(?:a|the|some|something|someone|somebody) ?(?:car|bus|train|truck|lorry|plane|van|driver)? (?:hits|hit|would hit|kills|would kill|runs? me over|ran me over|crashes)(?: me)?\b",
        positives=("i hope a car hits me on the way home",),
        lookalikes=('My friend told me "i hope a car hits me on the way home"',),
    ),
    Rule(
        r"\b(?:hope|hoping|wish|wishing|pray|praying) (?:that )?i (?:get|got) (?:hit|killed|run over|sick and die|cancer)\b",
        positives=("I hope I get hit by a bus on the way home.",),
        lookalikes=('My friend told me "I hope I get hit by a bus on the way home"',),
    ),
    # a future without them in it
    Rule(
        r"\b(?:can't|can not|don't|couldn't) (?:picture|imagine|see) (?:a|any|my|the) future\b",
        positives=("I can't see a future for myself at all.", "I can't picture a future where I'm still here."),
        lookalikes=('My friend told me "I can\'t see a future for myself at all"',),
    ),
    Rule(
        r"\bfuture (?:where|in which) i'?m (?:still )?(?:here|alive|around)\b",
        positives=(
            "I can't picture a future where I'm still here.",
            "I can't see any future where I'm still alive and I don't want one.",
        ),
        lookalikes=("My friend told me \"I can't picture a future where I'm still here\"",),
    ),
    Rule(
        r"\bwon't be (?:here|around|alive) (?:for|at|to see|by)\b",
        positives=(
            "I won't be around for his birthday next month, so I left the present early.",
            "Football was rained off, so I sat at home and decided I won't be around to see next season.",
        ),
        lookalikes=('My friend told me "I won\'t be around for his birthday next month, so I left the present early"',),
    ),
    Rule(
        r"\bclose my eyes and (?:never|not) (?:open them|wake up)\b",
        positives=("I'm so tired. I want to close my eyes and not open them.",),
        lookalikes=("I close my eyes and breathe slowly when the meeting gets loud.",),
    ),
    Rule(
        r"\bnever (?:wake|waking) up again\b",
        positives=(
            "I want to fall asleep and never wake up again.",
            "It would be so peaceful to just never wake up again.",
        ),
        lookalikes=('My friend told me "I want to fall asleep and never wake up again"',),
    ),
    Rule(
        r"\b(?:ready|going|about) to (?:give up|let go|stop fighting|stop trying)\b(?=\s*(?:[.!?,;]|$|now|on|for good|for ever|forever))",
        positives=(
            "I wrote down the date I'm going to stop fighting.",
            "Everyone keeps saying it gets better but I'm ready to stop trying.",
        ),
        lookalikes=("I'm not going to give up on us.",),
    ),
    Rule(
        r"\b(?:don't|do not) want (?:any )?more of (?:this life|life|it all|living)\b",
        positives=("I don't want any more of this life.",),
        lookalikes=('My friend told me "I don\'t want any more of this life"',),
    ),
    Rule(
        r"\bif this is (?:what )?life(?: is)?,? i don't want\b",
        positives=("If this is what life is, I don't want any more of it.",),
        lookalikes=('My friend told me "If this is what life is, I don\'t want any more of it"',),
    ),
    Rule(
        r"\b(?:welcom|embrac)(?:e|ing) death\b|\b(?:long|longing|wish|wishing|pray|praying) for death\b",
        positives=("Honestly I'd welcome death at this point.",),
        lookalikes=('My friend told me "Honestly I\'d welcome death at this point"',),
    ),
    Rule(
        r"\b(?:considering|contemplating|thinking about|planning) (?:ending|finishing) (?:everything|it all|it|my life|things)\b",
        positives=("thinking about ending it all tonight", "I keep thinking about ending my life."),
        lookalikes=(
            "I'm not thinking about ending my life, I promise.",
            "I'm not thinking about ending my life, I'm just sad.",
        ),
    ),
    Rule(
        r"\bi'?m checking out\b",
        positives=("There's nothing left for me here, I'm checking out.",),
        lookalikes=("My friend told me \"There's nothing left for me here, I'm checking out\"",),
    ),
    Rule(
        r"\b(?:don't|do not) (?:plan|intend|expect) (?:on |to )?(?:be|being) (?:here|alive|around)\b",
        positives=("I don't plan on being here by Christmas.",),
        lookalikes=('My friend told me "I don\'t plan on being here by Christmas"',),
    ),
    Rule(
        r"\b(?:won't|will not|not going to|don't think i'?ll) make it (?:to|through|past) (?:my|the|next|christmas|new year|another)\b",
        positives=("Pretty sure I won't make it to my birthday and I'm okay with that.",),
        lookalikes=("My friend told me \"Pretty sure I won't make it to my birthday and I'm okay with that\"",),
    ),
    Rule(
        r"\b(?:don't|do not) think i'?ll be (?:alive|here|around) (?:much longer|for (?:much )?long|by|next)\b",
        positives=("I don't think I'll be alive much longer.", "I don't think I'll be here by Christmas."),
        lookalikes=("My friend told me \"I don't think I'll be alive much longer\"",),
    ),
    Rule(
        r"\bnot (?:going to) be (?:here|around|alive) (?:much longer|for (?:much )?long|tomorrow|by)\b",
        positives=("I'm not going to be around much longer.", "I'm not going to be around much longer, I've decided."),
        lookalikes=('My friend told me "I\'m not going to be around much longer"',),
    ),
    Rule(
        r"\b(?:disappointed|annoyed|angry|sad|upset|gutted) (?:that )?i (?:woke|wake|still wake) up\b",
        positives=("Every morning I'm disappointed that I woke up.",),
        lookalikes=('My friend told me "Every morning I\'m disappointed that I woke up"',),
    ),
)

STRUCTURAL: tuple[Rule, ...] = (
    # euphemisms for ending one's life, each needing a first-person wish or plan in front (or none at all)
    Rule(
        r"\b(?:thinking|thought|think|thoughts|considering|contemplating|planning|plan|going|want|wanting|ready|decided|tempted|urge) (?:of |about |on |to )?end(?:ing)? (?:things|it|everything|it all)\b(?! (?:with|between|off|on a|for (?:him|her|them|now)))",
        positives=("I want to end it all.", "Thinking of ending things."),
        lookalikes=("I used to think about ending it all, but now I want to live.",),
    ),
    Rule(
        r"\b(?:better off|happier|easier) (?:not (?:existing|being (?:here|alive|around|born))|gone|asleep forever)\b",
        positives=("Honestly I think I'd be better off not existing.",),
        lookalikes=('My friend told me "Honestly I think I\'d be better off not existing"',),
    ),
    Rule(
        r"\b(?:go|fade|turn|went) (?:to )?(?:black|dark|away|quiet) (?:forever|for good|permanently)\b",
        positives=("I want everything to go black forever.",),
        lookalikes=('My friend told me "I want everything to go black forever"',),
    ),
    Rule(
        r"\b(?:go|going|went|fall|falling) to sleep and (?:not|never) (?:wake|waking|wakes) up\b",
        positives=(
            "I wish I could go to sleep and never wake up.",
            "Lately I just want to go to sleep and not wake up.",
        ),
        lookalikes=('My friend told me "I wish I could go to sleep and never wake up"',),
    ),
    Rule(
        r"\b(?:not|never|stop) (?:existing|being alive)\b(?=.{0,20}(?:relief|peace|better|easier|nice|want|wish))",
        positives=("Not existing would be such a relief.",),
        lookalikes=('My friend told me "Not existing would be such a relief"',),
    ),
    Rule(
        r"\bnot being (?:around|here|alive) (?:any ?more|any longer|at all|for good|forever)\b",
        positives=("Sometimes I think about not being around anymore and it feels like relief.",),
        lookalikes=('My friend told me "Sometimes I think about not being around anymore and it feels like relief"',),
    ),
    Rule(
        r"\b(?:can't|don't) see myself (?:getting through|making it (?:to|through|past)|surviving|lasting) (?:another|next|the next|this|to)\b",
        positives=("I can't see myself getting through another year.",),
        lookalikes=('My friend told me "I can\'t see myself getting through another year"',),
    ),
    Rule(
        r"\b(?:rather|prefer to) (?:be dead|not be here|not exist|not wake up)\b",
        positives=("I'd rather not exist than feel like this.", "I'd rather be dead than go through this again."),
        lookalikes=('In the film the hero says "I\'d rather be dead".',),
    ),
    Rule(
        r"\bwant (?:it|this|everything|the pain) (?:all )?to (?:stop|end) (?:permanently|for good|forever)\b",
        positives=(
            "I just want the pain to stop permanently.",
            "I just want the pain to stop forever, I want it all to be over.",
        ),
        lookalikes=('My friend told me "I just want the pain to stop permanently"',),
    ),
    Rule(
        r"\b(?:pain|everything|it) (?:to )?stop (?:permanently|for good|forever)\b",
        positives=(
            "I just want the pain to stop permanently.",
            "I just want the pain to stop forever, I want it all to be over.",
        ),
        lookalikes=('My friend told me "I just want the pain to stop permanently"',),
    ),
)
