"""Leadership pages: the political strategy with the mandate health check against it, and the decision log.

Thin views: reads from ``selectors``, writes through ``services``; a mission the user holds no grant for
answers 404.
"""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from peaceops.accounts.access import can
from peaceops.accounts.roles import Action
from peaceops.core.errors import DomainError
from peaceops.leadership import selectors, services


def _mission(request, pk):
    mission = selectors.mission_for(request.user, pk)
    if mission is None:
        raise Http404
    return mission


@login_required
def index(request):
    return render(request, "leadership/index.html", {"missions": selectors.missions_for(request.user)})


@login_required
def strategy(request, pk: int):
    mission = _mission(request, pk)
    checked = selectors.strategy_health(request.user, mission.id)
    return render(request, "leadership/strategy.html", {
        "mission": mission, "checked": checked, "earlier": list(selectors.strategies_for(request.user, mission.id))[1:],
        "untasked": {f.subject_id for f in checked.findings if f.code == "objective_without_task"},
        "unserved": [f for f in checked.findings if f.code == "task_serves_no_objective"]})


def _optional_int(value: str, field: str):
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise DomainError(_("%(field)s: a number is needed") % {"field": field}, field=field) from None


@login_required
def decisions(request, pk: int):
    mission = _mission(request, pk)
    error, form = "", {}
    if request.method == "POST":
        form = request.POST.dict()
        try:
            try:
                decided_on = dt.date.fromisoformat(form.get("decided_on", ""))
            except ValueError:
                raise DomainError(_("decided_on: a date is needed (YYYY-MM-DD)"), field="decided_on") from None
            services.decision_log(request.user, mission, decided_on=decided_on, decided_by=form.get("decided_by", ""),
                                  text=form.get("text", ""), rationale=form.get("rationale", ""),
                                  task_id=_optional_int(form.get("task", ""), "task"),
                                  risk_id=_optional_int(form.get("risk", ""), "risk"))
        except DomainError as refusal:
            if refusal.status == 403:
                raise
            error = refusal.message
        else:
            return redirect("leadership:decisions", pk=mission.pk)
    rows = list(selectors.decisions_for(request.user, mission.id))
    for row, (task_visible, risk_visible) in zip(
            rows, selectors.decision_links_readable(request.user, rows).values(), strict=True):
        row.task_visible, row.risk_visible = task_visible, risk_visible
    return render(request, "leadership/decisions.html", {
        "mission": mission, "rows": rows,
        "error": error, "form": form, "may_decide": can(request.user, Action.APPROVE, mission.id),
        "tasks": selectors.strategy_health(request.user, mission.id).tasks,
        "risks": selectors.risks_for(request.user, mission.id)}, status=400 if error else 200)
