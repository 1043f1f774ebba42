"""Words that tell of one's own back pain: "my back's gone", "pulled something", "is that bad?", "help"."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from components.language import with_plain_apostrophes
from components.red_flags import lexicon

OWN_PAIN_INTENT = "describe_pain"
# How long or how bad: said of one's own pain, they make it a report ("my back has ached for 3 weeks").
OWN_PAIN_ENTITIES = frozenset({"duration", "pain_level"})
# Someone else's: "my friend has back pain" and "my doctor mentioned spasms" are not the speaker's.
SOMEONE_ELSES = "|".join(sorted(lexicon("third_parties") | lexicon("health_jobs"), key=len, reverse=True))
BACK = "back|bk|bak"  # and its texting spellings
# "my back went", "my back has been aching", "mine's achy", "having back spasms", "I've got a sore back", "I pulled
# something in my back ... it hurts"; not "my back" alone ("is it ok to sleep on my back?"), "what can I do for
# back pain?" nor "my friend has back pain"
FIRST_PERSON_PAIN = re.compile(
    rf"\b(?:my(?! (?:{SOMEONE_ELSES})(?:'?s)?\b)|me (?:lower |upper |bad )?back|mine|i'm|im|i've|ive|i have|i am"
    r"|i've got|i got|having|got|i (?:pulled|strained|tweaked|hurt|twisted|injured|put|did))\b"
    r"[^.?!]{0,40}?\b(?:spasm\w*|pain\w*|ache[sd]?|aching|achy|hurt\w*|sore|agony|went|gone|seized|locked|twing\w*"
    r"|killing|stiff|tight|tighten\w*|throbbing|cramp\w*|crook|paining|bothering|knot|knots|knotted|stuck)\b"
    # said without the "I": "pulled something in my back", "at the end of my tether with this back"
    r"|^\W*(?:pulled|strained|tweaked|twisted|injured|done|did|threw|thrown|put|hurt|wrecked|knackered)"
    r" (?:my|something|summat)\b"
    r"|\b(?:with|of) this (?:\w+ )?back\b|\bthis (?:bad|stupid|damn|bloody|dodgy) back\b"
    # "I think I threw my back out", "I've done my back in"
    r"|\b(?<!\bif )(?<!\bwhen )(?:i|i've|ive|i have|i had) (?:threw|thrown|put|did|done|hurt|pulled|tweaked"
    r"|wrecked|knackered|strained|twisted|injured) (?:my|me) (?:lower |upper )?back\b"
    # "back's gone again", "back hurts like hell", "lower back seized up this morning"
    rf"|^\W*(?:(?:lower|upper|bad|stupid) )?(?:{BACK})'?s? (?:has |is |just |keeps |went )?"
    r"(?:gone|went|seized|locked|hurts|hurting|killing|spasming|spasmin|playing up|agony|in spasm)\b"
    # "lower back spasm rn", "back spasm again today"
    rf"|^\W*(?:(?:lower|upper|bad) )?(?:{BACK}) spasms? "
    r"(?:rn|right now|atm|now|again|today|this morning|tonight)\b",
    re.IGNORECASE,
)
# A report without the "I", that says how long: "back spasm since friday", "lower back pain for 3 weeks", "bk
# spasms r killing me since tues".
OPENS_WITH_BACK_PAIN = re.compile(
    rf"^\W*(?:(?:lower|upper|bad|sore|my|me) )?(?:{BACK}|spine)'?s? ?(?:spasm\w*|pain\w*|ache\w*|hurt\w*|went|gone"
    r"|seized|locked|been)",
    re.IGNORECASE,
)
CONDITIONAL = re.compile(r"^\W*(?:if|when|whenever|once)\b", re.IGNORECASE)
# Pain that is over, or comes and goes, told beside a general question: "it's fine now, but what causes these?",
# "whenever my back spasms", "they keep coming back every few months", "it always settles in a few days", "they
# settled fine"
NOT_NOW = re.compile(
    r"\b(?:whenever|every time|(?:it'?s|it is|all|back to) (?:fine|ok|okay|gone|better|settled|normal) now"
    r"|(?:they|it|both|each|all|which) (?:settled|cleared up|passed|eased off|went away|resolved)"
    r"|always (?:settles|goes|eases|passes)|keeps? coming back|comes? and go(?:es)?"
    r"|every (?:few |couple of )?(?:weeks|months|years)"
    # a habit told mid-sentence: "when my back flares into a spasm the nights are the worst"
    r"|when (?:my back|it) (?:flares|goes|spasms|seizes|locks|plays up))\b",
    re.IGNORECASE,
)
# No pain now, said outright, wherever "at the moment" comes: "I'm not in pain at the moment, but what helps?"
NO_PAIN_NOW = re.compile(
    r"\b(?:i'?m|i am|im) not (?:in (?:any )?pain|sore|hurting|in spasm),? (?:right now|now|at the moment|atm|currently"
    r"|today)\b|\b(?:right now|at the moment|currently),? (?:i'?m|i am|im) not (?:in (?:any )?pain|sore|hurting)\b"
    r"|\bpain[- ]free (?:now|at the moment|atm)\b",
    re.IGNORECASE,
)
# ... unless it is there now too: "they come every few months and it's gone again today", "it eased off but still
# hurts" ("again" alone is no now: "I've started running again")
NOW = re.compile(
    r"\b(?:right now|rn|today|tonight|this (?:morning|afternoon|evening)|at the moment|atm|currently"
    r"|still (?:hurts|hurting|aches|aching|sore|stiff|tight|bad|painful|in spasm|spasming|there))\b",
    re.IGNORECASE,
)
# "is that bad?", "should I be concerned?", "do I need to worry?", "what now?", "is it ok to ignore?", and what to
# do about it: "what do I do?", "what do you suggest?", "anything I should be doing?", "suggestions?", "HELP"
ASKS_WHETHER_TO_WORRY = re.compile(
    r"\b(?:is (?:that|this|it) (?:something )?(?:bad|serious|dangerous|a problem|something to worry)"
    r"|wh?at (?:do|should) i do|what to do|anything i should (?:be )?do\w*"
    r"|should i (?:be )?(?:worried|concerned|worry)|(?:do i )?need to (?:worry|be worried|be concerned)"
    r"|what now|now what|what should i do now|(?:ok|okay|safe) to ignore|anything to worry|cause for concern"
    r"|what (?:do|would|can) you (?:suggest|recommend|advise)|what (?:do|would) you make of (?:it|this|that)"
    r")\b"
    # "Suggestions?", "Any advice?" or "Thoughts?" as the last sentence: what to do about it (not "thanks for the
    # advice")
    r"|(?:^|[.?!]\s*)(?:any )?(?:suggestions|ideas|advice|thoughts)\W*$",
    re.IGNORECASE,
)
# "can i sleep on my front with a spasm or is that bad?" asks whether something done is bad, not the pain
ASKS_IF_ALLOWED = re.compile(
    r"\b(?:can|could|should|may|do) i\b[^.?!]*\bor is (?:that|this|it) (?:bad|dangerous|a problem)\b", re.IGNORECASE
)
# A cry for help ("MY BACK HAS SEIZED UP HELP", "can't straighten up 😭 help"), not a question whether
# something helps ("would a heat pad help?", "does it help").
CRY_FOR_HELP = re.compile(
    r"\bhelp(?: me)?(?: pls| please)?\W*$"
    # ... or at the start: "help my back is in spasm" (not "help me understand ...", "help with ...")
    r"|^\W*help\b(?!\W+(?:me\W+)?(?:understand|with|to|find|choose|decide|pick|know|work)\b)",
    re.IGNORECASE,
)
HELPS_AS_A_VERB = re.compile(
    r"\b(?:would|will|does|do|can(?!'t|not)|could|might|it|that|this|which|what)\b(?:\W+\w+){0,3}\W+help\b",
    re.IGNORECASE,
)

# The symptom check asked for by name: "I want to do the symptom checker", "symptom check pls", "can we do the symptom
# check for my mum?", "check my symptoms"; not "stop the symptom check", nor "is the symptom checker accurate?"
NAMES_THE_SYMPTOM_CHECK = re.compile(
    r"\bsymptoms?[ -]?check(?:er)?s?\b|\bcheck (?:my|me|his|her|their|our) symptoms\b", re.IGNORECASE
)
ASKS_FOR_IT = re.compile(
    r"\b(?:want|wanna|like|do|start|run|try|use|open|begin|go through|take me|pls|plz|please|can|could|let'?s"
    r"|let me|give me)\b",
    re.IGNORECASE,
)
ONLY_ITS_NAME = re.compile(r"^\W*(?:the |a |your )?symptoms?[ -]?check(?:er)?\W*$", re.IGNORECASE)
# a stop or a no shortly before the name, in the same clause: "don't really want to do the symptom check", "skip the
# symptom checker"; not "Not sure what's wrong, can we do the symptom check?"
STOPS_IT = re.compile(
    r"\b(?:stop|cancel|quit|end|exit|skip|abort|no more|don'?t|do not|not)\b"
    r"(?:[ '’]+\w+){0,5}[ '’]+symptoms?[ -]?check",
    re.IGNORECASE,
)


def asks_for_the_symptom_check(text: str) -> bool:
    """The symptom check named and asked for, and not stopped or declined."""
    asked = bool(NAMES_THE_SYMPTOM_CHECK.search(text) and ASKS_FOR_IT.search(text)) or bool(ONLY_ITS_NAME.match(text))
    return asked and not STOPS_IT.search(text)


def tells_own_pain(text: str) -> bool:
    """A statement of one's own pain, not a conditional ("if my back still hurts after 2 weeks ..."), nor said
    outright to be gone ("I've had a few over the years; I'm not in pain at the moment")."""
    return bool(FIRST_PERSON_PAIN.search(text)) and not CONDITIONAL.search(text) and not NO_PAIN_NOW.search(text)


def over_or_comes_and_goes(text: str) -> bool:
    """Pain told as over or as coming and going ("it's fine now", "whenever my back spasms"), and not as there now;
    or no pain now, said outright."""
    return bool(NO_PAIN_NOW.search(text)) or (bool(NOT_NOW.search(text)) and not NOW.search(text))


def tells_own_pain_now(text: str) -> bool:
    """One's own pain, there now."""
    return tells_own_pain(text) and not over_or_comes_and_goes(text)


def tells_own_pain_and_asks_whether_to_worry(text: str) -> bool:
    """ "Pulled something at the gym, my back hurts when I move. Is that bad?": a question for the symptom
    check, whatever topic its words are near."""
    cries_for_help = bool(CRY_FOR_HELP.search(text)) and not HELPS_AS_A_VERB.search(text)
    asks_whether_to_worry = bool(ASKS_WHETHER_TO_WORRY.search(ASKS_IF_ALLOWED.sub(" ", text)))
    return tells_own_pain(text) and (asks_whether_to_worry or cries_for_help)


def told_own_pain_before(tracker: Tracker) -> bool:
    """True when a message before the latest one described the person's own pain."""
    earlier = [event for event in tracker.events if event.get("event") == "user"][:-1]
    return any(
        ((event.get("parse_data") or {}).get("intent") or {}).get("name") == OWN_PAIN_INTENT
        or tells_own_pain(with_plain_apostrophes(event.get("text") or ""))
        for event in earlier
    )
