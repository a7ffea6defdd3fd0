"""Mandate checks over plain data: task sequencing and mandate health. Pure Python, no Django.

Sequencing and prioritisation are different things (seed 004 §1.4.8): "Unlike sequencing, prioritization is
a function of the importance of an activity. It does not mean that until a prioritized activity is
completed, others cannot begin. Sequencing means that one activity should not start until another is
completed." So only ``waits_for`` orders the start of tasks; priority merely breaks ties between tasks
that are free to start, and a cycle of waits is an error (nothing could ever start).

The health checks read a mandate as seed 001 (IPI meeting report, 2015) criticises mandates: too many
tasks, no stated hierarchy, no review for two years, and no statement of the capabilities each task
needs against what the mission holds.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# seed 001: MONUSCO's mandate "contains for instance no less than forty one tasks" as the example of a
# "Christmas tree" mandate. The seed gives no limit; flagging from 25 tasks is this project's choice.
MANY_TASKS = 25
REVIEW_EVERY_YEARS = 2  # seed 001: "A review of the mission should be undertaken at least every two years"

CITE_SEQUENCING = "seed 004 §1.4.8 (prioritization does not block; sequencing does)"
CITE_TASK_COUNT = "seed 001 (mandates too lengthy: MONUSCO's forty-one tasks)"
CITE_PRIORITY = "seed 001 (tasks 'whose hierarchy is not explicitly stated'); seed 004 §1.4.8"
CITE_OWNER = "seed 004 §1.4.5 (accept responsibility and accountability), §3.2.3 (roles clearly spelt out)"
CITE_BENCHMARK = "seed 004 ch. 3-6 (benchmarks per output); seed 003 (progress 'against clear benchmarks')"
CITE_REVIEW = "seed 001 (a review of the mission at least every two years)"
CITE_CAPABILITIES = "seed 001 ('what capabilities are required for the accomplishment of each mandated task')"


@dataclass(frozen=True)
class TaskFacts:
    """What the checks need to know of one mandated task."""

    key: str  # unique within the mandate, e.g. "POC-1"
    title: str = ""
    priority: int | None = None  # 1 = highest; None = not stated
    owner: str = ""  # the responsible component or entity; "" = none
    benchmark_count: int = 0
    waits_for: tuple[str, ...] = ()  # keys of tasks that must be completed before this one starts
    capabilities_needed: Mapping[str, float] = field(default_factory=dict)  # e.g. {"utility helicopters": 4}


@dataclass(frozen=True)
class MandateFacts:
    tasks: tuple[TaskFacts, ...]
    last_review: dt.date | None = None
    capabilities_held: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    code: str  # e.g. "review_overdue"
    severity: str  # "error" | "warning" | "info"
    message: str  # in English; peaceops.mandates.health_messages gives it in the reader's language
    citation: str
    tasks: tuple[str, ...] = ()
    params: Mapping[str, object] = field(default_factory=dict)  # the values the message is made of


@dataclass(frozen=True)
class CapabilityGap:
    capability: str
    needed: float  # summed over the tasks that need it: an upper bound, as tasks may not run together
    held: float
    tasks: tuple[str, ...]

    @property
    def shortfall(self) -> float:
        return max(self.needed - self.held, 0.0)


class SequencingError(ValueError):
    """A sequencing that cannot be carried out; ``tasks`` names the tasks involved."""

    def __init__(self, message: str, tasks: tuple[str, ...]):
        self.tasks = tasks
        super().__init__(message)


class SequencingCycle(SequencingError):
    """Tasks that wait for each other in a circle: none of them could ever start (seed 004 §1.4.8)."""

    def __init__(self, cycle: tuple[str, ...]):
        self.cycle = cycle
        path = " -> ".join((*cycle, cycle[0]))
        super().__init__(f"sequencing cycle: {path} (each task waits for the next; none can start)", cycle)


# ---------------------------------------------------------------------------------------------------------
# Sequencing

def _waits(tasks: Iterable[TaskFacts]) -> dict[str, tuple[str, ...]]:
    """Task key -> keys it waits for; rejects duplicate keys, unknown keys and self-waits."""
    waits: dict[str, tuple[str, ...]] = {}
    for task in tasks:
        if task.key in waits:
            raise SequencingError(f"task {task.key!r} appears twice", (task.key,))
        waits[task.key] = tuple(dict.fromkeys(task.waits_for))
    for key, before in waits.items():
        for other in before:
            if other == key:
                raise SequencingCycle((key,))
            if other not in waits:
                raise SequencingError(f"task {key!r} waits for {other!r}, which is not a task of this mandate",
                                      (key, other))
    return waits


def find_cycle(waits: Mapping[str, Iterable[str]]) -> tuple[str, ...] | None:
    """One cycle of waits, in wait order (a waits for b waits for ... a), or None.

    Iterative depth-first search with three colours, so long chains do not hit the recursion limit.
    Keys that are waited for but not in ``waits`` are treated as tasks without waits.
    """
    graph = {key: tuple(before) for key, before in waits.items()}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for root in graph:
        if state.get(root):
            continue
        path: list[str] = [root]
        iterators = [iter(graph.get(root, ()))]
        state[root] = 1
        while path:
            following = next(iterators[-1], None)
            if following is None:
                state[path.pop()] = 2
                iterators.pop()
            elif state.get(following) == 1:
                return tuple(path[path.index(following):])
            elif not state.get(following):
                state[following] = 1
                path.append(following)
                iterators.append(iter(graph.get(following, ())))
    return None


def check_sequencing(tasks: Iterable[TaskFacts]) -> None:
    """Raise SequencingError / SequencingCycle if the waits cannot be carried out; a service calls this
    before saving a task's ``waits_for`` so nothing impossible is stored."""
    cycle = find_cycle(_waits(tasks))
    if cycle:
        raise SequencingCycle(cycle)


def start_order(tasks: Iterable[TaskFacts]) -> list[str]:
    """Keys in an order the tasks can start in: every task after all it waits for.

    Among tasks free to start, the higher priority comes first (priority never holds a task back, seed 004
    §1.4.8), then tasks with a stated priority before those without, then the key, so the order is stable.
    """
    tasks = list(tasks)
    waits = _waits(tasks)
    rank = {task.key: (task.priority is None, task.priority or 0, task.key) for task in tasks}
    remaining = {key: len(before) for key, before in waits.items()}
    unblocks: dict[str, list[str]] = {key: [] for key in waits}
    for key, before in waits.items():
        for other in before:
            unblocks[other].append(key)
    ready = [(rank[key], key) for key, count in remaining.items() if count == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, key = heapq.heappop(ready)
        order.append(key)
        for waiting in unblocks[key]:
            remaining[waiting] -= 1
            if remaining[waiting] == 0:
                heapq.heappush(ready, (rank[waiting], waiting))
    if len(order) < len(waits):
        raise SequencingCycle(find_cycle(waits) or tuple(sorted(set(waits) - set(order))))
    return order


def start_waves(tasks: Iterable[TaskFacts]) -> list[list[str]]:
    """Tasks grouped by the earliest step they can start at: wave 0 waits for nothing, wave n for tasks
    of earlier waves only. Each wave is sorted by priority as in ``start_order``."""
    tasks = list(tasks)
    order = start_order(tasks)
    by_key = {task.key: task for task in tasks}
    wave: dict[str, int] = {}
    for key in order:
        wave[key] = 1 + max((wave[other] for other in by_key[key].waits_for), default=-1)
    waves: list[list[str]] = [[] for _ in range(max(wave.values(), default=-1) + 1)]
    for key in order:
        waves[wave[key]].append(key)
    return waves


# ---------------------------------------------------------------------------------------------------------
# Health

def capability_gaps(tasks: Iterable[TaskFacts], held: Mapping[str, float]) -> list[CapabilityGap]:
    """Capabilities the tasks need beyond what the mission holds, largest shortfall first."""
    needed: dict[str, float] = {}
    needing: dict[str, list[str]] = {}
    for task in tasks:
        for capability, amount in task.capabilities_needed.items():
            if amount < 0:
                raise ValueError(f"task {task.key!r}: capability {capability!r} needs a negative amount ({amount})")
            needed[capability] = needed.get(capability, 0.0) + amount
            needing.setdefault(capability, []).append(task.key)
    gaps = [CapabilityGap(name, total, float(held.get(name, 0.0)), tuple(needing[name]))
            for name, total in needed.items() if total > held.get(name, 0.0)]
    return sorted(gaps, key=lambda gap: (-gap.shortfall, gap.capability))


def review_overdue(last_review: dt.date | None, today: dt.date) -> bool:
    """Whether the last review is more than two years old (or there was none). seed 001."""
    if last_review is None:
        return True
    try:
        due = last_review.replace(year=last_review.year + REVIEW_EVERY_YEARS)
    except ValueError:  # 29 February: due on 1 March two years on
        due = dt.date(last_review.year + REVIEW_EVERY_YEARS, 3, 1)
    return today > due


def health_checks(mandate: MandateFacts, today: dt.date, many_tasks: int = MANY_TASKS) -> list[Finding]:
    """All health findings of a mandate, errors first. Each finding cites the seed its rule comes from."""
    tasks = mandate.tasks
    findings = [Finding("task_count", "warning" if len(tasks) >= many_tasks else "info",
                        f"{len(tasks)} mandated tasks" + (f" (at least {many_tasks}: consider a shorter, prioritised "
                                                          "mandate)" if len(tasks) >= many_tasks else ""),
                        CITE_TASK_COUNT, params={"count": len(tasks), "many": many_tasks})]
    try:
        check_sequencing(tasks)
    except SequencingError as error:
        findings.append(Finding("sequencing", "error", str(error), CITE_SEQUENCING, error.tasks,
                                params={"path": " -> ".join((*error.tasks, error.tasks[0]))}
                                if isinstance(error, SequencingCycle) and error.tasks else {}))
    findings += _priority_inversions(tasks)
    findings += _missing("no_priority", [t for t in tasks if t.priority is None], "without a priority", CITE_PRIORITY)
    findings += _missing("no_owner", [t for t in tasks if not t.owner.strip()], "without an owner", CITE_OWNER)
    findings += _missing("no_benchmark", [t for t in tasks if t.benchmark_count <= 0], "without a benchmark",
                         CITE_BENCHMARK)
    findings += _missing("needs_unstated", [t for t in tasks if not t.capabilities_needed],
                         "without the capabilities they need", CITE_CAPABILITIES)
    if review_overdue(mandate.last_review, today):
        when = f"last reviewed {mandate.last_review.isoformat()}" if mandate.last_review else "never reviewed"
        findings.append(Finding("review_overdue", "warning", f"mandate {when}: a review is due every "
                                f"{REVIEW_EVERY_YEARS} years", CITE_REVIEW,
                                params={"date": mandate.last_review.isoformat() if mandate.last_review else "",
                                        "years": REVIEW_EVERY_YEARS}))
    for gap in capability_gaps(tasks, mandate.capabilities_held):
        findings.append(Finding("capability_gap", "warning",
                                f"{gap.capability}: tasks need {gap.needed:g}, the mission holds {gap.held:g} "
                                f"(short by {gap.shortfall:g})", CITE_CAPABILITIES, gap.tasks,
                                params={"capability": gap.capability, "needed": gap.needed, "held": gap.held,
                                        "short": gap.shortfall}))
    severity_rank = {"error": 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda finding: severity_rank[finding.severity])


def priority_inversions(tasks: Iterable[TaskFacts]) -> list[tuple[str, str]]:
    """(task, prerequisite) pairs where a task waits for one of lower or no stated priority.

    Sequencing blocks and prioritisation does not (seed 004 §1.4.8), so such a wait silently holds the
    important task back behind a less important one: planners should raise the prerequisite's priority or
    drop the wait ("efforts should thus be made to both prioritize and sequence activities").
    """
    tasks = list(tasks)
    priority = {task.key: task.priority for task in tasks}
    pairs = []
    for task in tasks:
        if task.priority is None:
            continue
        for before in task.waits_for:
            if before in priority and (priority[before] is None or priority[before] > task.priority):
                pairs.append((task.key, before))
    return pairs


def _priority_inversions(tasks: tuple[TaskFacts, ...]) -> list[Finding]:
    return [Finding("priority_inversion", "warning",
                    f"task {task} waits for {before}, which has a lower or no priority: raise {before}'s priority "
                    "or drop the wait", CITE_SEQUENCING, (task, before), params={"task": task, "before": before})
            for task, before in priority_inversions(tasks)]


def _missing(code: str, tasks: list[TaskFacts], what: str, citation: str) -> list[Finding]:
    if not tasks:
        return []
    keys = tuple(task.key for task in tasks)
    return [Finding(code, "warning", f"{len(keys)} task(s) {what}: {', '.join(keys)}", citation, keys,
                    params={"count": len(keys), "tasks": ", ".join(keys)})]
