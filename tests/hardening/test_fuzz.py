"""Hostile input: fuzz the live REST channel and the NLU rule component; nothing may crash or 5xx."""

from __future__ import annotations

import json
import logging
import os
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from channels.guard import max_message_chars
from channels.texts import TOO_LONG
from components.extractor import MAX_CHARS, RuleEntityExtractor, find_entities
from components.language import build_pipeline
from testbed.replies import answered, joined
from testbed.servers import Assistant
from tests.hardening.helpers import post_raw, rasa_is_up
from tests.pipeline_config import extractor_config

# `make test` fuzzes the live server briefly; `make test-all` sets FUZZ_EXAMPLES for the long run.
LIVE = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
OFFLINE = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words the rules react to, so random text also walks the matching, negation and red-flag paths.
WORDS = [
    "lower back", "neck", "hips", "3 days", "two weeks", "since this morning", "pain 7/10", "8 out of 10",
    "peed myself", "can't feel my legs", "fever", "cancer", "my mum had", "no", "not", "don't", "never",
    "I'm 17 and", "twice a day", "60 years old", "ice", "heat", "ibuprofen", "?", "!", ",", "\n", "🙂",
]  # fmt: skip

unicode_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
rule_text = st.lists(st.one_of(st.sampled_from(WORDS), unicode_text.map(lambda text: text[:12])), max_size=40).map(
    " ".join
)
any_text = st.one_of(unicode_text, rule_text)
huge_text = st.builds(
    lambda unit, size: (unit * size)[:size],
    st.sampled_from(["a", "é ", "🙂", "back pain "]),
    st.sampled_from([1999, 2000, 2001, 20_000, 100_000]),
)
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)
sender = st.one_of(st.from_regex(r"fuzz-[a-z0-9]{1,12}", fullmatch=True), st.integers(0, 10**12), json_value)
message = st.one_of(any_text, huge_text, json_value)
bodies = st.fixed_dictionaries(
    {}, optional={"sender": sender, "message": message, "metadata": json_value, "input_channel": json_value}
)


HOSTILE_BODIES = [b"", b"null", b"[]", b'"x"', b"1e999", b"[" * 50_000, b'{"sender": "s", "message": "\\ud800"}']


def _check(response: Any) -> None:
    """A 2xx or 4xx; a 200 is a list of replies that really answer."""
    assert response.status_code < 500, (response.status_code, response.text[:300])
    if response.status_code == 200:
        replies = response.json()
        assert isinstance(replies, list) and all(isinstance(reply, dict) for reply in replies)
        answered(replies)


@pytest.fixture(scope="module")
def capped(assistant: Assistant) -> Assistant:
    """The live assistant, once its REST channel is seen to cap message size.

    Rasa's stock channel runs NLU on any length: fuzzing it with 20-100 KB messages took over 30 s a
    message and left the server at 14 GB of memory, which would swamp the machine. So fail fast instead.
    """
    limit = max_message_chars()
    started = time.monotonic()
    replies = assistant.talk("fuzz-precheck", "a" * (limit + 1))  # one token: cheap even without the cap
    assert joined(replies) == TOO_LONG.format(limit=limit), "the live REST channel has no size cap (credentials.yml)"
    assert time.monotonic() - started < 5
    return assistant


@LIVE
@given(body=bodies)
def test_any_json_body_gets_a_2xx_or_4xx(capped: Assistant, body: dict[str, Any]) -> None:
    _check(post_raw(capped, json.dumps(body).encode()))


@LIVE
@given(sender=st.from_regex(r"fuzz-[a-z0-9]{1,12}", fullmatch=True), text=st.one_of(any_text, huge_text))
def test_any_text_gets_an_answer(capped: Assistant, sender: str, text: str) -> None:
    _check(post_raw(capped, json.dumps({"sender": sender, "message": text}).encode()))


@LIVE
@given(
    body=st.one_of(
        st.binary(max_size=300),
        st.builds(lambda body, cut: body[:cut], bodies.map(lambda body: json.dumps(body).encode()), st.integers(0, 60)),
        st.sampled_from(HOSTILE_BODIES),
    )
)
def test_any_byte_string_gets_a_2xx_or_4xx(capped: Assistant, body: bytes) -> None:
    _check(post_raw(capped, body))


def test_the_server_survives_the_fuzzing(assistant: Assistant) -> None:
    """Runs after the fuzz tests above (file order): the process is alive and answers a real question."""
    assert rasa_is_up(assistant)
    assert "15 to 20 minutes" in answered(assistant.talk("fuzz-after", "how long should I put ice on my back?"))


def _check_entities(text: str, entities: list[dict[str, Any]]) -> None:
    for entity in entities:
        assert 0 <= entity["start"] < entity["end"] <= len(text), entity
        if "text" in entity:
            assert text[entity["start"] : entity["end"]] == entity["text"], entity


@OFFLINE
@given(text=st.one_of(any_text, st.builds(lambda text, times: text * times, rule_text, st.integers(1, 30))))
def test_find_entities_never_raises(text: str) -> None:
    _check_entities(text, find_entities(build_pipeline()(text)))


class _Collector(logging.Handler):
    """Keeps the records it sees."""

    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def extractor(tmp_path_factory: pytest.TempPathFactory) -> RuleEntityExtractor:
    return RuleEntityExtractor.create(
        extractor_config(),
        LocalModelStorage(tmp_path_factory.mktemp("model")),
        Resource("rule_entity_extractor"),
        ExecutionContext(GraphSchema({})),
    )


@OFFLINE
@given(
    text=st.one_of(st.none(), any_text, st.builds(lambda text: text * (MAX_CHARS // max(len(text), 1) + 2), rule_text)),
    intent=st.sampled_from([None, "report_red_flag", "ask_relief", "nlu_fallback"]),
)
def test_the_rule_extractor_never_fails_on_a_message(
    extractor: RuleEntityExtractor, text: str | None, intent: str | None
) -> None:
    """process() swallows rule failures; here none may happen, not even a logged one."""
    data: dict[str, Any] = {} if text is None else {TEXT: text}
    if intent is not None:
        ranking = [{"name": intent, "confidence": 0.7}, {"name": "ask_relief", "confidence": 0.2}]
        data |= {INTENT: ranking[0], INTENT_RANKING_KEY: ranking}
    message = Message(data=data)
    errors = _Collector(logging.ERROR)
    extractor_logger = logging.getLogger("components.extractor")
    extractor_logger.addHandler(errors)
    try:
        [processed] = extractor.process([message])
    finally:
        extractor_logger.removeHandler(errors)
    assert not errors.records, [record.getMessage() for record in errors.records]
    _check_entities((text or "")[:MAX_CHARS], processed.get(ENTITIES) or [])
    assert processed.get(INTENT) is None or processed.get(INTENT)["name"]
