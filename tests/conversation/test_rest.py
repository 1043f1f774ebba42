"""Talk to the real assistant through the REST channel, as a website or app would."""

from __future__ import annotations

import pytest

from actions.knowledge import guidance
from actions.triage import TIER_SECTIONS
from testbed.replies import answered
from testbed.servers import Assistant


def test_greeting_says_once_that_it_is_not_a_doctor(assistant: Assistant, sender: str) -> None:
    greeting = answered(assistant.talk(sender, "hello"))
    assert "not a doctor" in greeting
    follow_up = answered(assistant.talk(sender, "how long should I put ice on my back?"))
    assert "15 to 20 minutes" in follow_up
    assert "not a doctor" not in follow_up


@pytest.mark.parametrize(
    ("question", "section_id"),
    [
        ("what exactly is a back spasm", "what_is_spasm"),
        ("how do I know if it's a spasm and not just an ache", "symptoms"),
        ("why do back spasms happen", "causes"),
        ("how common is back pain really", "prevalence"),
        ("what can I do to ease a back spasm", "relief"),
        ("should I ice my back", "cold_therapy"),
        ("would a hot water bottle help", "heat_therapy"),
        ("should I stay in bed or keep moving", "rest_and_movement"),
        ("can I take ibuprofen for it", "medication"),
        ("when should I see a doctor about my back", "when_to_see_doctor"),
        ("how do I stop this happening again", "prevention"),
        ("does CBD cream help backache", "hemp_products"),
        ("my back keeps me awake, how can I sleep", "sleep"),
        ("what are the danger signs with back pain", "warning_signs"),
    ],
)
def test_every_topic_is_answered_from_its_section(
    assistant: Assistant, sender: str, question: str, section_id: str
) -> None:
    replies = assistant.talk(sender, question)
    section = guidance()[section_id]
    assert section.answer.strip() in answered(replies)
    assert f"Source: {section.title}" in answered(replies)
    answer = next(reply for reply in replies if section.answer.strip() in reply.get("text", ""))
    assert [button["payload"] for button in answer.get("buttons", [])] == [f"/ask_{r}" for r in section.related]


def test_a_button_payload_is_answered(assistant: Assistant, sender: str) -> None:
    assert guidance()["heat_therapy"].answer.strip() in answered(assistant.talk(sender, "/ask_heat_therapy"))


def test_a_red_flag_wins_over_the_question_and_names_its_trigger(assistant: Assistant, sender: str) -> None:
    replies = assistant.talk(sender, "I peed myself this morning, should I use an ice pack on my back?")
    text = answered(replies)
    assert "You mentioned" in text and "peed myself" in text
    assert "999" in text and "911" in text
    assert guidance()["cold_therapy"].answer.strip() not in text
    assert not any(reply.get("buttons") for reply in replies)


@pytest.mark.parametrize(
    "message",
    [
        "I don't have a fever, how long should I put ice on my back?",
        "no tingling in my legs. how long do I ice my back for?",
    ],
)
def test_a_negated_warning_sign_is_not_a_red_flag(assistant: Assistant, sender: str, message: str) -> None:
    text = answered(assistant.talk(sender, message))
    assert "You mentioned" not in text
    for section_id in TIER_SECTIONS.values():
        assert guidance()[section_id].answer.strip() not in text
    assert "15 to 20 minutes" in text


@pytest.mark.parametrize(
    "message",
    [
        "no numbness, no tingling and no fever, my back is just stiff and tight. what can I do?",
        "my mum had cancer, how do I loosen up a tight back?",
    ],
)
def test_a_dismissed_warning_sign_pulls_no_warning_or_emergency_text(
    assistant: Assistant, sender: str, message: str
) -> None:
    text = answered(assistant.talk(sender, message))
    assert "You mentioned" not in text and "999" not in text
    for section_id in (*TIER_SECTIONS.values(), "warning_signs"):
        assert guidance()[section_id].answer.strip() not in text


def test_out_of_scope_gets_a_polite_redirect(assistant: Assistant, sender: str) -> None:
    text = answered(assistant.talk(sender, "what's the best pizza place in town?"))
    assert "back spasms" in text and "Source:" not in text


def test_the_description_of_a_spasm_is_understood(assistant: Assistant, sender: str) -> None:
    text = answered(assistant.talk(sender, "my lower back has been spasming for 3 days, about 6/10"))
    assert "your lower back for 3 days at 6 out of 10" in text


def test_after_a_no_to_the_safety_question_the_check_keeps_what_the_opening_said(
    assistant: Assistant, sender: str
) -> None:
    assert "Just to be safe" in answered(assistant.talk(sender, "I hurt my back in a fall 3 days ago"))
    text = answered(assistant.talk(sender, "no"))
    assert "your back for 3 days" in text
    assert "How long" not in answered(assistant.talk(sender, "no"))


@pytest.mark.parametrize(
    "message",
    [
        "",
        "   ",
        "ow " * 3400,
        "😭😭😭",
        "Mi espalda me duele mucho, qué puedo hacer ahora",
        "<script>alert('x')</script><b>help</b>",
        "DROP TABLE trackers; --",
    ],
    ids=["empty", "blank", "10k-chars", "emoji", "spanish", "html", "sql"],
)
def test_bad_input_gets_a_friendly_reply(assistant: Assistant, sender: str, message: str) -> None:
    text = answered(assistant.talk(sender, message))  # the apology would mean the assistant failed (it did on "")
    assert "<script>" not in text
    answered(assistant.talk(sender, "hi"))


@pytest.mark.parametrize(
    ("message", "reply"),
    [
        ("👍", "What else would you like to know?"),
        ("🙏", "You're welcome."),
        ("👋", "Hi, I'm Backspasm Assistant."),
        ("ur useless", "Sorry, that wasn't much help."),
        ("do you have a favourite song?", "I'm a chatbot, so no favourites"),
    ],
    ids=["thumbs-up", "folded-hands", "wave", "criticism", "about-the-bot"],
)
def test_emoji_sent_alone_small_talk_and_criticism_get_their_own_reply(
    assistant: Assistant, sender: str, message: str, reply: str
) -> None:
    text = answered(assistant.talk(sender, message))
    assert reply in text
    assert "outside what I know" not in text


@pytest.mark.parametrize(
    ("message", "reply"),
    [
        ("Bonjour à tous", "Hi, I'm Backspasm Assistant."),
        ("Hallo zusammen", "Hi, I'm Backspasm Assistant."),
        ("muchas gracias amigo", "You're welcome."),
        ("obrigado!", "You're welcome."),
    ],
)
def test_a_greeting_or_thanks_in_another_language_gets_its_own_reply(
    assistant: Assistant, sender: str, message: str, reply: str
) -> None:
    assert reply in answered(assistant.talk(sender, message))


def test_one_s_own_pain_is_never_waved_off_as_a_goodbye(assistant: Assistant, sender: str) -> None:
    text = answered(assistant.talk(sender, "back gone again 😭 cant get up"))
    assert "Come back any time" not in text
    assert "A few quick questions" in text


def test_a_red_flag_deep_inside_an_over_long_message_still_gets_the_emergency_advice(
    assistant: Assistant, sender: str
) -> None:
    filler = "My back has been sore on and off and I have tried stretching every morning. " * 40
    text = answered(assistant.talk(sender, filler + "Since lunch I can't feel my bum at all. " + filler))
    assert "can't feel my bum" in text
    assert guidance()["emergency_care"].answer.strip() in text


def test_an_over_long_message_without_a_red_flag_is_kindly_refused(assistant: Assistant, sender: str) -> None:
    text = answered(assistant.talk(sender, "My back has been sore and stiff. " * 100))
    assert "too long" in text


def test_the_symptom_check_asks_the_emergency_question_first_and_keeps_the_first_duration(
    assistant: Assistant, sender: str
) -> None:
    opening = answered(assistant.talk(sender, "my lower back has been spasming for 3 days, about 6/10"))
    assert "Do you have any of these right now?" in opening
    assert "keep coming back" in answered(assistant.talk(sender, "no"))
    assistant.talk(sender, "no, it's only been bad for a few hours at a time")  # a duration, but not the answer asked
    assert assistant.tracker(sender)["slots"]["duration_days"] == 3


def test_an_ordinary_opening_starts_the_check_without_a_safety_question(assistant: Assistant, sender: str) -> None:
    opening = answered(assistant.talk(sender, "my lower back has hurt for 3 days, about 6/10"))
    assert "Just to be safe" not in opening
    assert "your lower back for 3 days at 6 out of 10" in opening


def test_a_question_that_names_the_back_is_answered_in_the_middle_of_the_check(
    assistant: Assistant, sender: str
) -> None:
    assert "Do you have any of these right now?" in answered(assistant.talk(sender, "my back has hurt for 3 days"))
    text = answered(assistant.talk(sender, "when should I see a doctor about my back?"))
    assert guidance()["when_to_see_doctor"].answer.strip() in text
    assert "Do you have any of these right now?" in text  # then the check goes on


def test_a_typed_yes_to_the_emergency_question_gets_the_emergency_advice(assistant: Assistant, sender: str) -> None:
    assistant.talk(sender, "my back has hurt for 3 days")
    text = answered(assistant.talk(sender, "I think so, yes one of those"))
    assert guidance()["emergency_care"].answer.strip() in text
    assert assistant.tracker(sender)["slots"]["triage_tier"] == "emergency"


def test_an_urgent_sign_told_after_the_emergency_question_gets_its_advice_once(
    assistant: Assistant, sender: str
) -> None:
    assistant.talk(sender, "my back has hurt for 3 days")
    assistant.talk(sender, "no")  # to the emergency question
    text = answered(assistant.talk(sender, "I've also had a high fever and the shivers since yesterday"))
    assert text.count(guidance()["urgent_care"].answer.strip()) == 1
    assert assistant.tracker(sender)["slots"]["triage_tier"] == "urgent"


def test_thanks_is_no_answer_and_goodbye_ends_the_check(assistant: Assistant, sender: str) -> None:
    assistant.talk(sender, "is a back spasm something serious?")
    thanked = answered(assistant.talk(sender, "ok thanks"))
    assert "Do you have any of these right now?" in thanked  # asked again, not read as a yes or a no
    assert guidance()["self_care_plan"].answer.strip() not in thanked
    farewell = answered(assistant.talk(sender, "bye"))
    assert "stopped the questions" in farewell and "Do you have any of these" not in farewell
    assert assistant.tracker(sender)["active_loop"] in ({}, None)
