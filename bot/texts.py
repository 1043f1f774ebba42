"""What the bot itself says; everything else comes from the assistant."""

COMMANDS = (
    ("start", "Say hello and see what I can help with"),
    ("help", "What you can ask me"),
    ("restart", "Start our conversation afresh"),
    ("forget", "Delete what I stored about this chat"),
)

TROUBLE = "I'm having trouble right now, please try again in a minute."
SORRY = "Sorry, something went wrong on my side. Please try again."
TEXT_ONLY = "I can only read text messages. Please type your question."
TOO_LONG = "That's longer than a Telegram message can be. Please keep it under {limit:,} characters."
CHOOSE = "Please choose:"
UNKNOWN_COMMAND = "I don't know that command. Send /help to see what you can ask me."
BUTTON_EXPIRED = "That button has expired. Please type your answer instead."
FORGOTTEN = (
    "Done: I deleted everything this assistant stored about this chat, and we start afresh. "
    "The messages you see here are kept by Telegram; you can delete them in this chat."
)
RESTARTED_ONLY = (
    "I've started our conversation afresh and won't use anything you told me before. "
    "This server still keeps a record of our past messages: ask the people who run this bot to delete it."
)
