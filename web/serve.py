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
import asyncio
import html
import json
import logging
import os
import re
from http import HTTPStatus
from pathlib import Path

import sqlalchemy
from sanic import Request, Sanic
from sanic.exceptions import SanicException
from sanic.response import HTTPResponse, raw
from sanic.response import json as json_response

from components.red_flags import load_red_flags
from privacy.forget import Forgetter
from privacy.tracker_store import endpoints_file

WEB = Path(__file__).resolve().parent
JAVASCRIPT = "text/javascript; charset=utf-8"
FILES = {
    "/demo.js": WEB / "demo.js",
    "/webchat.js": WEB / "node_modules/rasa-webchat/lib/index.js",
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
HEADERS = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff", "Content-Security-Policy": CSP}
EMERGENCY_SIGNS = "<!-- emergency signs: filled in by web/serve.py from data/red_flags.yml -->"
log = logging.getLogger(__name__)


def demo_page() -> bytes:
    """index.html, its safety notice listing the emergency red flags of data/red_flags.yml."""
    signs = "".join(f"<li>{html.escape(flag.checklist)}</li>" for flag in load_red_flags() if flag.tier == "emergency")
    return (WEB / "index.html").read_text(encoding="utf-8").replace(EMERGENCY_SIGNS, f"<ul>{signs}</ul>").encode()


def error(status: HTTPStatus, message: str) -> HTTPResponse:
    """A JSON error, as every refusal of this server is."""
    return json_response({"error": message}, status=status)


def create_app(socket_url: str, forgetter: Forgetter) -> Sanic:
    """The fixed routes only: nothing else under web/ (node_modules, tests) is reachable."""
    app = Sanic("backspasm-widget", strict_slashes=True)
    app.config.REQUEST_MAX_SIZE = 4096  # a forget request is a few dozen bytes; nothing else takes a body
    app.config.GRACEFUL_SHUTDOWN_TIMEOUT = 2  # small files only: nothing is worth waiting long for

    @app.get("/")
    async def page(_: Request) -> HTTPResponse:
        """The demo page with its safety notice."""
        return raw(demo_page(), content_type="text/html; charset=utf-8")

    @app.get("/widget.js")
    async def widget(_: Request) -> HTTPResponse:
        """widget.js, told where the Rasa socket is."""
        config = json.dumps({"socketUrl": socket_url})
        body = f"window.BACKSPASM_CONFIG = {config};\n".encode() + (WEB / "widget.js").read_bytes()
        return raw(body, content_type=JAVASCRIPT)

    async def script(request: Request) -> HTTPResponse:
        """One of the fixed scripts, without rasa-webchat's Google Fonts import."""
        return raw(FILES[request.path].read_bytes().replace(GOOGLE_FONTS, b""), content_type=JAVASCRIPT)

    for path in FILES:
        app.add_route(script, path, name=path.strip("/").replace(".", "_"))

    @app.post("/forget")
    async def forget(request: Request) -> HTTPResponse:
        """Forget the conversation named in the JSON body."""
        # A JSON content type cannot be sent cross-site without a CORS preflight, which this server never grants.
        if request.content_type.split(";")[0].strip().lower() != "application/json":
            return error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send application/json")
        try:
            session_id = json.loads(request.body)["session_id"]
        except (ValueError, TypeError, KeyError):
            session_id = None
        if not isinstance(session_id, str) or not SESSION_ID.fullmatch(session_id):
            return error(HTTPStatus.BAD_REQUEST, "session_id must be 32 lowercase hex digits")
        try:
            deleted = await asyncio.to_thread(forgetter.forget, session_id)
        except sqlalchemy.exc.SQLAlchemyError as failure:
            log.error("forget failed: %s", failure)
            return error(HTTPStatus.SERVICE_UNAVAILABLE, "the tracker store is not reachable")
        return json_response({"deleted": deleted})

    @app.exception(SanicException)
    async def refused(_: Request, exception: SanicException) -> HTTPResponse:
        """Sanic's own refusals (no such route, wrong method, body too large) in the same JSON form."""
        status = HTTPStatus(exception.status_code)
        return error(status, status.phrase.lower())

    @app.on_response
    async def secure(_: Request, response: HTTPResponse) -> None:
        """The security headers, on every response."""
        response.headers.update(HEADERS)

    return app


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
        default=endpoints_file(),
        help="Rasa's endpoints file, for the tracker store (default: $RASA_ENDPOINTS or endpoints.yml)",
    )
    args = parser.parse_args()
    if not FILES["/webchat.js"].exists():
        raise SystemExit("rasa-webchat is not installed: run scripts/web-setup")
    try:
        forgetter = Forgetter(args.endpoints)
    except ValueError as failure:
        raise SystemExit(f"POST /forget: {failure}") from None
    app = create_app(args.socket_url, forgetter)
    print(f"Chat widget demo on http://{args.host}:{args.port}/ (Rasa socket: {args.socket_url})", flush=True)
    # Errors only, not every request, so that `make web` shows Rasa's output readably.
    app.run(host=args.host, port=args.port, access_log=False, motd=False)


if __name__ == "__main__":
    main()
