"""Writes of the reports app: draft from the modules' sections, redraft, edit a section, approve.

Who may do what (peaceops.accounts.roles):
- drafting and redrafting: the action the kind needs (EDIT_ANALYSIS for the threat assessment, whose
  authors are the JMACs; EDIT_PLANS for the SG report, drafted by planners) on the owning mission;
- editing a section: the same action on the section's contributing mission (the owning mission when the
  section names none), so each mission's analysts write their own part (seed 000 §IV.C.3);
- approving a mission's part of a joint report: APPROVE on that mission (its leadership);
- approving the whole: APPROVE on the owning mission, once every other contributing mission's part is
  approved; an approved report is locked.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from peaceops.accounts.access import access_for, can, permits, require
from peaceops.accounts.roles import Action
from peaceops.core import plugins
from peaceops.core.errors import Denied
from peaceops.registry.models import Mission, Region
from peaceops.reports import drafting, selectors, signals
from peaceops.reports.levels import highest
from peaceops.reports.models import Report, ReportCadence, ReportPartApproval, ReportSection

AUTHOR_ACTION = {drafting.THREAT_ASSESSMENT: Action.EDIT_ANALYSIS, drafting.SG_REPORT: Action.EDIT_PLANS}


class ReportError(ValidationError):
    """A report that cannot be drafted, changed or approved as asked; the message says why."""


def _providers():
    """The report-section providers the installed apps declare in their ``plugin.py``, in their order."""
    return plugins.provider_modules("report_sections")


def sections_collect(request: drafting.DraftRequest, progress=None) -> list[drafting.DraftSection]:
    """Every provider's sections for the request, in reading order.

    ``progress(providers_done, providers, 0)``, if given, is called after each provider: each reads its app's
    data for the period, which is what makes drafting slow on a large store.
    """
    sections = []
    providers = _providers()
    for done, provider in enumerate(providers, start=1):
        sections.extend(provider.sections(request))
        if progress is not None:
            progress(done, len(providers), 0)
    return drafting.assemble(sections)


def _require(user, action: Action, mission_id: int | None, what: str):
    if not can(user, action, mission_id):
        raise PermissionDenied(f"You may not {what} (needs {action} for this mission).")


def _covered_missions(owning: Mission, region: Region | None, start: dt.date, end: dt.date) -> list[Mission]:
    """The region's missions deployed during the period (each one's staff contribute their part), or the owning
    mission alone. A mission not yet established or already closed has no staff to write its part.

    Missions are public records; what each section says of a mission is what its reader may read.
    """
    if region is None:
        return [owning]
    missions = [m for m in region.missions.order_by("acronym")
                if m.start_date <= end and (m.end_date is None or m.end_date >= start) or m.id == owning.id]
    if owning.id not in {m.id for m in missions}:
        raise ReportError({"region": f"{owning.acronym} is not a mission of the region {region.name}."})
    return missions


def _request_for(report: Report, user) -> drafting.DraftRequest:
    return drafting.DraftRequest(
        kind=report.kind, mission_ids=tuple(report.missions.values_list("id", flat=True)),
        start=report.period_start, end=report.period_end, user=user, region_id=report.region_id)


def _store(report: Report, section: drafting.DraftSection, read_from: list[int]) -> ReportSection:
    stored = ReportSection.objects.create(
        report=report, key=section.key, title=section.title, body=section.body, order=section.order,
        tables=_store_tables(section), mission_id=section.mission_id, source=section.source,
        classification=max(section.classification, 0))
    stored.read_from.set(read_from)
    return stored


def _readable_covered(user, report: Report) -> list[int]:
    """The covered missions (the drafting one included) whose records the drafter may read: what a section
    drafted now may repeat, stated on it for every reader."""
    access = access_for(user)
    return [mission_id for mission_id in report.missions.values_list("id", flat=True)
            if access.level_for(mission_id) is not None]


def default_title(kind: str, scope_label: str, start: dt.date, end: dt.date) -> str:
    label = dict(Report.Kind.choices)[kind]
    return f"{label}: {scope_label}, {start.isoformat()} to {end.isoformat()}"


@transaction.atomic
def report_draft(*, user, kind: str, owning_mission: Mission, start: dt.date, end: dt.date,
                 region: Region | None = None, title: str = "", classification: int = 0, progress=None) -> Report:
    """A new draft with every section the modules offer for the period, as the drafter may read them.

    ``progress`` is :func:`sections_collect`'s (the page's background job and the command's terminal bar).
    """
    if kind not in AUTHOR_ACTION:
        raise ReportError({"kind": f"unknown report kind {kind!r}; one of {', '.join(AUTHOR_ACTION)}"})
    _require(user, AUTHOR_ACTION[kind], owning_mission.id, "draft this report")
    if not access_for(user).can_read(owning_mission.id, classification):
        raise ReportError({"classification": "The classification is above your clearance for this mission."})
    missions = _covered_missions(owning_mission, region, start, end)
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
    readable = _readable_covered(user, report)
    for section in sections_collect(_request_for(report, user), progress):
        _store(report, section, readable)
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
def report_redraft(report: Report, user) -> Report:
    """Refresh the sections nobody edited from today's data; keep what people wrote; add new sections."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    _check_open(report)
    _require(user, AUTHOR_ACTION[report.kind], report.owning_mission_id, "redraft this report")
    existing = {s.key: s for s in report.sections.all()}
    readable = _readable_covered(user, report)
    for fresh in sections_collect(_request_for(report, user)):
        current = existing.get(fresh.key)
        if current is None:
            _store(report, fresh, readable)
        elif not current.edited:
            # the text is today's, so is its level: what it is drafted from now
            current.title, current.body, current.order, current.source = (fresh.title, fresh.body, fresh.order,
                                                                            fresh.source)
            current.tables = _store_tables(fresh)
            current.classification = fresh.classification
            current.save()
            current.read_from.set(readable)
        elif fresh.classification > current.classification:
            # a person's text is kept; it was written from the drafted one, which may now say more
            current.classification = fresh.classification
            current.save()
            current.read_from.add(*readable)
    report.drafted_by, report.drafted_at = user, timezone.now()
    report.save()
    report.drawn_from.add(*_drawn_from(user, report))
    _raise_to_sections(report)
    return report


def _store_tables(section: drafting.DraftSection) -> list:
    return [{"caption": t.caption, "header": list(t.header), "rows": [list(r) for r in t.rows]}
            for t in section.tables]


def _writer_mission(section: ReportSection) -> int:
    return section.mission_id or section.report.owning_mission_id


def may_edit_section(user, section: ReportSection) -> bool:
    """The analysts (or planners) of the section's own mission, cleared for its level there; only while open.

    A contributing mission's staff read the report by their clearance in their own mission
    (selectors.visible_reports), so the check is theirs, not the drafting mission's.
    """
    return not section.report.locked and permits(user, AUTHOR_ACTION[section.report.kind], _writer_mission(section),
                                                 section.classification)


@transaction.atomic
def section_edit(section: ReportSection, user, *, title: str | None = None, body: str | None = None,
                 tables: list | None = None) -> ReportSection:
    """A person's text replaces the drafted one and is kept on redraft."""
    # the report as stored, not as the caller loaded it: it may have been approved since
    section.report = Report.objects.select_for_update().get(pk=section.report_id)
    _check_open(section.report)
    require(user, AUTHOR_ACTION[section.report.kind], mission_id=_writer_mission(section),
            classification=section.classification, what="edit a section written by that mission's staff")
    if not selectors.visible_sections(ReportSection.objects.filter(pk=section.pk), user).exists():
        raise Denied("You may not edit a section of a report you cannot read.")
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
    # the editor may write what their own mission's records say
    section.read_from.add(_writer_mission(section))
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


def _require_readable(report: Report, user) -> None:
    if selectors.report_for(user, report.pk) is None:
        raise Denied("You may not change a report you cannot read.")


def may_approve_part(user, report: Report, mission: Mission) -> bool:
    return (not report.locked and permits(user, Action.APPROVE, mission.id, report.classification)
            and mission.id in {m.id for m in selectors.contributing_missions(report)})


@transaction.atomic
def report_approve_part(report: Report, mission: Mission, user) -> ReportPartApproval:
    """A contributing mission's leadership approves that mission's part of a joint report.

    Each mission answers for what its staff wrote; the drafting mission's leadership cannot approve for
    them, nor they for each other.
    """
    report = Report.objects.select_for_update().get(pk=report.pk)
    _check_open(report)
    require(user, Action.APPROVE, mission_id=mission.id, classification=report.classification,
            what=f"approve {mission.acronym}'s part")
    _require_readable(report, user)
    if mission.id not in {m.id for m in selectors.contributing_missions(report)}:
        raise ReportError({"mission": f"{mission.acronym} writes no part of this report."})
    approval, created = ReportPartApproval.objects.get_or_create(
        report=report, mission=mission, defaults={"approved_by": user, "approved_at": timezone.now()})
    if created:
        signals.report_part_approved.send(sender=Report, report=report, mission=mission, actor=user)
    return approval


def _pending_parts(report: Report) -> list[Mission]:
    """The contributing missions, other than the drafting one, whose leadership has not approved its part."""
    approved = set(report.part_approvals.values_list("mission_id", flat=True))
    return [m for m in selectors.contributing_missions(report)
            if m.id != report.owning_mission_id and m.id not in approved]


@transaction.atomic
def report_approve(report: Report, user) -> Report:
    """The drafting mission's leadership approves the whole, once every other mission's part is approved;
    approving the whole approves the drafting mission's own part."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    _check_open(report)
    require(user, Action.APPROVE, report, what="approve this report")
    _require_readable(report, user)
    if not report.sections.exists():
        raise ReportError({"sections": "An empty report cannot be approved."})
    pending = _pending_parts(report)
    if pending:
        raise ReportError({"parts": "The part of " + ", ".join(m.acronym for m in pending)
                           + " is not approved yet by that mission's leadership."})
    now = timezone.now()
    ReportPartApproval.objects.get_or_create(report=report, mission_id=report.owning_mission_id,
                                             defaults={"approved_by": user, "approved_at": now})
    report.status, report.approved_by, report.approved_at = Report.Status.APPROVED, user, now
    report.save()
    signals.report_approved.send(sender=Report, report=report, actor=user)
    return report


@transaction.atomic
def cadence_set(actor, *, region: Region, kind: str = drafting.THREAT_ASSESSMENT, first_quarter: dt.date,
                due_after_days: int = 30) -> ReportCadence:
    """How often a region owes a report and how long after the quarter it is due: set system-wide, since it
    binds every mission of the region (reference data, like the region itself)."""
    require(actor, Action.EDIT_REGISTRY, mission_id=None, what="set when a region's reports are due")
    if kind not in AUTHOR_ACTION:
        raise ReportError({"kind": f"unknown report kind {kind!r}"})
    cadence, _created = ReportCadence.objects.update_or_create(
        region=region, kind=kind, defaults={"first_quarter": first_quarter, "due_after_days": due_after_days})
    return cadence
