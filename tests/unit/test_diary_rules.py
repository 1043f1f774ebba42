"""Episodes and the guide's see-a-doctor rule (diary/rules.py), with the clock passed in."""

from __future__ import annotations

from datetime import timedelta

from actions.knowledge import guidance
from diary.rules import COMING_BACK, EPISODE_GAP, LASTING, Crossing, Episode, Reason, advice, crossing, episodes
from tests.unit.diary_entries import at, diary, entry

A_MINUTE = timedelta(minutes=1) / timedelta(days=1)  # in days, as entry() takes them
WEEK = EPISODE_GAP / timedelta(days=1)
TWO_WEEKS = LASTING / timedelta(days=1)
FOUR_WEEKS = COMING_BACK / timedelta(days=1)


def spans(found: list[Episode]) -> list[tuple[float, ...]]:
    """The pains of each episode."""
    return [tuple(item.pain for item in episode.entries) for episode in found]


def test_a_gap_of_exactly_a_week_keeps_one_episode_and_a_longer_one_starts_another() -> None:
    assert spans(episodes(diary([(0, 5), (WEEK, 6)]))) == [(5, 6)]
    assert spans(episodes([entry(0, 5), entry(WEEK + A_MINUTE, 6)])) == [(5,), (6,)]


def test_a_pain_free_entry_ends_an_episode_and_is_in_none() -> None:
    assert spans(episodes(diary([(0, 5), (1, 4), (2, 0), (3, 0), (4, 3)]))) == [(5, 4), (3,)]
    assert episodes(diary([(0, 0), (1, 0)])) == []


def test_more_than_two_weeks_without_getting_better_crosses_the_rule() -> None:
    entries = diary([(0, 5), (7, 6), (TWO_WEEKS, 5)])
    assert crossing(entries, at(TWO_WEEKS)) is None  # exactly two weeks is not more than two weeks
    entries.append(entry(TWO_WEEKS + A_MINUTE, 5))
    assert crossing(entries, at(TWO_WEEKS + A_MINUTE)) == Crossing(Reason.LASTING, episodes(entries)[0])


def test_more_than_two_weeks_but_lower_than_at_first_does_not_cross() -> None:
    assert crossing(diary([(0, 6), (7, 7), (14, 6), (15, 5)]), at(15)) is None
    assert crossing(diary([(0, 6), (7, 7), (14, 6), (15, 6)]), at(15)).reason is Reason.LASTING


def test_a_new_episode_within_four_weeks_of_the_last_crosses_the_rule() -> None:
    first = [(0, 5), (2, 4), (3, 0)]
    assert crossing(diary([*first, (2 + FOUR_WEEKS, 3)]), at(2 + FOUR_WEEKS)).reason is Reason.COMING_BACK
    late = diary([*first, (2 + FOUR_WEEKS + A_MINUTE, 3)])
    assert crossing(late, at(2 + FOUR_WEEKS + A_MINUTE)) is None


def test_only_an_episode_going_on_now_is_judged() -> None:
    back_again = diary([(0, 5), (2, 4), (10, 6)])
    assert crossing(back_again, at(10)).reason is Reason.COMING_BACK
    assert crossing(back_again, at(10 + WEEK)) is not None
    assert crossing(back_again, at(10 + WEEK + A_MINUTE)) is None  # nothing logged for over a week
    assert crossing([*back_again, entry(11, 0)], at(11)) is None  # pain free now
    assert crossing(back_again, at(9)) is None  # the entry of day 10 is not read before day 10


def test_the_advice_is_the_guides_section_with_its_source() -> None:
    section = advice()
    assert section is guidance()["when_to_see_doctor"]
    assert "more than two weeks" in section.answer
    assert section.source.name
