"""What the channels say themselves, when the assistant cannot: the apology and the too-long reply.

One module for the Rasa channels (channels/guard.py: REST, socket.io) and the Telegram bridge
(bot/texts.py). Not domain.yml responses: these are said exactly when the assistant, its model or the
action server is not there to render one, and the bridge runs without Rasa's domain.
"""

TROUBLE = "Sorry, I'm having trouble right now, please try again in a minute."
TOO_LONG = "That message is too long for me. Please keep it under {limit:,} characters."
