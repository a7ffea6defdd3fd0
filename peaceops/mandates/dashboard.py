"""The planner's and the leadership's tiles on the dashboard (peaceops.web.dashboards): the ISFs' objectives by
red/amber/green, indicators whose measurement is overdue, mandate health, and the risks escalated to leadership.

Seed 004 ch. 3-6 (benchmarks, indicators and their measurement), seed 001 (mandate quality, review at least
every two years) and the risk register's escalation rule (peaceops.mandates.risks). Every read is narrowed by
``visible`` to what the reader may read, through this app's selectors.
"""

import datetime as dt
import math

from django.db.models import Max, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from peaceops.accounts.access import visible
from peaceops.mandates import health_messages, rollup, selectors
from peaceops.mandates.models import Indicator, Measurement
from peaceops.web.dashboards import LEADERSHIP, PLANNER, Context, Row, Tile, link

SHOWN = 6
RAG_ORDER = ("red", "amber", "green", "grey")
SEVERITY_TONE = {"error": "red", "warning": "amber", "info": "grey"}
# How many months after a period's first day its measurement may still be missing before it is overdue: the
# period itself, then one month to collect the figure.
FREQUENCY_MONTHS = {Indicator.Frequency.MONTHLY: 1, Indicator.Frequency.QUARTERLY: 3,
                    Indicator.Frequency.ANNUAL: 12}


def _isfs_on(ctx: Context):
    """The readable ISFs of the scope's missions in force on the day."""
    return (selectors.isfs_for(ctx.user, ctx.mission_ids)
            .filter(Q(start_date__isnull=True) | Q(start_date__lte=ctx.day))
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=ctx.day)).order_by("title"))


def _window(isf, day: dt.date) -> tuple[dt.date, dt.date]:
    """The ISF page's own default window, ending on the dashboard's day (mandates.views._window)."""
    start = isf.start_date or day.replace(year=day.year - 1)
    return min(start, day), day


def isf_status(ctx: Context) -> Tile:
    rows, red = [], 0
    for isf in _isfs_on(ctx):
        start, end = _window(isf, ctx.day)
        rolled = selectors.isf_rollup(ctx.user, isf, start, end)
        counts = dict.fromkeys(RAG_ORDER, 0)
        for n in range(len(rolled.objectives)):
            progress = float(rolled.result.objective_progress[n]) if rolled.result is not None else math.nan
            counts[rollup.rag(progress)] += 1
        red += counts["red"]
        worst = next((colour for colour in RAG_ORDER if counts[colour]), "grey")
        summary = _("%(red)s red, %(amber)s amber, %(green)s green") % counts
        if counts["grey"]:
            summary += ", " + _("%(grey)s without measurement") % counts
        rows.append(Row(f"{isf.mission.acronym}: {isf.title}", summary,
                        link("mandates:dashboard", args=[isf.pk], start=start.isoformat(), end=end.isoformat()),
                        worst))
    return Tile("mandates.isf", _("ISF objectives red/amber/green"), link("mandates:isf-list"),
                value=red if rows else None,
                caption=ngettext("objective in red", "objectives in red", red) if rows else "", rows=rows,
                empty=_("No Integrated Strategic Framework in force that day."), tone="red" if red else "",
                hint=rollup.RAG_RULE)


def _months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def overdue_measurements(ctx: Context) -> Tile:
    indicators = list(visible(Indicator.objects.filter(benchmark__output__objective__isf__in=_isfs_on(ctx)),
                              ctx.user).order_by("name", "id").values("id", "name", "frequency"))
    ids = [row["id"] for row in indicators]
    latest = dict(visible(Measurement.objects.filter(indicator_id__in=ids, period__lte=ctx.day), ctx.user)
                  .order_by().values("indicator_id").annotate(last=Max("period")).values_list("indicator_id", "last"))
    overdue = []
    for row in indicators:
        last = latest.get(row["id"])
        allowed = FREQUENCY_MONTHS.get(row["frequency"], 1)
        if last is None or _months_between(last, ctx.day) > allowed:
            overdue.append((row, last))
    rows = [Row(row["name"], last.strftime("%Y-%m") if last else _("never"),
                link("mandates:measurements", args=[row["id"]]), "amber" if last else "red")
            for row, last in overdue[:SHOWN]]
    return Tile("mandates.overdue", _("Overdue measurements"), link("mandates:isf-list"), value=len(overdue),
                caption=ngettext("of %(total)s indicator, last period measured shown",
                                 "of %(total)s indicators, last period measured shown", len(indicators))
                % {"total": len(indicators)},
                rows=rows, tone="amber" if overdue else "",
                hint=_("Overdue: no value for the period before the current one (monthly, quarterly or annual)."))


def mandate_health(ctx: Context) -> Tile:
    rows, serious = [], 0
    for mission_id in ctx.mission_ids:
        findings = selectors.mandate_health(ctx.user, mission_id, ctx.day)
        serious += sum(f.severity in ("error", "warning") for f in findings)
        rows += [Row(health_messages.translated(f).message, "", link("mandates:mandate"),
                     SEVERITY_TONE.get(f.severity, "")) for f in findings if f.severity in ("error", "warning")]
    return Tile("mandates.health", _("Mandate health"), link("mandates:mandate"), value=serious,
                caption=ngettext("finding to act on", "findings to act on", serious),
                rows=rows[:SHOWN], tone="amber" if serious else "green")


def escalated_risks(ctx: Context) -> Tile:
    register = selectors.risk_register(ctx.user, mission_ids=list(ctx.mission_ids), today=ctx.day)
    escalated = [row for row in register if row.escalated]
    url = link("mandates:risk-register")
    rows = [Row(f"{row.risk.mission_acronym}: {row.risk.text[:90]}",
                row.score if row.score is not None else _("review overdue"), url,
                "red" if "score" in row.reasons else "amber")
            for row in escalated[:SHOWN]]
    return Tile("mandates.risks", _("Escalated risks"), url, value=len(escalated),
                caption=ngettext("risk at the threshold or overdue for review",
                                 "risks at the threshold or overdue for review", len(escalated)), rows=rows,
                tone="red" if escalated else "")


TILES = (
    (PLANNER, isf_status),
    (PLANNER, overdue_measurements),
    (PLANNER, mandate_health),
    (LEADERSHIP, escalated_risks),
)
