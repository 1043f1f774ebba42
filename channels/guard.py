"""What every channel of ours does around a turn: cap the size of a message and never fall silent.

Shared by the REST channel (channels/rest.py) and the socket.io channel (channels/socket_io.py):

* a message longer than MAX_MESSAGE_CHARS (environment, default DEFAULT_MAX_MESSAGE_CHARS) is answered
  with TOO_LONG without NLU, unless it holds a red flag: then only the sentences with the warning signs go on,
  so the emergency advice is never refused;
* a turn in which something went wrong (an exception, or an ERROR that Rasa logged and swallowed,
  as it does when the action server is down) and nothing was said is answered with TROUBLE;
* no message text and no sender id ever reach the log, only the kind of failure; a message that starts with
  "/" but is no intent shortcut loses its slash, or Rasa would log it whole as a bad shortcut.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import os
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rasa.core.channels.channel import UserMessage

from channels.excerpt import red_flag_excerpt
from channels.texts import TOO_LONG, TROUBLE
from components.language import build_pipeline

logger = logging.getLogger(__name__)

DEFAULT_MAX_MESSAGE_CHARS = 2000
# An intent shortcut as Rasa reads one: /intent, /retrieval/intent, an optional @confidence and {entities}.
INTENT_SHORTCUT = re.compile(r"/[\w/-]+(?:@[0-9.]+)?(?:\{.*\})?", re.DOTALL)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def max_message_chars(env: Mapping[str, str] = os.environ) -> int:
    """MAX_MESSAGE_CHARS from the environment (default DEFAULT_MAX_MESSAGE_CHARS); a clear error unless positive."""
    raw = env.get("MAX_MESSAGE_CHARS", "").strip()
    if not raw:
        return DEFAULT_MAX_MESSAGE_CHARS
    try:
        limit = int(raw)
    except ValueError:
        raise ValueError(f"MAX_MESSAGE_CHARS must be a whole number of characters, not {raw!r}") from None
    if limit < 1:
        raise ValueError(f"MAX_MESSAGE_CHARS must be at least 1, not {limit}")
    return limit


def message_cap(max_chars: int | None) -> int:
    """A channel's cap: `max_chars` when given, else MAX_MESSAGE_CHARS; a ValueError when below 1."""
    cap = max_message_chars() if max_chars is None else max_chars
    if cap < 1:
        raise ValueError(f"max_chars must be at least 1, not {cap}")
    return cap


def too_long(max_chars: int) -> str:
    """TOO_LONG, naming the cap."""
    return TOO_LONG.format(limit=max_chars)


def as_words(text: str) -> str:
    """A message that starts with "/" but is no intent shortcut ("/log 6 stiff"), without its slash.

    Rasa reads every message that starts with "/" as an intent shortcut (`/greet`, `/describe_pain{...}`),
    and logs the whole text in a warning when the words after it are no intent: health details in the log.
    """
    stripped = text.strip()
    if stripped.startswith("/") and not INTENT_SHORTCUT.fullmatch(stripped):
        return stripped[1:].lstrip()
    return text


def admit(text: str, max_chars: int) -> str | None:
    """The text to pass on: as it is (a slash before words dropped), or for one over the cap its red-flag
    sentences; None to refuse it."""
    text = as_words(text)
    if len(text) <= max_chars:
        return text
    return red_flag_excerpt(text, max_chars)


@dataclass
class Turn:
    """What went wrong while the assistant handled one message: names of loggers that logged an ERROR."""

    errors: list[str] = field(default_factory=list)
    exception: str | None = None

    @property
    def failed(self) -> bool:
        return bool(self.errors) or self.exception is not None

    def describe(self) -> str:
        """The failures of the turn, by kind only."""
        return ", ".join([*self.errors, *([self.exception] if self.exception else [])])


_current_turn: contextvars.ContextVar[Turn | None] = contextvars.ContextVar("guarded_turn", default=None)


class _ErrorWatcher(logging.Handler):
    """Notes ERROR records logged inside a turn (Rasa logs and swallows a failed custom action)."""

    def emit(self, record: logging.LogRecord) -> None:
        turn = _current_turn.get()
        if turn is not None:
            turn.errors.append(record.name)


_WATCHER = _ErrorWatcher(logging.ERROR)


def prepare() -> None:
    """What a channel needs before its first message: the error watcher on the `rasa` logger (once), and the
    red-flag pipeline that reads over-long messages, built now (seconds on two cores) rather than on the first
    such message."""
    rasa_logger = logging.getLogger("rasa")
    if _WATCHER not in rasa_logger.handlers:
        rasa_logger.addHandler(_WATCHER)
    build_pipeline()


def describe(error: BaseException) -> str:
    """The kind of an error without its message, which may quote the user (SQL parameters, for one)."""
    cause = getattr(error, "orig", None)  # SQLAlchemy: the database's own error, without the statement
    return f"{type(error).__name__}: {cause}" if isinstance(cause, Exception) else type(error).__name__


async def run_turn(on_new_message: OnNewMessage, message: UserMessage) -> Turn:
    """Pass one message to the assistant and report what went wrong, logging no text."""
    turn = Turn()
    token = _current_turn.set(turn)
    try:
        await on_new_message(message)
    except asyncio.CancelledError:
        turn.exception = "CancelledError"
        logger.error("The assistant timed out on a message.")
    except Exception as error:
        turn.exception = describe(error)
        logger.error("The assistant failed on a message (%s).", turn.exception)
        logger.debug("The failure in full:", exc_info=True)
    finally:
        _current_turn.reset(token)
    return turn


def should_apologise(text: str, turn: Turn) -> bool:
    """After a silent turn: yes when something failed, or when the user typed text (not a /command)."""
    return turn.failed or not text.strip().startswith("/")


def trouble(turn: Turn) -> str:
    """TROUBLE, logging why it is said: the failures by kind, or a silent answer to typed text."""
    if turn.failed:
        logger.warning("The assistant said nothing after a failure (%s); answered TROUBLE.", turn.describe())
    else:
        logger.warning("The assistant said nothing to a typed message; answered TROUBLE.")
    return TROUBLE
