# ruff: noqa: E501  (regular-expression alternations stay on one line each so they can be read and diffed)
"""Word classes that rules combine (people, harm verbs, body parts, things given away)."""

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
