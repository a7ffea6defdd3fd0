"""Notices of report approvals: the reports app signals them (peaceops.reports.signals), this app tells
the missions concerned, since reports sits below notifications in the layers and cannot call it.

A joint report is approved part by part (docs/reports.md: each mission answers for what its staff wrote):
the drafting mission learns when another mission's leadership has approved its part, and every
contributing mission learns when the whole is approved and locked. A notice carries the report's level,
so only those cleared for the report read it.
"""

from django.utils.translation import gettext as _

from peaceops.accounts.roles import Action
from peaceops.notifications.services import mission_notify
from peaceops.reports.selectors import contributing_missions


def part_approved(sender, *, report, mission, actor, **_ignored) -> None:
    if mission.id == report.owning_mission_id:
        return
    mission_notify(actor, recipient=report.owning_mission, source_mission=mission, because=Action.APPROVE,
                   key=f"report:{report.pk}:part:{mission.pk}", kind="report_part_approved",
                   title=_("%(mission)s approved its part of %(report)s") % {
                       "mission": mission.acronym, "report": report.title},
                   classification=report.classification)


def approved(sender, *, report, actor, **_ignored) -> None:
    for mission in contributing_missions(report):
        mission_notify(actor, recipient=mission, source_mission=report.owning_mission, because=Action.APPROVE,
                       key=f"report:{report.pk}:approved", kind="report_approved",
                       title=_("%(report)s is approved and locked") % {"report": report.title},
                       classification=report.classification)
