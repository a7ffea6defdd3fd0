"""The incident status workflow: draft -> verified -> published, and who may move a report.

Pure module (no Django imports): the API, the web pages and the docs share this one table.

Why these rights (roles from peaceops/accounts/roles.py):

- A watch officer or analyst (``edit_incidents``) logs a report as a draft and verifies it, or
  sends it back to draft. The JOC collates and checks reports around the clock (seed 000 app. 2).
- Publishing, i.e. releasing a report into the mission's official picture (the daily sitrep),
  is a leadership decision (``approve``: mission leadership, or an administrator). The same right
  is needed to withdraw a published report. A watch officer cannot publish on their own.
- Corrections to a report's content are ``edit_incidents`` at every status; django-simple-history
  keeps every earlier version, so a correction of a published report never erases what was said.
"""

from peaceops.accounts.roles import Action

DRAFT, VERIFIED, PUBLISHED = "draft", "verified", "published"

# (from, to) -> the action the user needs over the incident's owning mission.
TRANSITIONS: dict[tuple[str, str], Action] = {
    (DRAFT, VERIFIED): Action.EDIT_INCIDENTS,
    (VERIFIED, DRAFT): Action.EDIT_INCIDENTS,
    (VERIFIED, PUBLISHED): Action.APPROVE,
    (PUBLISHED, VERIFIED): Action.APPROVE,
    (PUBLISHED, DRAFT): Action.APPROVE,
}


class TransitionError(ValueError):
    """A status change that the workflow does not allow at all (not a question of rights)."""


def required_action(current: str, target: str) -> Action:
    """The action needed to move a report from ``current`` to ``target``; raises if the move is not allowed."""
    try:
        return TRANSITIONS[(current, target)]
    except KeyError:
        raise TransitionError(f"A report cannot go from {current} to {target}.") from None


def next_statuses(current: str) -> list[str]:
    """The statuses a report can move to from ``current``, in workflow order."""
    order = [DRAFT, VERIFIED, PUBLISHED]
    return [target for (source, target) in TRANSITIONS if source == current and target in order]
