"""Telegram front end for the Backspasm Assistant: relays chats to Rasa's REST channel."""
