# ruff: noqa: E501  (regular-expression alternations stay on one line each so they can be read and diffed)
"""Rules for hopelessness: phrases first, then structural rules (word classes combined)."""

from trustrepair.safety.detection.lexicon import (
    _ANYONE,
    _RELIEF,
)
from trustrepair.safety.detection.rules.rule import Rule

PHRASES: tuple[Rule, ...] = (
    Rule(
        r"\b(?:everyone|everybody|they|my (?:family|kids|partner|friends|husband|wife|parents)|the world|people|all of you|you all|you) "
        r"(?:would|will|'d|'ll)? ?(?:be )?(?:better off|happier) (?:without me|if i (?:was|were|wasn't|weren't) (?:gone|here|around|dead))\b",
        positives=("every1 would be better off without me", "Everyone would be better off without me."),
        lookalikes=(
            "I used to think everyone would be better off without me.",
            "I used to believe everyone would be better off without me, but my kids changed that.",
        ),
    ),
    Rule(
        r"\bbetter off without me\b",
        positives=("every1 would be better off without me", "Everyone would be better off without me."),
        lookalikes=(
            "I used to think everyone would be better off without me.",
            "I used to believe everyone would be better off without me, but my kids changed that.",
        ),
    ),
    Rule(
        r"\bbetter (?:place|world|off) without me\b",
        positives=("every1 would be better off without me", "Everyone would be better off without me."),
        lookalikes=(
            "I used to think everyone would be better off without me.",
            "I used to believe everyone would be better off without me, but my kids changed that.",
        ),
    ),
    Rule(
        r"\b(?:better|happier|easier|favou?r|reliev\w*|relief|keep turning|move on|fine|care|miss me|notice)\b[^.!?]{0,40}\bif i (?:died|was dead|were dead|was gone|were gone|wasn't here|weren't here|"
        r"wasn't around|weren't around|disappeared|killed myself|was not here)\b",
        positives=("no one would care if i died", "No one would miss me if I was gone."),
        lookalikes=('My friend told me "no one would care if i died"',),
    ),
    Rule(
        r"\b(?:easier|better|happier) (?:for (?:everyone|everybody|them|all of them|my family) )?if i (?:wasn't|weren't|was not|were not) (?:alive|here|around)\b",
        positives=(
            "My family would be happier if I wasn't here.",
            "Honestly it would be easier for everyone if I just wasn't alive.",
        ),
        lookalikes=('My friend told me "My family would be happier if I wasn\'t here"',),
    ),
    Rule(
        r"\bif i (?:died|was gone|were gone|wasn't here|weren't here|wasn't around|weren't around|disappeared)\b[^.!?]{0,40}\b(?:better|happier|easier|favou?r|relief|no one|care|notice|keep turning)\b",
        positives=("The world would keep turning if I was gone, maybe better.",),
        lookalikes=('My friend told me "The world would keep turning if I was gone, maybe better"',),
    ),
    Rule(
        r"\b(?:no|don't see (?:the|any)|can't see (?:the|any)|stopped seeing the|lost (?:the|any)|there'?s no|not much) point (?:in|of|to) (?:being alive|living|life|going on|carrying on|existing|anything|me|being here|waking up|getting up|trying)\b",
        positives=("There's no point in living.", "I don't see the point in being alive."),
        lookalikes=('My friend told me "There\'s no point in living"',),
    ),
    Rule(
        r"\bwhen i'?m dead\b",
        positives=("Nobody will care when I'm dead.",),
        lookalikes=('My friend told me "Nobody will care when I\'m dead"',),
    ),
    Rule(
        r"\b(?:better|easier|happier) (?:life|lives|off|time) (?:with|if) (?:me|i'?m|i was|i were) gone\b",
        positives=("I've been thinking the kids would have a better life with me gone.",),
        lookalikes=('My friend told me "I\'ve been thinking the kids would have a better life with me gone"',),
    ),
    Rule(
        r"\bwouldn't matter to (?:anyone|a single (?:person|soul)|anybody|no one)\b",
        positives=("If I vanished tomorrow it wouldn't matter to a single person.",),
        lookalikes=('My friend told me "If I vanished tomorrow it wouldn\'t matter to a single person"',),
    ),
    Rule(
        r"\b(?:nothing|no one) (?:left )?(?:for me )?(?:here )?for me\b|\bnothing left for me\b",
        positives=("There's nothing left for me here.", "There's nothing left for me here, I'm checking out."),
        lookalikes=('My friend told me "There\'s nothing left for me here"',),
    ),
    Rule(
        r"\b(?:worth more dead|than i'?m worth alive|life insurance would)\b",
        positives=("My life insurance would pay more than I'm worth alive.",),
        lookalikes=('My friend told me "My life insurance would pay more than I\'m worth alive"',),
    ),
    Rule(
        r"\b(?:no one) (?:would|will|'d) (?:come|go|turn up|show up|cry) (?:to|at) my funeral\b",
        positives=("Nobody would even come to my funeral.",),
        lookalikes=('My friend told me "Nobody would even come to my funeral"',),
    ),
    Rule(
        r"\bno future for (?:me|someone like me|people like me)\b",
        positives=("There's no future for someone like me.",),
        lookalikes=('My friend told me "There\'s no future for someone like me"',),
    ),
    Rule(
        r"\bnothing matters(?: any ?more)?\b",
        positives=("Nothing matters, I'm done.",),
        lookalikes=('My friend told me "Nothing matters, I\'m done"',),
    ),
    Rule(
        r"\bhate my life\b",
        positives=("i hate my life n i wanna die", "i hate my life and want it over"),
        lookalikes=('My friend told me "i hate my life n i wanna die"',),
    ),
    Rule(
        r"\bshould (?:never|not) have been born\b",
        positives=("I'm a failure and a burden, I should never have been born.",),
        lookalikes=('My friend told me "I\'m a failure and a burden, I should never have been born"',),
    ),
    Rule(
        r"\bburden\b",
        positives=("I'm such a burden to everyone.", "I feel like a burden on my family."),
        lookalikes=("I'm not a burden, my therapist reminded me.", "I used to feel like a burden but not anymore."),
    ),
    Rule(
        r"\bbetter off with (?:a different|another|someone else|a new|a better) ?(?:mum|mom|dad|parent|partner|wife|husband|person|son|daughter)?\b",
        positives=("My kids would be better off with a different mum.",),
        lookalikes=('My friend told me "My kids would be better off with a different mum"',),
    ),
    Rule(
        r"\b(?:i'?m|i am|i've become|i feel like|feel like) (?:such |only |nothing but |a huge |a )?(?:a )?burden\b",
        positives=("I'm such a burden to everyone.", "I feel like a burden on my family."),
        lookalikes=(
            "I used to feel like a burden but not anymore.",
            "My friend said \"I'm such a burden\" and I told her she isn't.",
        ),
    ),
    Rule(
        r"\bburden (?:to|on) (?:everyone|everybody|my family|them|you|the people)\b",
        positives=("I'm such a burden to everyone.", "I feel like a burden on my family."),
        lookalikes=('My friend told me "I\'m such a burden to everyone"',),
    ),
    Rule(
        r"\bno (?:reason|point|purpose) (?:to|in|for) (?:living|live|being alive|being here|go on|going on|keep going|carrying on|carry on|stay|staying|exist|existing|me)\b",
        positives=("There's no point in living.", "There's no reason to keep going."),
        lookalikes=('My friend told me "There\'s no point in living"',),
    ),
    Rule(
        r"\bnothing (?:left )?to live for\b",
        positives=("I have nothing left to live for.",),
        lookalikes=('My friend told me "I have nothing left to live for"',),
    ),
    Rule(
        r"\b(?:what'?s|what is) the point (?:of|in) (?:living|life|being alive|going on|me)\b",
        positives=("whats the point of living", "What's the point of living anymore?"),
        lookalikes=('My friend told me "whats the point of living"',),
    ),
    Rule(
        r"\blife (?:isn't|is not|ain't) worth (?:living|it)\b",
        positives=("Life isn't worth living without her.",),
        lookalikes=('My friend told me "Life isn\'t worth living without her"',),
    ),
    Rule(
        r"\b(?:can't|couldn't) (?:go on|keep going|carry on|do this|take (?:it|this)|cope)(?: like this)? (?:any ?more|any longer)\b",
        positives=("i cant go on anymore", "I can't do this anymore."),
        lookalikes=('My sister texted me "I can\'t go on anymore".',),
    ),
    Rule(
        r"\bdon't think i can (?:go on|keep going|carry on|do this any ?more)\b",
        positives=("I don't think I can keep going.",),
        lookalikes=('My friend told me "I don\'t think I can keep going"',),
    ),
    Rule(
        r"\b(?:there'?s|there is|i see|i can see) no way out\b",
        positives=("There is no way out for me.",),
        lookalikes=('My friend told me "There is no way out for me"',),
    ),
    Rule(
        r"\bno way out\b",
        positives=("There is no way out for me.",),
        lookalikes=("Two years ago I felt like there was no way out, but I got through it.",),
    ),
    Rule(
        r"\bno(?: one|body) (?:would|will|'d|is going to|'s going to|going to) (?:miss|notice|care|cry)(?: me| if i (?:was|were|died|disappeared|vanished|was gone))?\b(?= *(?:[.!?,]|$|any ?more|at all|if i (?:was|were|died|disappeared|vanished|was gone|were gone|wasn't|weren't|stopped)|when i'?m gone|that i'?m gone))",
        positives=("no one would care if i died", "Nobody would miss me, not really."),
        lookalikes=("I used to think nobody would miss me, but my friends proved me wrong.",),
    ),
    Rule(
        r"\btired of (?:living|being alive|life|existing|waking up)\b",
        positives=("I'm tired of being alive.", "i'm so tired of being alive"),
        lookalikes=('My friend told me "I\'m tired of being alive"',),
    ),
    Rule(
        r"\b(?:done|finished) with (?:life|living|everything|it all|breathing|existing|being alive|being here)\b",
        positives=("I'm done with life.", "Im done with everything, goodbye everyone."),
        lookalikes=('My friend told me "I\'m done with life"',),
    ),
    Rule(
        r"\bwhat'?s (?:stopping|to stop) me\s*(?=[.!?]|$)",
        positives=("No one is going to miss me so what's stopping me.",),
        lookalikes=("Years ago I used to write things like: No one is going to miss me so what's stopping me",),
    ),
    Rule(
        r"\b(?:stop|stopped|stopping) being (?:a problem|a burden|a bother|in the way)\b.{0,30}\b(?:permanently|for good|forever)\b",
        positives=("Maybe it's time I stopped being a problem for everyone permanently.",),
        lookalikes=('My friend told me "Maybe it\'s time I stopped being a problem for everyone permanently"',),
    ),
    Rule(
        r"\bcan't see (?:a|any) (?:future|way forward|point)\b",
        positives=("I can't see a future for myself at all.",),
        lookalikes=('My friend told me "I can\'t see a future for myself at all"',),
    ),
    Rule(
        r"\b(?:it'?s|everything is|i am|i'?m|i feel|feel so|feeling) (?:completely |so |utterly )?hopeless\b(?! (?:at|about|with|in|when it comes to) (?!(?:life|everything|the future|my future|myself|it all|living|me)\b))",
        positives=("Everything is hopeless.", "I feel completely hopeless and alone."),
        lookalikes=('My friend told me "Everything is hopeless"',),
    ),
    Rule(
        r"\bgive up on (?:life|living|everything)\b",
        positives=("Some days I want to give up on everything.",),
        lookalikes=('My friend told me "Some days I want to give up on everything"',),
    ),
    Rule(
        r"\bgiving up on (?:life|living|everything)\b",
        positives=("I'm giving up on life.",),
        lookalikes=("I'm not giving up on life, I'm giving up on trying to read his mind.",),
    ),
    Rule(
        r"\bwant (?:it|everything|this|the pain|the pain) (?:all )?to (?:end|stop|be over)\b(?! (?:now|soon)?,? ?(?:the|this) (?:meeting|day|week|call|class))",
        positives=("I want it all to end.", "i just want everything to stop"),
        lookalikes=('My friend told me "I want it all to end"',),
    ),
    Rule(
        r"\bnot sure (?:i|if i) want to (?:live|be alive|be here|keep going|go on)\b",
        positives=("I'm not sure I want to be alive anymore.",),
        lookalikes=('My friend told me "I\'m not sure I want to be alive anymore"',),
    ),
    Rule(
        r"\b(?:i'?m|i am) (?:worthless|a waste of space|a waste of (?:oxygen|air))\b",
        positives=("I'm worthless and everyone knows it.", "i'm a waste of space and i want to die"),
        lookalikes=('My friend told me "I\'m worthless and everyone knows it"',),
    ),
    Rule(
        r"\bthe world would be better\b(?= without me)",
        positives=("I feel like the world would be better without me.",),
        lookalikes=('My friend told me "I feel like the world would be better without me"',),
    ),
    Rule(
        r"\bwhy (?:am i|bother) (?:alive|living|still here)\b",
        positives=("Why am I even alive.",),
        lookalikes=('My friend told me "Why am I even alive"',),
    ),
    Rule(
        r"\bwhy (?:do|should) i (?:bother )?(?:keep )?(?:living|going on|going|exist|carry on|trying)\b",
        positives=("Why should I keep going when nobody cares.",),
        lookalikes=('My friend told me "Why should I keep going when nobody cares"',),
    ),
)

STRUCTURAL: tuple[Rule, ...] = (
    # burden belief: <anyone> would be <fine/better/...> without me / if I wasn't here
    Rule(
        rf"\b{_ANYONE}(?: would| will|'d|'ll| could| might) (?:all )?(?:honestly )?(?:be |get on |manage |cope )?(?:so |much |a lot |all )?{_RELIEF} without me\b(?! (?:for|while|when|during|at|on|this|next|over|until|till|tonight|today|tomorrow))",
        positives=("every1 would be better off without me", "Everyone would be better off without me."),
        lookalikes=(
            "I used to think everyone would be better off without me.",
            "I used to believe everyone would be better off without me, but my kids changed that.",
        ),
    ),
    Rule(
        rf"\b{_RELIEF} without me (?:around|here|in (?:their|the|your) (?:lives|life|way))\b",
        positives=(
            "Everyone would be happier without me around.",
            "My family would honestly be happier without me around.",
        ),
        lookalikes=('My friend told me "Everyone would be happier without me around"',),
    ),
    Rule(
        r"\b(?:no one|not a single (?:person|soul)) (?:would|will|'d) (?:notice|care|miss me|realise|realize)\b(?= *(?:[.!?,]|$|any ?more|at all|if i (?:was|were|died|disappeared|vanished|was gone|were gone|wasn't|weren't|stopped)|when i'?m gone|that i'?m gone))",
        positives=("no one would care if i died", "Nobody would miss me, not really."),
        lookalikes=("I used to think nobody would miss me, but my friends proved me wrong.",),
    ),
    Rule(
        r"\bwhat'?s the point (?:of|in) (?:living|anything|trying|going on|me|being here|any of it)\b",
        positives=("whats the point of living", "What's the point of living anymore?"),
        lookalikes=('My friend told me "whats the point of living"',),
    ),
    Rule(
        r"\b(?:done|finished|through) with (?:life|living|everything|it all|this life|being alive)\b",
        positives=("I'm done with life.", "Im done with everything, goodbye everyone."),
        lookalikes=('My friend told me "I\'m done with life"',),
    ),
    Rule(
        r"\b(?:don't|can't|no longer) see (?:a |any )?(?:future|point|way forward)(?: for (?:me|myself))?\b",
        positives=("I can't see a future for myself at all.", "i dont see a future for myself, i'd rather be dead"),
        lookalikes=('My friend told me "I can\'t see a future for myself at all"',),
    ),
    Rule(
        r"\b(?:the )?world (?:would|will|'d) be (?:a )?(?:better|happier|easier)(?: place)? without me\b",
        positives=(
            "I feel like the world would be better without me.",
            "the world would be a better place without me in it",
        ),
        lookalikes=('My friend told me "I feel like the world would be better without me"',),
    ),
    Rule(
        r"\b(?:simpler|easier|better|happier|lighter|calmer) (?:for (?:everyone|everybody|them|all of them|my family|the people i love) )?if i (?:vanished|disappeared|ceased to exist|was gone|were gone|wasn't (?:here|around|in (?:it|them))|weren't (?:here|around|in (?:it|them)))\b",
        positives=(
            "My family would be happier if I wasn't here.",
            "Life would be simpler for everyone if I just vanished.",
        ),
        lookalikes=('My friend told me "My family would be happier if I wasn\'t here"',),
    ),
    Rule(
        r"\b(?:lives|life) would be (?:simpler|easier|better|happier|lighter)\b[^.!?]{0,30}\bif i (?:wasn't|weren't|was not|were not|vanished|disappeared)\b",
        positives=(
            "Life would be simpler for everyone if I just vanished.",
            "I keep thinking everyone's lives would be easier if I wasn't in them.",
        ),
        lookalikes=('My friend told me "Life would be simpler for everyone if I just vanished"',),
    ),
    Rule(
        r"\b(?:tired|exhausted|sick|weary|worn out) of (?:existing|being alive|living|life|fighting to (?:stay alive|live|keep going|be here)|trying to stay alive)\b",
        positives=("I'm tired of being alive.", "i'm so tired of being alive"),
        lookalikes=('My friend told me "I\'m tired of being alive"',),
    ),
    Rule(
        r"\bend (?:my|the) (?:suffering|misery|pain)(?: for good| forever| permanently| once and for all)?\b",
        positives=("I wish I had the courage to end my suffering for good.",),
        lookalikes=('My friend told me "I wish I had the courage to end my suffering for good"',),
    ),
)
