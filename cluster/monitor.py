"""Watches the shared servers while the cluster runs, and says plainly in the log when one goes or comes back."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger("cluster")
INTERVAL_SECONDS = 1.0


@dataclass
class Watched:
    """A server the replicas depend on, how to tell it answers, and what its absence means."""

    name: str
    answers: Callable[[], bool]
    effect: str  # what users see while it is away
    up: bool = True


class Monitor(threading.Thread):
    """Checks each watched server every INTERVAL_SECONDS and logs each change, once."""

    def __init__(self, watched: list[Watched]) -> None:
        super().__init__(name="cluster-monitor", daemon=True)
        self.watched = watched
        self.stopping = threading.Event()

    def check(self) -> None:
        """One round: log the servers that went away or came back."""
        for server in self.watched:
            up = server.answers()
            if up == server.up:
                continue
            server.up = up
            if up:
                logger.warning("%s is back: the assistant replies again.", server.name)
            else:
                logger.error("%s is not answering: %s until it is back.", server.name, server.effect)

    def run(self) -> None:
        while not self.stopping.wait(INTERVAL_SECONDS):
            self.check()

    def stop(self) -> None:
        """End the thread."""
        self.stopping.set()
        self.join(timeout=5)
