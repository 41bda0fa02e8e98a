"""Fault injection: a build killed at write points and at random moments leaves every file of tei/ and
out/ old or new, and the next build converges to what a clean build writes.

CI runs a bounded sample (write points spread over the whole build, and a few SIGKILLs);
``benchmarks/faults.py`` runs every write point and as many SIGKILLs as asked.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from fault_trials import Scenario, prepare, trial_after_delay, trial_at_point

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    return prepare(tmp_path_factory.mktemp("faults"))


def test_the_scenario_changes_tei_and_out(scenario: Scenario) -> None:
    changed = {r for r in scenario.new if scenario.new[r] != scenario.old.get(r)}
    assert {"tei/plain-letter.xml", "tei/added.xml", "tei/.teiedit-state.json"} <= changed
    assert "out/html/plain-letter.html" in changed and "out/html/.teiedit-html.json" in changed
    # The TEI of a removed source stays (it may hold the editor's work); its page too.
    assert scenario.old["tei/to-remove.xml"] == scenario.new["tei/to-remove.xml"]
    assert scenario.points > 30


def test_killed_at_write_points(scenario: Scenario, tmp_path: Path) -> None:
    n = scenario.points
    # The first point of each kind of write in tei/ (staged file, journal, file moved in, state, commit),
    # and points spread over the web edition's writes, the last (its manifest) included.
    first: dict[str, int] = {}
    for k, label in enumerate(scenario.labels, start=1):
        kind = label.split(" ")[0] + (" state" if "teiedit-state" in label else "")
        if "/tei/" in label or label.startswith("committed"):
            first.setdefault(kind, k)
    html = [k for k, label in enumerate(scenario.labels, start=1) if "/out/" in label]
    points = sorted({*first.values(), html[0], html[len(html) // 2], n - 1, n})
    trials = [trial_at_point(scenario, tmp_path, k) for k in points]
    assert len(trials) == len(points) >= 10
    assert all(t.exit_code == 86 for t in trials), [(t.how, t.exit_code) for t in trials]
    assert [(t.how, t.problems) for t in trials if t.problems] == []


def test_killed_at_random_moments(scenario: Scenario, tmp_path: Path) -> None:
    chance = random.Random(22)
    delays = [chance.uniform(0.2, scenario.seconds) for _ in range(3)]
    trials = [trial_after_delay(scenario, tmp_path, d, i) for i, d in enumerate(delays)]
    assert len(trials) == 3
    assert [(t.how, t.problems) for t in trials if t.problems] == []
