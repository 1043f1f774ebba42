"""Which red-flag mentions in a doc count: those the person states about themselves, now.

A mention is dismissed when it is negated ("no numbness"), put on someone else ("my husband's legs are
weak") unless the message is written for that person (their back pain is the one it tells of), asked about
in general ("what does losing control of your bladder mean?"), or explained away by its flag's own dismissers
in the same sentence ("lost weight on a diet"). The semantic layer reads only the sentences with no dismissed
mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span, Token

from components.doc_index import doc_index, made_once, same_sentence, text_after, texts_of, words_of
from components.flag_matches import flag_matches, look_alikes
from components.language import SPANS_KEY
from components.negation import FINE, JOINERS, NOT_WORDS, PSEUDO_ASIDES, denies_something, is_negated, negated_by_a_cue
from components.red_flags import (
    DISMISSER_LABELS,
    FIRM,
    LONG_AGO,
    NEVER_THE_PATIENTS,
    NOT_RED_FLAG,
    NOT_RED_FLAG_IN_ANY_SENTENCE,
    NOT_RED_FLAG_NEXT_TO,
    OVER,
    TIER_LABELS,
    UNCONFIRMED,
    lexicon,
    load_red_flags,
)

RED_FLAG_ROLES = {label: tier for tier, label in TIER_LABELS.items()}
# NOT_RED_FLAG matches: without an id, a sign put on someone else ("my mum had cancer"), dismissing
# the red flags inside it; with a flag's id, that flag explained away where the match reaches (`_explains`).
FIRST_PERSON = frozenset({"i", "me", "myself", "im", "ive", "id", "mine"})
QUESTION_OPENERS = frozenset({"what", "whats", "what's", "define", "explain", "meaning", "why"})
# "Is chest pain a heart attack sign?" asks in general; "is it normal to not be able to pee?" asks about me.
AUXILIARY_OPENERS = frozenset({"is", "are", "does", "do", "can", "could", "should", "would", "will", "might"})
# What someone asked ("the nurse asked if I'd had cancer"), and a yes to it: the sign asked about, or told after
# the yes, is told ("... and I said yes, a melanoma cut out"), as is one told after turning to one's own ("asked
# about numbness and I said no but now my inner thighs are numb")
ASKED = (
    "asked if", "asked me if", "asked whether", "asked about", "asked me about", "asked me again if", "asked again if",
    "asked me twice if", "asked twice if", "asked me three times if", "asked me several times if", "keeps asking if",
    "keep asking me if", "keeps asking me if", "kept asking me if",
)  # fmt: skip
# What someone read or heard: it wonders until the speaker turns to their own ("I read about it and I can't pee")
HEARSAY = (
    "i read that", "i 've read", "i read about", "i read on", "i read online", "i heard that", "i 've heard",
    "i was reading", "i read something", "i heard something", "i 've read something", "i 've heard something",
    "read somewhere", "heard somewhere", "someone mentioned", "somebody mentioned", "someone said", "somebody said",
    "people say", "people said", "saw something about", "seen something about", "saw a post about",
    "saw a video about",
)  # fmt: skip
# a dream's or a story's: "Had a dream I wet myself in a big meeting", "Watched a film where the hero's legs give
# out" (wondering, too, until the speaker turns to their own or wakes: "Dreamt I was falling, woke up and couldn't
# feel my legs")
DREAMS = (
    "dreamt i", "dreamed i", "dreamt that", "dreamed that", "a dream i", "a dream that", "a dream where",
    "a nightmare i", "a nightmare that", "a nightmare where", "in my dream", "a film where", "a movie where",
    "a book where", "a programme where", "a documentary where",
)  # fmt: skip
WOKEN = re.compile(r" (?:woke|wake|wakes|waking|woken|awake|reality|irl) ")
# ... and a dream come true: "I dreamt my legs were numb and I woke up and they actually were"
CAME_TRUE = re.compile(
    r" (?:woke|wake|waking|woken) .*(?:actually|really|still|it had|they were|it was) "
    r"| (?:when|after|once) i (?:wake|woke) "
)
# a sign someone asked about, confirmed after it: "Doctor asked about saddle numbness and it's there, started this
# morning"
CONFIRMED = re.compile(
    r" (?:it|they) (?:'s|s|is|are|'re) (?:there|present|back)"
    r"| (?:started|began|came on) (?:this|last|yesterday|today|on) "
    # "…, I have, twice", "…, which I have, nearly a stone", "… and to be honest I really have"
    r"|^ (?:and |which |yes |yeah |yep |honestly |to be honest |tbh )*"
    r"i (?:really |definitely |actually |honestly |truly )?(?:have|had|do|did|am|'ve)(?! n't| not| never| no )"
    r"|^ (?:yes|yeah|yep) (?!nah |no |nope |not |i wish |right |as if )"  # "… if I've wet myself, yes twice today"
    r"|^ they (?:both )?(?:are|were|'re)(?: both)?(?: (?:since|too|now|again|numb|weak|tingly|tingling)\b| $)"
    r"|^ it (?:'s|s|is|was) (?:3[89]|4[0-2]|10[0-5])(?:\.\d+)? "  # "… if I've got a temperature, it's 39.4"
)
HYPOTHETICAL = (
    "if i ever", "if you ever", "what if", "in case", "just wondering", *ASKED, "worry if", "worried if",
    "concerned if", *HEARSAY, *DREAMS,
)  # fmt: skip
# After hearsay, the speaker telling of themselves: "... and I can't pee", "but mine is" (not a denial: "I've read
# about cauda equina and I definitely don't have any numbness")
TURNS_TO_THE_SPEAKER = re.compile(
    r" (?:and|but|because|cos|coz|so|now|then) (?:now |also |still |then |honestly |actually |really |this morning"
    r" |today |tonight )?(?:i|mine|my)"
    r" (?!(?:\S+ ){0,2}(?:n't|not|never|no) )"
)
# ... or, after the sign read about, owning it: "I read about prednisolone, I've been on it for 3 years", "I saw a post
# about fever, mine is 39.5 today" (not "I don't have one though", "mine are just stiff")
OWNED_AFTER_HEARSAY = re.compile(
    r" (?:i 've|ive|i have|i 'm|im|i am|i) (?:been |also |now |still |actually )?(?:on|taking|got|had|have|having)"
    r" (?:it|them|one|that|this|those|these|all|every|\d)| (?:mine|my temp|my temperature) (?:is|was|'s|s|hit|reached)"
    r" (?:\d|over|above|high|up|at)"
)
# advice from someone else on what to do if a sign comes: "the GP said ring 999 if I get any numbness", "the leaflet
# from A&E says come back if you can't pee" (not "I told them I need help if they can", the speaker's own words) ...
SAFETY_NETTING = re.compile(
    r" (?:gp|doctor|doc|dr|nurse|physio|physiotherapist|pharmacist|paramedic|consultant|surgeon|specialist|111|nhs"
    r"|hospital|a&e|leaflet|sheet|letter|website|page|they|he|she)(?: \S+){0,3}"
    r" (?:said|says|told|tells|advised|advises|warned|warns)(?: \S+){0,5}"
    r" (?:call|ring|phone|dial|go|come|get|seek|return|head)(?: \S+){0,4} if(?: \S+){0,6} $"
)
# ... and the speaker saying, after the sign or in the next sentence, that it has not come: "…, none so far", "I
# haven't, breathing's fine", "I'm peeing fine", "All normal down there" (not "I can't since last night", "I haven't
# peed for 12 hours")
NOT_COME = re.compile(
    r" (?:none|nothing)(?: so far| yet)? | not yet | no sign"
    r"|^ (?:no |nope )?i (?:have n't|have not|do n't|do not|did n't)(?: yet| so far)?"
    r"(?: it | that | but | just | so | $)"
    r"| (?:all|everything|peeing|weeing|breathing|feeling|sensation|waterworks|there)(?: 's| s| is| are| feels)?"
    r" (?:fine|normal|ok|okay) "
)
# "in case it matters, I had a melanoma": a disclosure, not a wondering
DISCLOSURES = re.compile(
    r" (?:just )?in case (?:it (?:'s |s |is )?(?:relevant|important|useful)|it (?:matters|helps)"
    r"|you (?:need|want) to know|i (?:did n't|didn't|did not) (?:say|mention)|i forgot to (?:say|mention)) "
)
ASKED_FOR_SOMEONE = ("asking for a friend", "just asking", "just curious")  # wherever they stand in the sentence
SAID_YES = (
    "said yes", "said yeah", "said yep", "answered yes", "told her yes", "told him yes", "told them yes",
)  # fmt: skip
ANSWERED_YES = (*SAID_YES, "and yeah", "and yes")
SHORT_YES = frozenset({"i am", "i have", "i had", "i did", "i do", "i 'm", "i 've"})  # a reply's opening clause
# after a question someone asked, the sign given as its reason: "My wife keeps asking if I'm ok since I wet myself"
REASON_GIVEN = re.compile(r" (?:since|after|because|cos|coz) i (?:'ve |'d |have |had |was )?")
THE_PAIN = (["the", "pain"], ["the", "ache"], ["the", "spasm"], ["the", "spasms"])  # "…, the pain wakes me every night"
# "Should I worry about chest pain? I don't have any": a reply that denies what the question before it asked about.
DENIED_NEXT = (
    "i do not have any", "i do not have that", "i do not have those", "i do not have it", "i have not got any",
    "i have not had any", "not that i have", "none here", "not me", "i ticked no", "and i ticked no", "i said no",
    "and i said no", "i answered no", "i ticked n", "i put n", "i put no", "i circled n", "i circled no",
)  # fmt: skip
# "If I fell off my horse, would I need A&E? I haven't, just nervous": a supposition denied
SUPPOSITION_DENIED = ("i have not", "i have never", "it has not", "it has never")
SUPPOSITION_REPLY = 8  # words a denied supposition's reply may add: "just nervous about starting jumping lessons"
# words of a reply that tell a milder form of the sign supposed: "I haven't, it's more like tingling", "a bit"
MILDER = frozenset({"more", "like", "rather", "bit", "little", "some", "kind", "sort", "slightly", "partly", "half"})
# "When does back pain with chest pain mean call 999? Asking in general, mine's just low back stuff.": a reply that
# says the question before it was asked in general
# the sign played down after it: "mine's just a stiff back", "not me", "I don't have it"
PLAYED_DOWN = re.compile(
    r"\bmine (?:'s|s|is|are) (?:just|only) (?:(?:a|an|my|normal|low|lower|the|usual) )*"
    r"(?:back|spasm|spasms|muscle|muscles|stiff|sore|tight|pulled|strain|twinge|ache)\b"
    r"|\bnot me\b|\bi (?:do n't|do not|dont) have (?:it|that|those|any|one)\b"
    r"|\bnone here\b"
)
# "General question, I'm making a health and safety poster": teaching material a general question is for, when the
# reply ends the message and owns nothing (not "writing notes for my GP", "making a poster and mine is crushing")
ASKED_FOR_A_PURPOSE = re.compile(
    r"^(?:i 'm |im |i am )?(?:making|writing|doing|preparing|putting together|planning)\b(?: \w+){0,5}? "
    r"(?:poster|posters|leaflet|leaflets|essay|assignment|quiz|presentation|slides|handout|lesson|story)\b"
)
# "told me to watch for saddle numbness. I don't have any of that": a sign named as what to look out for, with the
# words that may come between
WATCHED_FOR = ("watch for", "watch out for", "look out for", "keep an eye out for", "on the lookout for")
WATCH_FILLERS = frozenset({"any", "signs", "symptoms", "of", "things", "stuff", "like", "such", "as", "the"})
WATCH_REACH = 9  # words before a sign: "keep an eye out for any signs of"
# "Abbu says her back pain wakes her": the person who tells of a sign, not whose it is
REPORTING_VERBS = frozenset({"says", "said", "thinks", "reckons", "noticed", "notices", "tells", "told", "mentioned"})
# the person of a message that has no I, me or my: "he says his chest feels heavy. Back pain started an hour ago"
RELAYED = frozenset({"he", "she"})
# "When is night pain a worry? Mine's fine at night": a reply that says the speaker's own is fine
MINE_FINE = re.compile(
    r"^(?:(?:mine (?:'s|s|is|are)|mines) (?:all |totally |completely )?(?:fine|ok|okay|normal|alright|good)"
    r"|mine (?:does|do|did|is|was) not$)"  # "Mine doesn't, I sleep like a rock" (not "mine isn't eased by anything")
)
TIME_WORDS = frozenset({"now", "since", "ago", "hour", "hours", "day", "days", "morning", "night", "week", "weeks"})
ASKED_IN_GENERAL_REPLIES = (
    "asking in general", "just asking in general", "asking generally", "general question", "just a general question",
    "just curious", "asking out of curiosity", "out of curiosity", "asking so i know", "asking for future reference",
    "for future reference", "just so i know", "asking just in case", "just asking generally", "not about me",
    "this is not about me", "it is not about me",
)  # fmt: skip
DENIED_OPENINGS = (
    "i have not", "i do not", "i did not", "i am not", "i 'm not", "i m not", "i have never", "i 've never",
    "i ve never", "i 've not", "i never",
)  # fmt: skip
# the words a denial may add to the sign it names: "I've never had cancer", "I haven't got any chest pain"
DENIAL_FILLERS = frozenset({"had", "got", "have", "been", "any", "a", "an", "the", "ever", "actually", "personally"})
# "The physio asked about chest pain or breathing problems and I've had neither", "the questionnaire asks if I've
# lost weight and I ticked no": the signs denied after them
DENIED_AFTER = re.compile(
    r"(?:^|[,;-]|\b(?:and|but)) (?:i |i 've |ive |i have |i 've had |ive had |i have had |i had |had |have )?"
    r"(?:neither|none)(?: of (?:them|those|these|that|the two))? ?(?:$|[.!?,;])"
    r"|\b(?:i )?(?:do n't|did n't|have n't|do not|have not|never) (?:have |had |got )?"
    r"either(?: of (?:them|those))? ?(?:$|[.!?,;])"
    r"|\b(?:and|but) i (?:ticked|said|answered|put) no\b"
)
# a sign seen at work, then had: "I check for saddle numbness every day and I've now got it myself", "tonight mine is
# 39.4"
OWNED_AFTER_WORK = re.compile(
    r"\b(?:got|have|had|caught|developed|found) (?:it|them|one|that|this) (?:myself|too|as well|now|today|in myself"
    r"|since (?:this|last|yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
    r"|\bmine (?:is|are|'s|has|have|went|started)\b"
    r"|\bthis (?:one )?(?:is|'s) mine\b|\bstarted in me\b"
    r"|\bwhich i (?:now |also )?(?:have|had|'ve got)(?! done| been| got| worked| used| seen)\b"
)
# the words before the denied signs that put them as someone's question
ASKING = frozenset({"asked", "ask", "asks", "asking", "checked", "enquired", "inquired", "wanted"})
# "RN here asking re my husband", "writing on behalf of my mum": the message is written for that person
ASKING_FOR = frozenset(
    {"asking", "writing", "write", "enquiring", "inquiring", "messaging", "query", "querying", "posting", "typing",
     "typin"}
)  # fmt: skip
WHAT_IS_WRITTEN = frozenset({"this", "it"})  # "typing this for my nan"
RELATIVE_PRONOUNS = frozenset({"who", "whom"})
CARING = ("i look after", "i care for", "i support", "i work with", "i visit", "i help", "i nurse")
ABOUT_SOMEONE = frozenset({"re", "about", "for", "regarding", "on"})
ASKED_FOR_FILLERS = frozenset({"behalf", "of", "my", "our", "me"})
ASKED_FOR_REACH = 4  # words after "asking re": "on behalf of my mother"
SHORT_DENIAL = 4  # words: "I haven't fallen" denies; "I did not expect numb legs from a spasm" tells
# "should I worry about chest pain?" asks in general: an "I" of a modal is no sign told of oneself
MODALS = frozenset({"should", "do", "would", "will", "must", "might", "need", "shall", "may"})
QUERY_OPENERS = QUESTION_OPENERS | AUXILIARY_OPENERS | {"how", "why", "when", "which", "where", "best", "tips", "any"}
NEXT_TO = 0  # tokens between a mention and a NOT_RED_FLAG_NEXT_TO dismisser: they must touch
EXPLAINING_LABELS = DISMISSER_LABELS - {NOT_RED_FLAG_NEXT_TO}  # dismissers that explain a mention of their sentence
MIN_WORDS = 3  # shorter sentences ("lower back", "yes please") say too little to compare with a red flag
GENERIC_YOU = frozenset({"you", "your", "yours", "someone", "somebody", "people", "anyone"})
# "Is it normal for back spasms to make your chest feel heavy?" asks about what one feels oneself.
ABOUT_ONESELF = frozenset({"normal", "usual", "ok", "okay"})
# Openings that frame a question without telling anything: "In general, is numbness … a danger sign?"
PREAMBLES = (
    ("generally", "speaking"), ("in", "general"), ("generally",), ("out", "of", "interest"), ("hypothetically",),
    ("quick", "question"),
)  # fmt: skip
NORMAL_FOR = frozenset({"to", "for", "that", "if"})  # "is it normal to ...", "... for my legs to ...", "... that ..."
DASHES = frozenset({"-", "–", "—", "--"})
CLOSING = frozenset({"'", '"', "’", "”"})  # quote marks that may close a question
# a colon after a quiz or study heading: "Quiz night question: what's the saddle area in medicine?" (not "Need
# advice: what does numbness between the legs mean, started this morning")
STUDY_HEADINGS = frozenset(
    {"quiz", "question", "revising", "revision", "exam", "exams", "finals", "homework", "assignment", "essay",
     "crossword", "clue", "trivia", "lecture", "studying", "flashcard", "coursework", "student", "osce", "placement"}
)  # fmt: skip
# a heading of revision (not "exam", "clue" or "essay": "Exam tomorrow: can't pee, help?", "Sorry for the essay: …"),
# after which any question opens, or a sentence that asks with a question word: "Pharmacology revision: do biologics
# raise the risk of spinal infection?", "Studying for my nursing OSCE: bilateral leg weakness with back pain, which
# nerve roots are involved?"
STUDYING = frozenset({"revising", "revision", "studying", "osce", "flashcard", "flashcards", "quiz", "trivia"})
QUESTION_WORDS = frozenset({"which", "what", "how", "why"})
SIDE_REMARKS = frozenset({"also", "plus", "btw", "anyway", "ps", "oh"})  # a clause after a question: "..., also ..."
ADVICE_WORDS = frozenset({"prevent", "stop", "cause", "causes", "mean", "means", "lead"})
# "is numbness in the legs a warning sign" asks, with or without its "?"; so does "is it dangerous if ..."
SERIOUSNESS = frozenset({"warning", "emergency", "dangerous", "serious", "worry", "worrying", "urgent", "concerning"})
SIGN_WORDS = frozenset({"sign", "flag", "symptom"})  # "is it a bad sign if ...", "is it a red flag if ..."
IF_WITHIN = 6  # words: "is it a warning sign if" opens a question; an "if" further on belongs to what is told
ASKED_AT_THE_END = 4  # words: "is X a warning sign" asks; "is this serious, both legs have gone numb" tells
# "is this/that serious?" asks about what the speaker has: the sign is theirs
DEMONSTRATIVES = frozenset({"it", "this", "that"})
# "can barely pee, is that serious?", "should mention, had cancer": the "I" left out of a sentence that tells
ELLIPTIC_OPENERS = frozenset({"can", "could", "should"})
GERUND = re.compile(r"^(?!(?:no|some|any|every)?thing$)\w+ing$")  # "can not being able to pee ...": asks
TELLING_AFTER_ELLIPSIS = frozenset(
    {"barely", "hardly", "only", "just", "not", "n't", "never", "mention", "add", "say", "feel", "still", "walk",
     "move", "stand", "sleep", "manage"}
)  # fmt: skip
# The sentence after a general question that owns what it asked, read as its lowercased words joined by spaces ("it's"
# is "it 's"): "can a spasm make you wet yourself? because that happened this morning", "does methotrexate make it
# worse? I take it weekly", "can injecting cause it? asking cos i do", "... a fever? currently 38.7"
OWNING_REPLIES = re.compile(
    r"\b(?:that|this|it|which) (?:'s |has |is |just |actually |literally |what )*(?:happened|happens|happening)\b"
    r"|^(?:(?:and|but|because|cos|coz|cause|as|well|yes|yeah) )?(?:just )?happened\b"
    r"|\b(?:i|i 'm|im|i 've|ive|i have|i am|been) (?:\w+ ){0,2}?(?:take|takes|taking|took|use|using|used|on|inject"
    r"|injecting|had|have|got|finished|started|do|did)(?: \w+){0,2}? (?:it|them|one)\b"
    r"|\bi (?:do|did)(?:$| (?:and|too|as well|last|this|yesterday|today|every|most|sometimes|regularly|a lot)\b)"
    r"|^mine (?:are|is|feel|feels|went|has|have|'s|keep|keeps|got|do|does|did)\b(?! (?:just|only|simply|merely) an?\b)"
    # "Is it normal to get back pain if you shoot up? Asking for me."
    r"|^(?:i 'm |im |i am )?asking for (?:me|myself)\b"
    r"|^(?:i 'm |im |i am |been |currently |still |now )?on \d"
    r"|^(?:(?:because|cos|coz|as|yes|yeah|well) )?i (?:am|'m|have|'ve|do)(?: \w+){0,2}?"
    r" (?:right now|rn|atm|at the moment|currently)\b"
    # the subject left out: "Started this morning", "had it since Sunday", "been like it 2 days", "on it for RA", "had
    # 2 accidents today", "over the last 3 months", "cos that's me rn"
    r"|^(?:(?:and|but|it|it 's|its|this|that|they|both|mine) )?(?:started|began|came on|come on|kicked in)"
    r"(?:$| (?:this|last|yesterday|today|tonight|earlier|on|at|about|around|an|a|just|after|when|since|over|\d"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|twenty|half|few|couple))"
    r"|^(?:had|got|noticed|felt|did) (?:it|them|this|that|these|one)\b"
    r"|^(?:i 've |ive |i have |it 's |its |it has )?been (?:like (?:it|this|that)|that way|this way|going on"
    r"|(?:that|this) (?:since|for|all))\b"
    r"|^(?:i |i 'm |im )?on it\b"
    r"|^(?:i )?(?:had|got) (?:\w+ ){1,3}?(?:today|yesterday|tonight|last night|this morning|this week|since)\b"
    r"|^(?:over|in|during) the (?:last|past)\b"
    r"|\b(?:that 's|thats|that is) me\b"
)
# Asides a person puts before owning it, which hedge nothing: "not gonna lie, that happened", "sorry if TMI but …"
OWNING_ASIDES = re.compile(
    r"\b(?:"
    + "|".join(f"not {' '.join(aside)}" for aside in sorted(PSEUDO_ASIDES))
    + r"|sorry if tmi|i know it sounds (?:mad|weird|silly|stupid|daft)|ngl|tbh)\b"
)
# A lack since a time, that owns a sign that is a lack: "I haven't been since last night", "I can't for 2 days now"
LACKING_SINCE = re.compile(
    r"^i (?:have|can|could|did) (?:not|n't) (?:been able to |managed to |managed |been |done it |gone )?(?:since|for)\b"
)
# Words in the owning sentence that make it no telling: a hedge, a fear, a plan, a check that found nothing
HEDGING = frozenset(
    {"might", "may", "could", "would", "will", "gonna", "going", "want", "wants", "heard", "read", "think", "wonder",
     "wondering", "worried", "scared", "afraid", "terrified", "fear", "hope", "if", "friend", "reading", "mentioned",
     "said", "says", "told", "saw", "see", "seen", "online", "googled", "know", "learn", "understand", "essay",
     "starting", "start", "next", "checked", "cyst", "benign", "clear", "nothing"}
)  # fmt: skip
I_AM = frozenset({"i", "'m", "im", "am", "m"})
# "does that count as …", "is it classed as …", "is that considered …", "is that the same as …"
COUNTS = frozenset({"count", "counts", "counted", "class", "classed", "qualify", "qualifies", "considered", "same"})
CATEGORISED = frozenset({"considered", "classed"})
DENIALS = frozenset({"no", "not", "n't", "nt", "never"})  # up to the owning words: "I don't take it"
# "Could the spasm be from the car crash yesterday?": a sign pinned to a day is one's own, asked about or not.
DAYS = frozenset({"yesterday", "today", "tonight", "earlier", "yday", "2day", "tonite"})
# "Mine's normal now, it happened 2 hours ago": words that tell a sign came, for all that a reply plays it down
PASSED = (TIME_WORDS - {"day", "days", "morning", "night"}) | DAYS | {"again", "happened", "started"}
DAY_REACH = 2  # how far after a sign its day may come: "the crash yesterday", "fell off it today"
# "chest pain is serious", "numbness can be a warning sign": the sign spoken of in general, not had.
# "is not being able to pee one of the warning signs?": the question form of the same
ASKED_IF_A_SIGN = re.compile(
    r"^\W*(?:a |an |the |one of the |one of )?(?:serious|dangerous|worrying|warning|red|sign|signs|symptom)\b"
)
DEFINED = re.compile(r"^\W*(?:mean|means|stand for|stands for)\b")  # "what does saddle numbness mean, …"
# "What's an aortic aneurysm and how would I know if I had one?", "explain saddle numbness to me": the sign named to
# be defined, first in its sentence, and nothing said of it after (not "what is chest pain going round to my back")
NAMED_TO_DEFINE = re.compile(r"^(?:what ?'?s|what is|what are|define|explain)(?: (?:a|an))?$")
DEFINITION_ENDS = re.compile(
    r"^\W*(?:$|[?,.]|to me\b|please\b|or\b|and (?:how|what|when|why|is|are|can|could|should|would|do|does)\b)"
)
# "losing control of your wee or poo is something to watch for": a second item of the sign may come first (not "chest
# pain and it is serious")
SPOKEN_OF_IN_GENERAL = re.compile(
    r"^(?:\W*|(?P<joined>(?:or|and|&|/) (?!(?:it|this|that|which|who|i|he|she|they|we|you|mine)\b)\w+ "
    r"(?:(?!(?:it|this|that|which|who)\b)\w+ )?))"
    r"(?:(?:is|are|can be|could be|means|may be|might be)\s+(?:a |an |the )?"
    r"(?:serious|dangerous|worrying|urgent|emergency|emergencies|warning|red|sign|signs|symptom|bad news"
    r"|(?P<watched>(?:something|one|things?) (?:to|you should|you need to) (?:watch|look out|keep an eye)))"
    # "mentioned saddle numbness as something to look out for", "… as a warning sign"
    r"|(?P<named_as>as (?:a warning sign|a red flag|(?:something|one|things?) (?:to|you should|you need to) "
    r"(?:watch|look out|keep an eye)))"
    r")\b"
)
# "and I've had it since lunch", "mine won't go away" tell of oneself; "I've had nothing like it", "I'm OK there" deny
HAVING = frozenset({"have", "'ve", "ve", "got", "had", "has", "having", "'m", "m", "am"})
DENIALS = frozenset({"nothing", "none", "neither", "fine", "ok", "okay", "alright"})
NOT_HAD = frozenset({"had", "got", "noticed", "experienced", "having"})
# Whose back pain a message tells of: "my back", "me back", "ma back" are the speaker's; "his back", "my mum's back",
# "she's had back pain" another person's.
# "mine hurts too" is the speaker's; "husband has had lumbar spasm" his
BACK_WORDS = frozenset({"back", "spine", "backache", "lumbago", "lumbar", "mine"})
# "My husband's waist has been paining him" (Nigerian and Indian English for the low back): only another's
OTHERS_WAIST = frozenset({"waist"})
# "he's got no back problems": a back denied, that no message is written for (not "no back pain until Monday", "no
# back pain relief from the tramadol")
UNTIL_OR_RELIEF = frozenset({"until", "till", "til", "before", "relief", "since"})
BACK_TROUBLE = frozenset(
    {"pain", "pains", "spasm", "spasms", "ache", "aches", "problem", "problems", "trouble", "injury", "catch"}
)  # "catch": Indian English, "my father is having back catch"
BACK_MUSCLES = frozenset({"muscle", "muscles"})  # between a back word and its trouble: "back muscle spasm"
SPEAKERS_BACK = frozenset({"my", "me", "ma", "mine"})
# "I'm 34 and just had my first spasm": the speaker's back pain (not "worse than my last spasm", a comparison)
HAD_MY_FIRST = (frozenset({"had", "got", "having", "getting"}), frozenset({"my"}), frozenset({"first"}))
SPASMS = frozenset({"spasm", "spasms"})
# Caribbean "mi", my, inside a sign only: "Mi daughter see a lump pon mi back" (not "had an MI", "my flatmate Mi")
CARIBBEAN_MY = "mi"
OTHERS_BACK = frozenset({"his", "her", "their"})
# "back" as an adverb after a person: "my mum back home", "my son back then", "my dad back in March"
BACK_AS_ADVERB = frozenset(
    {"home", "then", "in", "at", "from", "to", "when", "and", "on", "there", "here", "during", "before", "after",
     "up", "out", "into", "again", "with", "for", "by", "over", "down", ",", ".", "!", "?", None}
)  # fmt: skip
POSSESSIVE_S = frozenset({"'s", "s"})
PLACE_PREPOSITIONS = frozenset({"at", "to", "from", "after", "during", "in", "for", "on"})  # "at my kid's match"
# someone's home, named by them: "at my mum's when the chest pain started", "round my nan's yesterday"
HOME_PREPOSITIONS = frozenset({"at", "to", "from", "round", "over", "by"})
AFTER_A_HOME = frozenset(
    {"when", "while", "and", ",", ".", "!", "yesterday", "today", "tonight", "last", "this", "earlier", "for", "on",
     "in", "since", "over"}
)  # fmt: skip
HOME_THINGS = frozenset({"floor", "sofa", "couch", "settee", "spare", "airbed", "house", "place", "flat"})
# a person after a determiner: "Watching Casualty and a man couldn't pee", "the stuntman fell off a building" (not
# "man, I can't pee", "I'm a 62 year old man", "I'm an actor")
PEOPLE = frozenset({"man", "men", "lady", "ladies", "women", "actor", "actress", "stuntman", "stuntwoman"})
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "some", "one", "another", "other"})
SELF_DESCRIBING = frozenset({"'m", "m", "am", "im", "as", "being"})
# people in one's care: "lots of my patients are on tacrolimus" (not "I'm one of the patients who can't pee")
IN_MY_CARE = frozenset({"patients", "clients", "residents"})
# people in one's care, told as one of them: "One of my rugby lads (24) has had back spasm" (not "with the lads")
GROUPS = frozenset({"lads", "students", "pupils", "players", "clients", "residents", "girls", "boys"})
# opening a sentence with what happened to them, someone else: "Someone fainted at the gig" (not "like someone ripped
# something inside me", "Someone please help, can't pee", "Someone fell on me at rugby")
SOMEONE = frozenset({"someone", "somebody"})
EPISODES = frozenset({"fainted", "collapsed", "passed", "blacked", "keeled", "swooned"})
PRONOUNS = frozenset({"he", "she", "him", "his", "her", "hers", "they", "them", "their"})
# "know what a back spasm feels like", "how a back spasm starts": a back asked about in general, nobody's
ASKING_IN_GENERAL = frozenset({"what", "how"})
INDEFINITE = frozenset({"a", "an"})
# someone told by age after "my": "My 16yo asked me why I keep getting back spasms"
AGE_AS_A_NOUN = re.compile(r"^\d{1,2}(?:yo|yr|yrs|yro)$")
# "my 3-year-old", "my seven year old"
YEARS_OLD = frozenset({"old", "olds"})
YEARS = frozenset({"year", "years", "yr", "yrs"})
AGE_NUMBER = re.compile(
    r"^(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)$"
)
BAD = frozenset(
    {"bad", "sore", "sair", "stiff", "dodgy", "painful", "aching", "achy", "hurting", "injured"}
)  # "a bad back", Scots "a sair back"
# Words between a possessive and "back": "my lower back", "her bad upper back", "my own back".
QUALIFIERS = BAD | {"lower", "upper", "middle", "mid", "low", "poor", "whole", "left", "right", "old", "own"}
GENERIC_BEFORE = frozenset({"for", "with", "of", "on", "from", "treat", "treating", "cure"})  # "tips for back pain"
# "he's in agony with back spasms", "she's complaining of back pain", "off work with a bad back", "in bed with back
# spasms": someone's own
SUFFERING = frozenset(
    {"agony", "complaining", "suffering", "struggling", "moaning", "laid", "up", "crippled", "bedbound", "bedridden",
     "plagued", "off", "down", "poorly", "stuck", "bad", "bed"}
)  # fmt: skip
# words read back from "back pain" for who has it: "he'd been moaning about a back spasm", "Mum's 79, never had a bad
# back"
OWNER_WINDOW = 10
# an episode long ago and over: its sentence and up to this many after it may tell it is over (`over_long_ago`)
OVER_REACH = 2
# "since last year", "for the last year", "since about two years ago": a time that runs on to now (read up to
# OVER_HEDGE_REACH words before it)
ONGOING_FROM = frozenset(
    {"since", "for", "over", "the", "throughout", "through", "from", "past", "during", "until", "till"}
)
OVER_HEDGE_REACH = 3
# before the words telling an episode over, words that doubt it: "it never really went away", "said it would clear up"
OVER_HEDGES = NOT_WORDS | {
    "never", "would", "will", "'ll", "should", "might", "may", "could", "seem", "seems", "seemed", "hope", "hoping",
    "to", "wait", "waiting", "if", "unless",
}  # fmt: skip
# words of a sentence after an episode told over, that bring it back: "… all good since. It happened again last night"
RECURRED = frozenset({"again", "returned", "recurred", "recurring", "same"})  # "… no problems since. Same thing today"
# words that set a sign of a past sentence in the present: "two years ago I lost bladder control and it's still
# happening", "I've wet myself every day since my stroke in 2019"
STILL_GOING = frozenset(
    {"now", "today", "tonight", "yesterday", "still", "again", "currently", "since", "this", "every", "keep", "keeps",
     "kept", "ongoing", "anymore", "worse", "lately", "recently", "nowadays", "constantly", "always"}
)  # fmt: skip
SELF = "self"
WE = frozenset({"me", "i", "myself"})  # "me and my wife"
# the speaker has it too, said as a clause of its own right after the sign: "my mum has chest pain and so do I",
# "... and me too", "..., I do too" (not "it scared me too", "I have too much on", "same here with the spasms")
SHARED_BY_THE_SPEAKER = (
    ("so", "do", "i"),
    ("so", "have", "i"),
    ("so", "am", "i"),
    ("so", "did", "i"),
    ("as", "do", "i"),
    ("as", "have", "i"),
    ("and", "me", "too"),
    ("me", "too"),
    ("i", "do", "too"),
    ("i", "have", "too"),
    ("mine", "too"),
    ("same", "here"),
    ("i", "'ve", "got", "one", "too"),
    ("i", "'ve", "got", "it", "too"),
    ("i", "have", "one", "too"),
    ("i", "have", "it", "too"),
    ("i", "got", "one", "too"),
)
BEFORE_SHARING = frozenset({",", "and", "&", "but", "-", "now"})
AFTER_SHARING = frozenset({",", ".", "!", "?", ";", "and", "but", "plus", "-", "now", "too"})
KIN_VERBS = frozenset(
    {"'s", "s", "is", "was", "has", "had", "ca", "can", "could", "wo", "does", "did", "keeps", "just", "got", "gets",
     "takes", "took", "injects", "fell", "wet", "went"}
)  # fmt: skip
_SPLIT_POINTS: WeakKeyDictionary[Doc, tuple[int, list[int]]] = WeakKeyDictionary()
# "… and yesterday I was rear-ended": a new event, which the words before it do not explain
FRESH_STARTS = frozenset({"yesterday", "today", "tonight", "recently", "again", "since", "last", "suddenly"})
# "… but now both legs are numb", "I was at the gym when I collapsed": what comes after is no longer explained
SIMILE_REACH = 4  # words from "like" to the look-alike it likens: "like | I've been | sat on a bike saddle"
LIKERS = frozenset({"i", "we", "you", "they", "he", "she", "would", "'d", "d", "really", "do", "n't"})  # "I'd like"
# "numb bum for an hour after like always on long rides": "like" of what is usual, no likeness
AS_USUAL = frozenset({"always", "usual"})
CONTRASTS = frozenset({"but", "though", "although", "however", "yet", "whereas", "until", "till", "except", "when"})


def about_someone_else(doc: Doc) -> list[Span]:
    """The NOT_RED_FLAG matches of a doc without a flag id: a sign put on someone else ("my dad had cancer")."""
    return [span for span in doc.spans[SPANS_KEY] if span.label_ == NOT_RED_FLAG and not span.id_]


def nobodys(doc: Doc) -> list[Span]:
    """The NOT_RED_FLAG matches whose signs are nobody's in the conversation: a pet's, or seen at work and not then
    had by the speaker."""
    return [
        span
        for span in doc.spans[SPANS_KEY]
        if span.label_ == NOT_RED_FLAG and span.id_ == NEVER_THE_PATIENTS and not owned_after_work(span)
    ]


def owned_after_work(blocker: Span) -> bool:
    """A sign seen at work that the speaker then says they have, in the same or the next sentence."""
    doc = blocker.doc
    end = doc[blocker.sent.end].sent.end if blocker.sent.end < len(doc) else blocker.sent.end
    return bool(OWNED_AFTER_WORK.search(" ".join(token.lower_ for token in doc[blocker.end : end])))


def _blocked(span: Span, blockers: list[Span]) -> bool:
    """True when the span lies inside one of the NOT_RED_FLAG matches."""
    return any(blocker.start <= span.start and span.end <= blocker.end for blocker in blockers)


def is_first_person(token: Token) -> bool:
    """True for an I, me or my (or Scots "ma"), with or without its apostrophe: "I'm", "ive"."""
    return is_first_person_word(token.lower_)


def is_first_person_word(text: str) -> bool:
    """`is_first_person` of a lowercased word."""
    return text in SPEAKERS_BACK or text.replace("'", "") in FIRST_PERSON


def speaks_of_oneself(span: Span) -> bool:
    """True when the span has an I, me or my: a red flag is told about oneself."""
    return any(is_first_person_word(text) for text in texts_of(span))


@lru_cache(maxsize=1)
def said_of_a_child() -> frozenset[str]:
    """The flags that count when said of one's child (data/red_flags.yml: said_of_a_child)."""
    return frozenset(flag.id for flag in load_red_flags() if flag.said_of_a_child)


def person_spoken_of(span: Span) -> str | None:
    """The other person a span is said of: reading back from it, the sentence names them before the speaker.

    "My husband has weakness in both legs" is about him; "my wife says I wet the bed" and "my wife
    noticed my spine has changed shape" are about me.
    """
    if speaks_of_oneself(span) or CARIBBEAN_MY in texts_of(span) or shared_by_the_speaker(span):
        return None
    person = next((named_before(token) for token in span if is_a_third_party(token)), None)
    for token in reversed(span.doc[span.sent.start : span.start]):
        if person:
            break
        # before the "my" test: "me ma" is kin, "ma back" the speaker's
        if is_a_third_party(token) and not names_their_occasion(token):
            person = named_before(token)
            if _with_the_speaker(token):
                return None
        elif is_first_person(token) and not _of_mine(token):
            break
    return person


def named_before(person: Token) -> str:
    """The word for a person, or for a pronoun the person a comma sets right before it: "His sister, she's got lung
    cancer" is the sister's, "Writing for my husband, he's got lung cancer" the husband's."""
    if person.lower_ not in PRONOUNS or person.i < 2 or person.nbor(-1).text != ",":
        return person.lower_
    named = person.nbor(-2)
    return named.lower_ if is_a_third_party(named) and named.lower_ not in PRONOUNS else person.lower_


def _of_mine(token: Token) -> bool:
    """ "A friend of mine had numbness down below": "mine" naming whose friend, not the speaker's sign."""
    return token.lower_ in {"mine", "ours"} and token.i >= 2 and token.nbor(-1).lower_ == "of"


def shared_by_the_speaker(span: Span) -> bool:
    """ "My mum has chest pain and so do I": the sign is the speaker's too."""
    following = [text.rstrip(".") or text for text in texts_of(span.doc[span.end : span.sent.end])]  # "I." is a word
    start = 0
    while start < len(following) and following[start] in BEFORE_SHARING:
        start += 1
    return any(
        tuple(following[start : start + len(phrase)]) == phrase
        and (start + len(phrase) == len(following) or following[start + len(phrase)] in AFTER_SHARING)
        for phrase in SHARED_BY_THE_SPEAKER
    )


def names_their_occasion(person: Token) -> bool:
    """ "at my kid's soccer practice", "after my sister's wedding", "at my mum's when the chest pain started": where
    the speaker was, not whose sign it is (not "my husband's rugby tackle left him numb")."""
    before = [token.lower_ for token in person.doc[max(person.i - 2, 0) : person.i]]
    after = [token.lower_ for token in person.doc[person.i + 1 : person.i + 4]]
    if len(before) < 2 or len(after) < 2 or after[0] not in POSSESSIVE_S:
        return False
    in_care = after[1] == "in" and len(after) > 2 and after[2] in lexicon("health_places")  # "at my dad's in hospital"
    return (before[0] in PLACE_PREPOSITIONS and after[1] in lexicon("their_occasions")) or (
        before[0] in HOME_PREPOSITIONS and after[1] in AFTER_A_HOME and not in_care and not _someone_else_in(person)
    )


def _someone_else_in(person: Token) -> bool:
    """Another person named in the sentence beside the one whose home it is: "at my mum's yesterday, her chest pain is
    back", "at my dad's, couldn't pee all night poor man" (the sign is theirs, not the speaker's; not "at a mate's,
    sleeping on his floor", the home's own things)."""
    return any(
        token.i != person.i
        and (_names_a_person(token) or token.lower_ == "poor")
        and not (token.i + 1 < len(token.doc) and token.nbor().lower_ in HOME_THINGS)
        for token in person.sent
    )


def _with_the_speaker(person: Token) -> bool:
    """ "me and my wife both take methotrexate", "my husband and I inject": the speaker is one of them."""
    before = [token.lower_ for token in person.doc[max(person.i - 3, 0) : person.i]]
    after = [token.lower_ for token in person.doc[person.i + 1 : person.i + 3]]
    return (len(before) >= 2 and before[-2] in JOINERS and before[-1] in SPEAKERS_BACK and before[0] in WE) or (
        len(after) == 2 and after[0] in JOINERS and after[1] in WE
    )


def said_of_someone_else(span: Span) -> bool:
    """True when the span is said of another person; "my son is 14 and his back hurts" counts for a flag said of
    a child (the age)."""
    person = person_spoken_of(span)
    return person is not None and not (span.id_ in said_of_a_child() and person in lexicon("children"))


def not_the_patients(span: Span, written_for: frozenset[str]) -> bool:
    """In a message written for someone, a sign said of a third person: "my son's back hurts; my husband
    injects" (a pronoun may be anyone's, so it counts, and so does a sign another person reports: "Writing for my
    Nani. Ammi says both her legs have gone numb")."""
    person = person_spoken_of(span)
    named = {patient for patient in written_for if patient not in PRONOUNS}
    return (
        person is not None
        and person not in PRONOUNS
        and bool(named)
        and not any(same_person(person, patient) for patient in named)
        and not reported(span)
    )


def reported(span: Span) -> bool:
    """True when the nearest person before the span in its sentence reports it: "Abbu says her back pain wakes her"
    (not "Abbu says his brother's legs are weak", nor "my brother's legs are weak, Abbu says")."""
    if any(is_a_third_party(token) for token in span):
        return False
    for token in reversed(span.doc[span.sent.start : span.start]):
        if is_a_third_party(token):
            return token.i + 1 < span.start and span.doc[token.i + 1].lower_ in REPORTING_VERBS
    return False


def same_person(person: str, patient: str) -> bool:
    """The same word, or the patient's parent called by what a child calls them: "my father's back ... Abbu has
    become very thin" (not "writing for my Abbu ... his father had cancer", where "father" is someone else's)."""
    if person == patient:
        return True
    return person in lexicon("parents_by_name") and any(
        {person, patient} <= lexicon(parent) for parent in ("mother_words", "father_words")
    )


def is_a_third_party(token: Token) -> bool:
    """A word for another person ("mum", "he"), a word for kin that only "my" before it and a verb after it make
    one: "me da can't pee", "our ma's been on steroids" (not "tell me da truth", "me da bum is numb"), a grandparent
    in another tongue after "my" ("my lola, 82, has chest pain"; not "I'm Lola"), or a child told by size, order or
    age: "my little one has a fever", "my 16yo asked me", or "someone" opening a sentence."""
    if introduces_the_speaker(token):
        return False
    after_my = token.i > 0 and token.nbor(-1).lower_ in lexicon("kin_possessives")
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else None
    return (
        token.lower_ in lexicon("third_parties")
        or (token.i == token.sent.start and token.lower_ in SOMEONE and following in EPISODES)
        or (token.lower_ in PEOPLE and _after_a_determiner(token))
        or (token.lower_ in GROUPS and _one_of_ours(token))
        or (token.lower_ in IN_MY_CARE and token.i > 0 and token.nbor(-1).lower_ in {"my", "our"})
        or (after_my and token.lower_ in lexicon("grandparents_after_my"))
        or (after_my and token.lower_ in lexicon("kin_after_my") and following in KIN_VERBS)
        or (
            ((after_my and bool(AGE_AS_A_NOUN.match(token.lower_))) or _an_age_after_my(token))
            and following is not None
            and following not in lexicon("and")  # "my 16yo and I both have back spasms": theirs too
            and not is_a_third_party(token.nbor(1))  # "my 15yo daughter": the daughter is the person
        )
        or (
            token.lower_ in ("one", "ones")
            and token.i >= 2
            and token.nbor(-1).lower_ in lexicon("little_ones")
            and token.nbor(-2).lower_ in lexicon("kin_possessives")
        )
    )


def _an_age_after_my(token: Token) -> bool:
    """The "old" of "my 3-year-old has", "my 7 year old wet herself": a child told by age, before a verb or a stop
    (not "my 15 year old mattress")."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.lower_ not in YEARS_OLD or (
        following is not None and not following.is_punct and following.lower_ not in KIN_VERBS
    ):
        return False
    words = [word.lower_ for word in token.doc[max(token.i - 5, 0) : token.i] if word.text != "-"]
    return (
        len(words) >= 3
        and words[-1] in YEARS
        and bool(AGE_NUMBER.match(words[-2]))
        and words[-3] in lexicon("kin_possessives")
    )


def introduces_the_speaker(token: Token) -> bool:
    """ "Auntie here, 68 years old", "Mum here": the word opening its sentence before "here" is the speaker."""
    return token.i == token.sent.start and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "here"


def _names_a_person(token: Token) -> bool:
    return is_a_third_party(token) or token.lower_ == "her"


def _owner(token: Token) -> str | None:
    """Whose back a back word names: SELF, the word for the other person ("mum", "his"), or None (nobody's:
    "came back", "tips for back pain")."""
    sentence_start = token.sent.start
    index = token.i - 1
    while index >= sentence_start and token.doc[index].lower_ in QUALIFIERS:
        index -= 1
    if index >= sentence_start:
        word = token.doc[index]
        if word.lower_ in SPEAKERS_BACK:
            return SELF
        if word.lower_ in OTHERS_BACK:
            return word.lower_
        if word.lower_ in POSSESSIVE_S and index > sentence_start and _names_a_person(token.doc[index - 1]):
            return token.doc[index - 1].lower_  # "my mum's back"
        if word.lower_.endswith("s") and word.lower_[:-1] in lexicon("third_parties"):
            return word.lower_[:-1]  # "my husbands back", the apostrophe left out
        if _kin_without_s(word, token):
            return word.lower_  # "Mi fadda back lock up"
    before = _words_before(token)
    after = token.i + 1
    while after < token.sent.end and token.doc[after].lower_ in BACK_MUSCLES:
        after += 1
    following = token.doc[after : after + 1]
    # "Uncle aged 66 suddenly got very severe pain in back"
    pain_in = len(before) >= 2 and before[-1].lower_ == "in" and before[-2].lower_ in BACK_TROUBLE
    troubled = (
        bool(following and following[0].lower_ in BACK_TROUBLE) or bool(before and before[-1].lower_ in BAD) or pain_in
    )
    generic = bool(before) and before[-1].lower_ in GENERIC_BEFORE
    if not troubled or (generic and not (len(before) >= 2 and before[-2].lower_ in SUFFERING)):
        return None
    for word in reversed(before):
        if word.lower_ in ASKING_IN_GENERAL and word.i + 1 < token.i and word.nbor(1).lower_ in INDEFINITE:
            return None  # "I just want to know what a back spasm feels like"
        if word.lower_.replace("'", "") in FIRST_PERSON and not _in_a_relative_clause(word):
            return SELF
        if _names_a_person(word):
            return word.lower_
    return None


def _in_a_relative_clause(word: Token) -> bool:
    """ "Mr D, who I look after, has had back spasm": an "I" after "who" tells of someone else's back."""
    return word.i > 0 and word.nbor(-1).lower_ in RELATIVE_PRONOUNS


def _after_a_determiner(person: Token) -> bool:
    """ "a man", "the stuntman", not the speaker describing themselves: "I'm a man", "as a woman"."""
    return (
        person.i > 0
        and person.nbor(-1).lower_ in DETERMINERS
        and not (person.i >= 2 and person.nbor(-2).lower_ in SELF_DESCRIBING)
    )


def _one_of_ours(group: Token) -> bool:
    """ "one of my lads", "one of our rugby lads": one of a group in the speaker's care."""
    words = [token.lower_ for token in group.doc[max(group.i - 4, 0) : group.i]]
    return any(words[at : at + 3] in (["one", "of", "my"], ["one", "of", "our"]) for at in range(len(words)))


def _kin_without_s(word: Token, back: Token) -> bool:
    """ "Mi fadda back lock up", "me da back is killing him": kin after "my", "mi", "me" or "our" owning the back
    word that follows, with no "'s" (not "my mum back home", "my son back then")."""
    after = back.nbor(1).lower_ if back.i + 1 < len(back.doc) else None
    return (
        word.i > 0
        and word.nbor(-1).lower_ in {*lexicon("kin_possessives"), CARIBBEAN_MY}
        and word.lower_ not in PRONOUNS
        and is_a_third_party(word)
        and after not in BACK_AS_ADVERB
    )


def _words_before(token: Token) -> list[Token]:
    """Up to OWNER_WINDOW words before the token in its sentence, read back over a bracketed aside and commas: "my son
    (26) has been in bed with back spasms", "my husband, 69, has had a back spasm" (a bracket left unclosed is read
    as it stands)."""
    words: list[Token] = []
    depth = 0
    for word in reversed(token.doc[token.sent.start : token.i]):
        if word.text == ")":
            depth += 1
        elif word.text == "(" and depth:
            depth -= 1
        elif not depth and word.text != ",":
            words.append(word)
        if len(words) == OWNER_WINDOW:
            break
    if depth:
        return list(token.doc[max(token.sent.start, token.i - OWNER_WINDOW) : token.i])
    return words[::-1]


def patients(doc: Doc) -> frozenset[str]:
    """The other people whose back pain a message tells of, when it tells of no pain of the speaker's ("my mum's
    back is in spasm and her chest hurts"): the message is written for them, and the signs it puts on them are
    the patient's. Empty when the speaker's back is told of ("my mum had cancer and now my back hurts") or
    nobody's ("my dad struggles to pee, he's got no back problems")."""
    owners = {
        SELF if token.lower_ == "mine" else _owner(token)
        for token in doc
        if token.lower_ in BACK_WORDS and not denied_back(token)
    }
    # "my own waist is aching from lifting him", "her arms round my waist": a waist tells only of another's back pain
    owners |= {owner for token in doc if token.lower_ in OTHERS_WAIST and (owner := _owner(token)) != SELF}
    owners |= set(asked_for(doc)) | set(relayed_for(doc)) | set(cared_for(doc))
    owners |= {SELF for token in doc if token.lower_ in SPASMS and _had_my_first(token)}
    owners.discard(None)
    return frozenset() if SELF in owners else frozenset(owners)


def _had_my_first(token: Token) -> bool:
    """ "had my first spasm": the word, with the words of HAD_MY_FIRST right before it."""
    before = token.doc[max(token.i - len(HAD_MY_FIRST), 0) : token.i]
    return len(before) == len(HAD_MY_FIRST) and all(
        word.lower_ in words for word, words in zip(before, HAD_MY_FIRST, strict=True)
    )


def cared_for(doc: Doc) -> list[str]:
    """The person a carer names before "who I look after": "Mr D, who I look after, has had back spasm"."""
    words = [token.lower_ for token in doc]
    return [
        doc[at - 2 if at >= 2 and words[at - 1] == "," else at - 1].lower_
        for at in range(1, len(words) - 2)
        if words[at] in RELATIVE_PRONOUNS and " ".join(words[at + 1 : at + 4]).startswith(CARING)
    ]


def relayed_for(doc: Doc) -> list[str]:
    """The first "he" or "she" of a message with no I, me or my that tells of a back: "he says he
    can't feel the toilet seat under him properly …, back is bad", "she got kicked in the back by a horse this
    afternoon and says it's getting worse" (not "Watching Holby. He fell off a ladder", with no back)."""
    if any(is_first_person(token) for token in doc) or not any(token.lower_ in BACK_WORDS for token in doc):
        return []
    return [token.lower_ for token in doc if token.lower_ in RELAYED][:1]


def denied_back(back: Token) -> bool:
    """ "he's got no back problems": a back with "no" before it, that has no back pain ahead ("no back pain until
    Monday") and wants no relief."""
    after = {token.lower_ for token in back.doc[back.i + 1 : back.i + 4]}
    return back.i > 0 and back.nbor(-1).lower_ == "no" and not after & UNTIL_OR_RELIEF


def asked_for(doc: Doc) -> list[str]:
    """The people a message says it asks about: "RN here asking re my husband", "Nurse asking about my dad 70M",
    "writing on behalf of my mother", or opens with: "For my mum: she finished her treatment" (not "asking for a
    friend")."""
    people = []
    for token in doc[:-1]:
        opens_for = token.i == 0 and token.lower_ in ABOUT_SOMEONE
        about = token.i + 1 + (token.nbor(1).lower_ in WHAT_IS_WRITTEN and token.i + 2 < len(doc))
        if not opens_for and (token.lower_ not in ASKING_FOR or doc[about].lower_ not in ABOUT_SOMEONE):
            continue
        start = token.i + 1 if opens_for else about + 1
        words = doc[start : start + ASKED_FOR_REACH]
        person = next((word for word in words if word.lower_ not in ASKED_FOR_FILLERS), None)
        # an opening names the patient only as a heading: "For my mum: she ...", "Re my dad - ..."
        heading = not opens_for or (person is not None and person.i + 1 < len(doc) and doc[person.i + 1].is_punct)
        if person is not None and heading and is_a_third_party(person) and person.lower_ not in PRONOUNS:
            people.append(person.lower_)
    return people


def asks_if_normal(words: list[str]) -> bool:
    """ "is it normal ...?" opening a sentence, or "is it normal to/for/that/if ..." later in it ("weird question
    but is it normal to have ..."): about oneself; not a trailing "or is it normal?" after a general question."""
    return any(
        words[at : at + 2] == ["is", "it"]
        and words[at + 2] in ABOUT_ONESELF
        and (at == 0 or (at + 3 < len(words) and words[at + 3] in NORMAL_FOR))
        for at in range(len(words) - 2)
    )


def ends_a_question(sentence: Span) -> bool:
    """The sentence's last token that is not white space or a closing quote mark ends with a question mark: "the
    form asks 'any unexplained weight loss?'"."""
    return next(
        (token.text.endswith("?") for token in reversed(sentence) if not token.is_space and token.text not in CLOSING),
        False,
    )


def question_of(span: Span) -> Span:
    """The span's sentence, or its part after a dash (or a colon after a study heading) that opens a question before
    the span, read as a sentence of its own when the words before the mark name no back and no person: "Physio
    student revising cauda equina - what exactly is saddle anaesthesia?", "Revising for finals: what are the causes
    of acute urinary retention?" (not "back locked since monday - why are both legs numb now??")."""
    sentence = span.sent
    opens = [mark.i for mark in span.doc[sentence.start : span.start] if _opens_a_question(mark, span)]
    if not opens or _names_a_back_or_a_person(span.doc[sentence.start : opens[-1]]):
        return sentence
    return span.doc[opens[-1] + 1 : sentence.end]


def _opens_a_question(mark: Token, span: Span) -> bool:
    """A dash, or a colon after a study heading, that opens a question before the span (any question, or the rest of
    a sentence that ends with one, after a heading of study)."""
    if mark.text not in DASHES and mark.text != ":":
        return False  # read for every token before the span: only a mark is worth the words around it
    heading = (
        {word.lower_ for word in span.doc[span.sent.start : mark.i]} & STUDY_HEADINGS if mark.text == ":" else set()
    )
    following = mark.nbor().lower_
    asked_with_a_question_word = ends_a_question(span.sent) and any(
        token.lower_ in QUESTION_WORDS for token in span.doc[mark.i + 1 : span.sent.end]
    )
    return bool(
        ((mark.text in DASHES or heading) and following in QUESTION_OPENERS and mark.i + 1 < span.start)
        or (heading & STUDYING and (following in QUERY_OPENERS or asked_with_a_question_word))
    )


def asked_for_study(span: Span) -> bool:
    """A question after a heading of study that speaks of nobody: "Revising red flags for my GP placement: how much
    unexplained weight loss counts as significant?" (not "Revising for exams: can't pee since lunch, is that bad?": a
    question of "this" or "that", of someone, or told with when it happened)."""
    question = question_of(span)
    heading = {word.lower_ for word in span.doc[span.sent.start : question.start]}
    return bool(
        question.start > span.sent.start
        and heading & STUDYING
        and ends_a_question(span.sent)
        and not speaks_of_oneself(question)
        and not any(
            token.lower_ in TIME_WORDS | PASSED | DEMONSTRATIVES or is_a_third_party(token) for token in question
        )
    )


def _names_a_back_or_a_person(words: Span) -> bool:
    """A back word, the speaker or another person among the words ("my" before what is studied names no person:
    "Studying for my nursing OSCE")."""
    studied = bool(STUDYING & {word.lower_ for word in words})
    return any(
        word.lower_ in BACK_WORDS
        or (is_first_person(word) and not (studied and word.lower_ == "my"))
        or is_a_third_party(word)
        for word in words
    )


def clause_of(span: Span) -> Span:
    """The part of the span's sentence (or question: `question_of`) from the last "also", "plus" or "btw" before it:
    "what stretches help a spasm also havent been able to pee since yesterday" tells, though the sentence opens with
    a question."""
    sentence = question_of(span)
    starts = [token.i for token in span.doc[sentence.start : span.start] if token.lower_ in SIDE_REMARKS]
    return span.doc[starts[-1] : sentence.end] if starts else sentence


def _without_preamble(words: list[str]) -> list[str]:
    """The words after an opening that only frames the question: "In general, is X a danger sign?"."""
    for preamble in PREAMBLES:
        if words[: len(preamble)] == list(preamble):
            return words[len(preamble) :]
    return words


def asked_in_general(sentence: Span) -> bool:
    """A question about a sign in general, not about the speaker: "what's saddle anaesthesia?",
    "does losing control of your bladder mean it's serious?"."""
    words = _without_preamble(words_of(sentence))
    if not words or speaks_of_oneself(sentence):
        return False
    # "can barely pee" tells; "can not being able to pee be serious?" asks
    elliptic = words[0] in ELLIPTIC_OPENERS and bool(TELLING_AFTER_ELLIPSIS & set(words[1:2]))
    if asks_if_normal(words) or (elliptic and not GERUND.match("".join(words[2:3]))):
        return False
    # "is it true that X is an emergency?" asks about X in general, as "is X an emergency?", "is it dangerous if X"
    # and "is it a bad sign if X" do; "is it bad that both legs are numb" and "is this serious, ..." tell
    before_if = words[2 : words.index("if", 2)] if "if" in words[2:IF_WITHIN] else []
    asks_if_dangerous = bool(before_if) and bool((SERIOUSNESS | SIGN_WORDS) & set(before_if))
    asks_about_a_sign = words[0] in AUXILIARY_OPENERS and (
        not DEMONSTRATIVES & set(words[1:2]) or words[2:3] == ["true"] or asks_if_dangerous
    )
    # "can losing weight help stop spasms" and "is back pain with a fever something to worry about" ask without
    # their "?"
    asks_without_mark = words[0] in AUXILIARY_OPENERS and (
        bool(ADVICE_WORDS & set(words)) or bool(SERIOUSNESS & set(words[-ASKED_AT_THE_END:])) or asks_if_dangerous
    )
    is_question = ends_a_question(sentence) or words[0] in QUESTION_OPENERS or asks_without_mark
    opens_a_question = words[0] in QUESTION_OPENERS
    return is_question and (opens_a_question or asks_about_a_sign or any(word in GENERIC_YOU for word in words))


def owned_in_the_next_sentence(span: Span) -> bool:
    """A sign asked about in general, then owned by the speaker in the next sentence (OWNING_REPLIES), without a
    hedge, a denial, a look-alike of the sign or another person: "does methotrexate make spasms worse? I take it
    weekly", "can a spasm make you poo yourself? because that happened this morning"; not "is chest pain an
    emergency? I've heard it is"; and a sign that is a lack, owned by a lack since a time: "is it serious if you
    can't pee? I haven't been since last night"."""
    if span.sent.end >= len(span.doc):
        return False
    reply = span.doc[span.sent.end].sent
    said_all = " ".join(token.lower_ for token in reply if not token.is_punct)
    plain = " ".join(OWNING_ASIDES.sub(" ", said_all).split())
    words = plain.split()
    if LACKING_SINCE.match(plain) and any(token.lower_ in NOT_WORDS for token in span):
        return not HEDGING & set(words)
    owning = OWNING_REPLIES.search(plain)
    # without its asides, the sentence denies nothing ("not gonna lie" is no "not")
    denied = denies_something(reply) if len(words) == len(said_all.split()) else bool(set(words) & (DENIALS | FINE))
    if owning is None or denied or HEDGING & set(words):
        return False
    # another person ("it happened to my nan"), or a look-alike of the sign ("I had one in 2005")
    explained = any(other.sent == reply for other in look_alikes(span))
    said = plain[: owning.end()].split()
    return not (explained or DENIALS & set(said) or any(_names_a_person(token) for token in reply))


def denied_after(span: Span) -> bool:
    """Signs someone asked about, then denied together later in the sentence: "the physio asked about chest pain or
    breathing problems and I've had neither"; not "both legs numb, doctor asked about fever but none" (asked after)."""
    sentence = span.sent
    before = set(texts_of(span.doc[sentence.start : span.start]))
    return bool(ASKING & before) and bool(DENIED_AFTER.search(" ".join(texts_of(span.doc[span.end : sentence.end]))))


@lru_cache(maxsize=1)
def asked_if_they_count() -> frozenset[str]:
    """The flags that a question whether something counts as them only names (data/red_flags.yml:
    asked_if_it_counts)."""
    return frozenset(flag.id for flag in load_red_flags() if flag.asked_if_it_counts)


def asked_if_it_counts(span: Span) -> bool:
    """A sign named as the category a question asks about: "a cortisone injection, does that count as injecting
    drugs?", "is a week of pred classed as long-term steroids?", "my inhaler is a steroid one, is that the same as
    steroid tablets?"; not "I'm classed as immunocompromised"."""
    if span.id_ not in asked_if_they_count():
        return False
    before = [token.lower_ for token in span.doc[max(span.sent.start, span.start - 4) : span.start]]
    told_of_oneself = bool(I_AM & set(before[:-1]))
    last_two = ["", "", *before][-2:]
    counts_as = last_two[1] in CATEGORISED or (last_two[1] == "as" and last_two[0] in COUNTS)
    return counts_as and not told_of_oneself and ends_a_question(span.sent)


def pinned_to_a_day(span: Span) -> bool:
    """ "the car crash yesterday", "fell today": a sign told with the day it happened."""
    after = span.doc[span.end : min(span.end + DAY_REACH, span.sent.end)]
    return any(token.lower_ in DAYS for token in after)


def _touches(span: Span, other: Span) -> bool:
    """True when two spans overlap or are at most NEXT_TO tokens apart."""
    return other.start <= span.end + NEXT_TO and span.start <= other.end + NEXT_TO


def _splits(text: str, following: str) -> bool:
    """A boundary a dismisser does not reach across, to a sign after it: a contrast ("but", "though") or a new event
    ("and yesterday", "and again"); the lowercased word and the one after it."""
    if text in JOINERS:
        return following in FRESH_STARTS
    return text in CONTRASTS


def split_points(doc: Doc) -> list[int]:
    """The indexes of the doc's tokens that `_splits`, in order, made once per doc."""
    texts = doc_index(doc).texts
    return made_once(
        _SPLIT_POINTS,
        doc,
        len(texts),
        lambda: [at for at, text in enumerate(texts) if _splits(text, texts[at + 1] if at + 1 < len(texts) else "")],
    )


def _explains(dismisser: Span, span: Span) -> bool:
    """True when a dismisser explains a mention of its sentence: anything after the mention looks back on it ("had
    the flu, fully better now", "a car crash years ago but I recovered"); one before it reaches it up to a contrast
    or a new event ("I'm menopausal, so I get night sweats"; not "pins and needles that pass in a minute but now both
    legs are numb", "a car accident 10 years ago and yesterday I was rear-ended")."""
    if dismisser.start >= span.end:
        return True
    points = split_points(span.doc)
    first = bisect_left(points, min(span.end, dismisser.end))
    return first == len(points) or points[first] >= span.start


def has_a_twin(span: Span, label: str) -> bool:
    """True when a match labelled `label` of the span's flag covers exactly the span's words (a FIRM or UNCONFIRMED
    twin from components/red_flags.py)."""
    return (label, span.id_, span.start, span.end) in flag_matches(span.doc).words


def likened(dismisser: Span) -> bool:
    """A look-alike only likened to: "feels like I've been sat on a bike saddle for hours", "like when you've sat on a
    bike too long", "as if I'd sat on a bench all day" (not "I like sitting on the floor", "like, I'm on keto", nor
    "like always after long rides")."""
    index = doc_index(dismisser.doc)
    sentence_start = index.sentence_starts[dismisser.start]
    for at in range(max(sentence_start, dismisser.start - SIMILE_REACH), dismisser.start):
        text, following = index.texts[at], index.words[at + 1]
        previous = index.texts[at - 1] if at > sentence_start else ""
        if text == "like" and following is not None and following not in AS_USUAL and previous not in LIKERS:
            return True
        if text == "as" and following in ("if", "though"):
            return True
    return False


def _explained_away(span: Span) -> bool:
    """True when a dismisser of the span's own flag reaches it in its sentence ("lost weight on a diet"), or
    right next to the span for a NOT_RED_FLAG_NEXT_TO one ("soaked with sweat"), or from any sentence of the same
    person for a NOT_RED_FLAG_IN_ANY_SENTENCE one ("I'm 70. It flares on and off"), unless a cue negates the
    dismisser ("pain at night and nothing eases it"; a cue of the sign's own, as in "couldn't pee | at the festival",
    does not); "got over it fine" stays one. A dismisser inside the mention ("born | in 1957") never explains
    it. A firm mention (a FIRM match of the same words: "my temperature is 39") is never explained away."""
    if has_a_twin(span, FIRM):
        return False
    return any(
        not (span.start <= other.start and other.end <= span.end)  # "born in 1957" holds its own "in 1957"
        and _reaches(other, span)
        and not likened(other)
        and not negated_by_a_cue(other, from_token=span.end if other.start >= span.start else 0)
        for other in look_alikes(span)
    )


def _reaches(dismisser: Span, span: Span) -> bool:
    """A dismisser of the span's sentence that explains it or touches it, or a NOT_RED_FLAG_IN_ANY_SENTENCE one of
    another sentence of the same person."""
    if not same_sentence(dismisser, span):
        return dismisser.label_ == NOT_RED_FLAG_IN_ANY_SENTENCE and _of_the_same_person(dismisser, span)
    return (dismisser.label_ in EXPLAINING_LABELS and _explains(dismisser, span)) or (
        dismisser.label_ == NOT_RED_FLAG_NEXT_TO and _touches(span, dismisser)
    )


def _of_the_same_person(dismisser: Span, span: Span) -> bool:
    """Both the speaker's, or both someone else's: "I'm 70. Every so often my back goes into spasm"; "My dad is 70.
    Every so often his back goes"; not "I'm 60. My wife has had back trouble for years"."""
    others_sentence = any(_names_a_person(token) or token.lower_ in OTHERS_BACK for token in dismisser.sent)
    return others_sentence == (person_spoken_of(span) is not None)


def spoken_of_in_general(span: Span) -> bool:
    """ "I know chest pain is serious": the sign followed by what it means, with nobody's word before it; or asked
    so: "is not being able to pee a warning sign?", "what does saddle numbness mean?"."""
    before = span.doc[max(span.sent.start, span.start - 1) : span.start]
    if any(token.lower_ in SPEAKERS_BACK | OTHERS_BACK | POSSESSIVE_S for token in before) or speaks_of_oneself(span):
        return False
    after = text_after(span, span.sent.end)
    asked = span.sent[0].lower_ in AUXILIARY_OPENERS and bool(ASKED_IF_A_SIGN.match(after))
    defined = span.sent[0].lower_ in QUESTION_OPENERS and bool(DEFINED.match(after))
    opening = " ".join(texts_of(span.doc[span.sent.start : span.start]))
    named = bool(NAMED_TO_DEFINE.match(opening)) and bool(DEFINITION_ENDS.match(after))
    general = SPOKEN_OF_IN_GENERAL.match(after)
    # "… is something to watch for, and I have it right now": told of oneself after all
    told = (
        general is not None
        and bool(general.group("watched") or general.group("named_as") or general.group("joined"))
        and told_after(span)
    )
    return (asked and not tells_of_oneself(span.sent)) or defined or named or (general is not None and not told)


def told_after(span: Span) -> bool:
    """An "I have" or "mine" after the span in its sentence, not denied: "and I've had both since lunch", "mine won't
    go away" (not "I've had nothing like it", "I'm OK there", "I haven't had that")."""
    for token in span.doc[span.end : span.sent.end]:
        following = [word.lower_ for word in span.doc[token.i + 1 : token.i + 5]]
        if token.lower_ == "mine" or (is_first_person(token) and following[:1] and following[0] in HAVING):
            denied = any(word in DENIALS for word in following) or any(
                word in NOT_WORDS and after in NOT_HAD for word, after in zip(following, following[1:], strict=False)
            )
            if not denied:
                return True
    return False


def tells_of_oneself(sentence: Span) -> bool:
    """An I, me or my in the sentence, other than the I of a modal: "should I worry about…?", "…signs I should
    look out for" ask; "I've got it now" tells."""
    return any(
        is_first_person(token)
        and not (token.lower_ == "i" and {token.nbor(-1).lower_ if token.i > sentence.start else "",
                                          token.nbor(1).lower_ if token.i + 1 < sentence.end else ""} & MODALS)
        for token in sentence
    )  # fmt: skip


def denied_in_the_next_sentence(span: Span) -> bool:
    """A sign asked about in general, then denied in a few words, or in words that only name the sign again: "Should I
    worry about chest pain with back pain? I don't have any, just wondering", "Does a bad fall mean I need an X-ray? I
    haven't fallen", "Is it important to mention a history of cancer? I've never had cancer"; or said to be asked in
    general: "When does chest pain mean call 999? Asking in general"."""
    sentence = span.sent
    if not ends_a_question(sentence) or sentence.end >= len(span.doc) or tells_of_oneself(sentence):
        return False
    reply = span.doc[sentence.end].sent
    clause = opening_clause(reply)
    words = " ".join(clause)
    if MINE_FINE.match(words):
        # "Mine's fine at night, it's only when I bend", not "mine's fine at night but it wakes me at 4", nor "mine's
        # normal now, it happened 2 hours ago"
        return not tells_more({token.lower_ for token in reply}, CONTRASTS - {"when"} | PASSED)
    phrase = next((phrase for phrase in ASKED_IN_GENERAL_REPLIES if f"{words} ".startswith(f"{phrase} ")), None)
    if phrase is not None:
        return said_in_general(reply, len(phrase.split()))
    sign_words = {token.lemma_ for token in span if not token.is_stop and token.is_alpha}
    names_the_sign = bool(sign_words & {token.lemma_ for token in reply[: len(clause)]})
    opening = next((opening for opening in DENIED_OPENINGS if f"{words} ".startswith(f"{opening} ")), None)
    if opening is None or not names_the_sign:
        return words in DENIED_NEXT or denies_outright(reply)
    rest = reply[len(opening.split()) : len(clause)]
    only_the_sign = all(token.lower_ in DENIAL_FILLERS or token.lemma_ in sign_words for token in rest)
    return len(clause) <= SHORT_DENIAL or only_the_sign


def opening_clause(sentence: Span) -> list[str]:
    """The sentence's words up to its first punctuation, lowercased, with "n't" as "not"."""
    clause = []
    for token in sentence:
        if token.is_punct:
            break
        clause.append("not" if token.lower_ in ("n't", "nt") else token.lower_)
    return clause


def watched_for(span: Span) -> bool:
    """A sign named last in its sentence as what to watch for, and denied as the next sentence opens: "An old colleague
    told me to watch for saddle numbness. I don't have any of that" (not "... to watch for numbness, which I've had
    since yesterday", nor "... Now I have it")."""
    sentence = span.sent
    if sentence.end >= len(span.doc) or any(not token.is_punct for token in span.doc[span.end : sentence.end]):
        return False
    # from the start of the longest match of the flag around it: "look out for any | numbness | in both legs"
    start = min(
        [start for label, flag, start, end in flag_matches(span.doc).words
         if flag == span.id_ and label in RED_FLAG_ROLES and start <= span.start < end],
        default=span.start,
    )  # fmt: skip
    before = list(texts_of(span.doc[max(sentence.start, start - WATCH_REACH) : start]))
    while before and before[-1] in WATCH_FILLERS:
        before.pop()
    said = " ".join(before)
    if not any(said == phrase or said.endswith(f" {phrase}") for phrase in WATCHED_FOR):
        return False
    return denies_outright(span.doc[sentence.end].sent)


def supposed_and_denied(span: Span) -> bool:
    """A sign supposed in a question that opens with "if" and denies nothing, then denied by the rest of the message
    in a few words that tell nothing more: "If I fell off my horse, how would I know I needed A&E? I haven't, just
    nervous", "If a spasm ever made me wet myself, would that be an emergency? It hasn't"; not "If I can't pee,
    should I go to A&E? I haven't", "… It hasn't, it's been 2 days", "… I haven't. Not since yesterday"."""
    sentence = span.sent
    if sentence[0].lower_ != "if" or not ends_a_question(sentence) or sentence.end >= len(span.doc):
        return False
    if any(token.lower_ in NOT_WORDS or token.lower_ in ("no", "cannot", "cant") for token in sentence):
        return False
    rest = span.doc[sentence.end :]
    clause = opening_clause(rest.sent)
    said = [token.lower_ for token in rest if not token.is_punct]
    return (
        " ".join(clause) in SUPPOSITION_DENIED
        and len(said) <= len(clause) + SUPPOSITION_REPLY
        and not tells_more(set(said), CONTRASTS | PASSED | TIME_WORDS | DAYS | MILDER | {"still", "should"})
        and not any(token.text == "?" or token.lower_ in NOT_WORDS for token in rest[len(clause) :])
    )


@lru_cache(maxsize=1)
def over_when_past() -> frozenset[str]:
    """The flags whose episode long ago, told as over, is no sign now (data/red_flags.yml: over_when_past)."""
    return frozenset(flag.id for flag in load_red_flags() if flag.over_when_past)


def over_long_ago(span: Span) -> bool:
    """A mention in a sentence set long ago that tells of nothing still going on, with words after it, in its
    sentence or the next OVER_REACH, that tell the episode is over and say nothing more of it: "Two years ago I
    couldn't pee after a hernia op. It's been fine ever since", "six years ago … numb down below for a few hours until
    it wore off", "… because I couldn't pee, all sorted since" (the sign's own "n't" doubts nothing); not "since the
    start of last year I can't pee", "I can't pee today, two years ago the same happened and it cleared up", "… it
    never really went away", nor "… fine ever since, but it's back"."""
    if span.id_ not in over_when_past():
        return False
    marks = flag_matches(span.doc).past_episode
    over = marks[OVER]
    doc, sentence = span.doc, span.sent
    if not over or _still_going(sentence, over):
        return False
    set_long_ago = any(
        same_sentence(mark, span)
        and not set(texts_of(doc[max(sentence.start, mark.start - OVER_HEDGE_REACH) : mark.start])) & ONGOING_FROM
        for mark in marks[LONG_AGO]
    )
    if not set_long_ago:
        return False
    reach = sentence.end
    for _ in range(OVER_REACH):
        if reach < len(doc):
            reach = doc[reach].sent.end
    if any(token.lower_ in RECURRED for token in doc[sentence.end : reach]):
        return False  # "… all good since. It happened again last night"
    return any(
        span.end <= mark.start
        and mark.end <= reach
        and not set(texts_of(doc[max(mark.sent.start, mark.start - OVER_HEDGE_REACH, span.end) : mark.start]))
        & OVER_HEDGES
        and not _still_going(doc[mark.end : mark.sent.end], over)
        and not set(texts_of(doc[mark.end : mark.sent.end])) & CONTRASTS
        for mark in over
    )


def _still_going(words: Span, over: list[Span]) -> bool:
    """A word that sets a sign in the present ("still", "now", "since", "again"), outside the words telling it over."""
    return any(
        text in STILL_GOING and not any(mark.start <= at < mark.end for mark in over)
        for at, text in enumerate(texts_of(words), words.start)
    )


def denies_outright(reply: Span) -> bool:
    """A reply that opens by denying what came before, as a whole, and tells nothing more: "I don't have any of that,
    just a tight back", "Not me" (not "I don't have any feeling down there", "I don't have any control over it since
    last night", "I don't have it right now", "I don't have any of that, only when I climb stairs it squeezes")."""
    if tells_more({token.lower_ for token in reply}, CONTRASTS | PASSED | {"if"}):
        return False
    clause = f"{' '.join(opening_clause(reply))} "
    for phrase in DENIED_NEXT:
        if clause.startswith(f"{phrase} "):
            rest = clause.removeprefix(f"{phrase} ").split()
            if rest[:2] in (["of", "that"], ["of", "those"], ["of", "them"], ["of", "it"]):
                rest = rest[2:]
            return not rest or rest[0] in ("just", "only")
    return False


def said_in_general(reply: Span, phrase_length: int) -> bool:
    """The reply after a question that says it was asked in general ("Just curious", "Asking in general"), and either
    ends the message, plays the sign down or says what the question is for: "mine's just low back stuff", "I'm fine in
    that department", "I'm making a poster"; not "Just curious. Mine went numb an hour ago", "Just curious, temp is
    39.2", "Asking so I know whether to ring 111 now"."""
    said_all = [token.lower_ for token in reply if not token.is_punct]
    rest = said_all[phrase_length:]
    ends_the_message = not any(token.is_alpha or token.like_num for token in reply.doc[reply.end :])
    if not rest:
        return ends_the_message
    said = " ".join(rest)
    for_teaching = ends_the_message and "mine" not in rest and bool(ASKED_FOR_A_PURPOSE.search(said))
    played_down = bool(FINE & set(rest)) or bool(PLAYED_DOWN.search(said)) or for_teaching
    owned = OWNING_REPLIES.search(" ".join(said_all))
    return played_down and not (tells_more(set(rest), CONTRASTS | DAYS | TIME_WORDS) or owned)


def tells_more(words: set[str], markers: frozenset[str]) -> bool:
    """True when a reply's words hold one of the markers (a time, a contrast) or a number: it tells more than it
    plays down."""
    return bool(words & markers) or any(word[:1].isdigit() for word in words)


def _words(tokens: Span) -> str:
    """The words of tokens, lowercased, without punctuation, with a space at each end."""
    return f" {' '.join(words_of(tokens))} "


def _has_phrase(tokens: Span, phrases: tuple[str, ...]) -> bool:
    return _holds_a_phrase(_words(tokens), phrases)


def _holds_a_phrase(words: str, phrases: tuple[str, ...]) -> bool:
    """True when `words` (as `_words` gives them) hold one of the phrases as whole words."""
    return any(f" {phrase} " in words for phrase in phrases)


def _wondering_words(tokens: Span) -> str:
    """`_words`, with each disclosure ("in case it matters") blanked out, letter for letter."""
    return DISCLOSURES.sub(lambda found: " " * len(found.group()), _words(tokens))


def hypothetical(sentence: Span) -> bool:
    """A sentence that wonders rather than tells: "should I call 999 if I ever can't pee?", "I read that ..."."""
    return _holds_a_phrase(_wondering_words(sentence), HYPOTHETICAL) or _has_phrase(sentence, ASKED_FOR_SOMEONE)


def wondered_about(span: Span) -> bool:
    """A sign that follows the words that wonder ("what if I can't pee?", "I read that numb legs are bad", "had a
    dream I wet myself"), or in a sentence asked for someone else; a sign told before them stays told: "can't pee
    since last night, I read that this could be serious"; nor one told after the wondering ended
    (`wondering_ended`), nor one asked about, or told after, that the person said yes to: "the nurse asked if I'd
    lost weight and I said yes", "asked if I'd had cancer and I said yes, a melanoma cut out"."""
    before = _wondering_words(span.doc[span.sent.start : span.start])
    wondered_at, wondering = max((before.rfind(f" {phrase} "), phrase) for phrase in HYPOTHETICAL)
    if wondered_at < 0:  # no phrase before it: `wondering` is no more than the last of them
        return _has_phrase(span.sent, ASKED_FOR_SOMEONE)
    if wondering_ended(span, wondering, before[wondered_at + len(wondering) + 1 :]):
        return False
    if wondering == "asked about" and the_speaker_asked(before[:wondered_at]):
        return _has_phrase(span.sent, ASKED_FOR_SOMEONE)
    sentence = _words(span.sent)[wondered_at:]  # `before` is its beginning
    # a yes to something else is no answer: "I said yes to the scan"
    answered_yes = wondering in ASKED and (
        any(re.search(rf" {yes} (?!to )", sentence) for yes in ANSWERED_YES) or answered_yes_next(span.sent)
    )
    return not answered_yes or _has_phrase(span.sent, ASKED_FOR_SOMEONE)


def safety_netted(span: Span) -> bool:
    """A sign named in advice on what to do if it comes (`SAFETY_NETTING`), that the speaker says has not come
    (`NOT_COME`), later in the sentence or at the start of the next."""
    if not SAFETY_NETTING.search(_wondering_words(span.doc[span.sent.start : span.start])):
        return False
    following = _words(span.doc[span.sent.end].sent) if span.sent.end < len(span.doc) else ""
    return bool(NOT_COME.search(_words(span.doc[span.end : span.sent.end])) or NOT_COME.search(following))


def answered_yes_next(sentence: Span) -> bool:
    """The sentence after a question someone asked opens with the speaker's yes: "The nurse asked if I had numbness
    down there. I said yes, it started yesterday", "Yes, since Tuesday", "I am, a stone in a month" (not "Yes she was
    very thorough, I said no though", "I have a sore back though")."""
    if sentence.end >= len(sentence.doc):
        return False
    following = sentence.doc[sentence.end].sent
    reply = _words(following)
    said_yes = any(re.match(rf" (?:i |and i )?{yes} (?!to )", reply) for yes in SAID_YES)
    return (
        said_yes
        or (reply.startswith((" yes ", " yeah ", " yep ")) and not re.search(r" said no | no to ", reply))
        or " ".join(opening_clause(following)) in SHORT_YES
    )


def the_speaker_asked(words_before: str) -> bool:
    """ "I rang the GP and asked about getting seen", "Rang 111 and asked about my symptoms": the speaker's own
    request (an "I" before it, or no one named before "and asked"), not a question put to them ("The nurse at the
    walk-in centre asked about numbness")."""
    return any(map(is_first_person_word, words_before.split())) or words_before.endswith((" and", " then", " so"))


def wondering_ended(span: Span, wondering: str, words_between: str) -> bool:
    """After hearsay, a dream, a story or a question someone asked, the speaker's own sign: turned to ("I saw a video
    about red flags and I've got every one, can't pee", "I read something about it, I'm worried, I can't pee": a
    clause of its own after a comma), owned ("I read about prednisolone, I've been on it for 3 years"), woken to
    ("dreamt I was falling, woke up and couldn't feel my legs") or confirmed ("the doctor asked about saddle
    numbness and it's there")."""
    if wondering not in HEARSAY + DREAMS + ASKED:
        return False
    words_after = _words(span.doc[span.end : span.sent.end])
    if TURNS_TO_THE_SPEAKER.search(words_between) or OWNED_AFTER_HEARSAY.search(words_after):
        return True
    if wondering in DREAMS and (WOKEN.search(words_between) or CAME_TRUE.search(words_after)):
        return True
    if wondering in ASKED and (
        CONFIRMED.search(words_after) or said_yes_before(span) or REASON_GIVEN.search(words_between)
    ):
        return True
    clause = span.doc[span.sent.start : span.start]
    last_comma = max((token.i for token in clause if token.text in {",", ";"}), default=None)
    # asked about night pain: "…, it wakes me every night", "asked if I've been sleeping, the pain wakes me"
    openers = (["i"], ["mine"], ["it"]) if wondering in ASKED else (["i"], ["mine"])
    # no comma: no opening, which is neither an opener nor the pain
    opening = _words(span.doc[last_comma + 1 : span.start]).split() if last_comma is not None else []
    return opening[:1] in openers or (wondering in ASKED and opening[:2] in THE_PAIN)


def said_yes_before(span: Span) -> bool:
    """A short yes in a clause of its own between a question someone asked and the sign: "My GP asked if I'm on
    steroids, I am, prednisolone for 5 years" (not a yes before the question: "Yes, the GP asked if I'd lost
    weight")."""
    clause: list[str] = []
    asked = False
    for token in span.doc[span.sent.start : span.start]:
        if not token.is_punct:
            clause.append(token.lower_)
            continue
        if asked and (" ".join(clause) in SHORT_YES or clause in (["yes"], ["yeah"], ["yep"])):
            return True
        asked = asked or bool(ASKING & set(clause))
        clause = []
    return False


def is_dismissed(
    span: Span, blockers: list[Span], unowned: list[Span], written_for: frozenset[str] = frozenset()
) -> bool:
    """Negated, nobody's (a pet's, or seen at work), someone else's (unless the message is written for them:
    `patients`), asked in general, spoken of in general, wondered about, denied right after or later in its
    sentence, named as what to watch for and denied, asked whether something counts as it, explained away, or an
    episode long ago told as over."""
    someone_elses = (
        not_the_patients(span, written_for)
        if written_for
        else (_blocked(span, blockers) or said_of_someone_else(span)) and not shared_by_the_speaker(span)
    )
    return (
        is_negated(span)
        or _blocked(span, unowned)
        or someone_elses
        or (
            asked_in_general(question_of(span))
            and asked_in_general(clause_of(span))
            and not pinned_to_a_day(span)
            and not owned_in_the_next_sentence(span)
        )
        or spoken_of_in_general(span)
        or asked_for_study(span)
        or wondered_about(span)
        or safety_netted(span)
        or denied_in_the_next_sentence(span)
        or supposed_and_denied(span)
        or watched_for(span)
        or denied_after(span)
        or asked_if_it_counts(span)
        or _explained_away(span)
        or over_long_ago(span)
    )


def red_flag_mentions(doc: Doc) -> tuple[list[Span], list[Span]]:
    """The red-flag matches of a doc from the shared pipeline, split into (stated, dismissed).

    Both lists are in text order, longest match first at each start. A match inside a negated match of the same
    flag is negated with it: "no numbness, weakness or pins and needles in either leg" denies "either leg".
    """
    blockers, unowned, written_for = about_someone_else(doc), nobodys(doc), patients(doc)
    stated: list[Span] = []
    dismissed: list[Span] = []
    negated: list[Span] = []
    for span in sorted(doc.spans[SPANS_KEY], key=lambda span: (span.start, -len(span))):
        if span.label_ in RED_FLAG_ROLES:
            inside_negated = any(
                other.id_ == span.id_ and other.start <= span.start and span.end <= other.end for other in negated
            )
            if inside_negated or is_negated(span):
                negated.append(span)
                dismissed.append(span)
            elif is_dismissed(span, blockers, unowned, written_for):
                dismissed.append(span)
            else:
                stated.append(span)
    return stated, dismissed


def needs_a_cue(span: Span) -> bool:
    """True for a mention of a flag with confirmed_by (an UNCONFIRMED match of the same words) in a message with
    none of that flag's cues: "I'm 70, is heat good for a spasm?" does not tell whether the back pain is new."""
    return has_a_twin(span, UNCONFIRMED) and span.id_ not in flag_matches(span.doc).confirmed


def is_query(sentence: Span) -> bool:
    """A question or a search-style request: "best sleeping position for back pain", "how long does it last?"."""
    words = [token.lower_ for token in sentence if not token.is_punct]
    return ends_a_question(sentence) or bool(words and words[0] in QUERY_OPENERS)


def considered_sentences(doc: Doc) -> list[Span]:
    """The sentences the semantic layer compares with the red flags: none with a dismissed mention or a
    dismisser, none of fewer than MIN_WORDS words, no query that is not about oneself (which takes in every
    sentence asked in general), none wondered about, none that denies something."""
    dismissers = [span for span in doc.spans[SPANS_KEY] if span.label_ == NOT_RED_FLAG]
    skipped = {span.sent.start for span in [*red_flag_mentions(doc)[1], *dismissers]}
    return [
        sentence
        for sentence in doc.sents
        if sentence.start not in skipped
        and sum(token.is_alpha for token in sentence) >= MIN_WORDS
        and not (is_query(sentence) and not speaks_of_oneself(sentence))
        and not hypothetical(sentence)
        and not denies_something(sentence)
    ]
