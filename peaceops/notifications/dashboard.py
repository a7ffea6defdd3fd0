"""Tiles of the dashboard (peaceops.web.dashboards) about what crosses between missions: the analyst's open
requests for information and the leadership's notifications from neighbouring missions not yet acknowledged.

Seed 000 §III.C.1 and §IV.A: missions warn their neighbours and ask for the evidence. Both read through the
app's selectors (``visible``), narrowed to the missions of the dashboard's scope.
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from peaceops.notifications import selectors
from peaceops.web.dashboards import ANALYST, LEADERSHIP, Context, Row, Tile, link

SHOWN = 5


def open_requests(ctx: Context) -> Tile:
    requests = selectors.requests_for(ctx.user, status="open").filter(
        Q(requesting_mission_id__in=ctx.mission_ids) | Q(owning_mission_id__in=ctx.mission_ids))
    total = requests.count()
    rows = [Row(_("%(asking)s asks %(owner)s") % {"asking": r.requesting_mission.acronym,
                                                  "owner": r.owning_mission.acronym},
                r.requested_at.date().isoformat(), link("notifications:request", args=[r.pk]))
            for r in requests.order_by("-requested_at", "-id")[:SHOWN]]
    return Tile("notifications.requests", _("Open requests for information"),
                link("notifications:requests", status="open"), value=total,
                caption=ngettext("open request, asked by or of the missions in scope",
                                 "open requests, asked by or of the missions in scope", total),
                rows=rows, tone="amber" if total else "")


def cross_border_notifications(ctx: Context) -> Tile:
    waiting = selectors.notifications_for(ctx.user, state="unacknowledged").filter(recipient_id__in=ctx.mission_ids)
    total = waiting.count()
    rows = [Row(n.title, n.source_mission.acronym if n.source_mission else "",
                link("notifications:detail", args=[n.pk])) for n in waiting[:SHOWN]]
    return Tile("notifications.inbox", _("Cross-border notifications"),
                link("notifications:inbox", state="unacknowledged"), value=total,
                caption=ngettext("notification from a neighbouring mission, not yet acknowledged",
                                 "notifications from neighbouring missions, not yet acknowledged", total), rows=rows,
                tone="amber" if total else "")


TILES = (
    (ANALYST, open_requests),
    (LEADERSHIP, cross_border_notifications),
)
