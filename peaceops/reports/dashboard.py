"""The leadership's tiles about reports on the dashboard (peaceops.web.dashboards): reports waiting for approval
and the joint products a region owes past their due day.

Seed 000 §IV.C.3 and §IV.E: the quarterly joint threat assessment and the Secretary-General's reporting, each
approved by the leadership of the missions writing it. Reads go through this app's selectors, narrowed to the
reports the reader may read (``reports_for``); lateness is counted as ``late_reports`` counts it.
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from peaceops.registry.models import Region
from peaceops.reports import selectors
from peaceops.reports.models import Report
from peaceops.web.dashboards import LEADERSHIP, Context, Row, Tile, link

SHOWN = 5


def approvals_waiting(ctx: Context) -> Tile:
    drafts = (selectors.reports_for(ctx.user).filter(status=Report.Status.DRAFT)
              .filter(Q(owning_mission_id__in=ctx.mission_ids) | Q(missions__id__in=ctx.mission_ids)).distinct())
    total = drafts.count()
    rows = [Row(report.title, report.period_end.isoformat(), link("reports:detail", args=[report.pk]))
            for report in drafts.order_by("period_end", "id")[:SHOWN]]
    return Tile("reports.approvals", _("Reports waiting for approval"), link("reports:list"), value=total,
                caption=ngettext("draft written by or for the missions in scope",
                                 "drafts written by or for the missions in scope", total),
                rows=rows, tone="amber" if total else "")


def late_joint_products(ctx: Context) -> Tile:
    regions = set(Region.objects.filter(missions__id__in=ctx.mission_ids).values_list("id", flat=True))
    late = [item for item in selectors.late_reports(ctx.user, today=ctx.day) if item["region"].id in regions]
    url = link("reports:list")
    rows = [Row(f"{item['label']} ({item['region'].name})", _("due %(day)s") % {"day": item["due"].isoformat()}, url,
                "red") for item in late[:SHOWN]]
    return Tile("reports.late", _("Late joint products"), url, value=len(late),
                caption=ngettext("quarterly report past its due day", "quarterly reports past their due day",
                                 len(late)), rows=rows, tone="red" if late else "green")


TILES = (
    (LEADERSHIP, approvals_waiting),
    (LEADERSHIP, late_joint_products),
)
