"""The mandate health findings in the reader's language.

peaceops.mandates.mandate_checks stays free of Django (pure rules, tested without a database); its findings
carry an English message and the values it is made of (``params``). Here each finding code has its message as
a gettext string, so a French reader gets French health checks.
"""

from __future__ import annotations

import dataclasses

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from peaceops.core.charts import number
from peaceops.mandates.mandate_checks import Finding


def _task_count(p) -> str:
    text = ngettext("%(count)s mandated task", "%(count)s mandated tasks", p["count"]) % p
    if p["count"] >= p["many"]:
        text += " " + _("(at least %(many)s: consider a shorter, prioritised mandate)") % p
    return text


def _review(p) -> str:
    if p["date"]:
        return _("mandate last reviewed %(date)s: a review is due every %(years)s years") % p
    return _("mandate never reviewed: a review is due every %(years)s years") % p


def _gap(p) -> str:
    language = get_language()
    return _("%(capability)s: tasks need %(needed)s, the mission holds %(held)s (short by %(short)s)") % {
        "capability": p["capability"], "needed": number(p["needed"], language),
        "held": number(p["held"], language), "short": number(p["short"], language)}


MESSAGES = {
    "task_count": _task_count,
    "sequencing": lambda p: _("sequencing cycle: %(path)s (each task waits for the next; none can start)") % p,
    "priority_inversion": lambda p: _("task %(task)s waits for %(before)s, which has a lower or no priority: "
                                      "raise the priority of %(before)s or drop the wait") % p,
    # Each ngettext written out in full: makemessages finds only literal strings.
    "no_priority": lambda p: ngettext("%(count)s task without a priority: %(tasks)s",
                                      "%(count)s tasks without a priority: %(tasks)s", p["count"]) % p,
    "no_owner": lambda p: ngettext("%(count)s task without an owner: %(tasks)s",
                                   "%(count)s tasks without an owner: %(tasks)s", p["count"]) % p,
    "no_benchmark": lambda p: ngettext("%(count)s task without a benchmark: %(tasks)s",
                                       "%(count)s tasks without a benchmark: %(tasks)s", p["count"]) % p,
    "needs_unstated": lambda p: ngettext("%(count)s task without the capabilities it needs: %(tasks)s",
                                         "%(count)s tasks without the capabilities they need: %(tasks)s",
                                         p["count"]) % p,
    "review_overdue": _review,
    "capability_gap": _gap,
}


def translated(finding: Finding) -> Finding:
    """The finding with its message in the active language (the English one when no params say how)."""
    message = MESSAGES.get(finding.code)
    if message is None or not finding.params:
        return finding
    return dataclasses.replace(finding, message=message(finding.params))


def translated_all(findings: list[Finding]) -> list[Finding]:
    return [translated(finding) for finding in findings]
