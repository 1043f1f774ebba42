"""End to end, polling and webhook: `python -m bot` between the Bot API stand-in and a stub Rasa."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot import texts
from diary.service import open_store
from diary.store import CheckIn
from testbed.telegram import updates
from testbed.telegram.harness import endpoints_for, senders, tracker_db
from testbed.telegram.standin import BotApiStandIn, Call, Photo
from testbed.telegram.stub_rasa import (
    CHART_PNG,
    CHECKIN_QUESTION,
    DIARY_SUMMARY,
    GREETING,
    GREETING_BUTTONS,
    HELP,
    LONG,
    StubRasa,
)
from tests.telegram.conftest import IN_MODULE_LOOP, StartUser

pytestmark = [IN_MODULE_LOOP, pytest.mark.timeout(60)]
CHAT = updates.USER["id"]
OTHER_CHAT = 5151


def buttons(call: Call) -> list[tuple[str, str]]:
    """(text, callback_data) of every inline button a sendMessage carried."""
    markup = call.params.get("reply_markup") or {"inline_keyboard": []}
    return [(button["text"], button["callback_data"]) for row in markup["inline_keyboard"] for button in row]


async def test_start_greets_through_rasa_typing_first_with_buttons(
    start_user: StartUser, telegram: BotApiStandIn, rasa: StubRasa
) -> None:
    user = await start_user()
    [greeting] = await user.send(updates.text(CHAT, "/start"), replies=1)
    assert [(item.sender, item.message) for item in rasa.received] == [(f"telegram-{CHAT}", "/greet")]
    assert greeting.params["text"] == GREETING
    assert greeting.params["parse_mode"] == "HTML"
    assert buttons(greeting) == [(button["title"], button["payload"]) for button in GREETING_BUTTONS]
    [typing] = telegram.calls_to("sendChatAction")
    assert (typing.params["chat_id"], typing.params["action"]) == (CHAT, "typing")
    assert typing.at < greeting.at


async def test_a_question_reaches_rasa_as_is_and_its_answer_is_escaped(start_user: StartUser, rasa: StubRasa) -> None:
    user = await start_user()
    question = "Is 1 < 2 & is <b>ice</b> better than heat?"
    [answer] = await user.send(updates.text(CHAT, question), replies=1)
    assert rasa.messages() == [question]
    assert answer.params["text"] == "You said: Is 1 &lt; 2 &amp; is &lt;b&gt;ice&lt;/b&gt; better than heat?"
    assert answer.result["text"] == f"You said: {question}"


async def test_a_button_press_sends_its_payload_and_is_acknowledged(
    start_user: StartUser, telegram: BotApiStandIn, rasa: StubRasa
) -> None:
    user = await start_user()
    [greeting] = await user.send(updates.text(CHAT, "/start"), replies=1)
    press = updates.button_press(greeting.result, "/ask_cold_therapy")
    [answer] = await user.send(press, replies=1)
    assert rasa.messages() == ["/greet", "/ask_cold_therapy"]
    assert answer.result["text"] == "Here is what I know about cold_therapy."
    [ack] = telegram.calls_to("answerCallbackQuery")
    assert ack.params["callback_query_id"] == press["callback_query"]["id"]
    [edit] = telegram.calls_to("editMessageReplyMarkup")
    assert edit.params["message_id"] == greeting.result["message_id"]
    assert ack.at < answer.at and not edit.params.get("reply_markup")


async def test_an_unknown_button_key_says_it_expired(start_user: StartUser, rasa: StubRasa) -> None:
    user = await start_user()
    [greeting] = await user.send(updates.text(CHAT, "/start"), replies=1)
    [answer] = await user.send(updates.button_press(greeting.result, "#payload:0123456789abcdef"), replies=1)
    assert answer.result["text"] == texts.BUTTON_EXPIRED
    assert rasa.messages() == ["/greet"]


async def test_an_edited_message_is_answered_once_as_a_new_message(start_user: StartUser, rasa: StubRasa) -> None:
    user = await start_user()
    original = updates.text(CHAT, "my back hurts")
    await user.send(original, replies=1)
    [answer] = await user.send(updates.edited(original, "my lower back hurts"), replies=1)
    assert answer.result["text"] == "You said: my lower back hurts"
    await user.send(updates.text(CHAT, "thanks"), replies=1)
    assert rasa.messages() == ["my back hurts", "my lower back hurts", "thanks"]
    assert len(user.replies()) == 3


@pytest.mark.parametrize("kind", ["sticker", "photo", "voice", "document", "location"])
async def test_anything_but_text_gets_a_friendly_refusal(start_user: StartUser, rasa: StubRasa, kind: str) -> None:
    user = await start_user()
    [answer] = await user.send(getattr(updates, kind)(CHAT), replies=1)
    assert answer.result["text"] == texts.TEXT_ONLY
    assert rasa.received == []


async def test_a_message_longer_than_telegram_allows_is_refused_without_asking_rasa(
    start_user: StartUser, rasa: StubRasa
) -> None:
    user = await start_user()
    [answer] = await user.send(updates.text(CHAT, "ouch " * 1000), replies=1)
    assert answer.result["text"] == texts.TOO_LONG.format(limit=4096)
    assert "4,096 characters" in answer.result["text"]
    assert rasa.received == []


async def test_a_message_within_telegram_s_limit_goes_to_rasa_whatever_its_length(
    start_user: StartUser, rasa: StubRasa
) -> None:
    """MAX_MESSAGE_CHARS is the REST channel's to apply, so a red flag in a long message is never refused here."""
    user = await start_user()
    text = "x" * 4096
    await user.send(updates.text(CHAT, text), replies=1)
    assert rasa.messages() == [text]


async def test_a_long_answer_is_split_at_paragraphs_with_the_keyboard_last(start_user: StartUser) -> None:
    user = await start_user()
    first, second = await user.send(updates.text(CHAT, "long answer please"), replies=2)
    assert first.result["text"] == LONG.split("\n\n")[0].strip()
    assert second.result["text"] == LONG.split("\n\n", 1)[1].strip()
    assert all(len(call.params["text"]) <= 4096 for call in (first, second))
    assert buttons(first) == [] and buttons(second) == [("More", "/ask_more")]


async def test_every_reply_is_sent_in_order_with_images_as_links(start_user: StartUser) -> None:
    user = await start_user()
    first, second = await user.send(updates.text(CHAT, "answer in two parts"), replies=2)
    assert first.result["text"] == "Part one."
    assert second.result["text"] == "Part two.\n\nhttps://example.org/stretch.png"


async def test_help_asks_rasa_for_help(start_user: StartUser, rasa: StubRasa) -> None:
    user = await start_user()
    [answer] = await user.send(updates.text(CHAT, "/help"), replies=1)
    assert rasa.messages() == ["/help"] and answer.result["text"] == HELP


async def test_restart_restarts_then_greets(start_user: StartUser, rasa: StubRasa) -> None:
    user = await start_user()
    [answer] = await user.send(updates.text(CHAT, "/restart"), replies=1)
    assert rasa.messages() == ["/restart", "/greet"] and answer.result["text"] == GREETING


async def test_forget_deletes_the_stored_conversation(start_user: StartUser, rasa: StubRasa, tmp_path: Path) -> None:
    db = tracker_db(tmp_path / "tracker.db", [f"telegram-{CHAT}", f"telegram-{OTHER_CHAT}", f"telegram-{CHAT}"])
    user = await start_user(RASA_ENDPOINTS=str(endpoints_for(db)))
    [answer] = await user.send(updates.text(CHAT, "/forget"), replies=1)
    assert answer.result["text"] == texts.FORGOTTEN
    assert senders(db) == [f"telegram-{OTHER_CHAT}"]
    assert rasa.received == []


async def test_forget_without_the_tracker_store_restarts_and_says_so(start_user: StartUser, rasa: StubRasa) -> None:
    user = await start_user()
    [answer] = await user.send(updates.text(CHAT, "/forget"), replies=1)
    assert answer.result["text"] == texts.RESTARTED_ONLY
    assert "still keeps a record" in answer.result["text"]
    assert rasa.messages() == ["/restart"]


async def test_forget_with_a_missing_tracker_store_does_not_claim_success(
    start_user: StartUser, rasa: StubRasa, tmp_path: Path
) -> None:
    user = await start_user(RASA_ENDPOINTS=str(endpoints_for(tmp_path / "missing.db")))
    [answer] = await user.send(updates.text(CHAT, "/forget"), replies=1)
    assert answer.result["text"] == texts.TROUBLE
    assert not (tmp_path / "missing.db").exists()


async def test_diary_sends_the_chart_as_a_photo_captioned_with_the_summary(
    start_user: StartUser, telegram: BotApiStandIn, rasa: StubRasa
) -> None:
    user = await start_user()
    [photo] = await user.send(updates.text(CHAT, "/diary"), replies=1)
    assert rasa.messages() == ["/show_diary"]
    assert photo.method == "sendPhoto" and photo.params["parse_mode"] == "HTML"
    assert telegram.sent_photos(CHAT) == [Photo(CHART_PNG, DIARY_SUMMARY)]
    assert photo.result["photo"][0]["width"] == 1


@pytest.mark.parametrize(("command", "message"), [("/checkin on", "/checkin_on"), ("/checkin off", "/checkin_off")])
async def test_checkin_on_and_off_reach_rasa_as_their_intents(
    start_user: StartUser, rasa: StubRasa, command: str, message: str
) -> None:
    user = await start_user()
    [answer] = await user.send(updates.text(CHAT, command), replies=1)
    assert rasa.messages() == [message] and answer.result["text"] == f"You said: {message}"


async def test_checkin_without_on_or_off_explains_itself_without_asking_rasa(
    start_user: StartUser, rasa: StubRasa
) -> None:
    user = await start_user()
    [answer] = await user.send(updates.text(CHAT, "/checkin tomorrow"), replies=1)
    assert answer.result["text"] == texts.CHECKIN_USAGE
    assert rasa.received == []


async def test_log_reaches_rasa_as_written(start_user: StartUser, rasa: StubRasa) -> None:
    user = await start_user()
    await user.send(updates.text(CHAT, "/log 6 stiff after gardening"), replies=1)
    group = await start_user(updates.GROUP_ID)
    await group.send(updates.text(updates.GROUP_ID, "/log@backspasm_test_bot 4"), replies=1)
    assert rasa.messages() == ["/log 6 stiff after gardening", "/log 4"]


@pytest.mark.parametrize("mode", ["polling"])
async def test_a_due_checkin_is_asked_through_rasa_and_other_channels_are_left_for_rasa(
    start_user: StartUser, telegram: BotApiStandIn, rasa: StubRasa, tmp_path: Path
) -> None:
    endpoints = endpoints_for(tracker_db(tmp_path / "tracker.db", []))
    store = open_store(endpoints)
    an_hour_ago = datetime.now(timezone.utc) - timedelta(hours=1)
    for sender in (f"telegram-{CHAT}", "widget-7c1f"):
        store.save_checkin(CheckIn(sender, an_hour_ago, an_hour_ago, None, stopped=False))
    await start_user(RASA_ENDPOINTS=str(endpoints), CHECKIN_QUIET_HOURS="")
    [question] = await telegram.wait_for("sendMessage", where=lambda call: call.params["chat_id"] == CHAT)
    assert question.result["text"] == CHECKIN_QUESTION
    assert [(item.sender, item.message) for item in rasa.received] == [(f"telegram-{CHAT}", "/checkin_due")]
    assert store.checkin(f"telegram-{CHAT}").last_asked_at is not None
    assert store.checkin("widget-7c1f").last_asked_at is None


async def test_an_unknown_command_is_not_sent_to_rasa(start_user: StartUser, rasa: StubRasa) -> None:
    user = await start_user()
    [answer] = await user.send(updates.text(CHAT, "/inform"), replies=1)
    assert answer.result["text"] == texts.UNKNOWN_COMMAND
    assert rasa.received == []


async def test_in_a_group_it_answers_only_when_mentioned_or_replied_to(start_user: StartUser, rasa: StubRasa) -> None:
    group = await start_user(updates.GROUP_ID)
    await group.deliver(updates.text(updates.GROUP_ID, "my back is killing me today"))
    await group.deliver(updates.sticker(updates.GROUP_ID))
    await group.deliver(updates.text(updates.GROUP_ID, "/start@some_other_bot"))
    [answer] = await group.send(updates.text(updates.GROUP_ID, "@backspasm_test_bot should I use ice?"), replies=1)
    assert answer.result["text"] == "You said: should I use ice?"
    [answer] = await group.send(updates.reply_to_bot(updates.GROUP_ID, "and heat?", answer.result["message_id"]), 1)
    assert answer.result["text"] == "You said: and heat?"
    await group.send(updates.text(updates.GROUP_ID, "/help@backspasm_test_bot"), replies=1)
    assert rasa.messages(f"telegram-{updates.GROUP_ID}") == ["should I use ice?", "and heat?", "/help"]
    assert len(group.replies()) == 3


async def test_each_chat_is_answered_in_order_while_chats_run_side_by_side(
    start_user: StartUser, telegram: BotApiStandIn, rasa: StubRasa
) -> None:
    rasa.delays["first"] = 1.0
    slow, quick = await start_user(CHAT), await start_user(OTHER_CHAT)
    await slow.deliver(updates.text(CHAT, "first"))
    await slow.deliver(updates.text(CHAT, "second"))
    await quick.deliver(updates.text(OTHER_CHAT, "other"))
    await telegram.wait_for("sendMessage", 3)
    assert [call.result["text"] for call in slow.replies()] == ["You said: first", "You said: second"]
    [other] = quick.replies()
    assert other.at < slow.replies()[0].at
