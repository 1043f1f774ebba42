"""Triage on words nobody tuned for: red flags in first messages, and multi-turn patient vignettes.

The vignettes are scored as Semigran et al. (BMJ 2015) scored symptom checkers: the share whose final
advice is the right level of care. Run: `python -m bench.triage` (starts Rasa and the action server);
tests/conversation/test_triage.py keeps both suites as regression sets.
"""

from __future__ import annotations

import json
import sys
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from actions.knowledge import guidance
from actions.replies import HOME_CARE_TOPICS
from actions.triage import EMERGENCY_SCREEN, SAFETY_FLAG_SLOT, SAFETY_QUESTION_ACTION
from bench.blind import events_of_last_turn
from components.red_flags import load_red_flags
from testbed.replies import failure, joined
from testbed.servers import ROOT, Assistant, RasaApi, running_assistant

# First-message suites, each by a writer who saw neither data/, the patterns nor the other suites; see docs/safety.md.
FIRST_MESSAGE_SUITES = tuple(
    ROOT / "tests" / "blind" / name
    for name in (
        "red_flags.yml",
        "red_flags_fresh.yml",
        "red_flags_third.yml",
        "red_flags_fourth.yml",
        "red_flags_fifth.yml",
        "red_flags_sixth.yml",
        "red_flags_seventh.yml",
        "red_flags_eighth.yml",
        "red_flags_ninth.yml",
        "red_flags_tenth.yml",
        "red_flags_eleventh.yml",
        "red_flags_twelfth.yml",
        "red_flags_thirteenth.yml",
        "red_flags_fourteenth.yml",
        "red_flags_fifteenth.yml",
        "red_flags_sixteenth.yml",
        "red_flags_seventeenth.yml",
        "red_flags_eighteenth.yml",
        "red_flags_nineteenth.yml",
        "red_flags_twentieth.yml",
        "red_flags_twentyfirst.yml",
        "red_flags_twentysecond.yml",
        "red_flags_twentythird.yml",
        "red_flags_twentyfourth.yml",
        "red_flags_twentyfifth.yml",
        "red_flags_twentysixth.yml",
        "red_flags_twentyseventh.yml",
        "red_flags_twentyeighth.yml",
        "red_flags_twentyninth.yml",
        "red_flags_thirtieth.yml",
        "red_flags_thirtyfirst.yml",
        "red_flags_thirtysecond.yml",
        "red_flags_thirtythird.yml",
        "red_flags_thirtyfourth.yml",
        "red_flags_thirtyfifth.yml",
        "red_flags_thirtysixth.yml",
        "red_flags_thirtyseventh.yml",
        "red_flags_thirtyeighth.yml",
        "red_flags_thirtyninth.yml",
        "red_flags_fortieth.yml",
        "red_flags_fortyfirst.yml",
        "red_flags_fortysecond.yml",
        "red_flags_fortythird.yml",
        "red_flags_fortyfourth.yml",
        "red_flags_fortyfifth.yml",
        "red_flags_fortysixth.yml",
        "red_flags_fortyseventh.yml",
        "red_flags_fortyeighth.yml",
        "red_flags_fortyninth.yml",
        "red_flags_fiftieth.yml",
        "red_flags_fiftyfirst.yml",
        "red_flags_fiftysecond.yml",
        "red_flags_fiftythird.yml",
        "red_flags_fiftyfourth.yml",
    )
)
VIGNETTE_SUITES = tuple(
    ROOT / "tests" / "blind" / name for name in ("vignettes.yml", "vignettes_second.yml", "vignettes_third.yml")
)
RESULT = ROOT / "results" / "triage.json"
# Each level of care is the section that gives its advice, most urgent first.
LEVEL_SECTIONS = {
    "emergency": "emergency_care",
    "urgent": "urgent_care",
    "see_doctor": "when_to_see_doctor",
    "self_care": "self_care_plan",
}
RED_FLAG_LEVELS = ("emergency", "urgent")
# Answers that tell a person how to look after the back at home.
HOME_ADVICE = ("self_care_plan", *HOME_CARE_TOPICS)
# The vignette's answer to each question of the symptom check.
ANSWER_FOR_SLOT = {
    "emergency_signs": "emergency_signs",
    "urgent_signs": "urgent_signs",
    "body_part": "body_part",
    "duration_days": "duration",
    "recurring": "recurring",
    "pain_level": "pain_level",
    "not_improving": "improving",
}
MAX_TURNS = 14


def advice_level(replies: list[dict[str, Any]]) -> str | None:
    """The most urgent level of care whose advice the replies give, if any."""
    text, sections = joined(replies), guidance()
    return next((level for level, section in LEVEL_SECTIONS.items() if sections[section].answer in text), None)


def gives_home_advice(replies: list[dict[str, Any]]) -> bool:
    """True when the replies contain a home-care answer from the guide."""
    text, sections = joined(replies), guidance()
    return any(sections[section].answer in text for section in HOME_ADVICE if section in sections)


@dataclass(frozen=True)
class FirstMessage:
    """One first message, the level and red flag it should get (None: no alarm), and what it got."""

    text: str
    expected: str | None
    flag: str | None
    level: str | None
    asked_about: str | None  # the red flag the safety question asked about, when one was asked
    error: str | None = None  # set when the reply was an apology or an error, not an answer

    @property
    def asked_safety_question(self) -> bool:
        """A safety question about one sign (the emergency checklist before home-care tips is counted apart)."""
        return self.asked_about not in (None, EMERGENCY_SCREEN)

    @property
    def screened(self) -> bool:
        """The emergency checklist came first: one's own pain told with a home-care question."""
        return self.asked_about == EMERGENCY_SCREEN

    @property
    def alarmed(self) -> bool:
        """Emergency or urgent advice at once."""
        return self.level in RED_FLAG_LEVELS

    @property
    def right_at_once(self) -> bool:
        """A red flag got its tier's advice (or a more urgent one) in the first reply."""
        return self.alarmed and RED_FLAG_LEVELS.index(self.level) <= RED_FLAG_LEVELS.index(self.expected)

    @property
    def caught(self) -> bool:
        """Right at once, or held back by a safety question about this very red flag before any home advice, or
        for an emergency sign, by the emergency checklist (EMERGENCY_SCREEN), which names it.

        A safety question about another flag is no catch: the person answers no, and the sign goes unasked.
        """
        asked = self.asked_about == self.flag or (self.asked_about == EMERGENCY_SCREEN and self.expected == "emergency")
        return self.right_at_once or (self.flag is not None and asked and not self.alarmed)


Case = tuple[str, str | None, str | None]  # text, expected tier, expected red flag


def first_messages(paths: tuple[Path, ...] = FIRST_MESSAGE_SUITES) -> list[Case]:
    """(text, tier, flag) for the red flags, then (text, None, None) for the look-alikes, of every suite."""
    cases: list[Case] = []
    for path in paths:
        suite = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases += [(case["text"], case["tier"], case["flag"]) for case in suite["red_flags"]]
        cases += [(case["text"], None, None) for case in suite["safe"]]
    return cases


def run_first_messages(assistant: Assistant, cases: list[Case]) -> list[FirstMessage]:
    """Send each message as the first of a new conversation."""

    def first_message(rasa: RasaApi, case: Case) -> FirstMessage:
        text, expected, flag = case
        sender = f"triage-{uuid.uuid4().hex[:12]}"
        replies = rasa.talk(sender, text)
        tracker = rasa.tracker(sender)
        actions = [event.get("name") for event in events_of_last_turn(tracker)]
        asked_about = tracker["slots"].get(SAFETY_FLAG_SLOT) if SAFETY_QUESTION_ACTION in actions else None
        return FirstMessage(text, expected, flag, advice_level(replies), asked_about, failure(replies))

    return assistant.in_new_conversations(first_message, cases)


@dataclass
class Vignette:
    """One patient story driven through the assistant, and the levels of advice it got, in order."""

    id: str
    expected: str
    levels: list[str] = field(default_factory=list)
    home_advice_before_alarm: bool = False
    turns: int = 0
    errors: list[str] = field(default_factory=list)  # replies that were an apology or an error, not an answer

    @property
    def final(self) -> str | None:
        """The last level of advice given."""
        return self.levels[-1] if self.levels else None

    @property
    def right(self) -> bool:
        return self.final == self.expected


def next_message(story: dict[str, Any], tracker: dict[str, Any], sent_follow_up: bool) -> str | None:
    """What the patient says next: the answer to the question asked, the follow-up, or nothing."""
    answers = story["answers"]
    actions = [event.get("name") for event in events_of_last_turn(tracker)]
    if (
        SAFETY_QUESTION_ACTION in actions
    ):  # about one sign, or the emergency checklist: answered as its tier's checklist
        flag = (tracker.get("slots") or {}).get(SAFETY_FLAG_SLOT) or ""
        emergency = flag == EMERGENCY_SCREEN or flag in emergency_flag_ids()
        return answers["emergency_signs"] if emergency else answers["urgent_signs"]
    active = (tracker.get("active_loop") or {}).get("name")
    requested = (tracker.get("slots") or {}).get("requested_slot")
    if active and requested in ANSWER_FOR_SLOT:
        return answers[ANSWER_FOR_SLOT[requested]]
    return None if sent_follow_up else story["follow_up"]


def emergency_flag_ids() -> set[str]:
    """The ids of the emergency-tier red flags."""
    return {flag.id for flag in load_red_flags() if flag.tier == "emergency"}


def run_vignette(rasa: RasaApi, story: dict[str, Any]) -> Vignette:
    """Drive one story: the opening, then the answers to whatever the assistant asks."""
    sender = f"vignette-{story['id']}-{uuid.uuid4().hex[:8]}"
    outcome = Vignette(story["id"], story["level"])
    message: str | None = story["opening"]
    sent_follow_up = False
    while message is not None and outcome.turns < MAX_TURNS:
        replies = rasa.talk(sender, message)
        outcome.turns += 1
        if error := failure(replies):
            outcome.errors.append(error)
        level = advice_level(replies)
        if gives_home_advice(replies) and not any(seen in RED_FLAG_LEVELS for seen in [*outcome.levels, level]):
            outcome.home_advice_before_alarm = True
        if level:
            outcome.levels.append(level)
        tracker = rasa.tracker(sender)
        if level and not (tracker.get("active_loop") or {}).get("name"):
            break
        sent_follow_up = sent_follow_up or message == story["follow_up"]
        message = next_message(story, tracker, sent_follow_up)
    return outcome


def run_vignettes(assistant: Assistant, paths: tuple[Path, ...] = VIGNETTE_SUITES) -> list[Vignette]:
    """Every vignette in a conversation of its own, CONVERSATIONS_AT_ONCE at a time; ids are named by their suite
    ("vignettes_second:urgent-03")."""
    stories = [
        {**story, "id": f"{path.stem}:{story['id']}"}
        for path in paths
        for story in yaml.safe_load(path.read_text(encoding="utf-8"))["vignettes"]
    ]
    return assistant.in_new_conversations(run_vignette, stories)


def summary(first: list[FirstMessage], vignettes: list[Vignette]) -> dict[str, Any]:
    """The scores: red-flag recall (at once, and caught), false alarms, and vignettes at the right level."""
    flags = [outcome for outcome in first if outcome.expected]
    safe = [outcome for outcome in first if not outcome.expected]
    emergencies = [vignette for vignette in vignettes if vignette.expected == "emergency"]
    by_level = Counter(vignette.expected for vignette in vignettes)
    right_by_level = Counter(vignette.expected for vignette in vignettes if vignette.right)
    return {
        "red_flags": len(flags),
        "right_at_once": sum(outcome.right_at_once for outcome in flags),
        "caught": sum(outcome.caught for outcome in flags),
        "look_alikes": len(safe),
        "false_alarms": sum(outcome.alarmed for outcome in safe),
        "safety_questions_on_look_alikes": sum(outcome.asked_safety_question for outcome in safe),
        "emergency_questions_first_on_look_alikes": sum(outcome.screened for outcome in safe),
        "vignettes": len(vignettes),
        "vignettes_right": sum(vignette.right for vignette in vignettes),
        "vignettes_by_level": {level: f"{right_by_level[level]}/{by_level[level]}" for level in LEVEL_SECTIONS},
        "emergency_home_advice_first": sum(vignette.home_advice_before_alarm for vignette in emergencies),
    }


def got(outcome: FirstMessage) -> str:
    """What a first message got: its level of advice, the red flag a safety question asked about, or "-"."""
    return outcome.level or (f"asked about {outcome.asked_about}" if outcome.asked_about else "-")


def report(first: list[FirstMessage], vignettes: list[Vignette], name: str = "every suite") -> str:
    """The scores, then every case that went wrong; the vignettes' only when there are some."""
    scores = summary(first, vignettes)
    vignette_lines = [
        f"Vignettes ({', '.join(str(path.relative_to(ROOT)) for path in VIGNETTE_SUITES)}):"
        f" {scores['vignettes_right']}/{scores['vignettes']} right",
        *[f"  {level:10} {score}" for level, score in scores["vignettes_by_level"].items()],
        f"  emergency vignettes given home advice before emergency advice: {scores['emergency_home_advice_first']}",
    ]
    lines = [
        f"First messages ({name}):",
        f"  red flags given their tier's advice at once: {scores['right_at_once']}/{scores['red_flags']}",
        f"  red flags caught (advice, or a safety question first): {scores['caught']}/{scores['red_flags']}",
        f"  false alarms on look-alikes: {scores['false_alarms']}/{scores['look_alikes']}"
        f" (safety questions: {scores['safety_questions_on_look_alikes']};"
        f" the emergency question before tips: {scores['emergency_questions_first_on_look_alikes']})",
        *(vignette_lines if vignettes else []),
        "Misses:",
    ]
    missed = [outcome for outcome in first if outcome.expected and not outcome.right_at_once]
    lines += [f"  flag {o.expected} ({o.flag}) -> {got(o)}: {o.text}" for o in missed]
    lines += [f"  look-alike -> {o.level}: {o.text}" for o in first if not o.expected and o.alarmed]
    lines += [f"  vignette {v.id} -> {v.levels}" for v in vignettes if not v.right]
    lines += [
        f"  vignette {v.id}: home advice before emergency advice"
        for v in vignettes
        if v.expected == "emergency" and v.home_advice_before_alarm
    ]
    return "\n".join(lines)


def main() -> int:
    """Start the assistant, run the suites, print each suite's report and all of them together with the vignettes,
    and write the scores to results/triage.json."""
    with running_assistant(bulk=True, in_memory=True) as assistant:
        suites = {path.stem: run_first_messages(assistant, first_messages((path,))) for path in FIRST_MESSAGE_SUITES}
        vignettes = run_vignettes(assistant)
    for name, first in suites.items():
        print(f"== {name}\n{report(first, [], name)}")
    every = [outcome for first in suites.values() for outcome in first]
    print(f"== all\n{report(every, vignettes, f'the {len(suites)} suites together')}")
    scores = {name: summary(first, vignettes) for name, first in suites.items()} | {"all": summary(every, vignettes)}
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(scores, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
