"""Building the PTB application and running it by polling or as a webhook."""

from __future__ import annotations

import logging

from telegram import BotCommand, Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot import texts
from bot.addressing import AddressedToBot
from bot.checkins import CheckinScheduler
from bot.config import Settings
from bot.handlers import Handlers, on_error
from bot.rasa_client import RasaClient
from privacy.forget import Forgetter

logger = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY]
NOT_TEXT = (
    filters.Sticker.ALL
    | filters.PHOTO
    | filters.VOICE
    | filters.AUDIO
    | filters.VIDEO
    | filters.VIDEO_NOTE
    | filters.ANIMATION
    | filters.Document.ALL
    | filters.LOCATION
    | filters.VENUE
    | filters.CONTACT
    | filters.POLL
    | filters.Dice.ALL
)


def build_application(settings: Settings) -> Application:
    """The bot: rate-limited, handling chats concurrently (each chat in order), relaying to Rasa, asking check-ins.

    The check-in scheduler stops in post_stop, before shutdown closes the bot's connections.
    """
    rasa = RasaClient(settings.rasa_url, settings.rasa_timeout)
    forgetter = Forgetter(settings.rasa_endpoints) if settings.rasa_endpoints else None
    handlers = Handlers(rasa, forgetter)
    checkins = CheckinScheduler(settings.rasa_endpoints, settings.checkins)

    async def post_init(application: Application) -> None:
        await rasa.start()
        await application.bot.set_my_commands([BotCommand(name, about) for name, about in texts.COMMANDS])
        checkins.start(lambda chat_id: handlers.ask_checkin(application.bot, chat_id))

    async def post_stop(application: Application) -> None:
        await checkins.stop()

    async def post_shutdown(application: Application) -> None:
        await rasa.close()

    application = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(f"{settings.api_url}/bot")
        .base_file_url(f"{settings.api_url}/file/bot")
        .rate_limiter(AIORateLimiter(max_retries=3))
        .concurrent_updates(True)
        .job_queue(None)
        .post_init(post_init)
        .post_stop(post_stop)
        .post_shutdown(post_shutdown)
        .build()
    )
    addressed = filters.UpdateType.MESSAGES & AddressedToBot()
    application.add_handlers(
        [
            CommandHandler("start", handlers.start),
            CommandHandler("help", handlers.help),
            CommandHandler("restart", handlers.restart),
            CommandHandler("forget", handlers.forget),
            CommandHandler("log", handlers.text),
            CommandHandler("diary", handlers.diary),
            CommandHandler("checkin", handlers.checkin),
            MessageHandler(addressed & filters.COMMAND, handlers.unknown_command),
            MessageHandler(addressed & filters.TEXT, handlers.text),
            MessageHandler(addressed & NOT_TEXT, handlers.not_text),
            CallbackQueryHandler(handlers.button),
        ]
    )
    application.add_error_handler(on_error)
    return application


def run(settings: Settings) -> None:
    """Run until SIGINT or SIGTERM: a webhook when TELEGRAM_WEBHOOK_URL is set, else long polling."""
    application = build_application(settings)
    if settings.webhook_url:
        logger.info(
            "Webhook mode on %s:%d%s, relaying to %s",
            settings.webhook_listen,
            settings.webhook_port,
            settings.webhook_path,
            settings.rasa_url,
        )
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=settings.webhook_path,
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret,
            allowed_updates=ALLOWED_UPDATES,
        )
    else:
        logger.info("Polling mode, relaying to %s", settings.rasa_url)
        application.run_polling(allowed_updates=ALLOWED_UPDATES)
