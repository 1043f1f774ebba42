"""Rasa component: check the action server's replies against a compiled schema, not a re-checked one.

For every custom action, Rasa 3.6 calls `jsonschema.validate(reply, schema)`, which first checks the
schema itself against JSON Schema's 2020-12 metaschema and then builds a new validator: about 24 ms
per action on these cores (most of a reply's time in a profile of the `make bench` script), for a
schema that never changes. This component, when the model loads, has Rasa use one validator built
once. Replies are accepted and refused exactly as before; a refused one still goes through Rasa's
own check, so the error and its hint are Rasa's. Messages pass through untouched.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jsonschema import ValidationError
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from components.rasa_patch import RasaPatch

_rasa_check = RemoteAction._validate_action_result


@lru_cache(maxsize=1)
def action_reply_validator() -> Validator:
    """A validator for Rasa's action-server reply schema, the schema checked once."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(action: RemoteAction, result: dict[str, Any]) -> bool:
    """True for a valid reply; for an invalid one, Rasa's own check raises its ValidationError."""
    try:
        action_reply_validator().validate(result)
    except ValidationError:
        return _rasa_check(action, result)
    return True


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class CompiledActionReplyCheck(RasaPatch):
    """Installs `validate_action_result` in place of Rasa's per-call schema check."""

    @classmethod
    def install(cls) -> None:
        RemoteAction._validate_action_result = validate_action_result
