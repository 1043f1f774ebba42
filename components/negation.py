"""Is a matched span negated? A small NegEx: cues, a clause-bounded scope and pseudo-negations."""

from __future__ import annotations

from spacy.tokens import Span, Token

from components.language import SPANS_KEY
from components.red_flags import TIER_LABELS, lexicon

# fmt: off
WINDOW = 5
CUES = {
    "no", "not", "n't", "nt", "never", "without", "none", "nor", "neither", "nothing", "deny", "denies", "denied",
    "nae",  # Scots: "nae fever"
    "walang",  # Tagalog: "walang chills" (no chills)
}  # fmt: skip
CUE_PAIRS = {("free", "of"), ("absence", "of")}
# A cue followed by one of these negates nothing: "not sure", "don't know", "can't stop", "no, I ...".
PSEUDO_NEXT = {
    "sure", "know", "only", "just", "doubt", "wonder", "matter", "idea", "help", "stop", "mind", "wait", "kidding",
    "joke", "lie", "lying", "bother",
    "tulog",  # Tagalog: "walang tulog" (no sleep)
}  # fmt: skip
# A cue and word that negate nothing: "without warning I wet myself", "never happened before and I soiled myself"
PSEUDO_PAIRS = {("without", "warning"), ("never", "happened")}
# A cue opening an aside: "not gonna lie I shoot up most days" (the tokenizer splits "gonna" into gon + na)
PSEUDO_ASIDES = {("gon", "na", "lie"), ("gonna", "lie"), ("going", "to", "lie")}
SUBJECTS = {
    "i", "my", "me", "he", "she", "it", "they", "we", "you", "there", "his", "her", "their", "this", "that", "now",
    "then", "suddenly", "also"
}
# "and" followed by a subject or a verb starts a new clause: "no fever and I ...", "no fever and can't ...".
NEW_CLAUSE_AFTER_AND = SUBJECTS | {
    "ca", "can", "could", "cannot", "have", "has", "had", "am", "is", "was", "do", "does", "did", "keep", "keeps",
    "wo", "will", "would", "get", "got", "feel", "been"
}
CLAUSE_PUNCT = {".", "!", "?", ";", ",", ":", "(", ")"}
CLAUSE_WORDS = {
    "but", "however", "though", "although", "except", "yet", "whereas", "because", "cos", "so", "if", "whether",
    "when", "which", "until", "apart", "just",
    "dahil", "kasi", "pero", "kaso", "tapos",  # Tagalog: because, but, then
}
JOINERS = {"and", "&", "plus"}
# "my bladder is fine", "temperature normal", "lost weight on purpose", "chest pain? no"
FINE = {
    "fine", "normal", "ok", "okay", "alright", "unaffected", "unchanged", "good", "great", "perfect", "purpose",
    "deliberately", "intentionally", "purposely"
}
MANNER = {"good", "great"}  # a learner's "I can't breathe good": how, not whether
FINE_FILLERS = {
    "be", "feel", "seem", "look", "all", "both", "still", "totally", "completely", "perfectly", "pretty",
    "absolutely", "quite", "fairly", "seemingly", "otherwise", "always", "now", "'s", "'re", "on"
}
# Negation words that stand alone ("no weakness", "never had"), unlike the verbal n't of "can't feel".
STANDALONE_CUES = {"no", "not", "never", "without", "none", "nothing", "nor", "neither", "nae"}
ANSWER_MARKS = {":", "-", "?", "="}
ANSWER_NO = {"no", "none", "nope", "never", "negative", "nil"}
# "never had chest pain like this" asserts the span.
ASSERTING_AFTER = {("like", "this"), ("like", "that"), ("this", "bad")}
RELIEVED = {"normally", "strong"}
# "my bum wasn't numb yesterday | but it is today", "was never numb before"
UNTIL_NOW = {"before", "until", "till", "til", "yesterday", "earlier", "this", "last", "then"}
NOT_WORDS = {"n't", "nt", "not", "never"}  # "isn't", "is not", "was never", "haven't had"
# Cues that can open a list of absent things: "no lumps, bumps or swelling".
LIST_CUES = {"no", "without", "nor", "neither"}
LIST_JOINERS = {"or", "nor"}
ANY_WORDS = {"any", "anything", "ever"}
# fmt: on


def is_negated(span: Span) -> bool:
    """True when a negation cue governs the span from before it, or the clause after it says it is fine.

    Cues inside the span ("can't feel my legs") never count.
    """
    following = tuple(token.lower_ for token in span.doc[span.end : span.end + 2])
    if following in ASSERTING_AFTER:
        return False
    return negated_by_a_cue(span) or _fine_after(span) or _denied_before_its_last_word(span)


def _denied_before_its_last_word(span: Span) -> bool:
    """ "my bum isn't numb", "my groin was never numb": a "be" and a cue right before a span's last word that says
    numb or weak deny it (not "my bum is not just numb", "the pain is not easing", "wasn't numb yesterday")."""
    if len(span) < 3:
        return False
    linking, cue, state = span[-3], span[-2], span[-1]
    following = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    return (
        cue.lower_ in NOT_WORDS
        and linking.lemma_.lower() == "be"
        and state.lower_ in lexicon("weak_or_numb")
        and following not in UNTIL_NOW
    )


def _continues_a_negated_list(comma: Token) -> bool:
    """A comma between items of a list after "no": "no lumps, bumps or swelling" lists what is absent, where
    "no fever, I wet myself" is two clauses. An item is one or two words; the list goes on to an "or"."""
    after = comma.doc[comma.i + 1 : comma.i + 4]
    if not after or after[0].lower_ in SUBJECTS or not any(token.lower_ in LIST_JOINERS for token in after[1:]):
        return False
    for length in (1, 2):
        start = comma.i - length - 1
        items = comma.doc[start + 1 : comma.i] if start >= 0 else []
        if start >= 0 and comma.doc[start].lower_ in LIST_CUES and all(word.is_alpha for word in items):
            return True
    return False


def _ends_clause(token: Token) -> bool:
    """Sentence punctuation, a line break, a contrast word, or "and" that starts a new clause; not a comma before
    "any" ("I have never taken, any steroids" is one clause)."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.text == "," and (
        _continues_a_negated_list(token) or (following is not None and following.lower_ in ANY_WORDS)
    ):
        return False
    if token.is_space or token.text in CLAUSE_PUNCT or token.lower_ in CLAUSE_WORDS:
        return True
    return token.lower_ in JOINERS and following is not None and following.lower_ in NEW_CLAUSE_AFTER_AND


def _is_cue(token: Token) -> bool:
    """A negation word not used as a pseudo-negation ("not sure", "no I ...")."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    next_word = following.lower_ if following is not None else ""
    if (token.lower_, next_word) in CUE_PAIRS:
        return True
    if token.lower_ not in CUES and token.lemma_.lower() != "deny":
        return False
    if (token.lower_, next_word) in PSEUDO_PAIRS:
        return False
    after = tuple(word.lower_ for word in token.doc[token.i + 1 : token.i + 4])
    if any(after[: len(aside)] == aside for aside in PSEUDO_ASIDES):
        return False
    if next_word in PSEUDO_NEXT:
        return False
    return not (token.lower_ == "no" and next_word in SUBJECTS)


def _clause_before(span: Span) -> list[Token]:
    """Up to WINDOW tokens before the span, nearest first, stopping at the clause boundary; a bracketed aside right
    after a cue is read over: "nothing (lying still, extra pillows) makes it ease off" (not "didn't fall (just
    sneezed) lost control of my bladder")."""
    tokens: list[Token] = []
    at = span.start - 1
    while at >= 0 and len(tokens) < WINDOW:
        token = span.doc[at]
        opening = _opening_bracket(token) if token.text == ")" else None
        if opening is not None and opening > 0 and _is_cue(span.doc[opening - 1]):
            at = opening - 1  # "nothing (lying still, extra pillows) makes it ease off"
            continue
        if _ends_clause(token):
            break
        tokens.append(token)
        at -= 1
    return tokens


def _opening_bracket(closing: Token) -> int | None:
    """The index of the "(" that a ")" closes, in its sentence."""
    return next((token.i for token in reversed(closing.doc[closing.sent.start : closing.i]) if token.text == "("), None)


def negated_by_a_cue(span: Span, from_token: int = 0) -> bool:
    """The nearest cue in the clause before the span negates it, unless it is a double negative, or an "and" follows
    what the cue denies and that is no sign: "no numbness and tingling" denies both, "no appetite and night sweats"
    tells of sweats. Only cues from token `from_token` on count.

    "can't walk without my legs giving way" negates "without", so the span stands.
    """
    before = [token for token in _clause_before(span) if token.i >= from_token]
    for position, token in enumerate(before):
        if _is_cue(token):
            earlier = before[position + 1 :]
            if any(joiner.lower_ in JOINERS and not _denies_a_sign(token, joiner) for joiner in before[:position]):
                return False
            return not (token.lower_ == "without" and any(_is_cue(other) for other in earlier))
    return False


def _denies_a_sign(cue: Token, joiner: Token) -> bool:
    """True when the words between a cue and a later "and" hold a red flag's match: a list of denied signs."""
    return any(
        match.label_ in TIER_LABELS.values() and cue.i < match.start < joiner.i for match in cue.doc.spans[SPANS_KEY]
    )


def _fine_after(span: Span) -> bool:
    """ "X is fine", "X are normal", "X ok", "X? no" right after the span (not the manner of a sign that denies in
    its own words: "I cannot breathe good")."""
    after = span.doc[span.end : span.end + WINDOW]
    if after and after[0].lower_ in MANNER and any(token.lower_ in NOT_WORDS | {"cannot"} for token in span):
        return False
    if len(after) >= 2 and after[0].text in ANSWER_MARKS and after[1].lower_ in ANSWER_NO:
        return True
    for token in after:
        if token.lower_ in FINE:
            return True
        if token.lemma_.lower() not in FINE_FILLERS and token.lower_ not in FINE_FILLERS:
            return False
    return False


def denies_something(sentence: Span) -> bool:
    """True when a sentence says something is absent or fine: "no trouble starting", "my legs are strong",
    "feeling down there is normal". The semantic layer leaves such sentences alone; the encoder can't tell
    a sign from its denial."""
    return any(
        (token.lower_ in STANDALONE_CUES and _is_cue(token)) or token.lower_ in FINE | RELIEVED for token in sentence
    )
