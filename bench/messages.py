"""The fixed benchmark script: short, realistic conversations about back spasms, cycled to any length."""

from __future__ import annotations

from itertools import cycle, islice

# Ten messages per conversation, so that a new sender starts every ten messages.
CONVERSATIONS: list[list[str]] = [
    [
        "hi",
        "what exactly is a back spasm?",
        "why does it keep happening to me",
        "should I put ice or heat on it",
        "how long should the ice stay on",
        "is it ok to keep walking around",
        "can I take ibuprofen for it",
        "thanks, that helps",
        "what about sleeping, which position is best",
        "bye",
    ],
    [
        "hello there",
        "my lower back has been spasming for 3 days",
        "it's about a 6 out of 10",
        "no",
        "no",
        "what can I do right now to calm it down",
        "are you a real person?",
        "how common is this anyway",
        "thank you",
        "goodbye",
    ],
    [
        "hey",
        "is a back spasm something serious?",
        "what are the warning signs I should watch for",
        "when should I see a doctor about my back",
        "how do I stop it coming back",
        "does stretching help",
        "do CBD creams work for back spasms",
        "what's the weather like today",
        "ok thanks",
        "see you",
    ],
    [
        "good morning",
        "what does a back spasm feel like",
        "my back seized up when I bent over to pick up a box",
        "yesterday",
        "pretty bad, maybe 8",
        "should I stay in bed",
        "is heat better than cold after two days",
        "what can you do?",
        "great, thanks a lot",
        "bye bye",
    ],
    [
        "hi again",
        "how do I relieve a back spasm at home",
        "which painkillers are safe",
        "can a bad mattress cause back spasms",
        "how many people get back pain",
        "I can't sleep because of my back",
        "could you summarise what I told you",
        "that's all for now",
        "thanks",
        "goodbye",
    ],
]
PER_CONVERSATION = len(CONVERSATIONS[0])
# Topic questions only: each one is answered from the guide by a custom action, the slowest kind of reply.
TOPIC_CONVERSATIONS: list[list[str]] = [
    [
        "what is a back spasm exactly",
        "what does a spasm feel like",
        "what causes back spasms",
        "how common is back pain",
        "how can I ease a back spasm",
        "should I use an ice pack",
        "would a heat pad help",
    ],
    [
        "should I rest or keep moving",
        "which painkillers can I take",
        "when should I see a doctor",
        "what are the warning signs",
        "how do I stop spasms coming back",
        "how should I sleep with a bad back",
        "do hemp creams help",
    ],
]


def script(count: int, prefix: str, conversations: list[list[str]] = CONVERSATIONS) -> list[tuple[str, str]]:
    """count (sender, text) pairs: the conversations in order, cycled, with a new sender for each one."""
    lines = ((n, text) for n, conversation in enumerate(cycle(conversations)) for text in conversation)
    return [(f"{prefix}-{n}", text) for n, text in islice(lines, count)]
