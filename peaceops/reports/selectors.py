"""Reads of the reports app, each narrowed to what the reader may see."""

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet

from peaceops.accounts.access import access_for, visible
from peaceops.core import clock
from peaceops.core.classification import LEVELS
from peaceops.registry.models import Mission
from peaceops.reports import drafting
from peaceops.reports.models import Report, ReportCadence, ReportSection


def sources_readable(user, report_field: str = "pk") -> Q:
    """Keep the rows (reports, or sections with ``report_field="report_id"``) whose level the reader holds in
    every other mission the report was drafted from (``Report.drawn_from``), as well as in the drafting one.

    A report belongs to its drafting mission, but a regional draft may say what another mission's records
    say; without this, that mission's text would reach the drafting mission's readers.
    """
    access = access_for(user)
    missions = list(Mission.objects.values_list("id", flat=True))
    through = Report.drawn_from.through
    allowed = Q(pk__in=[])
    for level in LEVELS:
        unreadable = [m for m in missions if not access.can_read(m, level)]
        hidden_source = through.objects.filter(report_id=OuterRef(report_field), mission_id__in=unreadable)
        allowed |= Q(classification=level) & ~Exists(hidden_source)
    return allowed


def _of_a_mission_of_record(user, report_field: str = "pk", owning_field: str = "owning_mission") -> Q:
    """Keep the rows (reports, or sections) whose level the reader holds in the drafting mission or in a
    contributing mission (one that writes a section of the report).

    A joint document is one of the named channels between missions: every mission writing in it reads it,
    each reader by their clearance in their own mission. What else the drafter read is still guarded by
    ``sources_readable``.
    """
    access = access_for(user)
    missions = list(Mission.objects.values_list("id", flat=True))
    allowed = Q(pk__in=[])
    for level in LEVELS:
        readable = [m for m in missions if access.can_read(m, level)]
        if not readable:
            continue
        writing = ReportSection.objects.filter(report_id=OuterRef(report_field), mission_id__in=readable)
        allowed |= Q(classification=level) & (Q(**{f"{owning_field}__in": readable}) | Exists(writing))
    return allowed


def visible_reports(queryset: QuerySet, user) -> QuerySet:
    """The one read rule of reports (docs/reports.md, "Reading").

    A reader holds the report's level in the drafting mission, in a contributing mission, or through a
    sharing agreement (``visible``); and in every other mission the report was drafted from.
    """
    shared_or_owned = visible(Report.objects.all(), user).values("pk")
    return queryset.filter(Q(pk__in=shared_or_owned) | _of_a_mission_of_record(user)).filter(sources_readable(user))


def contributing_missions(report: Report) -> list[Mission]:
    """The missions whose staff write the report: the drafting mission and every mission a section names."""
    ids = {report.owning_mission_id, *report.sections.exclude(mission=None).values_list("mission_id", flat=True)}
    return list(Mission.objects.filter(id__in=ids).order_by("acronym"))


def part_approvals(report: Report) -> list[dict]:
    """Each contributing mission's part and its approval, for a reader of the report (the approvals carry no
    more than the report's own header: who approved, when)."""
    approved = {a.mission_id: a for a in report.part_approvals.select_related("approved_by")}
    parts = []
    for mission in contributing_missions(report):
        approval = approved.get(mission.id)
        parts.append({"mission": mission, "approved": approval is not None,
                      "approved_by": approval.approved_by.get_username() if approval and approval.approved_by else "",
                      "approved_at": approval.approved_at if approval else None})
    return parts


def reports_for(user) -> QuerySet:
    return visible_reports(Report.objects.select_related("owning_mission", "region", "approved_by"), user)


def report_for(user, report_id: int) -> Report | None:
    return reports_for(user).filter(pk=report_id).first()


def visible_sections(queryset: QuerySet, user) -> QuerySet:
    """Sections the reader is cleared for, and only of reports they may read.

    A section is a part of its report: cleared for the section's own level but not for the report, a
    reader would otherwise read the report piece by piece (a section's level alone does not say what
    the report it sits in is about).
    """
    shared_or_owned = visible(ReportSection.objects.all(), user).values("pk")
    joint = _of_a_mission_of_record(user, "report_id", "report__owning_mission")
    return queryset.filter(Q(pk__in=shared_or_owned) | joint).filter(
        sources_readable(user, "report_id"), report__in=visible_reports(Report.objects.all(), user).values("pk"))


def sections_for(user, report: Report) -> QuerySet:
    """The report's sections the reader is cleared for (a section may be classified above the report's readers)."""
    return visible_sections(ReportSection.objects.filter(report=report).select_related("mission", "edited_by")
                            .prefetch_related("read_from"), user)


def document(user, report: Report) -> dict:
    """The report as plain data for the renderers (peaceops.reports.render), as this reader may see it."""
    return {
        "title": report.title,
        "kind": report.get_kind_display(),
        "classification": report.get_classification_display(),
        "mission": report.owning_mission.acronym,
        "missions": list(report.missions.order_by("acronym").values_list("acronym", flat=True)),
        "region": report.region.name if report.region else "",
        "period": (report.period_start.isoformat(), report.period_end.isoformat()),
        "status": report.get_status_display(),
        "approved_by": report.approved_by.get_username() if report.approved_by else "",
        "approved_at": report.approved_at.date().isoformat() if report.approved_at else "",
        "parts": [{"mission": p["mission"].acronym, "approved": p["approved"], "approved_by": p["approved_by"],
                   "approved_at": p["approved_at"].date().isoformat() if p["approved_at"] else ""}
                  for p in part_approvals(report)] if report.region_id else [],
        "sections": [{"title": s.title, "body": s.body, "tables": s.tables,
                      "mission": s.mission.acronym if s.mission else "", "read_from": read_from(s)}
                     for s in sections_for(user, report)],
    }


def read_from(section: ReportSection) -> list[str]:
    """The acronyms of the missions whose records the section's writers could read (what it may repeat)."""
    return sorted(m.acronym for m in section.read_from.all())


def late_reports(user, today: dt.date | None = None) -> list[dict]:
    """The quarterly reports a region owes and has not approved by their due day, oldest first, for the regions
    where the reader holds a grant in a mission (those asked to contribute).

    Lateness is counted on every report, readable or not: whether an approved assessment exists says nothing
    of what it says, and a reader who cannot open it must not be told their region is behind when it is not.
    """
    today = today or clock.today()
    access = access_for(user)
    if not access.authenticated:
        return []
    own = access.mission_ids
    late = []
    for cadence in ReportCadence.objects.select_related("region").order_by("region__name", "kind"):
        if own is not None and not set(cadence.region.missions.values_list("id", flat=True)) & own:
            continue
        approved = list(Report.objects.filter(region=cadence.region, kind=cadence.kind,
                                              status=Report.Status.APPROVED)
                        .values_list("period_start", "period_end"))
        kind = dict(Report.Kind.choices)[cadence.kind]
        for start, end, due in drafting.quarters_due(cadence.first_quarter, today, cadence.due_after_days):
            if not any(s <= start and e >= end for s, e in approved):
                label = f"{drafting.quarter_label(start)} {_short_kind(cadence.kind, kind)}"
                late.append({"region": cadence.region, "kind": cadence.kind, "start": start, "end": end, "due": due,
                             "label": label})
    return late


def _short_kind(kind: str, label) -> str:
    return "joint threat assessment" if kind == drafting.THREAT_ASSESSMENT else str(label)
