"""Tests of the Telegram front end (bot/): unit tests, and end to end against a Bot API stand-in."""
