"""The watch officer's tiles on the dashboard (peaceops.web.dashboards): the day's incidents by category, open
follow-ups, a small map of the last 48 hours and whether the day's situation report is ready to issue.

Seed 000 app. 2: the JOC keeps the mission's round-the-clock picture and issues the daily report. Every
count starts from ``log_selectors.incidents_for`` (``visible``), so a tile never counts an incident the
reader may not read; the incident log opened from a tile with the same filter shows the same rows.
"""

import datetime as dt

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from peaceops.incidents.log import selectors as log_selectors
from peaceops.incidents.models import Incident
from peaceops.incidents.sitrep import render as sitrep_render
from peaceops.incidents.sitrep import selectors as sitrep_selectors
from peaceops.web.dashboards import WATCH, Context, Row, Tile, link

FOLLOW_UPS_SHOWN = 5
MAP_POINTS = 500  # a small map: the newest this many of the 48 hours
MAP_WIDTH, MAP_HEIGHT = 320, 220


def _in_scope(ctx: Context):
    """The incidents the reader may read that the scope's missions own or have in their area (as the log's
    ``mission=`` filter and the sitrep read them)."""
    in_area = Incident.missions.through.objects.filter(mission_id__in=ctx.mission_ids).values("incident_id")
    return log_selectors.incidents_for(ctx.user).filter(Q(owning_mission_id__in=ctx.mission_ids) | Q(id__in=in_area))


def _on(queryset, first: dt.date, last: dt.date):
    """Incidents going on at some time between the two days: the log's ``start=`` and ``end=`` filters."""
    return queryset.filter(end_date__gte=first, start_date__lte=last)


def _log(ctx: Context, first: dt.date, last: dt.date, **query) -> str:
    return link("incidents:list", start=first.isoformat(), end=last.isoformat(), mission=ctx.mission, **query)


def _sitrep_scope(ctx: Context):
    if ctx.scope_kind == "mission":
        return sitrep_selectors.mission_scope(ctx.user, ctx.scope_label)
    return sitrep_selectors.region_scope(ctx.user, ctx.scope_label)


def incidents_of_the_day(ctx: Context) -> Tile:
    counts = (_on(_in_scope(ctx), ctx.day, ctx.day).order_by().values("category").annotate(n=Count("id"))
              .order_by("-n", "category"))
    rows = [Row(sitrep_render.category_label(row["category"]), row["n"], _log(ctx, ctx.day, ctx.day,
                                                                         category=row["category"]))
            for row in counts]
    total = sum(row.value for row in rows)
    return Tile("incidents.today", _("Incidents of the day by category"), _log(ctx, ctx.day, ctx.day),
                value=total, caption=ngettext("incident going on that day", "incidents going on that day", total),
                rows=rows)


def follow_ups_due(ctx: Context) -> Tile:
    scope = _sitrep_scope(ctx)
    due = sitrep_selectors.open_follow_ups(sitrep_selectors.scoped_incidents(ctx.user, scope), ctx.day)
    newest = list(due.order_by("-start_date", "-id").values("id", "start_date", "category", "admin1", "location")
                  [:FOLLOW_UPS_SHOWN])
    rows = [Row(f"#{row['id']} {sitrep_render.category_label(row['category'])}, "
                f"{row['admin1'] or row['location'] or '—'}",
                row["start_date"].isoformat(), link("incidents:detail", args=[row["id"]])) for row in newest]
    total = due.count()
    return Tile("incidents.follow_ups", _("Follow-ups due"),
                link("incidents:sitrep", date=ctx.day.isoformat(), **ctx.scope_query()),
                value=total, caption=ngettext("open follow-up up to that day", "open follow-ups up to that day", total),
                rows=rows,
                tone="amber" if total else "", hint=_("Listed in full in the daily situation report."))


def map_of_48_hours(ctx: Context) -> Tile:
    first = ctx.day - dt.timedelta(days=1)
    incidents = _on(_in_scope(ctx), first, ctx.day)
    total = incidents.count()
    points = list(incidents.filter(latitude__isnull=False, longitude__isnull=False)
                  .order_by("-start_date", "-id")
                  .values("id", "latitude", "longitude", "deaths_best", "category", "admin1", "location")[:MAP_POINTS])
    outlines = sitrep_selectors.map_outlines(_sitrep_scope(ctx))
    shapes = sitrep_render.map_shapes({"notable": [], "items": points}, outlines, width=MAP_WIDTH, height=MAP_HEIGHT)
    return Tile("incidents.map48", _("Last 48 hours"), link("incidents:map", start=first.isoformat(),
                                                             end=ctx.day.isoformat(), mission=ctx.mission),
                value=total,
                caption=ngettext("incident; on the map: %(placed)s", "incidents; on the map: %(placed)s", total)
                % {"placed": len(points)},
                svg=sitrep_render.map_svg(shapes))


def sitrep_status(ctx: Context) -> Tile:
    """Whether the day's report can go out: the incidents it counts that no one has verified yet (seed 000
    app. 2: the JOC verifies before it reports)."""
    day = _on(_in_scope(ctx), ctx.day, ctx.day)
    by_status = dict(day.order_by().values_list("status").annotate(n=Count("id")))
    drafts = by_status.get(Incident.Status.DRAFT, 0)
    total = sum(by_status.values())
    rows = [Row(sitrep_render.status_label(status), by_status.get(status, 0),
                _log(ctx, ctx.day, ctx.day, status=status),
                "amber" if status == Incident.Status.DRAFT and drafts else "")
            for status in Incident.Status.values]
    if not total:
        caption = _("no incident to report that day")
    elif drafts:
        caption = _("%(drafts)s of %(total)s incidents still to verify") % {"drafts": drafts, "total": total}
    else:
        caption = _("every incident of the day verified")
    return Tile("incidents.sitrep", _("Daily situation report"),
                link("incidents:sitrep", date=ctx.day.isoformat(), **ctx.scope_query()),
                caption=caption, rows=rows, tone="amber" if drafts else ("green" if total else ""))


TILES = (
    (WATCH, incidents_of_the_day),
    (WATCH, follow_ups_due),
    (WATCH, map_of_48_hours),
    (WATCH, sitrep_status),
)
