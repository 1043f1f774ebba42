"""Red flags from data/red_flags.yml: the flags themselves and the spaCy span_ruler patterns built from them.

The template notation of the patterns is explained in the header of data/red_flags.yml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Any

import yaml

RED_FLAGS_FILE = Path(__file__).resolve().parent.parent / "data" / "red_flags.yml"
TIER_LABELS = {"emergency": "RED_FLAG_EMERGENCY", "urgent": "RED_FLAG_URGENT"}
NOT_RED_FLAG = "NOT_RED_FLAG"
# Beside each match of a flag's firm_patterns: a mention that the flag's dismissers do not explain away.
FIRM = "FIRM"
# A dismisser that explains away only a mention right next to it ("the bed was soaked | with sweat").
NOT_RED_FLAG_NEXT_TO = "NOT_RED_FLAG_NEXT_TO"
# A dismisser that explains a mention in any sentence of the same person ("I'm 70. | It flares up on and off").
NOT_RED_FLAG_IN_ANY_SENTENCE = "NOT_RED_FLAG_IN_ANY_SENTENCE"
DISMISSER_LABELS = frozenset({NOT_RED_FLAG, NOT_RED_FLAG_NEXT_TO, NOT_RED_FLAG_IN_ANY_SENTENCE})  # a flag's look-alikes
# Beside each match of a flag that has confirmed_by: a mention that needs one of those cues in the message to count.
UNCONFIRMED = "UNCONFIRMED"
# A cue of confirmed_by: where it is anywhere in the message, the flag's mentions count ("first time ever").
CONFIRMING = "CONFIRMING"
# A time long ago ("two years ago", "in 2015") and words that tell an episode is over ("it's been fine ever since",
# "until it wore off"): together they tell a past episode of a flag with over_when_past (components/mentions.py).
LONG_AGO = "LONG_AGO"
OVER = "OVER"
# Labels that mark something about a flag's mentions, and are neither a mention nor a look-alike.
MARKER_LABELS = frozenset({FIRM, UNCONFIRMED, CONFIRMING, LONG_AGO, OVER})
# The id of NOT_RED_FLAG matches whose signs are nobody's in the conversation: a pet's, or seen at work.
NEVER_THE_PATIENTS = "never_the_patients"
OPERATORS = "?*+"
SENTENCE_START = "^"  # before a word: it opens a sentence ("^$teen_or_over_55 ,": "17, in sixth form")
NUMBER = "NUMBER"

Lexicons = dict[str, Any]  # name -> list of words or phrasings, or a "/regex/" string


@dataclass(frozen=True)
class RedFlag:
    """A red flag: its id, its tier (emergency or urgent), the plain words a person is asked, their source,
    descriptions: sentences a person might say, for the semantic layer (components/red_flag_similarity.py),
    whether it counts when said of one's child (a parent writing about a child's age), whether a question if
    something counts as it names it only as a category ("does a cortisone jab count as injecting drugs?"), and
    whether an episode long ago told as over is no sign now ("couldn't pee after an op two years ago, fine since")."""

    id: str
    tier: str
    checklist: str
    source: str
    descriptions: tuple[str, ...] = ()
    said_of_a_child: bool = False
    asked_if_it_counts: bool = False
    over_when_past: bool = False


def _read(path: Path) -> dict[str, Any]:
    """The file's data (read-only), parsed once per version of the file: a parse takes about 200 ms, and the
    flags, lexicons and patterns are each asked for at start-up and on first messages."""
    stat = Path(path).stat()
    return _parse(Path(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _parse(path: Path, mtime_ns: int, size: int) -> dict[str, Any]:
    """Every value a string: YAML 1.1 would read words such as no, on and off as booleans."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def load_red_flags(path: Path = RED_FLAGS_FILE) -> list[RedFlag]:
    """The flags of the file, in its order."""
    return [
        RedFlag(
            flag["id"],
            flag["tier"],
            flag["checklist"],
            flag["source"],
            _descriptions(flag.get("descriptions"), flag["id"]),
            flag.get("said_of_a_child") == "true",
            flag.get("asked_if_it_counts") == "true",
            flag.get("over_when_past") == "true",
        )
        for flag in _read(path)["flags"]
    ]


def clear_descriptions(path: Path = RED_FLAGS_FILE) -> tuple[str, ...]:
    """The descriptions under not_red_flag: messages that describe no red flag ("my bladder is fine")."""
    return _descriptions(_not_red_flag(_read(path)).get("descriptions"), NOT_RED_FLAG)


@lru_cache(maxsize=32)
def lexicon(name: str, path: Path = RED_FLAGS_FILE) -> frozenset[str]:
    """The words of one word lexicon of the file, lowercased: for code that reads words, such as the
    third_parties of components/mentions.py."""
    return frozenset(word.lower() for word in _words(name, _read(path).get("lexicons") or {}))


def span_patterns(path: Path = RED_FLAGS_FILE) -> list[dict]:
    """The span_ruler patterns of every flag, then the NOT_RED_FLAG ones.

    A flag's own patterns get the label of its tier and the flag's id; its firm_patterns too, each with a FIRM
    twin that keeps the flag's dismissers off the mention. Its `dismissed_by` templates get the
    label NOT_RED_FLAG and the flag's id: a look-alike that dismisses that flag ("lost weight on purpose"); its
    `dismissed_next_to_by` templates get NOT_RED_FLAG_NEXT_TO, for a mention they touch ("soaked | with sweat"); its
    `dismissed_in_any_sentence_by` get NOT_RED_FLAG_IN_ANY_SENTENCE ("I'm 70. | It flares up on and off").
    A flag with `confirmed_by` gets an UNCONFIRMED twin of each of its patterns, and its cues the label CONFIRMING:
    its mention counts only beside a cue somewhere in the message ("I'm 70 | and it's the first time ever"). Its
    `unconfirmed_patterns` always get the twin: near the flag, they need a cue too, or get its safety question.
    The templates under not_red_flag get the label NOT_RED_FLAG: its `patterns` no id (a sign put on someone
    else, who may be the patient a message is written for), its `never_the_patients` the id NEVER_THE_PATIENTS
    (a pet's sign, or one seen at work); its `long_ago` and `over` get LONG_AGO and OVER, no id.
    """
    data = _read(path)
    lexicons = data.get("lexicons") or {}
    patterns = []
    dismissers = []
    for flag in data["flags"]:
        name, tier = flag.get("id"), flag.get("tier")
        if tier not in TIER_LABELS:
            raise ValueError(f"red flag {name!r}: unknown tier {tier!r}, not one of {', '.join(TIER_LABELS)}")
        if not flag.get("patterns"):
            raise ValueError(f"red flag {name!r} has no patterns")
        cues = _list(flag.get("confirmed_by"), f"red flag {name!r}: confirmed_by")
        for template in flag["patterns"]:
            for pattern in _build(template, lexicons, name):
                patterns.append({"label": TIER_LABELS[tier], "pattern": pattern, "id": name})
                if cues:
                    dismissers.append({"label": UNCONFIRMED, "pattern": pattern, "id": name})
        for template in _list(flag.get("unconfirmed_patterns"), f"red flag {name!r}: unconfirmed_patterns"):
            for pattern in _build(template, lexicons, f"{name} (unconfirmed_patterns)"):
                patterns.append({"label": TIER_LABELS[tier], "pattern": pattern, "id": name})
                dismissers.append({"label": UNCONFIRMED, "pattern": pattern, "id": name})
        for template in cues:
            for pattern in _build(template, lexicons, f"{name} (confirmed_by)"):
                dismissers.append({"label": CONFIRMING, "pattern": pattern, "id": name})
        for template in _list(flag.get("firm_patterns"), f"red flag {name!r}: firm_patterns"):
            for pattern in _build(template, lexicons, f"{name} (firm_patterns)"):
                patterns.append({"label": TIER_LABELS[tier], "pattern": pattern, "id": name})
                dismissers.append({"label": FIRM, "pattern": pattern, "id": name})
        for template in _list(flag.get("dismissed_by"), f"red flag {name!r}: dismissed_by"):
            for pattern in _build(template, lexicons, f"{name} (dismissed_by)"):
                dismissers.append({"label": NOT_RED_FLAG, "pattern": pattern, "id": name})
        for template in _list(flag.get("dismissed_next_to_by"), f"red flag {name!r}: dismissed_next_to_by"):
            for pattern in _build(template, lexicons, f"{name} (dismissed_next_to_by)"):
                dismissers.append({"label": NOT_RED_FLAG_NEXT_TO, "pattern": pattern, "id": name})
        anywhere = _list(flag.get("dismissed_in_any_sentence_by"), f"red flag {name!r}: dismissed_in_any_sentence_by")
        for template in anywhere:
            for pattern in _build(template, lexicons, f"{name} (dismissed_in_any_sentence_by)"):
                dismissers.append({"label": NOT_RED_FLAG_IN_ANY_SENTENCE, "pattern": pattern, "id": name})
    for template in _list(_not_red_flag(data).get("patterns"), "not_red_flag: patterns"):
        for pattern in _build(template, lexicons, NOT_RED_FLAG):
            dismissers.append({"label": NOT_RED_FLAG, "pattern": pattern})
    for template in _list(_not_red_flag(data).get(NEVER_THE_PATIENTS), f"not_red_flag: {NEVER_THE_PATIENTS}"):
        for pattern in _build(template, lexicons, NEVER_THE_PATIENTS):
            dismissers.append({"label": NOT_RED_FLAG, "pattern": pattern, "id": NEVER_THE_PATIENTS})
    for label, key in ((LONG_AGO, "long_ago"), (OVER, "over")):
        for template in _list(_not_red_flag(data).get(key), f"not_red_flag: {key}"):
            for pattern in _build(template, lexicons, key):
                dismissers.append({"label": label, "pattern": pattern})
    return patterns + dismissers


def _not_red_flag(data: dict[str, Any]) -> dict[str, Any]:
    """The not_red_flag section: its patterns and descriptions (a bare list is its patterns)."""
    section = data.get("not_red_flag") or {}
    return {"patterns": section} if isinstance(section, list) else section


def _list(value: Any, where: str) -> list[str]:
    """A list of strings from the file, or an empty one when the key is absent."""
    if value is None or value == "":
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ValueError(f"{where} must be a list of non-empty strings")
    return value


def _descriptions(value: Any, owner: str) -> tuple[str, ...]:
    """The descriptions of a flag (or of not_red_flag), stripped."""
    return tuple(text.strip() for text in _list(value, f"{owner}: descriptions"))


def _build(template: str, lexicons: Lexicons, owner: str) -> list[list[dict] | str]:
    """The patterns of one template: a phrase where every word is plain, else a list of token patterns."""
    try:
        built = []
        for words in _expand(template, lexicons):
            tokens = [_token(word, lexicons) for word in words]
            is_phrase = all(token == {"LOWER": word} for token, word in zip(tokens, words, strict=True))
            built.append(" ".join(words) if is_phrase else tokens)
        return built
    except ValueError as error:
        raise ValueError(f"{owner}, pattern {template!r}: {error}") from None


def _expand(template: str, lexicons: Lexicons) -> list[list[str]]:
    """The word sequences of a template: one for each choice of phrasing of every <name> in it."""
    choices = []
    for word in template.split():
        if word.startswith("<") and word.endswith(">"):
            phrasings = _lexicon(word[1:-1], lexicons)
            if isinstance(phrasings, str):
                raise ValueError(f"lexicon {word[1:-1]!r} is a regex, not a list of phrasings")
            choices.append([words for phrasing in phrasings for words in _expand(phrasing, lexicons)])
        else:
            choices.append([[word]])
    return [[word for part in parts for word in part] for parts in product(*choices)]


def _token(word: str, lexicons: Lexicons) -> dict:
    """The token pattern of one template word."""
    token: dict[str, Any] = {}
    if len(word) > 1 and word[0] == SENTENCE_START:
        word, token["IS_SENT_START"] = word[1:], True
    if len(word) > 1 and word[-1] in OPERATORS:
        word, token["OP"] = word[:-1], word[-1]
    attr = "LOWER"
    if word.startswith("~"):
        attr, word = "LEMMA", word[1:]
    if word == NUMBER:
        token["LIKE_NUM"] = True
    elif "|" in word:
        if NUMBER in word.split("|"):
            raise ValueError(f"{NUMBER} cannot be one of several choices: write a template with it and one without")
        values: list[str] = []
        for part in word.split("|"):
            values.extend(_words(part[1:], lexicons) if part.startswith("$") else [part])
        token[attr] = {"IN": list(dict.fromkeys(values))}
    elif word.startswith("$"):
        values = _lexicon(word[1:], lexicons)
        token[attr] = {"REGEX": values[1:-1]} if isinstance(values, str) else {"IN": list(_words(word[1:], lexicons))}
    else:
        token[attr] = word
    return token


def _words(name: str, lexicons: Lexicons) -> list[str]:
    """A lexicon of single words, for $name in a template (alone or as one of a|$name|c)."""
    values = _lexicon(name, lexicons)
    if isinstance(values, str):
        raise ValueError(f"lexicon {name!r} is a regex: it cannot be one of several choices")
    if any(len(value.split()) != 1 or value[0] in "~$<" or "|" in value for value in values):
        raise ValueError(f"lexicon {name!r} holds phrasings, not words: use <{name}>")
    return values


def _lexicon(name: str, lexicons: Lexicons) -> list[str] | str:
    """A lexicon by name: a list of words or phrasings, or a /regex/."""
    if name not in lexicons:
        raise ValueError(f"unknown lexicon {name!r}")
    value = lexicons[name]
    if isinstance(value, str) and not (len(value) > 2 and value.startswith("/") and value.endswith("/")):
        raise ValueError(f"lexicon {name!r} is neither a list nor a /regex/")
    return value
