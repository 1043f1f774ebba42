"""The compiled check of action-server replies (components/action_results.py) agrees with Rasa's own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from components.action_results import (
    CompiledActionReplyCheck,
    _rasa_check,
    action_reply_validator,
    validate_action_result,
)

VALID = [
    {},
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "disclaimer_shown", "value": True}], "responses": [{"text": "hi"}]},
    {"events": [{"event": "active_loop", "name": None}, {"event": "followup", "name": "action_listen"}]},
]
INVALID = [
    {"events": "not a list"},
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"event": "slot"}]},
    {"responses": "hi"},
    {"responses": ["hi"]},
]


@pytest.fixture
def action() -> RemoteAction:
    return RemoteAction("action_answer_topic", None)


@pytest.fixture
def restored() -> Iterator[None]:
    """Put Rasa's check back after a test that installs ours."""
    yield
    RemoteAction._validate_action_result = _rasa_check


@pytest.mark.parametrize("reply", VALID)
def test_a_valid_reply_passes_both_checks(action: RemoteAction, reply: dict[str, Any]) -> None:
    assert _rasa_check(action, reply) is True
    assert validate_action_result(action, reply) is True


@pytest.mark.parametrize("reply", INVALID)
def test_an_invalid_reply_fails_both_checks_with_rasa_s_hint(action: RemoteAction, reply: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        _rasa_check(action, reply)
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        validate_action_result(action, reply)


def test_the_validator_is_built_once() -> None:
    assert action_reply_validator() is action_reply_validator()


def test_loading_the_component_installs_the_compiled_check(restored: None) -> None:
    assert RemoteAction._validate_action_result is _rasa_check
    component = CompiledActionReplyCheck.create({}, None, None, None)  # type: ignore[arg-type]
    assert RemoteAction._validate_action_result is validate_action_result
    messages: list = [object()]
    assert component.process(messages) is messages
