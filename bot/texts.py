"""What the bot itself says; everything else comes from the assistant.

The apology and the too-long reply are the Rasa channels' own (channels/texts.py), so a person reads
the same words whichever side could not answer.
"""

from channels.texts import TOO_LONG as TOO_LONG
from channels.texts import TROUBLE as TROUBLE

COMMANDS = (
    ("start", "Say hello and see what I can help with"),
    ("help", "What you can ask me"),
    ("restart", "Start our conversation afresh"),
    ("log", "Log your pain from 0 to 10, like /log 6 stiff after gardening"),
    ("diary", "Your pain diary as a chart"),
    ("checkin", "Check-ins on or off: /checkin on, /checkin off"),
    ("forget", "Delete what I stored about this chat"),
)

TEXT_ONLY = "I can only read text messages. Please type your question."
CHOOSE = "Please choose:"
UNKNOWN_COMMAND = "I don't know that command. Send /help to see what you can ask me."
CHECKIN_USAGE = (
    "Send /checkin on and I'll ask you now and then how your back is, to keep your pain diary. "
    "Send /checkin off to stop."
)
BUTTON_EXPIRED = "That button has expired. Please type your answer instead."
FORGOTTEN = (
    "Done: I deleted everything this assistant stored about this chat, and we start afresh. "
    "The messages you see here are kept by Telegram; you can delete them in this chat."
)
RESTARTED_ONLY = (
    "I've started our conversation afresh and won't use anything you told me before. "
    "This server still keeps a record of our past messages: ask the people who run this bot to delete it."
)
