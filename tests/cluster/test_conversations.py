"""Conversations through HAProxy whose turns land on different replicas, and carry on as with one server."""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import sqlalchemy

from actions.knowledge import guidance
from cluster.settings import SCALED_ENDPOINTS
from cluster.supervisor import Cluster
from diary.store import DiaryStore
from privacy.tracker_store import tracker_store_url
from testbed.cluster import Turn, stored_user_texts, talk, tracker
from testbed.replies import answered

pytestmark = pytest.mark.cluster


def alternating(turns: list[Turn]) -> None:
    """Round-robin over two replicas: each turn answered by another replica than the turn before."""
    backends = [turn.backend for turn in turns]
    assert set(backends) == {"rasa-1", "rasa-2"}, backends
    assert all(a != b for a, b in zip(backends, backends[1:], strict=False)), backends


def test_the_disclaimer_is_said_once_across_replicas(cluster: Cluster, sender: str) -> None:
    turns = [talk(cluster, sender, text) for text in ("hello", "how long should I put ice on my back?", "hi again")]
    alternating(turns)
    greeting, ice, again = (answered(turn.replies) for turn in turns)
    assert "not a doctor" in greeting
    assert "15 to 20 minutes" in ice and "not a doctor" not in ice
    assert "not a doctor" not in again


def test_the_symptom_check_carries_on_across_replicas(cluster: Cluster, sender: str) -> None:
    opening = talk(cluster, sender, "my lower back has been spasming for 3 days, about 6/10")
    assert "Do you have any of these right now?" in answered(opening.replies)
    second = talk(cluster, sender, "no")
    assert "keep coming back" in answered(second.replies)
    third = talk(cluster, sender, "no, it's only been bad for a few hours at a time")
    alternating([opening, second, third])
    slots = tracker(cluster, sender)["slots"]
    assert (slots["body_part"], slots["duration_days"], slots["pain_level"]) == ("lower back", 3, 6)


def test_after_a_no_to_the_safety_question_the_check_keeps_the_opening_across_replicas(
    cluster: Cluster, sender: str
) -> None:
    turns = [talk(cluster, sender, "I hurt my back in a fall 3 days ago")]
    assert "Just to be safe" in answered(turns[-1].replies)
    turns.append(talk(cluster, sender, "no"))
    assert "your back for 3 days" in answered(turns[-1].replies)
    turns.append(talk(cluster, sender, "no"))
    assert "How long" not in answered(turns[-1].replies)
    alternating(turns)


QUESTIONS = [
    ("should I ice my back", "cold_therapy"),
    ("would a hot water bottle help", "heat_therapy"),
    ("can I take ibuprofen for it", "medication"),
    ("why do back spasms happen", "causes"),
    ("how do I stop this happening again", "prevention"),
    ("my back keeps me awake, how can I sleep", "sleep"),
]


def test_concurrent_messages_from_one_sender_are_handled_one_at_a_time_in_order(cluster: Cluster, sender: str) -> None:
    """Sent 0.15 s apart without waiting for the answers: both replicas take them, Redis' lock orders them."""

    def send(index: int) -> Turn:
        time.sleep(0.15 * index)
        return talk(cluster, sender, QUESTIONS[index][0])

    with ThreadPoolExecutor(len(QUESTIONS)) as pool:
        turns = list(pool.map(send, range(len(QUESTIONS))))
    assert {turn.backend for turn in turns} == {"rasa-1", "rasa-2"}
    for turn, (_, section) in zip(turns, QUESTIONS, strict=True):
        assert guidance()[section].answer.strip() in answered(turn.replies)
    events = [event for event in tracker(cluster, sender)["events"] if event["event"] in ("user", "bot")]
    said = [event["text"] for event in events if event["event"] == "user"]
    assert said == [question for question, _ in QUESTIONS]
    kinds = [event["event"] for event in events]
    # Each message is answered before the next one is read: never two user events without a reply between.
    assert all(kinds[i + 1] == "bot" for i, kind in enumerate(kinds) if kind == "user"), kinds


def test_forget_me_on_the_widget_page_deletes_the_conversation_from_postgresql(cluster: Cluster, web_page: str) -> None:
    session_id = uuid.uuid4().hex  # what the socket.io channel names a browser's conversation
    for text in ("hello", "how long should I put ice on my back?"):
        answered(talk(cluster, session_id, text).replies)
    database = tracker_store_url(SCALED_ENDPOINTS)
    assert stored_user_texts(database, {session_id})[session_id] == ["hello", "how long should I put ice on my back?"]
    response = requests.post(f"{web_page}/forget", json={"session_id": session_id}, timeout=10)
    assert response.status_code == 200 and response.json()["deleted"] > 2
    assert stored_user_texts(database, {session_id})[session_id] == []
    assert not [event for event in tracker(cluster, session_id)["events"] if event["event"] == "user"]


def test_the_diary_is_kept_in_postgresql_whichever_replica_answers(cluster: Cluster, sender: str) -> None:
    """Entries logged through both replicas (and both action servers) land in PostgreSQL and come back as one chart."""
    turns = [talk(cluster, sender, text) for text in ("pain 6 today", "log 4 stiff after gardening", "show my diary")]
    alternating(turns)
    assert "Noted in your pain diary: 6 out of 10" in answered(turns[0].replies)
    assert "2 entries over less than a day: down from 6 to 4." in answered(turns[2].replies)
    assert any(str(reply.get("image", "")).startswith("data:image/png;base64,") for reply in turns[2].replies)
    diary = DiaryStore(sqlalchemy.create_engine(tracker_store_url(SCALED_ENDPOINTS)))
    stored = [(entry.pain, entry.note) for entry in diary.entries(sender)]
    assert stored == [(6.0, None), (4.0, "stiff after gardening")]
