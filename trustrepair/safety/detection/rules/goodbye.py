# ruff: noqa: E501  (regular-expression alternations stay on one line each so they can be read and diffed)
"""Rules for goodbye: phrases first, then structural rules (word classes combined)."""

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
]

STRUCTURAL: list[str] = [
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
]
