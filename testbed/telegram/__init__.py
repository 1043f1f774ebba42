"""Telegram without Telegram: the Bot API stand-in, a stub Rasa, and the bot as a subprocess."""
