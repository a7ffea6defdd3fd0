"""Task sequencing (seed 004 §1.4.8) and mandate health checks (seed 001), on plain data."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peaceops.mandates.mandate_checks import (
    MandateFacts,
    SequencingCycle,
    SequencingError,
    TaskFacts,
    capability_gaps,
    check_sequencing,
    find_cycle,
    health_checks,
    priority_inversions,
    review_overdue,
    start_order,
    start_waves,
)


def task(key, *waits, priority=1, owner="Civil Affairs", benchmarks=1, needs=None):
    return TaskFacts(key=key, priority=priority, owner=owner, benchmark_count=benchmarks, waits_for=tuple(waits),
                     capabilities_needed=needs if needs is not None else {"staff": 1})


# --- sequencing ------------------------------------------------------------------------------------------

def test_priority_does_not_block_but_sequencing_does():
    # seed 004 §1.4.8: DDR (priority 1) waits for the ceasefire (priority 3); elections (priority 2) wait
    # for nothing and may start before the ceasefire despite a lower priority than DDR.
    tasks = [task("DDR", "CEASEFIRE", priority=1), task("CEASEFIRE", priority=3), task("ELECTIONS", priority=2)]
    assert start_order(tasks) == ["ELECTIONS", "CEASEFIRE", "DDR"]
    assert start_waves(tasks) == [["ELECTIONS", "CEASEFIRE"], ["DDR"]]


def test_tasks_without_priority_come_after_prioritised_ones_when_both_are_free():
    tasks = [task("B", priority=None), task("A", priority=None), task("C", priority=5)]
    assert start_order(tasks) == ["C", "A", "B"]


def test_a_cycle_is_an_error_naming_the_tasks():
    tasks = [task("A", "B"), task("B", "C"), task("C", "A"), task("D")]
    with pytest.raises(SequencingCycle) as error:
        check_sequencing(tasks)
    assert set(error.value.cycle) == {"A", "B", "C"}
    assert "sequencing cycle" in str(error.value) and "none can start" in str(error.value)
    with pytest.raises(SequencingCycle):
        start_order(tasks)


def test_a_task_waiting_for_itself_or_for_an_unknown_task_is_an_error():
    with pytest.raises(SequencingCycle, match="A -> A"):
        check_sequencing([task("A", "A")])
    with pytest.raises(SequencingError, match="'A' waits for 'Z', which is not a task"):
        check_sequencing([task("A", "Z")])
    with pytest.raises(SequencingError, match="appears twice"):
        check_sequencing([task("A"), task("A")])


def test_a_long_chain_does_not_hit_the_recursion_limit():
    keys = [f"T{n}" for n in range(5000)]
    tasks = [task(keys[0])] + [task(keys[n], keys[n - 1]) for n in range(1, len(keys))]
    assert start_order(tasks) == keys
    closing = [task(keys[0], keys[-1])] + tasks[1:]
    assert len(find_cycle({t.key: t.waits_for for t in closing})) == len(keys)


def _has_cycle_by_reachability(waits):
    """Oracle: a graph has a cycle iff some node reaches itself."""
    for start in waits:
        seen, stack = set(), list(waits[start])
        while stack:
            node = stack.pop()
            if node == start:
                return True
            if node not in seen:
                seen.add(node)
                stack.extend(waits.get(node, ()))
    return False


graphs = st.integers(min_value=1, max_value=12).flatmap(
    lambda n: st.dictionaries(
        keys=st.sampled_from([f"T{i}" for i in range(n)]),
        values=st.lists(st.sampled_from([f"T{i}" for i in range(n)]), max_size=4, unique=True),
        min_size=1,
    ))


@settings(max_examples=300, deadline=None)
@given(graphs)
def test_find_cycle_agrees_with_reachability_and_returns_a_real_cycle(waits):
    keys = set(waits) | {other for before in waits.values() for other in before}
    waits = {key: waits.get(key, []) for key in keys}
    cycle = find_cycle(waits)
    assert (cycle is not None) == _has_cycle_by_reachability(waits)
    if cycle:
        assert len(set(cycle)) == len(cycle)
        for here, there in zip(cycle, cycle[1:] + cycle[:1], strict=True):
            assert there in waits[here]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=15).flatmap(
    lambda n: st.tuples(st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=30),
                        st.lists(st.one_of(st.none(), st.integers(1, 3)), min_size=n, max_size=n))))
def test_start_order_respects_every_wait_when_there_is_no_cycle(case):
    n, pairs, priorities = case
    # only later tasks wait for earlier ones: acyclic by construction
    waits = {i: sorted({b for a, b in pairs if a == i and b < i}) for i in range(n)}
    tasks = [TaskFacts(key=f"T{i:02}", priority=priorities[i], waits_for=tuple(f"T{b:02}" for b in waits[i]))
             for i in reversed(range(n))]
    order = start_order(tasks)
    assert sorted(order) == sorted(t.key for t in tasks)
    position = {key: index for index, key in enumerate(order)}
    for t in tasks:
        assert all(position[before] < position[t.key] for before in t.waits_for)
    waves = start_waves(tasks)
    wave_of = {key: index for index, wave in enumerate(waves) for key in wave}
    for t in tasks:
        assert all(wave_of[before] < wave_of[t.key] for before in t.waits_for)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=2, max_value=10), st.integers(min_value=0, max_value=9))
def test_closing_any_chain_into_a_ring_is_always_refused(length, extra):
    keys = [f"T{i}" for i in range(length)]
    ring = [task(keys[i], keys[(i + 1) % length]) for i in range(length)] + [task(f"X{i}") for i in range(extra)]
    with pytest.raises(SequencingCycle) as error:
        start_order(ring)
    assert sorted(error.value.cycle) == sorted(keys)


# --- health ----------------------------------------------------------------------------------------------

TODAY = dt.date(2010, 6, 30)


def codes(findings):
    return {finding.code: finding for finding in findings}


def test_a_sound_mandate_has_only_the_task_count():
    mandate = MandateFacts(tasks=(task("POC"), task("DDR", "POC")), last_review=dt.date(2009, 9, 1),
                           capabilities_held={"staff": 5})
    assert [f.code for f in health_checks(mandate, TODAY)] == ["task_count"]
    assert health_checks(mandate, TODAY)[0].severity == "info"


def test_each_missing_element_is_flagged_with_its_tasks_and_seed():
    tasks = (task("A", priority=None), task("B", owner=""), task("C", benchmarks=0), task("D", needs={}))
    found = codes(health_checks(MandateFacts(tasks=tasks, last_review=TODAY), TODAY))
    assert found["no_priority"].tasks == ("A",) and "seed 001" in found["no_priority"].citation
    assert found["no_owner"].tasks == ("B",) and "seed 004" in found["no_owner"].citation
    assert found["no_benchmark"].tasks == ("C",)
    assert found["needs_unstated"].tasks == ("D",)


def test_forty_one_tasks_is_a_warning():
    tasks = tuple(task(f"T{i}") for i in range(41))  # seed 001: MONUSCO's forty-one tasks
    finding = codes(health_checks(MandateFacts(tasks=tasks, last_review=TODAY), TODAY))["task_count"]
    assert finding.severity == "warning" and finding.message.startswith("41 mandated tasks")


def test_a_cycle_is_an_error_finding_listed_first():
    findings = health_checks(MandateFacts(tasks=(task("A", "B"), task("B", "A")), last_review=TODAY), TODAY)
    assert findings[0].code == "sequencing" and findings[0].severity == "error"
    assert set(findings[0].tasks) == {"A", "B"}


def test_review_is_overdue_after_two_years():
    assert not review_overdue(dt.date(2008, 6, 30), TODAY)
    assert review_overdue(dt.date(2008, 6, 29), TODAY)
    assert review_overdue(None, TODAY)
    assert not review_overdue(dt.date(2008, 2, 29), dt.date(2010, 3, 1))
    assert review_overdue(dt.date(2008, 2, 29), dt.date(2010, 3, 2))
    found = codes(health_checks(MandateFacts(tasks=(task("A"),)), TODAY))
    assert "never reviewed" in found["review_overdue"].message


def test_capabilities_needed_against_held():
    tasks = (task("POC", needs={"utility helicopters": 4, "FPU": 2}), task("RETURNS", needs={"utility helicopters": 3}))
    gaps = capability_gaps(tasks, {"utility helicopters": 5, "FPU": 2})
    assert [(g.capability, g.needed, g.held, g.shortfall, g.tasks) for g in gaps] == [
        ("utility helicopters", 7, 5.0, 2, ("POC", "RETURNS"))]
    found = codes(health_checks(MandateFacts(tasks=tasks, last_review=TODAY,
                                             capabilities_held={"utility helicopters": 5, "FPU": 2}), TODAY))
    assert "short by 2" in found["capability_gap"].message
    with pytest.raises(ValueError, match="negative"):
        capability_gaps((task("X", needs={"FPU": -1}),), {})


def test_a_high_priority_task_waiting_for_a_lower_one_is_flagged():
    tasks = (task("DDR", "CEASEFIRE", priority=1), task("CEASEFIRE", priority=3),
             task("SSR", "ELECTIONS", priority=2), task("ELECTIONS", priority=None), task("QIP", "DDR", priority=4))
    assert priority_inversions(tasks) == [("DDR", "CEASEFIRE"), ("SSR", "ELECTIONS")]
    found = [f for f in health_checks(MandateFacts(tasks=tasks, last_review=TODAY), TODAY)
             if f.code == "priority_inversion"]
    assert [f.tasks for f in found] == [("DDR", "CEASEFIRE"), ("SSR", "ELECTIONS")]
    assert "seed 004 §1.4.8" in found[0].citation
