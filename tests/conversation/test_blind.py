"""The blind test set as a regression set: messages nobody tuned for, sent through REST to the real assistant."""

from __future__ import annotations

import pytest

from bench.blind import Outcome, report
from testbed.bulk_runs import BulkRuns

# The forty-eight blind sets together: 9380/9830 (0.9542) on 2026-12-05, session 52 (the forty-seven older 9180/9626);
# the forty-seven then 9177/9626 (0.9534), session 52 (the forty-six older 8979/9422);
# the forty-six then 8981/9422 (0.9532), session 52 (the forty-five older 8785/9218);
# the forty-five then 8791/9218 (0.9537), session 51 (the forty-four older 8607/9014);
# the forty-four then 8607/9014 (0.9548), session 51 (the forty-three older 8423/8810);
# the forty-three then 8420/8810 (0.9557), session 51 (the forty-two older 8229/8606);
# the forty-two then 8221/8606 (0.9553), session 51 (the forty-one older 8039/8402);
# the forty-one then 8036/8402 (0.9564), session 50 (the forty older 7851/8198);
# the forty then 7851/8198 (0.9577), session 50 (the thirty-nine older 7659/7994);
# the thirty-nine then 7659/7994 (0.9581), session 50 (the thirty-eight older 7467/7790);
# the thirty-eight then 7453/7790 (0.9567), session 50 (the thirty-seven older 7254/7586);
# the thirty-seven then 7262/7586 (0.9573), session 49 (the thirty-six older 7067/7382);
# the thirty-six then 7067/7382 (0.9573), session 49 (the thirty-five older 6874/7178,
# with every safety question answered "no", a flag's too: 20 right after a flag's question);
# the thirty-five then 6851/7178 (0.9544), session 48 (the thirty-four older 6649/6974);
# the thirty-four then 6646/6974 (0.9530), session 48 (the thirty-three older 6445/6770);
# the thirty-three then 6445/6770 (0.9520) on 2026-12-05, session 47 (the thirty-one older 6060/6362);
# the thirty-one then 6062/6362 (0.9528) on 2026-12-05, session 46 (the thirty older 5881/6158; the
# thirty 5883/6158 before the thirty-first's examples); the twenty-nine then 5686/5954 (0.9550) on 2026-12-04, session
# 45 (the twenty-seven older 5295/5546, against 5286/5546 in session 44, before a training with 'LBP' in the examples;
# the twenty-five older 4901/5138 in session 44); the twenty-three oldest 4511/4730 in session 43, message for message
# what session 42's first commit gives when trained again (it measured 4517 on another training): two trainings of the
# same data differ by about six messages, so the floor sits 0.003 under the measure. First scores: the first set 0.912
# (DIET, before the encoder), the second 0.913, the third 0.945, the fourth 0.896, the fifth 0.868, the sixth 0.956, the
# seventh 0.917, the eighth 0.912, the ninth 0.877, the tenth 0.848, the eleventh 0.922, the twelfth 0.951, the
# thirteenth 0.868, the fourteenth 0.941, the fifteenth 0.956, the sixteenth 0.961, the seventeenth 0.926, the
# eighteenth 0.966, the nineteenth 0.971, the twentieth 0.931, the twenty-first 0.907, the twenty-second 0.922, the
# twenty-third 0.961, the twenty-fourth 0.966, the twenty-fifth 0.946, the twenty-sixth 0.961, the twenty-seventh 0.926,
# the twenty-eighth 0.966, the twenty-ninth 0.941, the thirtieth 0.966, the thirty-first 0.853, the thirty-second 0.873,
# the thirty-third 0.956, the thirty-fourth 0.975, the thirty-fifth 0.985, the thirty-sixth 0.922, the thirty-seventh
# 0.956, the thirty-eighth 0.946, the thirty-ninth 0.941, the fortieth
# 0.941, the forty-first 0.907. The aim is 0.97; `python -m bench.blind` prints each set's report.
MIN_ACCURACY = 0.950
# Red-flag rules may alarm on a safe message at most once in 30, as the red-flag suites allow.
ALARM_RATE = 1 / 30


@pytest.fixture(scope="module")
def outcomes(bulk_runs: BulkRuns) -> list[Outcome]:
    """Every blind message, once each of them is seen to get a real answer."""
    results = bulk_runs.blind()
    assert [(outcome.text, outcome.error) for outcome in results if outcome.error] == []
    return results


def test_the_blind_set_is_answered_at_least_as_well_as_measured(outcomes: list[Outcome]) -> None:
    accuracy = sum(outcome.right for outcome in outcomes) / len(outcomes)
    print("\n" + report(outcomes))
    assert len(outcomes) >= 150
    assert accuracy >= MIN_ACCURACY, report(outcomes)


def test_blind_messages_raise_almost_no_false_alarm(outcomes: list[Outcome]) -> None:
    # The set holds no warning sign of the writer's own, only negated ones and questions about them.
    alarms = [outcome.text for outcome in outcomes if outcome.got == "red_flag"]
    print(f"\nfalse alarms: {len(alarms)}/{len(outcomes)} {alarms}")
    assert len(alarms) <= len(outcomes) * ALARM_RATE, alarms
