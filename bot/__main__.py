"""`python -m bot`: start the Telegram bot configured by the environment."""

from __future__ import annotations

import logging
import os
import sys

from telegram.error import InvalidToken

from bot.app import run
from bot.config import ConfigError, Settings


def main() -> None:
    """Read the settings, set up logging and run the bot; exit with a clear message when misconfigured."""
    try:
        settings = Settings.from_env(os.environ)
    except ConfigError as error:
        sys.exit(f"bot: {error}")
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=settings.log_level)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its INFO lines show URLs, and so the bot token
    try:
        run(settings)
    except InvalidToken:
        sys.exit("bot: Telegram rejected TELEGRAM_TOKEN. Check it with @BotFather (/mybots, then API Token).")


if __name__ == "__main__":
    main()
