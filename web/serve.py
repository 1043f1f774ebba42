"""Serve the chat widget and its demo page, and forget a conversation when its user asks.

Routes:
  GET  /            the demo page (index.html)
  GET  /widget.js   our widget set-up, with the Rasa socket URL injected as window.BACKSPASM_CONFIG
  GET  /webchat.js  rasa-webchat's bundle from node_modules (scripts/web-setup), without its Google Fonts import
  GET  /demo.js     the demo page's "forget me" button
  POST /forget      {"session_id": "<32 hex>"}: delete every stored event of that conversation

Run it from the repository root as `python -m web.serve`, as Rasa is run, so that a relative
SQLite path in the endpoints file names the same database file.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import sqlalchemy

from components.red_flags import load_red_flags
from privacy.forget import Forgetter

WEB = Path(__file__).resolve().parent
FILES = {
    "/demo.js": (WEB / "demo.js", "text/javascript; charset=utf-8"),
    "/webchat.js": (WEB / "node_modules/rasa-webchat/lib/index.js", "text/javascript; charset=utf-8"),
}
# The socket.io channel names a browser's conversation with uuid4().hex. Only such ids can be forgotten here:
# other channels' ids (Telegram chat ids, REST senders) are guessable and not this page's to delete.
SESSION_ID = re.compile(r"[0-9a-f]{32}")
# rasa-webchat's CSS imports a font from Google: dropped, so that no page with the widget tells Google about it.
GOOGLE_FONTS = b"@import url(https://fonts.googleapis.com/css?family=Inter:400,500,700&display=swap);"
# No third-party requests from the demo page; the socket may live on another origin.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self' http: https: ws: wss:; frame-ancestors 'none'"
)


EMERGENCY_SIGNS = "<!-- emergency signs: filled in by web/serve.py from data/red_flags.yml -->"


def demo_page() -> bytes:
    """index.html, its safety notice listing the emergency red flags of data/red_flags.yml."""
    signs = "".join(f"<li>{html.escape(flag.checklist)}</li>" for flag in load_red_flags() if flag.tier == "emergency")
    return (WEB / "index.html").read_text(encoding="utf-8").replace(EMERGENCY_SIGNS, f"<ul>{signs}</ul>").encode()


class Handler(BaseHTTPRequestHandler):
    """Fixed routes only: nothing else under web/ (node_modules, tests) is reachable."""

    server: WidgetServer

    def do_GET(self) -> None:
        """Serve one of the fixed files, or the widget script with its configuration."""
        path = self.path.split("?", 1)[0]
        if path == "/":
            self._send(HTTPStatus.OK, demo_page(), "text/html; charset=utf-8")
        elif path == "/widget.js":
            config = json.dumps({"socketUrl": self.server.socket_url})
            body = f"window.BACKSPASM_CONFIG = {config};\n".encode() + (WEB / "widget.js").read_bytes()
            self._send(HTTPStatus.OK, body, "text/javascript; charset=utf-8")
        elif path in FILES:
            file, content_type = FILES[path]
            self._send(HTTPStatus.OK, file.read_bytes().replace(GOOGLE_FONTS, b""), content_type)
        else:
            self._send_json(HTTPStatus.NOT_FOUND, {"error": "not found"})

    def do_POST(self) -> None:
        """Forget the conversation named in the JSON body."""
        if self.path != "/forget":
            self._send_json(HTTPStatus.NOT_FOUND, {"error": "not found"})
            return
        # A JSON content type cannot be sent cross-site without a CORS preflight, which this server never grants.
        if self.headers.get_content_type() != "application/json":
            self._send_json(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, {"error": "send application/json"})
            return
        try:
            length = max(0, min(int(self.headers.get("Content-Length") or 0), 4096))
            session_id = json.loads(self.rfile.read(length))["session_id"]
        except (ValueError, TypeError, KeyError):
            session_id = None
        if not isinstance(session_id, str) or not SESSION_ID.fullmatch(session_id):
            self._send_json(HTTPStatus.BAD_REQUEST, {"error": "session_id must be 32 lowercase hex digits"})
            return
        try:
            deleted = self.server.forgetter.forget(session_id)
        except sqlalchemy.exc.SQLAlchemyError as error:
            self.log_error("forget failed: %s", error)
            self._send_json(HTTPStatus.SERVICE_UNAVAILABLE, {"error": "the tracker store is not reachable"})
            return
        self._send_json(HTTPStatus.OK, {"deleted": deleted})

    def _send_json(self, status: HTTPStatus, payload: dict[str, Any]) -> None:
        self._send(status, json.dumps(payload).encode(), "application/json")

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", CSP)
        self.end_headers()
        self.wfile.write(body)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Log errors only, not every request, so that `make web` shows Rasa's output readably."""


class WidgetServer(ThreadingHTTPServer):
    """The HTTP server, holding what the handlers share."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], socket_url: str, forgetter: Forgetter) -> None:
        super().__init__(address, Handler)
        self.socket_url = socket_url
        self.forgetter = forgetter


def main() -> None:
    """Parse the options and serve until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default=os.environ.get("WEB_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("WEB_PORT", "8080")))
    parser.add_argument(
        "--socket-url",
        default=os.environ.get("RASA_URL", f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}"),
        help="the Rasa server as browsers reach it (default: $RASA_URL, or 127.0.0.1 on $RASA_PORT or 5005)",
    )
    parser.add_argument(
        "--endpoints",
        type=Path,
        default=Path(os.environ.get("RASA_ENDPOINTS", "endpoints.yml")),
        help="Rasa's endpoints file, for the tracker store (default: $RASA_ENDPOINTS or endpoints.yml)",
    )
    args = parser.parse_args()
    if not FILES["/webchat.js"][0].exists():
        raise SystemExit("rasa-webchat is not installed: run scripts/web-setup")
    try:
        forgetter = Forgetter(args.endpoints)
    except ValueError as error:
        raise SystemExit(f"POST /forget: {error}") from None
    server = WidgetServer((args.host, args.port), args.socket_url, forgetter)
    print(f"Chat widget demo on http://{args.host}:{server.server_port}/ (Rasa socket: {args.socket_url})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
