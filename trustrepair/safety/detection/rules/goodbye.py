# ruff: noqa: E501  (regular-expression alternations stay on one line each so they can be read and diffed)
"""Rules for goodbye: phrases first, then structural rules (word classes combined)."""

from trustrepair.safety.detection.lexicon import (
    _THINGS,
)
from trustrepair.safety.detection.rules.rule import Rule

PHRASES: tuple[Rule, ...] = (
    Rule(
        r"\bthis is (?:my )?goodbye\b",
        positives=("This is goodbye.", "Mum, I'm sorry, this is goodbye."),
        lookalikes=('My friend told me "This is goodbye"',),
    ),
    Rule(
        r"\bgoodbye (?:everyone|everybody|forever|world|for good|for ever|all|cruel world|to you all)\b(?!,? (?:logging|signing|see you|for (?:now|today|tonight|the (?:night|day|weekend))|until|till|have a|good ?night|night|talk (?:soon|tomorrow)|bye))",
        positives=("Goodbye forever.", "Goodbye everyone, thank you for trying."),
        lookalikes=('He posted "goodbye everyone" but it was about leaving Twitter.',),
    ),
    Rule(
        r"\b(?:say|saying|said) (?:my )?goodbyes?(?: to (?:everyone|everybody|you all|the world|all of you)| for good| forever)\b",
        positives=("I'm saying goodbye to everyone tonight.",),
        lookalikes=('My friend told me "I\'m saying goodbye to everyone tonight"',),
    ),
    Rule(
        r"\bby the time (?:you|anyone|someone) (?:read|reads|find|finds|see|sees) this\b",
        positives=(
            "By the time you read this I'll be gone.",
            "By the time anyone reads this journal I'll have ended my life.",
        ),
        lookalikes=('My friend told me "By the time you read this I\'ll be gone"',),
    ),
    Rule(
        r"\bwon't be (?:here|around|alive) (?:much longer|tomorrow|for long|by (?:tomorrow|the morning|monday|next week)|any ?more)\b",
        positives=("I won't be here tomorrow.", "I won't be around much longer."),
        lookalikes=('My friend told me "I won\'t be here tomorrow"',),
    ),
    Rule(
        r"\b(?:giving|gave|give|given) away (?:all )?(?:my|of my) (?:things|stuff|belongings|possessions|pets|cat|dog)\b",
        positives=("I've been giving away my things.",),
        lookalikes=('My friend told me "I\'ve been giving away my things"',),
    ),
    Rule(
        r"\b(?:look|looking) after (?:my|the) (?:cat|dog|kids|children|pets) (?:for me )?when i'?m gone\b",
        positives=("Please look after my cat when I'm gone.",),
        lookalikes=('My friend told me "Please look after my cat when I\'m gone"',),
    ),
    Rule(
        r"\bwhen i'?m gone\b",
        positives=(
            "Please look after my cat when I'm gone.",
            "I've sorted the bills into a folder with a note saying 'for when I'm gone'.",
        ),
        lookalikes=('My friend told me "Please look after my cat when I\'m gone"',),
    ),
    Rule(
        r"\bthis is (?:my|the) last (?:message|entry|post|note|thing i'?ll write|time you'?ll hear from me)\b"
        r"(?! (?:before|for (?:now|today|a while|this|the)|until|of the|on this|here|in (?:this|the|our|my)))",
        positives=("This is my last entry.", "This is the last entry, I'm going to die tonight."),
        lookalikes=('My friend told me "This is my last entry"',),
    ),
    Rule(
        r"\bi'?m sorry for everything\b(?=.{0,40}\b(?:goodbye|love you|forgive)\b)",
        positives=("I'm sorry for everything, I love you all, goodbye.",),
        lookalikes=('My friend told me "I\'m sorry for everything, I love you all, goodbye"',),
    ),
    Rule(
        r"\b(?:please )?(?:remember|forgive) me when\b",
        positives=("Please forgive me when you read this.",),
        lookalikes=('My friend told me "Please forgive me when you read this"',),
    ),
    Rule(
        r"\bi wanted to say (?:thank you|goodbye) (?:for everything|before i go)\b",
        positives=("I just wanted to say thank you for everything before I go.",),
        lookalikes=('My friend told me "I just wanted to say thank you for everything before I go"',),
    ),
    Rule(
        r"\blast (?:message|words|letter|note|text)\b(?=.{0,60}\b(?:sorry for everything|goodbye|forgive me|i love you)\b)",
        positives=("My last message to my sister was to say sorry for everything.",),
        lookalikes=('My friend told me "My last message to my sister was to say sorry for everything"',),
    ),
    Rule(
        r"\bsee you on the other side\b",
        positives=("See you on the other side, everyone.",),
        lookalikes=('My friend told me "See you on the other side, everyone"',),
    ),
    Rule(
        r"\b(?:letters?|notes?|messages?) (?:to|for) (?:everyone|all the people|the people|each of the people) i love\b",
        positives=(
            "Wrote letters to everyone I love, just in case.",
            "I wrote letters to everyone I love, just in case.",
        ),
        lookalikes=('My friend told me "Wrote letters to everyone I love, just in case"',),
    ),
    Rule(
        r"\bbecause i won'?t (?:need|be (?:needing|around|here))\b",
        positives=(
            "I've given my dog to my sister because I won't need to look after him.",
            "I gave my guitar and my cat to my sister this week because I won't need them anymore.",
        ),
        lookalikes=("My friend told me \"I've given my dog to my sister because I won't need to look after him\"",),
    ),
    Rule(
        r"\bgiv(?:e|ing|en) (?:away )?(?:all )?my (?:things|stuff|belongings|possessions) (?:to|away)\b",
        positives=("I've started giving my things to friends so they're sorted.",),
        lookalikes=("My friend told me \"I've started giving my things to friends so they're sorted\"",),
    ),
    Rule(
        r"\b(?:who|what) should (?:get|have) my (?:things|stuff|\w+)\b(?=.{0,40}\b(?:savings|will|when i'?m gone|after i'?m gone|money)\b)",
        positives=("I wrote down who should get my guitar and my savings.",),
        lookalikes=('My friend told me "I wrote down who should get my guitar and my savings"',),
    ),
    Rule(
        r"\bif i (?:disappear|die|don't come back|am gone|'m gone|do not come back),? (?:please )?(?:feed|look after|take care of|walk) my\b",
        positives=("If I disappear, please feed my cat.",),
        lookalikes=('My friend told me "If I disappear, please feed my cat"',),
    ),
    Rule(
        r"\b(?:letters?|notes?|videos?|messages?) (?:to|for) (?:say goodbye|my (?:kids|children|family|parents|mum|mom|dad|partner|wife|husband))\b(?=.{0,40}\b(?:goodbye|in case|when i'?m gone|after i'?m gone|for after)\b)",
        positives=("Tidied the flat, walked the dog, wrote letters to my parents to find after I'm gone.",),
        lookalikes=(
            'My friend told me "Tidied the flat, walked the dog, wrote letters to my parents to find after I\'m gone"',
        ),
    ),
    Rule(
        r"\bsay(?:ing)? goodbye to my (?:kids|children|family|parents|mum|mom|dad|partner|wife|husband|friends)\b(?! (?:at|before|for the (?:day|week|weekend))| as they| when)",
        positives=("I'm writing letters to say goodbye to my kids.",),
        lookalikes=('My friend told me "I\'m writing letters to say goodbye to my kids"',),
    ),
    Rule(
        r"\bthis will be the last (?:time|thing)\b(?= you(?:'ll)? (?:hear|read))",
        positives=("This will be the last thing you read from me.",),
        lookalikes=('My friend told me "This will be the last thing you read from me"',),
    ),
)

STRUCTURAL: tuple[Rule, ...] = (
    # finality: not being around, goodbyes, giving things away, arranging for after
    Rule(
        r"\b(?:won't|will not|not going to|am not going to|i'm not going to) be (?:around|here|alive) (?:much longer|for (?:much )?longer|for long|any ?more|any longer|after (?:tonight|today|this)|by (?:tomorrow|morning|the weekend|next week))\b",
        positives=("I won't be around much longer.", "I'm not going to be around much longer."),
        lookalikes=('My friend told me "I won\'t be around much longer"',),
    ),
    Rule(
        rf"\b(?:gave|giving|give|given|handed|handing) (?:away )?(?:all )?(?:of )?my {_THINGS}\b(?=[^.!?]{{0,60}}\b(?:won't need|not need|won't be|when i'?m gone|after i'?m gone|in case|any more|don't need)\b)",
        positives=(
            "I've given my dog to my sister because I won't need to look after him.",
            "I gave my guitar and my cat to my sister this week because I won't need them anymore.",
        ),
        lookalikes=("My friend told me \"I've given my dog to my sister because I won't need to look after him\"",),
    ),
    Rule(
        rf"\b(?:sorted|sorting|worked) out (?:who gets|who'?ll get|where) (?:all )?my {_THINGS}\b",
        positives=(
            "Sorted out who gets my records and my guitar, so that's done.",
            "I've written my will and sorted out who gets my things, I'm ready.",
        ),
        lookalikes=('My friend told me "Sorted out who gets my records and my guitar, so that\'s done"',),
    ),
    Rule(
        r"\b(?:said|saying|say) (?:all )?my goodbyes\b",
        positives=(
            "I deleted all my accounts and said my goodbyes.",
            "I've said my goodbyes and tonight I'm going to die.",
        ),
        lookalikes=('My friend told me "I deleted all my accounts and said my goodbyes"',),
    ),
    Rule(
        r"\b(?:started |been )?(?:saying|said) goodbye to (?:people|everyone|everybody|my friends|friends)\b(?! (?:at|before|as|when|for the))(?=[^.!?]{0,40}(?:without|quietly|one by one|in my own way|$|[.!?]))",
        positives=(
            "I'm saying goodbye to everyone tonight.",
            "I've started saying goodbye to people without them realising.",
        ),
        lookalikes=('My friend told me "I\'m saying goodbye to everyone tonight"',),
    ),
    Rule(
        r"\b(?:tidy|sorted|in order|paid off|ready)\b[^.!?]{0,40}\bbefore i go\s*(?:[.!?]|$)",
        positives=("I returned all the books I borrowed and paid off my debts, I want everything tidy before I go.",),
        lookalikes=("I want the flat tidy before I go on holiday.",),
    ),
    Rule(
        r"\b(?:please )?tell (?:my \w+|everyone|them|him|her) (?:that )?i love (?:her|him|them|you|everyone)\b",
        positives=(
            "Please tell my mom I love her. I'm sorry.",
            "Please tell my mum I love her, I can't do this anymore.",
        ),
        lookalikes=('My friend told me "Please tell my mom I love her. I\'m sorry"',),
    ),
    Rule(
        r"\b(?:remember me|after i'?m gone|when i'?m not here)\b",
        positives=(
            "Nobody will notice when I'm not here anymore.",
            "I wrote out instructions for feeding the dog after I'm gone.",
        ),
        lookalikes=('My friend told me "Nobody will notice when I\'m not here anymore"',),
    ),
    Rule(
        r"\b(?:wrote|written|writing|left) (?:letters|notes|messages) (?:to|for) (?:everyone|everybody|all the people|the people|each of)\b",
        positives=(
            "Wrote letters to everyone I love, just in case.",
            "I wrote letters to everyone I love, just in case.",
        ),
        lookalikes=('My friend told me "Wrote letters to everyone I love, just in case"',),
    ),
    Rule(
        r"\bin case (?:something happens to me|i'?m not (?:here|around)|i don't make it|i'?m gone|anything happens to me)\b",
        positives=("I gave my sister my passwords in case something happens to me soon.",),
        lookalikes=('My friend told me "I gave my sister my passwords in case something happens to me soon"',),
    ),
    Rule(
        r"\b(?:deleted|deleting|delete) (?:all )?my (?:accounts|social media|profiles)\b(?=[^.!?]{0,40}\b(?:goodbye|goodbyes|gone|for good|won't need|forever)\b)",
        positives=("I deleted all my accounts and said my goodbyes.",),
        lookalikes=('My friend told me "I deleted all my accounts and said my goodbyes"',),
    ),
    Rule(
        r"\b(?:my will|affairs|who gets my|goodbyes?)\b[^.!?]{0,50}\b(?:i'?m|i am) ready\b",
        positives=("I've written my will and sorted out who gets my things, I'm ready.",),
        lookalikes=("My friend told me \"I've written my will and sorted out who gets my things, I'm ready\"",),
    ),
)
