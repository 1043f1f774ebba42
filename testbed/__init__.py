"""The local test bed that tests/ and bench/ share: real servers, the Bot API stand-in, a stub Rasa."""
