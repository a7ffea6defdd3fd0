"""The mandate health check against the political strategy. Pure module: no Django.

Seed 001 (meeting report, on the political strategy and on Security Council mandates): "a common and
carefully designed political strategy ... was central to a peacekeeping operation's success, and ... military
deployment needed to be subordinate to it"; mandates list tasks "whose hierarchy is not explicitly stated" and
"A review of the mission should be undertaken at least every two years".
So each mandated task should serve an objective of the strategy, and each objective should be carried by at least
one mandated task: a task serving none is work the strategy does not guide (a "Christmas tree" ornament, seed
001), an objective with none has no mandate behind it (a subject for the next mandate review).
"""

from __future__ import annotations

from dataclasses import dataclass

SOURCE = ("seed 001 (meeting report): 'a common and carefully designed political strategy' central to success; "
          "mandates with tasks 'whose hierarchy is not explicitly stated', reviewed 'at least every two years'")


@dataclass(frozen=True)
class TaskFacts:
    id: int
    label: str  # "OP 6(a) Protection of civilians"


@dataclass(frozen=True)
class ObjectiveFacts:
    id: int
    title: str
    task_ids: tuple[int, ...]


@dataclass(frozen=True)
class Finding:
    code: str  # "task_serves_no_objective" or "objective_without_task"
    subject_id: int
    message: str
    source: str = SOURCE


def check(tasks: list[TaskFacts], objectives: list[ObjectiveFacts]) -> list[Finding]:
    """Tasks serving no strategic objective (in the tasks' order), then objectives no task serves. Links to a
    task outside ``tasks`` (another mission's, or one the reader cannot see) carry no weight."""
    known = {task.id for task in tasks}
    served = {task_id for objective in objectives for task_id in objective.task_ids if task_id in known}
    findings = [Finding("task_serves_no_objective", task.id,
                        f"{task.label} serves no objective of the political strategy")
                for task in tasks if task.id not in served]
    findings += [Finding("objective_without_task", objective.id,
                         f"{objective.title}: no mandated task carries this objective")
                 for objective in objectives if not any(task_id in known for task_id in objective.task_ids)]
    return findings


def sequence_cycle(after: dict[int, int | None]) -> list[int] | None:
    """A cycle in "objective X comes after objective Y" links, as the ids along it, or None."""
    for start in after:
        seen, node = [], start
        while node is not None and node in after:
            if node in seen:
                return seen[seen.index(node):]
            seen.append(node)
            node = after[node]
    return None
