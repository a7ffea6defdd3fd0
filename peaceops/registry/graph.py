"""Pure graph helpers for reporting lines (no Django)."""

from collections.abc import Iterable


def path_exists(edges: Iterable[tuple[int, int]], start: int, goal: int) -> bool:
    """Whether following ``edges`` (from, to) leads from ``start`` to ``goal``."""
    following: dict[int, list[int]] = {}
    for source, target in edges:
        following.setdefault(source, []).append(target)
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        if node in seen:
            continue
        seen.add(node)
        stack.extend(following.get(node, ()))
    return False


def closes_cycle(edges: Iterable[tuple[int, int]], new_edge: tuple[int, int]) -> bool:
    """Whether adding ``new_edge`` to ``edges`` would make a cycle."""
    source, target = new_edge
    return source == target or path_exists(edges, target, source)
