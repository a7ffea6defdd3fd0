"""Writes of the reports app: draft from the modules' sections, redraft, edit a section, approve.

Who may do what (peaceops.accounts.roles):
- drafting and redrafting: the action the kind needs (EDIT_ANALYSIS for the threat assessment, whose
  authors are the JMACs; EDIT_PLANS for the SG report, drafted by planners) on the owning mission;
- editing a section: the same action on the section's contributing mission (the owning mission when the
  section names none), so each mission's analysts write their own part (seed 000 §IV.C.3);
- approving: APPROVE on the owning mission; an approved report is locked.
"""

import datetime as dt
from importlib import import_module

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from peaceops.accounts.access import access_for, can
from peaceops.accounts.roles import Action
from peaceops.registry.models import Mission, Region
from peaceops.reports import drafting
from peaceops.reports.levels import highest
from peaceops.reports.models import Report, ReportSection

AUTHOR_ACTION = {drafting.THREAT_ASSESSMENT: Action.EDIT_ANALYSIS, drafting.SG_REPORT: Action.EDIT_PLANS}


class ReportError(ValidationError):
    """A report that cannot be drafted, changed or approved as asked; the message says why."""


def _providers():
    """The modules' ``report_sections`` that exist (a module may not offer any)."""
    found = []
    for app in drafting.PROVIDERS:
        try:
            found.append(import_module(f"peaceops.{app}.report_sections"))
        except ModuleNotFoundError as error:
            if error.name != f"peaceops.{app}.report_sections":
                raise
    return found


def collect_sections(request: drafting.DraftRequest) -> list[drafting.DraftSection]:
    """Every provider's sections for the request, in reading order."""
    sections = []
    for provider in _providers():
        sections.extend(provider.sections(request))
    return drafting.assemble(sections)


def _require(user, action: Action, mission_id: int | None, what: str):
    if not can(user, action, mission_id):
        raise PermissionDenied(f"You may not {what} (needs {action} for this mission).")


def _covered_missions(owning: Mission, region: Region | None) -> list[Mission]:
    """The region's missions (each mission's staff contribute their part), or the owning mission alone.

    Missions are public records; what each section says of a mission is what its reader may read.
    """
    if region is None:
        return [owning]
    missions = list(region.missions.order_by("acronym"))
    if owning.id not in {m.id for m in missions}:
        raise ReportError({"region": f"{owning.acronym} is not a mission of the region {region.name}."})
    return missions


def _request_for(report: Report, user) -> drafting.DraftRequest:
    return drafting.DraftRequest(
        kind=report.kind, mission_ids=tuple(report.missions.values_list("id", flat=True)),
        start=report.period_start, end=report.period_end, user=user, region_id=report.region_id)


def _store(report: Report, section: drafting.DraftSection) -> ReportSection:
    return ReportSection.objects.create(
        report=report, key=section.key, title=section.title, body=section.body, order=section.order,
        tables=_store_tables(section), mission_id=section.mission_id, source=section.source,
        classification=max(section.classification, 0))


def default_title(kind: str, scope_label: str, start: dt.date, end: dt.date) -> str:
    label = dict(Report.Kind.choices)[kind]
    return f"{label}: {scope_label}, {start.isoformat()} to {end.isoformat()}"


@transaction.atomic
def draft_report(*, user, kind: str, owning_mission: Mission, start: dt.date, end: dt.date,
                 region: Region | None = None, title: str = "", classification: int = 0) -> Report:
    """A new draft with every section the modules offer for the period, as the drafter may read them."""
    if kind not in AUTHOR_ACTION:
        raise ReportError({"kind": f"unknown report kind {kind!r}; one of {', '.join(AUTHOR_ACTION)}"})
    _require(user, AUTHOR_ACTION[kind], owning_mission.id, "draft this report")
    if not access_for(user).can_read(owning_mission.id, classification):
        raise ReportError({"classification": "The classification is above your clearance for this mission."})
    missions = _covered_missions(owning_mission, region)
    report = Report(kind=kind, owning_mission=owning_mission, region=region, period_start=start, period_end=end,
                    classification=classification, drafted_by=user, drafted_at=timezone.now(),
                    title=title or default_title(kind, region.name if region else owning_mission.acronym,
                                                 start, end))
    try:
        report.full_clean()
    except ValidationError as error:
        raise ReportError(error.message_dict) from None
    report.save()
    report.missions.set(missions)
    report.drawn_from.set(_drawn_from(user, report))
    for section in collect_sections(_request_for(report, user)):
        _store(report, section)
    _raise_to_sections(report)
    return report


def _drawn_from(user, report: Report) -> list[int]:
    """The covered missions, other than the drafting one, whose records the drafter may read.

    A section drafted by a regional planner may name another mission's incidents or objectives; stored in
    the drafting mission's report, they would otherwise reach that mission's readers, who hold no grant for
    the other mission (selectors.reports_for asks for one).
    """
    access = access_for(user)
    return [mission_id for mission_id in report.missions.values_list("id", flat=True)
            if mission_id != report.owning_mission_id and access.level_for(mission_id) is not None]


def _raise_to_sections(report: Report) -> None:
    """A report is classified at least as high as its highest section, never the section lowered to the report.

    A section is stored at the level of what it was drafted from (each provider says so); lowering it would
    hand confidential counts to every reader of an unclassified report. Raising the report keeps the whole
    document with the readers cleared for all of it. The drafter read every section, so the report never
    goes above their clearance.
    """
    top = highest(report.sections.all())
    if top > report.classification:
        report.classification = top
        report.save(update_fields=["classification"])


def _check_open(report: Report):
    if report.locked:
        raise ReportError({"status": "The report is approved and locked; draft a new one for changes."})


@transaction.atomic
def redraft(report: Report, user) -> Report:
    """Refresh the sections nobody edited from today's data; keep what people wrote; add new sections."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    _check_open(report)
    _require(user, AUTHOR_ACTION[report.kind], report.owning_mission_id, "redraft this report")
    existing = {s.key: s for s in report.sections.all()}
    for fresh in collect_sections(_request_for(report, user)):
        current = existing.get(fresh.key)
        if current is None:
            _store(report, fresh)
        elif not current.edited:
            # the text is today's, so is its level: what it is drafted from now
            current.title, current.body, current.order, current.source = (fresh.title, fresh.body, fresh.order,
                                                                            fresh.source)
            current.tables = _store_tables(fresh)
            current.classification = fresh.classification
            current.save()
        elif fresh.classification > current.classification:
            # a person's text is kept; it was written from the drafted one, which may now say more
            current.classification = fresh.classification
            current.save()
    report.drafted_by, report.drafted_at = user, timezone.now()
    report.save()
    report.drawn_from.add(*_drawn_from(user, report))
    _raise_to_sections(report)
    return report


def _store_tables(section: drafting.DraftSection) -> list:
    return [{"caption": t.caption, "header": list(t.header), "rows": [list(r) for r in t.rows]}
            for t in section.tables]


def may_edit_section(user, section: ReportSection) -> bool:
    mission_id = section.mission_id or section.report.owning_mission_id
    return not section.report.locked and can(user, AUTHOR_ACTION[section.report.kind], mission_id)


@transaction.atomic
def edit_section(section: ReportSection, user, *, title: str | None = None, body: str | None = None,
                 tables: list | None = None) -> ReportSection:
    """A person's text replaces the drafted one and is kept on redraft."""
    _check_open(section.report)
    if not may_edit_section(user, section):
        raise PermissionDenied("You may not edit this section: it is written by another mission's staff.")
    if title is not None:
        if not title.strip():
            raise ReportError({"title": "A section needs a title."})
        section.title = title.strip()
    if body is not None:
        section.body = body
    if tables is not None:
        section.tables = _checked_tables(tables)
    section.edited, section.edited_by = True, user
    section.save()
    return section


def _checked_tables(tables) -> list:
    if not isinstance(tables, list):
        raise ReportError({"tables": "a list of {caption, header, rows}"})
    for number, table in enumerate(tables, start=1):
        if not isinstance(table, dict) or not isinstance(table.get("header"), list) \
                or not isinstance(table.get("rows"), list):
            raise ReportError({"tables": f"table {number}: needs a header list and a rows list"})
        width = len(table["header"])
        for row_number, row in enumerate(table["rows"], start=1):
            if not isinstance(row, list) or len(row) != width:
                raise ReportError({"tables": f"table {number}, row {row_number}: needs {width} cells"})
    return tables


@transaction.atomic
def approve(report: Report, user) -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    _check_open(report)
    _require(user, Action.APPROVE, report.owning_mission_id, "approve this report")
    if not report.sections.exists():
        raise ReportError({"sections": "An empty report cannot be approved."})
    report.status, report.approved_by, report.approved_at = Report.Status.APPROVED, user, timezone.now()
    report.save()
    return report
