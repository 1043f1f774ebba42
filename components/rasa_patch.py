"""A pipeline entry that changes how Rasa itself works when the model loads, and leaves messages alone."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message


class RasaPatch(GraphComponent):
    """Calls `install` when Rasa creates the component; subclasses say what to install."""

    @classmethod
    def install(cls) -> None:
        """Put the patch in place."""
        raise NotImplementedError

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RasaPatch:
        cls.install()
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        """Messages are not this component's concern."""
        return messages
