"""web/serve.py: POST /forget deletes a conversation from the tracker store, and only the widget's files are served."""

from __future__ import annotations

import html
import uuid

import pytest
import requests

from components.red_flags import load_red_flags
from testbed.servers import Assistant
from testbed.web import WebServer, stored_events


def test_forget_deletes_the_stored_conversation(assistant: Assistant, web: WebServer) -> None:
    """Every stored event of the conversation goes, and Rasa starts afresh under that id."""
    session = uuid.uuid4().hex
    assistant.talk(session, "how long should I ice my back?")
    events = stored_events(assistant, session)
    assert any("ice my back" in data for _, data in events)

    response = requests.post(f"{web.url}/forget", json={"session_id": session}, timeout=10)
    assert response.status_code == 200
    assert response.json() == {"deleted": len(events)}
    assert stored_events(assistant, session) == []

    assistant.talk(session, "hello")
    user_texts = [event["text"] for event in assistant.tracker(session)["events"] if event["event"] == "user"]
    assert user_texts == ["hello"]


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ('{"session_id": "123456789"}', "application/json", 400),  # a Telegram chat id: not the page's to delete
        ('{"session_id": 12345}', "application/json", 400),
        ('{"session_id": "' + "A" * 32 + '"}', "application/json", 400),
        ("not json", "application/json", 400),
        ("[]", "application/json", 400),
        ("session_id=" + "a" * 32, "application/x-www-form-urlencoded", 415),  # what a cross-site form can send
    ],
)
def test_forget_refuses_what_a_widget_never_sends(web: WebServer, body: str, content_type: str, status: int) -> None:
    """Only a widget's session id (uuid4 hex) in a JSON body is accepted."""
    response = requests.post(f"{web.url}/forget", data=body, headers={"Content-Type": content_type}, timeout=10)
    assert response.status_code == status


def test_only_the_widget_files_are_served(web: WebServer, assistant: Assistant) -> None:
    """The page, the widget and the bundle are served with a CSP; the rest of web/ is not reachable, and its
    refusals carry the same security headers."""
    page = requests.get(f"{web.url}/", timeout=10)
    assert page.ok and "Forget me" in page.text
    emergency = [flag.checklist for flag in load_red_flags() if flag.tier == "emergency"]
    assert all(f"<li>{html.escape(sign)}</li>" in page.text for sign in emergency) and "signs:" not in page.text
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    widget = requests.get(f"{web.url}/widget.js", timeout=10)
    assert f'"socketUrl": "{assistant.rasa_url}"' in widget.text
    bundle = requests.get(f"{web.url}/webchat.js", timeout=10).text
    assert "WebChat" in bundle and "fonts.googleapis.com" not in bundle
    for path in [
        "/serve.py",
        "/package.json",
        "/node_modules/rasa-webchat/lib/index.js",
        "/../endpoints.yml",
        "/tests/widget.spec.mjs",
        "/index.html",
    ]:
        refused = requests.get(f"{web.url}{path}", timeout=10)
        assert refused.status_code == 404, path
        assert refused.headers["X-Content-Type-Options"] == "nosniff" and "Content-Security-Policy" in refused.headers
