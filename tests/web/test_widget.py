"""The widget in a real browser: Debian's chromium, driven by playwright-core through web/tests/widget.spec.mjs."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from diary.chart import HEIGHT_PX, WIDTH_PX
from testbed.servers import ROOT, Assistant
from testbed.web import WebServer, run_widget_spec, stored_events

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = ROOT / "var/widget.png"
# axe-core's impacts that fail the test; "moderate" and "minor" ones are reported in var/widget-result.json.
BLOCKING = ("serious", "critical")


@pytest.fixture(scope="module")
def browser(assistant: Assistant, web: WebServer) -> dict[str, Any]:
    """What web/tests/widget.spec.mjs measured in one run through the demo page (also in var/widget-result.json)."""
    if not CHROMIUM.exists():
        pytest.skip(
            "no chromium: /usr/bin/chromium is missing (install the Debian package chromium; .ci/run does as root)"
        )
    result = run_widget_spec(f"{web.url}/", SCREENSHOT)
    (ROOT / "var/widget-result.json").write_text(json.dumps(result, indent=2))
    return result


def measured(result: dict[str, Any], key: str) -> Any:
    """One measurement of the browser run; the test fails with the run's error if it stopped before taking it."""
    assert key in result, f"no {key!r}: stopped at step {result.get('step')!r}: {result.get('error')}"
    return result[key]


def test_widget_in_chromium(browser: dict[str, Any], assistant: Assistant) -> None:
    """Greeting, a typed question, a quick reply, history after reload, then "Forget me" empties the store."""
    assert browser["ok"], f"failed at step {browser.get('step')!r}: {browser.get('error')}\n{browser.get('problems')}"
    assert not browser["problems"], browser["problems"]

    assert browser["title"] == "Backspasm Assistant"
    assert browser.get("repliesOverWebsocket"), "socket.io never upgraded to a websocket"
    assert browser["forget"]["deleted"] > 0
    assert stored_events(assistant, browser["sessionId"]) == []
    assert diary_rows(assistant, browser["sessionId"]) == 0
    assert stored_events(assistant, browser["newSessionId"])


def diary_rows(assistant: Assistant, sender: str) -> int:
    """How many diary entries and check-ins the database holds for a sender."""
    with closing(sqlite3.connect(assistant.tracker_db)) as db:
        return sum(
            db.execute(f"SELECT COUNT(*) FROM {table} WHERE sender_id = ?", (sender,)).fetchone()[0]
            for table in ("diary_entries", "diary_checkins")
        )


def test_the_diary_shows_its_chart_in_the_widget(browser: dict[str, Any]) -> None:
    """Two entries typed into the widget, then "show my diary": the summary, and the chart as an image of its size."""
    assert measured(browser, "diarySummary").startswith("2 entries over less than a day: down from 6 to 4.")
    assert measured(browser, "diaryChart") == {
        "src": "data:image/png;base64,",
        "naturalWidth": WIDTH_PX,
        "naturalHeight": HEIGHT_PX,
        "alt": "Chart of your pain diary. 2 entries over less than a day: down from 6 to 4.",
    }


def test_no_serious_wcag_violations_with_a_conversation_open(browser: dict[str, Any]) -> None:
    """axe-core (WCAG 2.0/2.1 A and AA) finds nothing serious or critical on the page, the widget open mid-talk,
    and again with the diary's chart shown."""
    blocking = [
        found for key in ("axe", "axeWithChart") for found in measured(browser, key) if found["impact"] in BLOCKING
    ]
    assert not blocking, "axe-core found:\n" + "\n".join(
        f"  {found['id']} ({found['impact']}): {', '.join(found['targets'])}" for found in blocking
    )


def test_the_message_list_is_reachable_by_keyboard_and_announces_replies(browser: dict[str, Any]) -> None:
    """A screen reader reads new replies aloud (a polite live log); a keyboard user can focus and scroll the list."""
    assert measured(browser, "messageList") == {"role": "log", "ariaLive": "polite", "tabIndex": 0}


def test_the_open_widget_leaves_the_safety_notice_readable(browser: dict[str, Any]) -> None:
    """At 1000x800 the open widget and its launcher cover no part of the notice with the emergency numbers."""
    boxes = measured(browser, "boxes")
    notice = boxes["notice"]
    for name in ("conversation", "launcher"):
        widget = boxes[name]
        apart = (
            widget["x"] >= notice["x"] + notice["width"]
            or notice["x"] >= widget["x"] + widget["width"]
            or widget["y"] >= notice["y"] + notice["height"]
            or notice["y"] >= widget["y"] + widget["height"]
        )
        assert apart, f"the widget's {name} {widget} covers the safety notice {notice}"
