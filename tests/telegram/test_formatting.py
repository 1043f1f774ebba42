"""Splitting long replies, escaping for HTML, Rasa buttons as inline keyboards, and PNG data URLs as photos."""

from __future__ import annotations

import base64
import html
import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import texts
from bot.formatting import (
    MAX_CALLBACK_BYTES,
    MAX_CAPTION_CHARS,
    PayloadStore,
    escape,
    keyboard,
    render,
    render_all,
    split_message,
    utf16_len,
)
from testbed.telegram.stub_rasa import CHART_PNG

CHART_URL = "data:image/png;base64," + base64.b64encode(CHART_PNG).decode()
MORE = [{"title": "More", "payload": "/more"}]


def test_a_short_text_is_one_chunk() -> None:
    assert split_message("  How long should I ice it?\n") == ["How long should I ice it?"]


def test_an_empty_text_is_no_chunk() -> None:
    assert split_message(" \n\n ") == []


def test_long_text_splits_at_paragraphs_first() -> None:
    paragraphs = ["a" * 1500, "b" * 1500, "c\nc" * 500, "d" * 100]
    chunks = split_message("\n\n".join(paragraphs))
    assert chunks == ["\n\n".join(paragraphs[:2]), paragraphs[2] + "\n\n" + paragraphs[3]]


def test_without_paragraphs_it_splits_at_lines() -> None:
    lines = [f"line {n:04d} " + "x" * 90 for n in range(100)]  # 100 lines of 100 characters
    chunks = split_message("\n".join(lines))
    assert [len(chunk.split("\n")) for chunk in chunks] == [40, 40, 20]
    assert "\n".join(chunks) == "\n".join(lines)


def test_without_line_breaks_it_splits_between_words() -> None:
    words = ["spasm"] * 1500
    chunks = split_message(" ".join(words))
    assert all(len(chunk) <= 4096 and not chunk.endswith(" ") for chunk in chunks)
    assert " ".join(chunks) == " ".join(words)


def test_one_endless_word_is_cut_hard() -> None:
    assert [len(chunk) for chunk in split_message("x" * 10_000)] == [4096, 4096, 1808]


def test_limits_count_utf16_units_and_never_split_an_emoji() -> None:
    text = "\N{FACE WITH TEARS OF JOY}" * 3000  # 6000 UTF-16 units
    chunks = split_message(text)
    assert [utf16_len(chunk) for chunk in chunks] == [4096, 1904]
    assert "".join(chunks) == text


def test_a_break_right_after_the_limit_is_used() -> None:
    assert split_message("a" * 10 + "\n\n" + "b" * 5, limit=10) == ["a" * 10, "b" * 5]


@given(st.text(alphabet=st.sampled_from("ab \n\N{FACE WITH TEARS OF JOY}<&"), max_size=400), st.integers(2, 60))
def test_chunks_fit_and_keep_every_visible_character(text: str, limit: int) -> None:
    chunks = split_message(text, limit)
    assert all(chunk.strip() and utf16_len(chunk) <= limit for chunk in chunks)
    assert "".join("".join(chunk.split()) for chunk in chunks) == "".join(text.split())


def test_escape_makes_markup_characters_literal() -> None:
    assert escape('1 < 2 & <b>"bold"</b>') == '1 &lt; 2 &amp; &lt;b&gt;"bold"&lt;/b&gt;'


@given(st.text())
def test_escaped_text_reads_back_unchanged(text: str) -> None:
    assert html.unescape(escape(text)) == text
    assert "<" not in escape(text) and ">" not in escape(text)


def test_buttons_become_one_button_per_row() -> None:
    markup = keyboard(
        [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}, {"payload": "/ask_relief"}],
        PayloadStore(),
    )
    assert markup is not None
    rows = [[(button.text, button.callback_data) for button in row] for row in markup.inline_keyboard]
    assert rows == [[("Yes", "/affirm")], [("No", "/deny")], [("/ask_relief", "/ask_relief")]]


def test_a_url_button_opens_the_link() -> None:
    markup = keyboard([{"title": "NHS", "url": "https://www.nhs.uk/", "type": "web_url"}], PayloadStore())
    assert markup is not None
    [[button]] = markup.inline_keyboard
    assert (button.text, button.url, button.callback_data) == ("NHS", "https://www.nhs.uk/", None)


def test_no_buttons_no_keyboard() -> None:
    assert keyboard([], PayloadStore()) is None
    assert keyboard([{"title": "broken"}], PayloadStore()) is None


def test_a_payload_over_64_bytes_is_kept_behind_a_key() -> None:
    store = PayloadStore()
    payload = '/describe_pain{"location": "lower back", "duration": "3 days", "severity": 6}'
    markup = keyboard([{"title": "That's it", "payload": payload}], store)
    assert markup is not None
    data = markup.inline_keyboard[0][0].callback_data
    assert isinstance(data, str) and data != payload and len(data.encode()) <= MAX_CALLBACK_BYTES
    assert store.payload(data) == payload


def test_a_short_payload_is_its_own_callback_data() -> None:
    store = PayloadStore()
    assert store.callback_data("/greet") == "/greet"
    assert store.payload("/greet") == "/greet"


def test_a_payload_that_looks_like_a_key_is_stored_too() -> None:
    store = PayloadStore()
    data = store.callback_data(PayloadStore.PREFIX + "x")
    assert data != PayloadStore.PREFIX + "x"
    assert store.payload(data) == PayloadStore.PREFIX + "x"


def test_old_keys_expire_when_the_store_is_full() -> None:
    store = PayloadStore(capacity=2)
    keys = [store.callback_data(f"/{n}" + "x" * 80) for n in range(3)]
    assert store.payload(keys[0]) is None
    assert store.payload(keys[2]) == "/2" + "x" * 80


def test_render_puts_the_keyboard_under_the_last_chunk() -> None:
    reply = {"text": "a" * 4090 + "\n\n" + "b & c", "buttons": [{"title": "More", "payload": "/more"}]}
    first, last = render(reply, PayloadStore())
    assert (first.html, first.keyboard) == ("a" * 4090, None)
    assert last.html == "b &amp; c" and last.keyboard is not None


def test_render_shows_an_image_as_its_link() -> None:
    [out] = render({"text": "Try this stretch.", "image": "https://example.org/stretch.png"}, PayloadStore())
    assert out.html == "Try this stretch.\n\nhttps://example.org/stretch.png"


def test_buttons_without_text_get_a_prompt() -> None:
    [out] = render({"buttons": [{"title": "Yes", "payload": "/affirm"}]}, PayloadStore())
    assert out.html == escape(texts.CHOOSE) and out.keyboard is not None


@pytest.mark.parametrize("reply", [{"custom": {"blocks": []}}, {"text": "  "}, {}])
def test_nothing_to_show_renders_no_message(reply: dict) -> None:
    assert render(reply, PayloadStore()) == []


def test_a_png_data_url_becomes_one_photo_captioned_with_the_escaped_text_and_keyboard() -> None:
    [out] = render({"text": "2 entries: pain < 5 & falling", "image": CHART_URL, "buttons": MORE}, PayloadStore())
    assert out.photo == CHART_PNG
    assert out.html == "2 entries: pain &lt; 5 &amp; falling"
    assert out.keyboard is not None and out.keyboard.inline_keyboard[0][0].callback_data == "/more"


@pytest.mark.parametrize("reply", [{"image": CHART_URL}, {"text": " \n", "image": CHART_URL}])
def test_a_png_without_text_is_a_photo_without_caption(reply: dict) -> None:
    [out] = render(reply, PayloadStore())
    assert (out.photo, out.html, out.keyboard) == (CHART_PNG, "", None)


def test_a_caption_counts_utf16_units_up_to_telegram_s_limit() -> None:
    fits = "\N{FACE WITH TEARS OF JOY}" * (MAX_CAPTION_CHARS // 2)
    [out] = render({"text": fits, "image": CHART_URL}, PayloadStore())
    assert out.photo == CHART_PNG and out.html == fits


def test_a_text_too_long_for_a_caption_comes_before_the_photo_which_carries_the_keyboard() -> None:
    text = "x" * MAX_CAPTION_CHARS + " & more"
    message, photo = render({"text": text, "image": CHART_URL, "buttons": MORE}, PayloadStore())
    assert (message.photo, message.html, message.keyboard) == (None, escape(text), None)
    assert (photo.photo, photo.html) == (CHART_PNG, "")
    assert photo.keyboard is not None


def test_a_chart_that_rasa_sends_after_its_summary_becomes_one_captioned_photo() -> None:
    replies = [{"text": "Hello."}, {"text": "2 entries", "buttons": MORE}, {"recipient_id": "t-1", "image": CHART_URL}]
    hello, chart = render_all(replies, PayloadStore())
    assert (hello.html, hello.photo) == ("Hello.", None)
    assert (chart.html, chart.photo) == ("2 entries", CHART_PNG) and chart.keyboard is not None


@pytest.mark.parametrize(
    "replies",
    [
        [{"text": "Try this stretch."}, {"image": "https://example.org/stretch.png"}],  # a link stays a link
        [{"text": "A", "image": "https://example.org/a.png"}, {"image": CHART_URL}],  # the text has its image
        [{"image": CHART_URL}, {"image": CHART_URL}],  # no text before it
    ],
)
def test_only_a_png_alone_after_a_text_without_image_is_joined_to_it(replies: list[dict]) -> None:
    assert render_all(replies, PayloadStore()) == [out for reply in replies for out in render(reply, PayloadStore())]


@pytest.mark.parametrize(
    "image",
    [
        "data:image/png;base64,not base64 at all!",
        "data:image/png;base64," + base64.b64encode(b"GIF89a not a png").decode(),
        "data:image/png;base64,",
        "data:image/jpeg;base64," + base64.b64encode(CHART_PNG).decode(),
        "data:text/plain,hello",
    ],
)
def test_a_data_url_that_is_not_a_base64_png_sends_the_text_alone_and_logs_no_user_text(
    image: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="bot.formatting"):
        [out] = render({"text": "my private summary", "image": image}, PayloadStore())
    assert (out.html, out.photo) == ("my private summary", None)
    assert caplog.records and "my private summary" not in caplog.text and image not in caplog.text
