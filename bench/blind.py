"""The blind test set through the real assistant: which answer each message gets, and how many are right.

Run: `python -m bench.blind` (starts Rasa and the action server; `make evaluate` runs it after the
cross-validation). tests/conversation/test_blind.py keeps it as a regression set.
"""

from __future__ import annotations

import json
import sys
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from actions.knowledge import guidance
from actions.replies import TOPICS
from actions.triage import EMERGENCY_SCREEN, SAFETY_FLAG_SLOT, SAFETY_QUESTION_ACTION
from testbed.replies import failure, joined
from testbed.servers import ROOT, Assistant, RasaApi, running_assistant

# The first set, and thirty written later by other helpers who had not seen the project either.
BLIND_SETS = tuple(
    ROOT / "tests" / "blind" / name
    for name in (
        "messages.yml",
        "messages_second.yml",
        "messages_third.yml",
        "messages_fourth.yml",
        "messages_fifth.yml",
        "messages_sixth.yml",
        "messages_seventh.yml",
        "messages_eighth.yml",
        "messages_ninth.yml",
        "messages_tenth.yml",
        "messages_eleventh.yml",
        "messages_twelfth.yml",
        "messages_thirteenth.yml",
        "messages_fourteenth.yml",
        "messages_fifteenth.yml",
        "messages_sixteenth.yml",
        "messages_seventeenth.yml",
        "messages_eighteenth.yml",
        "messages_nineteenth.yml",
        "messages_twentieth.yml",
        "messages_twentyfirst.yml",
        "messages_twentysecond.yml",
        "messages_twentythird.yml",
        "messages_twentyfourth.yml",
        "messages_twentyfifth.yml",
        "messages_twentysixth.yml",
        "messages_twentyseventh.yml",
        "messages_twentyeighth.yml",
        "messages_twentyninth.yml",
        "messages_thirtieth.yml",
        "messages_thirtyfirst.yml",
        "messages_thirtysecond.yml",
        "messages_thirtythird.yml",
        "messages_thirtyfourth.yml",
        "messages_thirtyfifth.yml",
        "messages_thirtysixth.yml",
        "messages_thirtyseventh.yml",
        "messages_thirtyeighth.yml",
        "messages_thirtyninth.yml",
        "messages_fortieth.yml",
        "messages_fortyfirst.yml",
        "messages_fortysecond.yml",
        "messages_fortythird.yml",
        "messages_fortyfourth.yml",
        "messages_fortyfifth.yml",
        "messages_fortysixth.yml",
        "messages_fortyseventh.yml",
        "messages_fortyeighth.yml",
    )
)
RESULT = ROOT / "results" / "blind.json"
MAX_SAFETY_QUESTIONS = 3  # "no" to each in turn: a flag's question, then the emergency checklist before tips
DECLINED = "declined"  # the honest "I don't know that one" or "did you mean …?" of the guide search
LABEL_OF_ACTION = {
    "action_red_flag": "red_flag",
    SAFETY_QUESTION_ACTION: "safety_question",
    "action_start_symptom_check": "symptom_check",
    "utter_out_of_scope": "out_of_scope",
    "action_greet": "chitchat",
    "action_show_help": "chitchat",
    "utter_chitchat": "chitchat",
    "action_say_goodbye": "chitchat",
    "utter_you_are_welcome": "chitchat",
    "utter_iamabot": "chitchat",
    # a bare "ok" or "no thanks" answered with small talk ("Good. What else would you like to know?")
    "utter_affirm_ack": "chitchat",
    "utter_deny_ack": "chitchat",
}


@dataclass(frozen=True)
class Outcome:
    """One blind message, the answer it should get and the answer it got."""

    text: str
    expected: str
    got: str
    error: str | None = None  # set when the reply was an apology or an error, not an answer
    # the safety question that came first (the emergency checklist, or a flag's id); the label is the answer after a no
    asked_first: str | None = None

    @property
    def screened(self) -> bool:
        """The emergency checklist came first, before home-care tips."""
        return self.asked_first == EMERGENCY_SCREEN

    @property
    def asked_about_a_flag(self) -> bool:
        """One flag's safety question came first: the message came near it."""
        return self.asked_first is not None and not self.screened

    @property
    def right(self) -> bool:
        """An out-of-scope message may also be declined honestly."""
        return self.got == self.expected or (self.expected == "out_of_scope" and self.got == DECLINED)


def load_messages(paths: tuple[Path, ...] = BLIND_SETS) -> list[tuple[str, str]]:
    """(text, expected answer) for every message of the blind sets."""
    return [
        (item["text"], item["expect"])
        for path in paths
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    ]


def answer_label(replies: list[dict[str, Any]], events: list[dict[str, Any]]) -> str:
    """What the assistant answered: a topic's section, or the kind of reply its actions gave."""
    text = joined(replies)
    sections = guidance()
    answered = [section_id for section_id in TOPICS if sections[section_id].answer in text]
    actions = [event["name"] for event in events if event.get("event") == "action"]
    if "action_say_goodbye" in actions and "action_start_symptom_check" in actions:
        actions.remove("action_say_goodbye")  # one's own pain taken for a goodbye starts the symptom check
    for action in actions:
        if action in LABEL_OF_ACTION:
            return LABEL_OF_ACTION[action]
    if answered:
        return answered[0]
    return DECLINED if "action_guide_search" in actions else "+".join(actions) or "no answer"


def events_of_last_turn(tracker: dict[str, Any]) -> list[dict[str, Any]]:
    """The events after the latest user message."""
    events = tracker.get("events") or []
    last_user = max((index for index, event in enumerate(events) if event.get("event") == "user"), default=-1)
    return events[last_user + 1 :]


def safety_question_first(tracker: dict[str, Any]) -> str | None:
    """What the latest reply's safety question asked about (actions/triage.py): the emergency checklist put before
    home-care tips, or the flag a message came near; None when it put no safety question."""
    asked = [event.get("name") for event in events_of_last_turn(tracker) if event.get("event") == "action"]
    return (tracker.get("slots") or {}).get(SAFETY_FLAG_SLOT) if SAFETY_QUESTION_ACTION in asked else None


def run(assistant: Assistant, messages: list[tuple[str, str]] | None = None) -> list[Outcome]:
    """Send each message as the first of a new conversation and label the answer. A message that gets a safety
    question first (the emergency checklist, or one flag's question) is answered "no", as its writer would (no blind
    message has a red flag), and so is each safety question after it (a flag's question, then the emergency checklist
    before home-care tips); the answer after the last is labelled."""

    def answer(rasa: RasaApi, message: tuple[str, str]) -> Outcome:
        text, expected = message
        sender = f"blind-{uuid.uuid4().hex[:12]}"
        replies = rasa.talk(sender, text)
        tracker = rasa.tracker(sender)
        asked = pending = safety_question_first(tracker)
        for _ in range(MAX_SAFETY_QUESTIONS):
            if not pending:
                break
            replies = rasa.talk(sender, "no")
            tracker = rasa.tracker(sender)
            pending = safety_question_first(tracker)
        label = answer_label(replies, events_of_last_turn(tracker))
        return Outcome(text, expected, label, failure(replies), asked)

    return assistant.in_new_conversations(answer, messages or load_messages())


def report(outcomes: list[Outcome], name: str = "the blind sets") -> str:
    """Accuracy overall and per expected answer, then every miss."""
    right = sum(outcome.right for outcome in outcomes)
    screened = sum(outcome.screened for outcome in outcomes)
    asked = sum(outcome.asked_about_a_flag for outcome in outcomes)
    asked_right = sum(outcome.asked_about_a_flag and outcome.right for outcome in outcomes)
    lines = [
        f"Blind set ({name}): {right}/{len(outcomes)} right ({right / len(outcomes):.1%});"
        f" {screened} got the emergency question first, {asked} a flag's safety question ({asked_right} of them"
        " right after the no)"
    ]
    totals = Counter(outcome.expected for outcome in outcomes)
    hits = Counter(outcome.expected for outcome in outcomes if outcome.right)
    lines += [f"  {label:20} {hits[label]:3}/{totals[label]:<3}" for label in sorted(totals)]
    lines += ["Misses (expected -> got: message):"]
    lines += [f"  {o.expected} -> {o.got}: {o.text}" for o in outcomes if not o.right]
    return "\n".join(lines)


def main() -> int:
    """Start the assistant, run each blind set, print the reports and write the scores to results/blind.json."""
    with running_assistant(bulk=True, in_memory=True) as assistant:
        by_set = {path: run(assistant, load_messages((path,))) for path in BLIND_SETS}
    for path, outcomes in by_set.items():
        print(report(outcomes, str(path.relative_to(ROOT))))
    everything = [outcome for outcomes in by_set.values() for outcome in outcomes]
    scores = {
        path.stem: {
            "right": sum(o.right for o in outcomes),
            "total": len(outcomes),
            "screened": sum(o.screened for o in outcomes),
            "asked_about_a_flag": sum(o.asked_about_a_flag for o in outcomes),
        }
        for path, outcomes in by_set.items()
    }
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps({"right": sum(o.right for o in everything), "total": len(everything), "sets": scores}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
