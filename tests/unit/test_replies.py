"""Replies as domain responses: what Rasa makes of them, suggestions as text in rasa shell, no dead names."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel
from rasa.core.channels.socketio import SocketIOOutput
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import ActionAnswerTopic, ActionGreet
from actions.knowledge import guidance
from actions.replies import FIRST_TOPICS, SHELL_CHANNEL, section_reply
from actions.symptom_check import ActionAskRecurring
from tests.unit.said import responses

ROOT = Path(__file__).resolve().parents[2]
Render = Callable[[CollectingDispatcher], list[str]]
# What a channel's message may hold (CollectingOutputChannel, as the REST channel and rasa shell use it).
CHANNEL_KEYS = {"recipient_id", "text", "buttons", "image", "attachment", "custom"}


def from_channel(channel: str | None, text: str = "hello", intent: str = "greet", **slots: Any) -> Tracker:
    """A tracker whose latest message came in through `channel` (None: a tracker without events)."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    events = [] if channel is None else [{"event": "user", "text": text, "input_channel": channel}]
    return Tracker("user", slots, latest, events, False, None, {}, "action_listen")


def test_in_rasa_shell_suggestions_are_one_line_of_text_and_no_buttons(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], render: Render
) -> None:
    ActionGreet().run(dispatcher, from_channel(SHELL_CHANNEL), domain)
    assert responses(dispatcher) == ["utter_greet", "utter_disclaimer", "utter_what_to_ask", "utter_suggestions"]
    assert not any(message["buttons"] for message in dispatcher.messages)
    titles = [guidance()[topic].title for topic in FIRST_TOPICS]
    assert render(dispatcher)[-1] == "You can ask: " + " · ".join(titles)


def test_in_rasa_shell_a_question_lists_its_answers(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], render: Render
) -> None:
    ActionAskRecurring().run(dispatcher, from_channel(SHELL_CHANNEL, "lower back"), domain)
    assert responses(dispatcher) == ["utter_ask_recurring", "utter_choices"]
    assert not any(message["buttons"] for message in dispatcher.messages)
    assert render(dispatcher)[-1] == "You can answer: Yes, it keeps coming back · No, this is new"


@pytest.mark.parametrize("channel", ["rest", "socketio", None])  # Telegram's bridge posts to REST: "rest"
def test_other_channels_keep_their_buttons(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], channel: str | None
) -> None:
    ActionGreet().run(dispatcher, from_channel(channel), domain)
    assert responses(dispatcher) == ["utter_greet", "utter_disclaimer", "utter_what_to_ask"]
    assert len(dispatcher.messages[-1]["buttons"]) == len(FIRST_TOPICS)


async def send_as_rasa_does(messages: list[dict[str, Any]], domain: dict[str, Any], output: OutputChannel) -> None:
    """Send an action's messages the way Rasa 3.6 does: RemoteAction fills each response and adds the action's
    buttons (`_utter_responses`), then the processor gives every BotUttered to the output channel."""
    nlg = TemplatedNaturalLanguageGenerator(domain["responses"])
    tracker = DialogueStateTracker("user", slots=[])
    for uttered in await RemoteAction._utter_responses(copy.deepcopy(messages), output, nlg, tracker):
        await output.send_response(tracker.sender_id, uttered.message())


async def test_rasa_fills_the_section_keeps_the_buttons_and_leaks_no_variable(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = from_channel("rest", "is ice good?", "ask_cold_therapy", disclaimer_shown=True)
    ActionAnswerTopic().run(dispatcher, tracker, domain)
    cold = guidance()["cold_therapy"]
    output = CollectingOutputChannel()
    await send_as_rasa_does(dispatcher.messages, domain, output)
    [message] = output.messages
    assert set(message) <= CHANNEL_KEYS
    assert message["text"] == f"{cold.answer}\n\nSource: {cold.title}, from {cold.source.name} ({cold.source.section})."
    assert [button["payload"] for button in message["buttons"]] == [f"/ask_{related}" for related in cold.related]


async def test_the_web_widget_gets_quick_replies_and_no_variable(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    ActionGreet().run(dispatcher, from_channel("socketio"), domain)
    emitted: list[dict[str, Any]] = []

    class Recording(SocketIOOutput):
        async def _send_message(self, socket_id: str, response: Any) -> None:
            emitted.append(response)

    await send_as_rasa_does(dispatcher.messages, domain, Recording(None, "bot_uttered"))  # type: ignore[arg-type]
    assert all(set(message) <= {"text", "quick_replies"} for message in emitted)
    assert [reply["payload"] for reply in emitted[-1]["quick_replies"]] == [f"/ask_{topic}" for topic in FIRST_TOPICS]


@pytest.mark.parametrize("section_id", sorted(guidance()))
def test_every_guidance_section_renders_through_utter_section(
    section_id: str, dispatcher: CollectingDispatcher, render: Render
) -> None:
    section = guidance()[section_id]
    dispatcher.utter_message(**section_reply(section))
    assert render(dispatcher) == [
        f"{section.answer}\n\nSource: {section.title}, from {section.source.name} ({section.source.section})."
    ]


def named_in_actions() -> tuple[set[str], set[str]]:
    """The response names the actions write out in full, and the prefixes they complete (f"utter_x_{tier}")."""
    source = "\n".join(path.read_text() for path in sorted((ROOT / "actions").glob("*.py")))
    return set(re.findall(r"\"(utter_[a-z_]+)\"", source)), set(re.findall(r"f\"(utter_[a-z_]+)\{", source))


def test_every_response_an_action_names_is_in_the_domain(domain: dict[str, Any]) -> None:
    names, prefixes = named_in_actions()
    assert names and prefixes
    assert names <= set(domain["responses"])
    for prefix in prefixes:
        assert any(response.startswith(prefix) for response in domain["responses"]), prefix


def test_every_response_is_said_by_an_action_a_rule_a_story_or_the_form(domain: dict[str, Any]) -> None:
    names, prefixes = named_in_actions()
    data = "\n".join(path.read_text() for path in (ROOT / "data").rglob("*.yml"))
    form_questions = {f"utter_ask_{slot}" for slot in domain["forms"]["symptom_check_form"]["required_slots"]}
    for response in domain["responses"]:
        name = response.split("/")[0]
        used = name in names | form_questions or f"action: {name}" in data
        assert used or any(name.startswith(prefix) for prefix in prefixes), f"{response} is never said"
