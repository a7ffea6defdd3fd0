"""Roles and what each may do. Pure module: no Django imports.

A grant gives a user one role over a scope (a mission, a region, or the whole system) up to a
classification level. Reading is governed by the level; writing by the role's actions.
"""

from enum import StrEnum


class Role(StrEnum):
    VIEWER = "viewer"
    OFFICER = "officer"
    ANALYST = "analyst"
    PLANNER = "planner"
    LEADERSHIP = "leadership"
    ADMINISTRATOR = "administrator"


class Action(StrEnum):
    VIEW = "view"
    EDIT_INCIDENTS = "edit_incidents"  # JOC watch officers
    EDIT_ANALYSIS = "edit_analysis"  # JMAC analysts
    EDIT_PLANS = "edit_plans"  # planners: mandates, ISF, benchmarks
    EDIT_COORDINATION = "edit_coordination"
    APPROVE = "approve"  # leadership decisions: loans, QIPs, assessments
    EDIT_REGISTRY = "edit_registry"  # structure, posts, people
    ADMINISTER = "administer"  # users and grants


ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.VIEWER: frozenset({Action.VIEW}),
    Role.OFFICER: frozenset({Action.VIEW, Action.EDIT_INCIDENTS}),
    Role.ANALYST: frozenset({Action.VIEW, Action.EDIT_INCIDENTS, Action.EDIT_ANALYSIS}),
    Role.PLANNER: frozenset({Action.VIEW, Action.EDIT_PLANS, Action.EDIT_COORDINATION}),
    Role.LEADERSHIP: frozenset({Action.VIEW, Action.APPROVE, Action.EDIT_PLANS, Action.EDIT_COORDINATION}),
    Role.ADMINISTRATOR: frozenset(Action),
}


def actions_for(roles) -> frozenset[Action]:
    """Every action any of the given roles allows."""
    allowed: set[Action] = set()
    for role in roles:
        allowed |= ROLE_ACTIONS[Role(role)]
    return frozenset(allowed)
