"""Writes of the coordination module: the sector vocabulary, the 3W import, programme components.

The 3W import streams the parser's rows, resolves each against the registry (country, admin area
by P-code or name, organisation, sector) and writes everything in one transaction: unless
``skip_bad`` is given a single bad line rolls the whole import back (bad input leaves
nothing half-written); with ``skip_bad`` bad lines are skipped and every one is reported.
Unknown sectors and P-codes are reported with the closest known ones. Rows are keyed on
(dataset, external_id), so importing the same file again creates nothing.
"""

from __future__ import annotations

from pathlib import Path

import pycountry
from django.core.exceptions import ValidationError
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from peaceops.accounts.access import history_user, permits, require
from peaceops.accounts.roles import Action
from peaceops.coordination import rules, selectors, vocabulary
from peaceops.coordination.importers import ActivityRow, LineError, parse
from peaceops.coordination.importers.needs import parse_needs
from peaceops.coordination.models import (
    Activity,
    HumanitarianProposal,
    IntegrationAssessment,
    MandatedTaskArea,
    MilitaryAssetUse,
    MilitarySide,
    Need,
    ProgrammeComponent,
    Sector,
)
from peaceops.core.bulk_history import history_marks, insert_with_history
from peaceops.core.classification import Classification
from peaceops.core.import_transaction import Rollback, import_transaction
from peaceops.core.importing import ImportReport
from peaceops.registry.countries import CountryResolver
from peaceops.registry.models import AdminArea, Country, Mission, Organisation

BATCH_SIZE = 1000

IMPORTED_FIELDS = (
    "kind", "organisation_id", "organisation_type", "sector_id", "sector_source", "title", "country_id",
    "admin_area_id", "admin1_name", "admin1_pcode", "admin2_name", "admin2_pcode", "location", "location_pcode",
    "start_date", "end_date", "status", "status_source", "beneficiaries_targeted", "beneficiaries_reached",
    "disaggregation", "beneficiary_type", "budget", "currency", "funding_source", "donor", "details",
    "owning_mission_id", "classification", "humanitarian",
)

# Organisation types of the 3W mapped to the registry's kinds of organisation.
REGISTRY_KIND = {
    "international_ngo": Organisation.Kind.NGO, "national_ngo": Organisation.Kind.NGO,
    "un": Organisation.Kind.UN_AGENCY, "government": Organisation.Kind.GOVERNMENT,
    "donor": Organisation.Kind.DONOR,
}

# --- the vocabulary ---------------------------------------------------------------------------


def sectors_ensure() -> int:
    """Create the sectors of ``vocabulary.SECTORS`` that are missing; returns how many were created."""
    existing = set(Sector.objects.values_list("code", flat=True))
    created = 0
    for spec in vocabulary.SECTORS:  # parents come first in SECTORS
        if spec.code in existing:
            continue
        parent = Sector.objects.get(code=spec.parent) if spec.parent else None
        Sector.objects.create(code=spec.code, name_en=spec.name_en, name_fr=spec.name_fr, kind=spec.kind,
                              parent=parent, aliases=list(spec.aliases))
        created += 1
    return created


def sector_matcher() -> vocabulary.SectorMatcher:
    rows = Sector.objects.values_list("code", "name_en", "name_fr", "aliases")
    return vocabulary.SectorMatcher((code, en, fr, aliases or ()) for code, en, fr, aliases in rows)


# --- programmes ---------------------------------------------------------------------------------


def programme_component_create(*, programme, name: str, start_date, end_date, sequence: int = 1,
                               status: str = ProgrammeComponent.Status.PLANNED, description: str = "",
                               user) -> ProgrammeComponent:
    """A component of a programme; an overlap with another component of the programme is an error."""
    component = ProgrammeComponent(programme=programme, name=name, start_date=start_date, end_date=end_date,
                                   sequence=sequence, status=status, description=description,
                                   classification=programme.classification)
    require(user, Action.EDIT_COORDINATION, mission_id=programme.owning_mission_id,
            classification=programme.classification, what="add programme components")
    component.full_clean()
    component._history_user = history_user(user)
    component.save()
    return component


# --- integration by sector ---------------------------------------------------------------------


def integration_assessment_record(*, user, mission: Mission, sector_code: str, model: str, reason: str = "",
                                  assessed_on=None, classification: int = Classification.UNCLASSIFIED,
                                  source: str = "") -> IntegrationAssessment:
    """Record (or revise) how integrated ``mission`` is in one sector; needs edit_coordination there."""
    require(user, Action.EDIT_COORDINATION, mission_id=mission.pk, what="record integration assessments")
    sectors_ensure()
    sector = Sector.objects.get(code=sector_code)
    assessment = IntegrationAssessment.objects.filter(mission=mission, sector=sector).first() \
        or IntegrationAssessment(mission=mission, sector=sector)
    assessment.model, assessment.reason, assessment.assessed_on = model, reason, assessed_on
    assessment.classification, assessment.source = classification, source
    assessment.full_clean()
    assessment._history_user = history_user(user)
    assessment.save()
    return assessment


# --- the 3W import ------------------------------------------------------------------------------


def activities_import(path, fmt: str, *, country: str = "", mission: Mission | None = None,
              classification: int = Classification.UNCLASSIFIED, user, dry_run: bool = False,
              skip_bad: bool = False, display_name: str | None = None, humanitarian: bool = False,
              progress=None) -> ImportReport:
    """Import one 3W file; see the module docstring for the guarantees.

    ``humanitarian`` flags the rows as humanitarian data, hidden from the military side unless
    shared (seed 003 §2.4.3); public OCHA/HDX files are not.

    ``country`` (ISO3) is used where the file names none; ``mission`` owns the rows (None: shared
    reference data, which must then be unclassified). ``progress(rows_read, rows_total, errors)``, if
    given, is called every ``PROGRESS_EVERY`` rows and at the end (rows_total 0: not known).
    """
    if mission is None and classification != Classification.UNCLASSIFIED:
        raise ValueError("reference data without an owning mission must be unclassified")
    require(user, Action.EDIT_COORDINATION, mission_id=mission.pk if mission else None,
            classification=classification, what="import 3W files here")
    report = ImportReport(file=display_name or Path(path).name, format=fmt, dry_run=dry_run)
    with import_transaction(report, dry_run):
        sectors_ensure()
        resolver = _Resolver(country=country)
        writer = _Writer(report, mission, classification, user, humanitarian)
        failing = False
        first_line: dict[tuple[str, str], int] = {}
        for item in parse(fmt, path, country=country):
            report.read += 1
            if progress and report.read % PROGRESS_EVERY == 0:
                progress(report.read, 0, len(report.errors))
            if isinstance(item, ActivityRow):
                item = _unique(item, first_line) or resolver.resolve(item)
            if isinstance(item, LineError):
                failing = report.bad_line(item, skip_bad) or failing
                continue
            if not failing:
                writer.add(item)
        if not failing:
            writer.flush()
        if progress:
            progress(report.read, 0, len(report.errors))
        if dry_run or failing:
            raise Rollback
    return report


PROGRESS_EVERY = 200  # rows between two progress calls (a 3W file is thousands of rows, read a few hundred a second)


def _unique(row: ActivityRow, first_line: dict) -> LineError | None:
    """A row whose id an earlier row of the file already gave is an error, not an overwrite."""
    key = (row.dataset, row.external_id)
    if key in first_line:
        return LineError(row.line, "id", f"the same id ({row.external_id}) as line {first_line[key]}")
    first_line[key] = row.line
    return None


class _Resolver:
    """Turns a parsed row into unsaved Activity values, or a LineError naming what is unknown."""

    def __init__(self, country: str = ""):
        self.countries = CountryResolver()
        self.iso2 = self.countries.iso2
        self.default_country = country.upper()
        self.sectors = sector_matcher()
        self.sector_ids = dict(Sector.objects.values_list("code", "pk"))
        self.areas: dict[int, _Areas] = {}
        self.organisations = _Organisations()

    def resolve(self, row: ActivityRow) -> dict | LineError:
        country_id = self.country(row.country or self.default_country)
        if country_id is None:
            field_name = "country" if row.country else "--country"
            return LineError(row.line, field_name, f"unknown country {row.country!r}" if row.country
                             else "the file names no country: give --country ISO3")
        sector_id = None
        if row.sector:
            code = self.sectors.match(row.sector)
            if code is None:
                return LineError(row.line, row.sector_field, self.sectors.unknown_message(row.sector))
            sector_id = self.sector_ids[code]
        elif row.kind != Activity.Kind.PHYSICAL:
            return LineError(row.line, row.sector_field, "no sector given")
        try:
            area_id = self.area_of(country_id, row)
        except _UnknownArea as unknown:
            return LineError(row.line, unknown.field, unknown.message)
        if row.currency and pycountry.currencies.get(alpha_3=row.currency.upper()) is None:
            return LineError(row.line, row.currency_field,
                             f"unknown currency {row.currency!r} (expected an ISO 4217 code such as USD, EUR, XAF)")
        return {
            "dataset": row.dataset, "external_id": row.external_id[:120], "kind": row.kind,
            "organisation_id": self.organisations.id_for(row), "organisation_type": row.organisation_type,
            "sector_id": sector_id, "sector_source": row.sector[:200], "title": row.title[:500],
            "country_id": country_id, "admin_area_id": area_id,
            "admin1_name": row.admin1_name[:200], "admin1_pcode": row.admin1_pcode[:32],
            "admin2_name": row.admin2_name[:200], "admin2_pcode": row.admin2_pcode[:32],
            "location": row.location[:200], "location_pcode": row.location_pcode[:40],
            "start_date": row.start_date, "end_date": row.end_date, "status": row.status,
            "status_source": row.status_source[:120], "beneficiaries_targeted": row.beneficiaries_targeted,
            "beneficiaries_reached": row.beneficiaries_reached, "disaggregation": row.disaggregation,
            "beneficiary_type": row.beneficiary_type[:200], "budget": row.budget, "currency": row.currency.upper(),
            "funding_source": row.funding_source[:200], "donor": row.donor[:200], "details": row.details,
            "line": row.line,
        }

    def country(self, value: str) -> int | None:
        """A code (ISO alpha-3 first) or a name in English or French (peaceops.registry.countries)."""
        value = (value or "").strip()
        return self.countries.resolve(iso3=value, name=value) if value else None

    def area_of(self, country_id: int, row: ActivityRow) -> int | None:
        if country_id not in self.areas:
            self.areas[country_id] = _Areas(country_id, self.iso2.get(country_id, ""))
        return self.areas[country_id].resolve(row)


class _UnknownArea(Exception):
    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field, self.message = field_name, message


class _Areas:
    """One country's admin areas: by P-code (also in HAPI's ISO3-prefixed form) and by name under a parent."""

    def __init__(self, country_id: int, iso2: str):
        self.iso2 = iso2
        rows = list(AdminArea.objects.filter(country_id=country_id).values_list("pk", "pcode", "name", "level",
                                                                               "parent_id"))
        self.by_pcode = {pcode.upper(): pk for pk, pcode, _name, _level, _parent in rows}
        self.by_name: dict[tuple[int | None, int, str], int] = {}
        self.by_level: dict[int, list[tuple[str, str]]] = {}
        for pk, pcode, name, level, parent in rows:
            self.by_name.setdefault((None, level, vocabulary.normalise(name)), pk)
            self.by_name.setdefault((parent, level, vocabulary.normalise(name)), pk)
            self.by_level.setdefault(level, []).append((pcode, name))
        self.country_id = country_id

    def resolve(self, row: ActivityRow) -> int | None:
        area = None
        for level, pcode, name in ((1, row.admin1_pcode, row.admin1_name), (2, row.admin2_pcode, row.admin2_name)):
            if pcode:
                area = self.by_pcode_or_error(pcode, name, level, row)
            elif name:
                # Names without a code are matched where they can be and otherwise kept as text:
                # many 3W files spell areas their own way (docs/coordination.md).
                area = self.by_name.get((area, level, vocabulary.normalise(name))) or area
        return area

    def by_pcode_or_error(self, pcode: str, name: str, level: int, row: ActivityRow) -> int:
        code = pcode.strip().upper()
        found = self.by_pcode.get(code)
        if found is None and self.iso2 and len(code) > 3 and code[:3].isalpha() and code[2:3].isalpha():
            found = self.by_pcode.get(self.iso2 + code[3:])  # HAPI's TCD14 is the COD-AB's TD14
        if found is not None:
            return found
        field_name = row.admin2_field if level == 2 else row.admin1_field
        if not self.by_pcode:
            raise _UnknownArea(field_name, f"unknown P-code {pcode!r}: the registry holds no admin areas of this "
                                           f"country; load them first (peaceops import-places)")
        close = vocabulary.suggest_area(code, name, self.by_level.get(level, []))
        hint = f"; closest: {', '.join(close)}" if close else ""
        raise _UnknownArea(field_name, f"unknown P-code {pcode!r}{f' ({name})' if name else ''}{hint}")


class _Organisations:
    """Finds organisations by acronym or name and creates the new ones (with history)."""

    def __init__(self):
        self.by_key: dict[str, int] = {}
        for pk, name, acronym in Organisation.objects.values_list("pk", "name", "acronym"):
            self.by_key.setdefault(f"name:{name.casefold()}", pk)
            if acronym:
                self.by_key.setdefault(f"acronym:{acronym.casefold()}", pk)

    def id_for(self, row: ActivityRow) -> int:
        name, acronym = row.organisation_name.strip(), row.organisation_acronym.strip()
        keys = ([f"acronym:{acronym.casefold()}"] if acronym else []) + ([f"name:{name.casefold()}"] if name else [])
        keys += [f"name:{acronym.casefold()}"] if acronym and not name else []
        for key in keys:
            if key in self.by_key:
                return self.by_key[key]
        organisation = Organisation.objects.create(
            name=(name or acronym)[:300], acronym=acronym[:40] if acronym and len(acronym) <= 40 else "",
            kind=REGISTRY_KIND.get(row.organisation_type, Organisation.Kind.OTHER),
            source=f"3W import ({row.dataset})"[:200])
        for key in keys:
            self.by_key[key] = organisation.pk
        return organisation.pk


class _Writer:
    """Creates or updates activities by (dataset, external_id), in batches, with history rows."""

    def __init__(self, report: ImportReport, mission, classification: int, user, humanitarian: bool = False):
        self.report, self.user = report, user
        self.owner = {"owning_mission_id": mission.pk if mission else None, "classification": classification,
                      "humanitarian": humanitarian}
        self.pending: list[dict] = []

    def add(self, values: dict) -> None:
        self.pending.append({**values, **self.owner})
        if len(self.pending) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        rows, self.pending = self.pending, []
        datasets = {row["dataset"] for row in rows}
        existing = {(a.dataset, a.external_id): a for a in Activity.objects.filter(
            dataset__in=datasets, external_id__in=[row["external_id"] for row in rows])}
        new, changed = [], []
        for values in rows:
            activity = existing.get((values["dataset"], values["external_id"]))
            if activity is None:
                new.append(values)
                continue
            if not permits(self.user, Action.EDIT_COORDINATION, activity.owning_mission_id, activity.classification):
                # Another mission's activity, or one above the importer's clearance: left as it is, not described.
                self.report.refused.append(values["line"])
                continue
            differs = [name for name in IMPORTED_FIELDS if getattr(activity, name) != values[name]]
            if differs:
                for name in IMPORTED_FIELDS:
                    setattr(activity, name, values[name])
                changed.append(activity)
            else:
                self.report.unchanged += 1
        if new:
            insert_with_history(Activity, new, history_marks(getattr(history_user(self.user), "pk", None)),
                                batch_size=BATCH_SIZE)
        if changed:
            bulk_update_with_history(changed, Activity, list(IMPORTED_FIELDS), batch_size=BATCH_SIZE,
                                     default_user=history_user(self.user))
        self.report.created += len(new)
        self.report.updated += len(changed)


# --- needs and mandated tasks (the gaps rule's input) -------------------------------------------


def _area_values(country_iso3: str, admin1_pcode: str, admin2_pcode: str) -> dict:
    """Country and registry area of a need or task by P-code; an unknown code is a ValidationError with hints."""
    country = Country.objects.filter(iso3__iexact=country_iso3).first()
    if country is None:
        raise ValidationError({"country": f"unknown country {country_iso3!r}"})
    areas = _Areas(country.pk, country.iso2)
    area_id = None
    for level, code, field_name in ((1, admin1_pcode, "admin1_pcode"), (2, admin2_pcode, "admin2_pcode")):
        if code:
            found = areas.by_pcode.get(code.strip().upper())
            if found is None:
                close = vocabulary.suggest_area(code.strip().upper(), "", areas.by_level.get(level, []))
                hint = f"; closest: {', '.join(close)}" if close else ""
                raise ValidationError({field_name: f"unknown P-code {code!r}{hint}"})
            area_id = found
    return {"country": country, "admin_area_id": area_id, "admin1_pcode": admin1_pcode.strip().upper(),
            "admin2_pcode": admin2_pcode.strip().upper()}


def _sector(code_or_name: str) -> Sector:
    sectors_ensure()
    matcher = sector_matcher()
    code = matcher.match(code_or_name)
    if code is None:
        raise ValidationError({"sector": matcher.unknown_message(code_or_name)})
    return Sector.objects.get(code=code)


def _names_of(values: dict) -> dict:
    names = dict(AdminArea.objects.filter(pcode__in=[values["admin1_pcode"], values["admin2_pcode"]])
                 .values_list("pcode", "name"))
    return {"admin1_name": names.get(values["admin1_pcode"], ""), "admin2_name": names.get(values["admin2_pcode"], "")}


def need_create(*, user, country: str, sector: str, start_date, end_date=None, admin1_pcode: str = "",
                admin2_pcode: str = "", people_in_need=None, severity=None, mission: Mission | None = None,
                classification: int = Classification.UNCLASSIFIED, humanitarian: bool = True,
                shared_with_military: bool = False, source: str = "", note: str = "") -> Need:
    """Record people in need in an area and sector (humanitarian data by default: seed 003 §2.4.3)."""
    require(user, Action.EDIT_COORDINATION, mission_id=mission.pk if mission else None, classification=classification,
            what="record needs here")
    values = _area_values(country, admin1_pcode, admin2_pcode)
    need = Need(**values, **_names_of(values), sector=_sector(sector), start_date=start_date, end_date=end_date,
                people_in_need=people_in_need, severity=severity, owning_mission=mission,
                classification=classification, humanitarian=humanitarian,
                shared_with_military=shared_with_military, source=source, note=note)
    need.full_clean()
    need._history_user = history_user(user)
    need.save()
    return need


def mandated_task_create(*, user, mission: Mission, task: str, country: str, sector: str, start_date,
                         end_date=None, admin1_pcode: str = "", admin2_pcode: str = "", mandate_reference: str = "",
                         classification: int = Classification.UNCLASSIFIED, source: str = "") -> MandatedTaskArea:
    """What ``mission`` is mandated to do where; needs edit_plans or edit_coordination for the mission."""
    if not permits(user, Action.EDIT_PLANS, mission.pk):
        require(user, Action.EDIT_COORDINATION, mission_id=mission.pk, classification=classification,
            what="record mandated tasks")
    values = _area_values(country, admin1_pcode, admin2_pcode)
    record = MandatedTaskArea(**values, **_names_of(values), sector=_sector(sector), start_date=start_date,
                          end_date=end_date, task=task, mandate_reference=mandate_reference, owning_mission=mission,
                          classification=classification, source=source)
    record.full_clean()
    record._history_user = history_user(user)
    record.save()
    return record


def needs_import(path, *, user, country: str = "", mission: Mission | None = None,
                 classification: int = Classification.UNCLASSIFIED, shared_with_military: bool = False,
                 dry_run: bool = False, display_name: str | None = None) -> ImportReport:
    """Import needs from a CSV with an HXL row (#adm1+code #adm2+code #sector #inneed #severity #date+start ...).

    One transaction: any bad line (unknown sector or P-code, with the closest ones suggested; bad
    number or date) and nothing is written, every bad line reported. Rows are keyed on
    (file name, line's P-codes and sector), so importing the file again updates, never duplicates.
    """
    require(user, Action.EDIT_COORDINATION, mission_id=mission.pk if mission else None,
            classification=classification, what="import needs here")
    name = display_name or Path(path).name
    report = ImportReport(file=name, format="hxl-needs", dry_run=dry_run)
    with import_transaction(report, dry_run):
        sectors_ensure()
        matcher, sector_ids = sector_matcher(), dict(Sector.objects.values_list("code", "pk"))
        resolver = _Resolver(country=country)
        for item in parse_needs(path, country=country):
            report.read += 1
            if isinstance(item, LineError):
                report.errors.append(item)
                continue
            problem = _store_need(item, name, matcher, sector_ids, resolver, user, mission, classification,
                                  shared_with_military, report)
            if problem:
                report.errors.append(problem)
        if report.errors or dry_run:
            raise Rollback
    return report


def _store_need(row, dataset, matcher, sector_ids, resolver, user, mission, classification, shared, report):
    country_id = resolver.country(row.country or resolver.default_country)
    if country_id is None:
        return LineError(row.line, "#country+code", f"unknown country {row.country!r}" if row.country
                         else "the file names no country: give the country")
    code = matcher.match(row.sector)
    if code is None:
        return LineError(row.line, "#sector", matcher.unknown_message(row.sector) if row.sector else "no sector given")
    try:
        area_id = resolver.area_of(country_id, row)
    except _UnknownArea as unknown:
        return LineError(row.line, unknown.field, unknown.message)
    key = f"{row.admin1_pcode}/{row.admin2_pcode}/{code}/{row.start_date}"
    values = {"country_id": country_id, "admin_area_id": area_id, "sector_id": sector_ids[code],
              "admin1_pcode": row.admin1_pcode.upper(), "admin2_pcode": row.admin2_pcode.upper(),
              "admin1_name": row.admin1_name[:200], "admin2_name": row.admin2_name[:200],
              "start_date": row.start_date, "end_date": row.end_date, "people_in_need": row.people_in_need,
              "severity": row.severity, "owning_mission": mission, "classification": classification,
              "humanitarian": True, "shared_with_military": shared, "source": f"import of {dataset}"[:300]}
    need = Need.objects.filter(dataset=dataset[:60], external_id=key[:120]).first()
    if need is not None and not permits(user, Action.EDIT_COORDINATION, need.owning_mission_id, need.classification):
        report.refused.append(row.line)  # another mission's need, or above the importer's clearance: left as it is
        return None
    created = need is None
    need = need or Need(dataset=dataset[:60], external_id=key[:120])
    for name, value in values.items():
        setattr(need, name, value)
    need._history_user = history_user(user)
    need.save()
    if created:
        report.created += 1
    else:
        report.updated += 1
    return None


# --- humanitarian space: who is on the military side, QIPs and hearts and minds, military assets ---------


def military_side_set(*, actor, user, on_military_side: bool, note: str = "") -> None:
    """Put ``user`` on (or take them off) the military side; administrators only."""
    require(actor, Action.ADMINISTER, mission_id=None, what="say who is on the military side")
    if on_military_side:
        MilitarySide.objects.update_or_create(user=user, defaults={"note": note})
    else:
        MilitarySide.objects.filter(user=user).delete()
    if hasattr(user, "_coordination_military_side"):
        del user._coordination_military_side


def data_share_with_military(*, user, record, shared: bool = True):
    """The owner of humanitarian data shares it with the military side (or withdraws it)."""
    require(user, Action.EDIT_COORDINATION, mission_id=record.owning_mission_id, what="share this record")
    record.shared_with_military = shared
    record._history_user = history_user(user)
    record.save(update_fields=["shared_with_military"])
    return record


def proposal_submit(*, user, mission: Mission, kind: str, title: str, description: str = "", component=None,
                    country=None, admin_area=None, budget=None, currency: str = "", principles_note: str = "",
                    classification: int = Classification.UNCLASSIFIED, source: str = "") -> HumanitarianProposal:
    """A mission component proposes a QIP or a "hearts and minds" activity to the DSRSG/HC (seed 003 rec. 3.4.7)."""
    require(user, Action.EDIT_COORDINATION, mission_id=mission.pk, classification=classification,
            what="propose activities for this mission")
    if component is not None and component.mission_id != mission.pk:
        raise ValidationError({"component": "The component belongs to another mission."})
    proposal = HumanitarianProposal(
        owning_mission=mission, kind=kind, title=title, description=description, component=component,
        country=country, admin_area=admin_area, budget=budget, currency=(currency or "").upper(),
        principles_note=principles_note, classification=classification, source=source,
        status=HumanitarianProposal.Status.PROPOSED, submitted_by=user, submitted_at=timezone.now())
    proposal.full_clean()
    proposal._history_user = history_user(user)
    proposal.save()
    return proposal


def _decide(record, *, user, approve: bool, reason: str, what: str):
    require(user, Action.APPROVE, mission_id=record.owning_mission_id, what=f"decide on {what} (DSRSG/HC)")
    if record.status != record.Status.PROPOSED:
        raise ValidationError({"status": f"Already decided: {record.get_status_display().lower()}."})
    if not approve and not reason.strip():
        raise ValidationError({"decision_reason": "Give the reason for refusing."})
    record.status = record.Status.APPROVED if approve else record.Status.REFUSED
    record.decided_by, record.decided_at, record.decision_reason = user, timezone.now(), reason.strip()
    record._history_user = history_user(user)
    record.save()
    return record


def proposal_decide(*, user, proposal: HumanitarianProposal, approve: bool, reason: str = "") -> HumanitarianProposal:
    """The DSRSG/HC (approve for the mission) approves or refuses; refusal needs a reason (seed 003 rec. 3.4.7)."""
    return _decide(proposal, user=user, approve=approve, reason=reason, what="quick-impact and hearts-and-minds "
                                                                             "proposals")


def asset_use_record(*, user, mission: Mission, asset_kind: str, task: str, start_date, end_date=None,
                     country=None, admin1_pcode: str = "", admin2_pcode: str = "", requested_by=None,
                     justification: str = "", no_civilian_capacity: str = "",
                     classification: int = Classification.UNCLASSIFIED, source: str = "") -> MilitaryAssetUse:
    """Record a request to use a military asset for humanitarian work, for the DSRSG/HC to decide."""
    require(user, Action.EDIT_COORDINATION, mission_id=mission.pk, classification=classification,
            what="record military asset uses for this mission")
    use = MilitaryAssetUse(
        owning_mission=mission, asset_kind=asset_kind, task=task, start_date=start_date, end_date=end_date,
        country=country, admin1_pcode=admin1_pcode.upper(), admin2_pcode=admin2_pcode.upper(),
        requested_by=requested_by, justification=justification, no_civilian_capacity=no_civilian_capacity,
        classification=classification, source=source, status=MilitaryAssetUse.Status.PROPOSED,
        submitted_by=user, submitted_at=timezone.now())
    use.full_clean()
    use._history_user = history_user(user)
    use.save()
    return use


def asset_use_decide(*, user, use: MilitaryAssetUse, approve: bool, reason: str = "") -> MilitaryAssetUse:
    """Accept a military asset only as a last resort (rules.last_resort_objections; seed 004 §6.2.4).

    An approval is refused (ValidationError listing why) without a justification, without a
    statement that no civilian capacity exists, or while readable 3W activities show civilian
    capacity of that kind in the area during the period.
    """
    if approve:
        objections = rules.last_resort_objections(selectors.asset_use_fact(use),
                                                  selectors.civilian_capacities(user, use))
        if objections:
            raise ValidationError({"status": [f.message for f in objections]})
    return _decide(use, user=user, approve=approve, reason=reason, what="military asset uses")
