"""Reads of the reports app, each narrowed to what the reader may see."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from peaceops.accounts.access import access_for, visible
from peaceops.core.classification import LEVELS
from peaceops.registry.models import Mission
from peaceops.reports.models import Report, ReportSection


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


def visible_reports(queryset: QuerySet, user) -> QuerySet:
    return visible(queryset, user).filter(sources_readable(user))


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
    return visible(queryset, user).filter(sources_readable(user, "report_id"),
                                          report__in=visible_reports(Report.objects.all(), user).values("pk"))


def sections_for(user, report: Report) -> QuerySet:
    """The report's sections the reader is cleared for (a section may be classified above the report's readers)."""
    return visible_sections(ReportSection.objects.filter(report=report).select_related("mission", "edited_by"), user)


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
        "sections": [{"title": s.title, "body": s.body, "tables": s.tables,
                      "mission": s.mission.acronym if s.mission else ""}
                     for s in sections_for(user, report)],
    }
