"""Red flags from data/red_flags.yml: the flags, the patterns built from their templates, what they match,
the look-alikes that dismiss them, and their descriptions for the semantic layer."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from spacy.language import Language

from components.language import SPANS_KEY, pipeline_from_patterns
from components.red_flags import (
    CONFIRMING,
    DISMISSER_LABELS,
    FIRM,
    LONG_AGO,
    MARKER_LABELS,
    NEVER_THE_PATIENTS,
    NOT_RED_FLAG,
    NOT_RED_FLAG_IN_ANY_SENTENCE,
    OVER,
    RED_FLAGS_FILE,
    TIER_LABELS,
    UNCONFIRMED,
    RedFlag,
    clear_descriptions,
    lexicon,
    load_red_flags,
    span_patterns,
)

TIERS = {
    "bladder_bowel": "emergency",
    "urine_retention": "emergency",
    "saddle_numbness": "emergency",
    "both_legs": "emergency",
    "chest_pain": "emergency",
    "trauma": "emergency",
    "aaa": "emergency",
    "age_onset": "urgent",
    "back_lump": "urgent",
    "cancer_history": "urgent",
    "fever": "urgent",
    "night_pain": "urgent",
    "weight_loss": "urgent",
    "iv_drugs": "urgent",
    "steroids": "urgent",
    "immunosuppression": "urgent",
}
MIN_DESCRIPTIONS = 4

EXAMPLES = [
    ("I wet myself", "bladder_bowel"),
    ("Peed myself", "bladder_bowel"),
    ("I can't control my bladder", "bladder_bowel"),
    ("I've lost control of my bowels", "bladder_bowel"),
    ("I can't pee", "urine_retention"),
    ("I'm struggling to empty my bladder", "urine_retention"),
    ("my groin has gone numb", "saddle_numbness"),
    ("I can't feel my bum", "saddle_numbness"),
    ("tingling down there", "saddle_numbness"),
    ("both my legs are numb", "both_legs"),
    ("pins and needles in both legs", "both_legs"),
    ("I can't move my legs", "both_legs"),
    ("my chest feels tight", "chest_pain"),
    ("chest pain", "chest_pain"),
    ("I fell off a ladder", "trauma"),
    ("I was in a car accident", "trauma"),
    ("I have a high temperature", "fever"),
    ("I feel hot and shivery", "fever"),
    ("I've lost a lot of weight", "weight_loss"),
    ("I lost 5 kg", "weight_loss"),
    ("I had breast cancer", "cancer_history"),
    ("history of cancer", "cancer_history"),
    ("the pain is worse at night", "night_pain"),
    ("it wakes me up", "night_pain"),
    ("there's a lump on my spine", "back_lump"),
    ("I'm 62", "age_onset"),
    ("I am 17 years old", "age_onset"),
    # euphemisms and indirect descriptions
    ("my bladder just gave way", "bladder_bowel"),
    ("I've had a little accident in my knickers", "bladder_bowel"),
    ("I didn't make it to the loo in time", "bladder_bowel"),
    ("I haven't had a wee since yesterday", "urine_retention"),
    ("I don't get the urge to pee any more", "urine_retention"),
    ("my pee won't come out", "urine_retention"),
    ("my lady bits feel numb", "saddle_numbness"),
    ("I can't feel the toilet paper when I wipe", "saddle_numbness"),
    ("it feels like sitting on cotton wool", "saddle_numbness"),
    ("my nether regions feel weird and numb", "saddle_numbness"),
    ("I can't lift either foot", "both_legs"),
    ("both feet are numb", "both_legs"),
    ("my legs feel like lead", "both_legs"),
    ("the sciatica has spread to the other leg", "both_legs"),
    ("it's really bad at night and nothing eases it", "night_pain"),
    ("I keep waking up in pain", "night_pain"),
    # chest: breathlessness, pain spreading from the back, pressure
    ("I'm short of breath", "chest_pain"),
    ("I can't catch my breath", "chest_pain"),
    ("struggling to breathe", "chest_pain"),
    ("the pain spreads from my back into my chest", "chest_pain"),
    ("like a tight band across my chest", "chest_pain"),
    # the back's shape
    ("my spine has gone curved to one side", "back_lump"),
    ("I've developed a hump", "back_lump"),
    ("a bone in my spine is sticking out", "back_lump"),
    # abdominal aortic aneurysm
    ("I collapsed in the kitchen", "aaa"),
    ("I passed out", "aaa"),
    ("sudden pain in my back and tummy", "aaa"),
    ("there's a pulsing feeling in my belly", "aaa"),
    ("a tearing pain", "aaa"),
    # injecting drugs, long-term steroids, a weakened immune system
    ("I inject heroin", "iv_drugs"),
    ("I've been shooting up again", "iv_drugs"),
    ("IV drug user", "iv_drugs"),
    ("I shared needles", "iv_drugs"),
    ("I've been on prednisolone for years", "steroids"),
    ("steroid tablets every day", "steroids"),
    ("I'm on long-term steroids", "steroids"),
    ("my immune system is weak", "immunosuppression"),
    ("I'm on methotrexate", "immunosuppression"),
    ("I take anti-rejection drugs after my kidney transplant", "immunosuppression"),
    ("I'm on Humira", "immunosuppression"),
    ("I have HIV", "immunosuppression"),
    # everyday words for the same signs
    ("I woke up in a wet bed again", "bladder_bowel"),
    ("my knickers are a bit damp again", "bladder_bowel"),
    ("I go to the loo and it takes forever to start", "urine_retention"),
    ("I never fully empty", "urine_retention"),
    ("I can't seem to empty my bladder", "urine_retention"),
    ("my pee just won't start", "urine_retention"),
    ("I don't get the feeling that I need to wee", "urine_retention"),
    ("pins n needles around my privates", "saddle_numbness"),
    ("my backside feels like it belongs to someone else, all numb", "saddle_numbness"),
    ("my feet drag and both of my feet flop when I walk", "both_legs"),
    ("I can't lift my toes", "both_legs"),
    ("my left leg was tingly and now the right one is numb too", "both_legs"),
    ("my chest feels like someone is sitting on it", "chest_pain"),
    ("a squeezing pain in the centre of my chest", "chest_pain"),
    ("I'm panting just walking upstairs", "chest_pain"),
    ("a cow kicked me hard in the back", "trauma"),
    ("I took a huge hit playing hockey", "trauma"),
    ("an elbow straight into my back", "trauma"),
    ("hot then freezing cold all evening", "fever"),
    ("shaking under the blankets", "fever"),
    ("the thermometer read 38.6", "fever"),
    ("I'm not trying to lose weight but I have", "weight_loss"),
    ("I look so thin lately", "weight_loss"),
    ("needed a new notch in my belt", "weight_loss"),
    ("I'm on treatment for bowel cancer", "cancer_history"),
    ("lying down makes no difference", "night_pain"),
    ("it's worse when I go to bed", "night_pain"),
    ("a lump in the middle of my back", "back_lump"),
    ("a swelling the size of an egg on my spine", "back_lump"),
    ("my spine looks like it's curving to one side", "back_lump"),
    ("seventeen here and my back hurts", "age_onset"),
    ("I just turned 60", "age_onset"),
    ("I inject into my legs", "iv_drugs"),
    ("still injecting most days", "iv_drugs"),
    ("I use clean needles from the chemist", "iv_drugs"),
    ("had a wee accident on the way home", "bladder_bowel"),
    ("I don't feel I need to pee any more", "urine_retention"),
    ("tingling all around my bottom", "saddle_numbness"),
    ("I lose so much weight lately", "weight_loss"),
    ("I'm currently being treated for lymphoma", "cancer_history"),
    ("the ache is stronger at night", "night_pain"),
    ("when I lie down it is never easier", "night_pain"),
    ("I still inject sometimes", "iv_drugs"),
    ("both my legs feel kinda numb", "both_legs"),
    ("the two legs have gone weak on me", "both_legs"),
    ("my legs are after going dead", "both_legs"),
    ("pins and needles around my back passage", "saddle_numbness"),
    ("I was thrown from the horse", "trauma"),
    ("a van clipped me on my bike", "trauma"),
    ("burnin up all night", "fever"),
    ("a high temprature since Sunday", "fever"),
    ("my weight keeps dropping", "weight_loss"),
    ("I'm 6kg lighter than in the summer", "weight_loss"),
    ("at night the pain is agony", "night_pain"),
    ("I pished my trousers", "bladder_bowel"),
    ("she keeps passing water in the bed", "bladder_bowel"),
    ("tingling roond my back passage", "saddle_numbness"),
    ("resting in bed it never lets up", "night_pain"),
    ("there's a lump over one of the bones in my back", "back_lump"),
]

# Words that look like a flag and are not: no pattern of any flag may match them.
NOT_MATCHED = [
    "I inject insulin",
    "the pain is shooting up my back",
    "I'm hunched over my laptop",
    "I have a hunch it's a muscle",
    "my back feels twisted and tight",
    "pain is worse in the morning",
    "I have a bulging disc",
    "I transplanted the roses",
    "I use a walking aid",
    "out of breath after running for the bus",
    "it hurts a bit when I take a deep breath",
    "steroid cream",
    "my immune system is fine",
]

# Look-alikes: each matches a dismisser of the flag (a label of DISMISSER_LABELS, id the flag's).
DISMISSED = [
    ("I've lost a stone on Slimming World", "weight_loss", "Slimming World"),
    ("I'm on a diet and lost 5kg", "weight_loss", "I'm on a diet"),
    ("I lost weight on keto", "weight_loss", "on keto"),
    ("lost weight since I started going to the gym", "weight_loss", "started going to the gym"),
    ("I lost it on purpose", "weight_loss", "it on purpose"),
    ("I take antihistamines for hay fever", "fever", "hay fever"),
    ("the hot water bottle makes me sweaty", "fever", "hot water bottle"),
    ("I get hot and sweaty in the bath", "fever", "in the bath"),
    ("I was in a car accident 10 years ago", "trauma", "accident 10 years ago"),
    ("I fell off my bike last year", "trauma", "bike last year"),
    ("I fully recovered", "trauma", "fully recovered"),
    ("I got checked and was fine", "trauma", "got checked"),
    ("I've had a bad back since my twenties", "age_onset", "since my twenties"),
    ("my back's been dodgy for 30 years", "age_onset", "for 30 years"),
    ("I've had back pain for years", "age_onset", "for years"),
    ("on and off for ages", "age_onset", "on and off"),
    ("it's gone again", "age_onset", "gone again"),
    ("a steroid injection in my back", "steroids", "steroid injection"),
    ("a five day course of prednisolone", "steroids", "course of prednisolone"),
    ("my steroid inhaler", "steroids", "steroid inhaler"),
    ("my HIV test was negative", "immunosuppression", "HIV test"),
    ("I nearly fainted when I saw the bill", "aaa", "fainted when I saw"),
    ("I need to move my chest of drawers", "chest_pain", "chest of drawers"),
    ("both legs ache after leg day", "both_legs", "ache after leg"),
    ("both legs are sore from a long hike", "both_legs", "sore from a long hike"),
    ("the sheets were soaked with sweat", "bladder_bowel", "with sweat"),
    ("almost didn't make it to the loo but got there fine", "bladder_bowel", "got there fine"),
    ("I tripped over the cat but caught myself", "trauma", "caught myself"),
    ("it wakes me when I roll onto my side", "night_pain", "when I roll onto"),
    ("the pain's been shooting up for days", "iv_drugs", "pain's been shooting"),
    ("electric shocks have been shooting up for days", "iv_drugs", "shocks have been shooting"),
    ("told I had a curve as a teenager", "age_onset", "as a teenager"),
    ("had flu with a temperature but got over it", "fever", "got over it"),
    ("I lost weight when I had gastro", "weight_loss", "when I had gastro"),
    ("the GP says losing weight will help", "weight_loss", "will help"),
    (
        "my bum went numb on the coach but the feeling came back the minute I stood",
        "saddle_numbness",
        "came back the minute I",
    ),
    ("numb for a few minutes afterwards", "saddle_numbness", "for a few minutes afterwards"),
    ("the first one was in my thirties", "age_onset", "first one was in my thirties"),
    ("I volunteer at the needle exchange", "iv_drugs", "volunteer at the needle exchange"),
    ("I work as a renal nurse", NEVER_THE_PATIENTS, "work as a renal nurse"),  # a job's title, of any flag
]

# Signs put on someone else: a NOT_RED_FLAG match without an id holds the flag's match.
SOMEONE_ELSE = [
    ("my dad had bowel cancer", "had bowel cancer"),
    ("my husband is on methotrexate", "methotrexate"),
    ("my brother used to inject heroin", "inject heroin"),
    ("my little boy has a fever", "fever"),
    ("my 85 year old grandad", "85 year old"),
    ("my kids aged 4 and 6", "aged 4"),
]

FLAG = """\
flags:
  - id: demo
    tier: {tier}
    checklist: a demo
    source: nowhere
    patterns: {patterns}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "red_flags.yml"
    path.write_text(text)
    return path


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The shared pipeline, with only the red-flag patterns built from the YAML."""
    return pipeline_from_patterns(span_patterns())


def flags_in(nlp: Language, text: str) -> set[str]:
    """The ids of the red-flag matches in `text`, before negation or dismissers are applied."""
    doc = nlp(text)
    return {span.id_ for span in doc.spans[SPANS_KEY] if span.label_ not in DISMISSER_LABELS | MARKER_LABELS}


def test_the_file_is_the_repos_data_red_flags_yml() -> None:
    assert Path(__file__).resolve().parents[2] / "data" / "red_flags.yml" == RED_FLAGS_FILE


def test_the_generated_patterns_load_into_a_validating_span_ruler(nlp: Language) -> None:
    assert len(nlp.get_pipe("span_ruler").patterns) == len(span_patterns()) > 400


def test_every_flag_has_its_tier_a_checklist_and_a_source() -> None:
    flags = load_red_flags()
    assert {flag.id: flag.tier for flag in flags} == TIERS
    assert len(flags) == len(TIERS)
    for flag in flags:
        assert flag.checklist.strip() and flag.source.strip(), flag


def test_every_flag_has_patterns_with_its_id_and_tier_label() -> None:
    labels = {
        (pattern["id"], pattern["label"])
        for pattern in span_patterns()
        if pattern["label"] not in DISMISSER_LABELS | MARKER_LABELS
    }
    assert labels == {(flag, TIER_LABELS[tier]) for flag, tier in TIERS.items()}


def test_the_past_episode_markers_have_patterns_and_no_flag() -> None:
    markers = [pattern for pattern in span_patterns() if pattern["label"] in (LONG_AGO, OVER)]
    assert {pattern["label"] for pattern in markers} == {LONG_AGO, OVER}
    assert all("id" not in pattern for pattern in markers)
    assert {flag.id for flag in load_red_flags() if flag.over_when_past} == {
        "bladder_bowel", "urine_retention", "saddle_numbness", "both_legs", "chest_pain", "aaa", "fever",
        "weight_loss", "night_pain", "back_lump",
    }  # fmt: skip


def test_dismissers_are_not_red_flag_patterns_with_their_flags_id() -> None:
    dismissers = {pattern.get("id") for pattern in span_patterns() if pattern["label"] == NOT_RED_FLAG}
    assert {"weight_loss", "fever", "trauma", "age_onset", None} <= dismissers
    assert dismissers - {None} <= set(TIERS) | {NEVER_THE_PATIENTS}


def test_every_flag_but_the_age_has_descriptions_for_the_semantic_layer() -> None:
    assert [flag.id for flag in load_red_flags() if not flag.descriptions] == ["age_onset"]
    for flag in load_red_flags():
        assert not flag.descriptions or len(flag.descriptions) >= MIN_DESCRIPTIONS, flag.id
        assert all(isinstance(text, str) and text.strip() == text and text for text in flag.descriptions), flag.id
    assert len(clear_descriptions()) >= MIN_DESCRIPTIONS
    assert "I can feel my legs fine" in clear_descriptions()


@pytest.mark.parametrize(("text", "flag"), EXAMPLES)
def test_examples_match_their_flag(nlp: Language, text: str, flag: str) -> None:
    assert flags_in(nlp, text) == {flag}


@pytest.mark.parametrize("text", NOT_MATCHED)
def test_look_alike_words_match_no_flag(nlp: Language, text: str) -> None:
    assert flags_in(nlp, text) == set()


@pytest.mark.parametrize(("text", "flag", "phrase"), DISMISSED)
def test_a_look_alike_matches_a_dismisser_of_its_flag(nlp: Language, text: str, flag: str, phrase: str) -> None:
    doc = nlp(text)
    dismissers = [span for span in doc.spans[SPANS_KEY] if span.label_ in DISMISSER_LABELS and span.id_ == flag]
    assert phrase in [span.text for span in dismissers]


def test_a_dismisser_shares_the_sentence_of_the_flag_it_dismisses(nlp: Language) -> None:
    doc = nlp("I've lost a stone on Slimming World and I'm dead pleased. I'm 60.")
    [loss] = [span for span in doc.spans[SPANS_KEY] if span.id_ == "weight_loss" and span.label_ != NOT_RED_FLAG]
    diets = [span for span in doc.spans[SPANS_KEY] if span.id_ == "weight_loss" and span.label_ == NOT_RED_FLAG]
    assert loss.text == "lost a stone"
    assert {"Slimming World", "on Slimming"} <= {diet.text for diet in diets}  # a diet brand; on a diet
    assert all(diet.sent == loss.sent for diet in diets)
    assert not [span for span in doc.spans[SPANS_KEY] if span.label_ == NOT_RED_FLAG and span.id_ == "age_onset"]


@pytest.mark.parametrize(
    "text",
    [
        "I've lost weight without dieting",
        "I haven't been dieting but I've lost a stone",
        "I've lost weight without trying to lose weight",
        "I fell off a ladder yesterday",
        "I'm 62 and this is new",
    ],
)
def test_a_real_red_flag_matches_no_dismisser(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert [span.text for span in doc.spans[SPANS_KEY] if span.label_ == NOT_RED_FLAG] == []


@pytest.mark.parametrize(("text", "sign"), SOMEONE_ELSE)
def test_a_sign_put_on_someone_else_lies_inside_a_not_red_flag_match(nlp: Language, text: str, sign: str) -> None:
    doc = nlp(text)
    spans = doc.spans[SPANS_KEY]
    [flag] = [span for span in spans if span.label_ in TIER_LABELS.values() and span.text == sign]
    holders = [span for span in spans if span.label_ == NOT_RED_FLAG and not span.id_]
    assert any(holder.start <= flag.start and flag.end <= holder.end for holder in holders)


def test_lexicon_gives_the_words_of_a_lexicon() -> None:
    third_parties = lexicon("third_parties")
    assert {"mum", "husband", "son"} <= third_parties
    assert not {"i", "my", "me"} & third_parties


def test_cancer_put_on_a_family_member_is_not_a_red_flag(nlp: Language) -> None:
    doc = nlp("my mum had cancer")
    cancer = doc[3:4]
    spans = doc.spans[SPANS_KEY]
    assert [span.label_ for span in spans] == ["NOT_RED_FLAG"]
    assert spans[0].start <= cancer.start and cancer.end <= spans[0].end


def test_descriptions_and_dismissers(tmp_path: Path) -> None:
    text = """\
        lexicons:
          places: [gym, pool]
        flags:
          - id: demo
            tier: urgent
            checklist: a demo
            source: nowhere
            descriptions:
              - I have the demo sign
              - the demo sign came on
            patterns: [demo sign]
            firm_patterns: [measured demo]
            dismissed_by: [at the $places, on purpose]
            dismissed_in_any_sentence_by: [for years]
          - id: bare
            tier: emergency
            checklist: a flag with no descriptions or dismissers
            source: nowhere
            patterns: [bare sign]
        not_red_flag:
          patterns: [my mum]
          never_the_patients: [my dog]
          descriptions: [no sign here]
        """
    path = write(tmp_path, textwrap.dedent(text))
    demo, bare = load_red_flags(path)
    assert demo == RedFlag("demo", "urgent", "a demo", "nowhere", ("I have the demo sign", "the demo sign came on"))
    assert bare.descriptions == ()
    assert clear_descriptions(path) == ("no sign here",)
    assert span_patterns(path) == [
        {"label": "RED_FLAG_URGENT", "pattern": "demo sign", "id": "demo"},
        {"label": "RED_FLAG_URGENT", "pattern": "measured demo", "id": "demo"},
        {"label": "RED_FLAG_EMERGENCY", "pattern": "bare sign", "id": "bare"},
        {"label": FIRM, "pattern": "measured demo", "id": "demo"},
        {"label": NOT_RED_FLAG, "pattern": [{"LOWER": "at"}, {"LOWER": "the"}, {"LOWER": {"IN": ["gym", "pool"]}}],
         "id": "demo"},
        {"label": NOT_RED_FLAG, "pattern": "on purpose", "id": "demo"},
        {"label": NOT_RED_FLAG_IN_ANY_SENTENCE, "pattern": "for years", "id": "demo"},
        {"label": NOT_RED_FLAG, "pattern": "my mum"},
        {"label": NOT_RED_FLAG, "pattern": "my dog", "id": NEVER_THE_PATIENTS},
    ]  # fmt: skip


def test_a_flag_with_cues_twins_each_pattern_as_unconfirmed_and_labels_its_cues(tmp_path: Path) -> None:
    path = write(tmp_path, FLAG.format(tier="urgent", patterns="[aged 70]") + "    confirmed_by: [first time]\n")
    assert span_patterns(path) == [
        {"label": "RED_FLAG_URGENT", "pattern": "aged 70", "id": "demo"},
        {"label": UNCONFIRMED, "pattern": "aged 70", "id": "demo"},
        {"label": CONFIRMING, "pattern": "first time", "id": "demo"},
    ]


def test_not_red_flag_may_be_a_bare_list_of_patterns(tmp_path: Path) -> None:
    path = write(tmp_path, FLAG.format(tier="urgent", patterns="[night pain]") + "not_red_flag: [my mum]\n")
    assert span_patterns(path)[-1] == {"label": NOT_RED_FLAG, "pattern": "my mum"}
    assert clear_descriptions(path) == ()


def test_the_notation(tmp_path: Path) -> None:
    lexicons = r"""
        lexicons:
          possessives: [my, the]
          answers: [no, off]  # YAML 1.1 would read these as booleans
          digits: '/^\d+$/'
          cannot:
            - can not
            - unable to
        """
    patterns = """
      - night pain
      - <cannot> ~feel $possessives? legs|feet+ $answers* NUMBER $digits
      - his|$possessives ~leg|$answers
      - ^~back ,"""
    path = write(tmp_path, textwrap.dedent(lexicons) + FLAG.format(tier="urgent", patterns=patterns))
    tail = [
        {"LEMMA": "feel"},
        {"LOWER": {"IN": ["my", "the"]}, "OP": "?"},
        {"LOWER": {"IN": ["legs", "feet"]}, "OP": "+"},
        {"LOWER": {"IN": ["no", "off"]}, "OP": "*"},
        {"LIKE_NUM": True},
        {"LOWER": {"REGEX": r"^\d+$"}},
    ]
    assert span_patterns(path) == [
        {"label": "RED_FLAG_URGENT", "pattern": "night pain", "id": "demo"},
        {"label": "RED_FLAG_URGENT", "pattern": [{"LOWER": "can"}, {"LOWER": "not"}, *tail], "id": "demo"},
        {"label": "RED_FLAG_URGENT", "pattern": [{"LOWER": "unable"}, {"LOWER": "to"}, *tail], "id": "demo"},
        {"label": "RED_FLAG_URGENT", "pattern": [{"LOWER": {"IN": ["his", "my", "the"]}},
                                                  {"LEMMA": {"IN": ["leg", "no", "off"]}}], "id": "demo"},
        {"label": "RED_FLAG_URGENT", "pattern": [{"IS_SENT_START": True, "LEMMA": "back"}, {"LOWER": ","}],
         "id": "demo"},
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("tier", "patterns", "message"),
    [
        ("urgent", "[$nowhere legs]", "unknown lexicon 'nowhere'"),
        ("urgent", "[<nowhere> legs]", "unknown lexicon 'nowhere'"),
        ("soon", "[legs]", "unknown tier 'soon'"),
        ("urgent", "[]", "has no patterns"),
        ("urgent", "[$digits|legs]", "'digits' is a regex"),
        ("urgent", "[$cannot legs]", "holds phrasings"),
        ("urgent", "[a|NUMBER legs]", "NUMBER cannot be one of several choices"),
    ],
)
def test_a_broken_file_raises_a_clear_value_error(tmp_path: Path, tier: str, patterns: str, message: str) -> None:
    lexicons = "lexicons:\n  legs: [legs, leg]\n  digits: '/^\\d+$/'\n  cannot: [can not, unable to]\n"
    path = write(tmp_path, lexicons + FLAG.format(tier=tier, patterns=patterns))
    with pytest.raises(ValueError, match=message):
        span_patterns(path)
