"""The bulk suites (blind sets, first-message red-flag suites, vignettes) run in the background of a test session.

They send about 11,000 messages and kept 2 cores busy for about 8 of CI's 15 pytest minutes, while the other tests
left a core idle for much of theirs. Here they start with the session on an assistant of their own, niced, so they
take only the CPU the other tests leave, and no test that stops or restarts the main servers touches theirs.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType

from bench.blind import Outcome, run
from bench.triage import FirstMessage, Vignette, first_messages, run_first_messages, run_vignettes
from testbed.servers import Assistant, running_assistant

# nice(1) level of the bulk assistant's servers: they get about a tenth of a core that another process wants.
BULK_NICENESS = 10


class BulkRuns:
    """Starts the bulk assistant and its suites in a background thread; each result waits for its own suite."""

    def __init__(self, workdir: Path) -> None:
        self._stack = ExitStack()
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="bulk-suites")
        self._assistant: Future[Assistant] = self._pool.submit(self._start, workdir)
        self._first: Future[list[FirstMessage]] = self._pool.submit(
            lambda: run_first_messages(self._assistant.result(), first_messages())
        )
        self._vignettes: Future[list[Vignette]] = self._pool.submit(lambda: run_vignettes(self._assistant.result()))
        self._blind: Future[list[Outcome]] = self._pool.submit(lambda: run(self._assistant.result()))

    def _start(self, workdir: Path) -> Assistant:
        return self._stack.enter_context(running_assistant(workdir, bulk=True, niceness=BULK_NICENESS, in_memory=True))

    def first_messages(self) -> list[FirstMessage]:
        """Every red-flag suite's first messages, answered."""
        return self._first.result()

    def vignettes(self) -> list[Vignette]:
        """Every vignette, played to its end."""
        return self._vignettes.result()

    def blind(self) -> list[Outcome]:
        """Every blind set's messages, answered."""
        return self._blind.result()

    def __enter__(self) -> BulkRuns:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        """Cancel what has not started, stop the servers (a suite still running ends on refused connections), and
        wait for the thread."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        try:
            self._assistant.exception()  # a start under way cannot be cancelled: wait for it to end
        finally:
            self._stack.close()
            self._pool.shutdown(wait=True)
