"""The JMAC's tiles on the dashboard (peaceops.web.dashboards): early-warning alerts (for the watch officer too),
alerts still to review, hotspots, the month's trend and the host countries' forecasts.

Seed 000 §IV.C: the JMAC's early warning and analysis of the region. Alerts, hotspots and trends are computed
from the incidents the reader may read (selectors_alerts), so a tile never counts what the reader may not
see. The tiles only read: counting alerts notifies no neighbour; opening the alerts page does.
"""

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from peaceops.analysis import selectors, selectors_alerts
from peaceops.web.dashboards import ANALYST, WATCH, Context, Row, Tile, link

SHOWN = 5
TREND_MONTHS = 3
KIND_LABELS = {"surge": gettext_lazy("Surge against the area's baseline"),
               "new_actor": gettext_lazy("New armed actor in the area"),
               "toward_border": gettext_lazy("Violence moving toward a border"),
               "displacement": gettext_lazy("Displacement toward a border")}


def _alerts(ctx: Context) -> list:
    def compute():
        try:
            return selectors_alerts.alerts_as_of(ctx.user, ctx.day, mission=ctx.mission)
        except selectors_alerts.AnalysisInputError:
            return []
    return ctx.shared("analysis.alerts", compute)


def _alert_row(shown, url: str) -> Row:
    alert = shown.alert
    place = alert.admin2 or alert.admin1 or (shown.country.name if shown.country else alert.country)
    return Row(f"{KIND_LABELS.get(alert.kind, alert.kind)}: {place}", f"{float(alert.score):.1f}", url)


def _alerts_page(ctx: Context) -> str:
    return link("analysis:alerts", as_of=ctx.day.isoformat())


def alerts(ctx: Context) -> Tile:
    found = sorted(_alerts(ctx), key=lambda s: -float(s.alert.score))
    url = _alerts_page(ctx)
    return Tile("analysis.alerts", _("Early-warning alerts"), url, value=len(found),
                caption=ngettext("alert as of that day", "alerts as of that day", len(found)),
                rows=[_alert_row(s, url) for s in found[:SHOWN]],
                tone="red" if found else "")


def alerts_to_review(ctx: Context) -> Tile:
    open_alerts = sorted((s for s in _alerts(ctx) if s.status == "open"), key=lambda s: -float(s.alert.score))
    url = _alerts_page(ctx)
    return Tile("analysis.review", _("Alerts to review"), url, value=len(open_alerts),
                caption=_("not yet acknowledged, dismissed or escalated"),
                rows=[_alert_row(s, url) for s in open_alerts[:SHOWN]], tone="amber" if open_alerts else "")


def hotspots(ctx: Context) -> Tile:
    try:
        found = selectors_alerts.hotspots_as_of(ctx.user, ctx.day, unit="admin1", mission=ctx.mission)
    except selectors_alerts.AnalysisInputError:
        found = []
    flagged = sorted((h for h in found if h.is_hotspot), key=lambda h: h.q_value)
    url = link("analysis:hotspots", as_of=ctx.day.isoformat())
    return Tile("analysis.hotspots", _("Hotspots"), url, value=len(flagged),
                caption=ngettext("area well above its own past", "areas well above their own past",
                                 len(flagged)),
                rows=[Row(h.unit, h.count, url) for h in flagged[:SHOWN]])


def trends(ctx: Context) -> Tile:
    first = (ctx.day.replace(day=1) - dt.timedelta(days=31 * (TREND_MONTHS - 1))).replace(day=1)
    try:
        table = selectors_alerts.trends_as_of(ctx.user, ctx.day, unit="country", mission=ctx.mission, first=first)
    except selectors_alerts.AnalysisInputError:
        table = None
    url = link("analysis:trends", as_of=ctx.day.isoformat())
    rows = []
    if table is not None and table.rows:
        for n, period in list(enumerate(table.periods))[-TREND_MONTHS:]:
            count = sum(row.counts[n] for row in table.rows)
            deaths = sum(row.deaths[n] for row in table.rows)
            rows.append(Row(period.strftime("%Y-%m"), _("%(count)s incidents, %(deaths)s deaths")
                            % {"count": count, "deaths": deaths}, url))
    return Tile("analysis.trends", _("Trends"), url, rows=rows, empty=_("No incident in these months."),
                hint=_("Incidents per month; the last month runs to the dashboard's day."))


def _month_label(month_id: int) -> str:
    """A VIEWS month id (1 = January 1980) as YYYY-MM."""
    year, month = divmod(month_id - 1, 12)
    return f"{1980 + year}-{month + 1:02d}"


def forecasts(ctx: Context) -> Tile:
    by_country = selectors.host_country_forecasts(ctx.user, ctx.mission_ids)
    rows = []
    for country, months in sorted(by_country.items(), key=lambda item: item[0].name):
        if months:
            first = months[0]
            rows.append(Row(f"{country.name} {_month_label(first.month_id)}",
                            _("%(mean)s deaths (%(low)s–%(high)s)") % {"mean": round(first.mean),
                                                                       "low": round(first.p10),
                                                                       "high": round(first.p90)}))
    return Tile("analysis.forecasts", _("Forecasts"), link("analysis:forecasts"), rows=rows,
                empty=_("No forecast stored for the host countries."),
                hint=_("State-based deaths, the first forecast month: mean (10th–90th percentile)."))


TILES = (
    (WATCH, alerts),
    (ANALYST, alerts_to_review),
    (ANALYST, hotspots),
    (ANALYST, trends),
    (ANALYST, forecasts),
)
