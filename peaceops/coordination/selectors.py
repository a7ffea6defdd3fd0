"""Reads of the coordination module, always narrowed by ``visible``."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Exists, OuterRef, Sum

from peaceops.accounts.access import visible
from peaceops.coordination import rules
from peaceops.coordination.models import (
    Activity,
    FundingStream,
    HumanitarianProposal,
    IntegrationAssessment,
    MandatedTaskArea,
    MilitaryAssetUse,
    MilitarySide,
    Need,
    Programme,
    ProgrammeComponent,
    Sector,
)
from peaceops.coordination.vocabulary import MISSION_SECTORS
from peaceops.registry.models import AdminArea, Component


def is_military_side(user) -> bool:
    """Whether ``user`` is recorded on the military side (models.MilitarySide), cached on the user."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if not hasattr(user, "_coordination_military_side"):
        user._coordination_military_side = MilitarySide.objects.filter(user_id=user.pk).exists()
    return user._coordination_military_side


def hide_humanitarian(queryset, user):
    """Drop humanitarian data not shared with the military side when ``user`` is on it (rules.military_may_see).

    Applied on top of ``visible`` (clearance) by every read of Activity and Need, pages and API alike.
    """
    if is_military_side(user):
        return queryset.exclude(humanitarian=True, shared_with_military=False)
    return queryset


def activities_for(user):
    return hide_humanitarian(visible(Activity.objects.all(), user), user)


def needs_for(user):
    return hide_humanitarian(visible(Need.objects.all(), user), user)


def mandated_tasks_for(user):
    return visible(MandatedTaskArea.objects.all(), user)


def proposals_for(user):
    # A proposal may name a component classified above the reader: its name shows only when readable.
    readable_component = visible(Component.objects.filter(pk=OuterRef("component_id")), user)
    return visible(HumanitarianProposal.objects.all(), user).annotate(component_readable=Exists(readable_component))


def asset_uses_for(user):
    return visible(MilitaryAssetUse.objects.all(), user)


@dataclass(frozen=True)
class MatrixCell:
    sector_code: str
    sector_name: str
    model: str  # "" when the mission has not been assessed in the sector (or the user may not read it)
    reason: str


def integration_matrix(user, mission) -> list[MatrixCell]:
    """One cell per mission sector: how integrated ``mission`` is there, and why.

    Seed 003 §1.3: integration is asymmetric, so the matrix is read sector by sector; a sector
    with no readable assessment shows an empty model rather than a guess.
    """
    assessments = {a.sector.code: a for a in visible(
        IntegrationAssessment.objects.filter(mission=mission).select_related("sector"), user)}
    sectors = {s.code: s for s in Sector.objects.filter(code__in=MISSION_SECTORS)}
    cells = []
    for code in MISSION_SECTORS:
        sector, assessment = sectors.get(code), assessments.get(code)
        cells.append(MatrixCell(code, sector.name_en if sector else code, assessment.model if assessment else "",
                                assessment.reason if assessment else ""))
    return cells


def funding_cell(user, country_iso3: str, start=None, end=None) -> dict:
    """The "funding cell" view: every readable stream of money into a country.

    Seed 003 §2.4.2: assessed, voluntary and MDTF funding flow side by side.

    Totals are per currency (amounts in different currencies are never added together), by
    kind (assessed, voluntary, MDTF, bilateral), by source and by channel.
    """
    streams = visible(FundingStream.objects.filter(country__iso3__iexact=country_iso3), user)
    if start:
        streams = streams.filter(end_date__gte=start)
    if end:
        streams = streams.filter(start_date__lte=end)
    cell: dict = {"country": country_iso3.upper(), "by_kind": defaultdict(dict), "by_source": defaultdict(dict),
                  "by_channel": defaultdict(dict), "streams": streams.count()}
    groups = (("by_kind", "kind"), ("by_source", "source__name"), ("by_channel", "channel__name"))
    for key, column in groups:
        for row in streams.values(column, "currency").annotate(total=Sum("amount")).order_by(column, "currency"):
            cell[key][row[column] or ""][row["currency"]] = f"{row['total']:.2f}"  # same text on SQLite and PG
    return {name: dict(value) if isinstance(value, defaultdict) else value for name, value in cell.items()}


# --- the rules of coordination/rules.py, fed with what the reader may see -----------------------

# The matrix's sector codes and the rules' sector names.
RULE_SECTORS = {"POL": "political", "SEC": "security", "DDR": "ddr", "SSR": "ssr", "ROL": "rule_of_law",
                "HR": "human_rights", "HUM": "humanitarian", "DEV": "development"}
UNDATED_START = date(1900, 1, 1)  # a presence row without dates counts as present throughout


def _area_codes(level, pcode, parent_pcode, file_admin1, file_admin2) -> tuple[str, str]:
    """(admin-1, admin-2) P-codes: the registry's when the activity is linked to an area, else the file's."""
    if level is None:
        return file_admin1, file_admin2
    if level >= 2:
        return parent_pcode or file_admin1, pcode
    return pcode, ""


def duplications(user, *, country: str = "", sector: str = "", start=None, end=None) -> list:
    """Rule 1 over the readable activities (rules.find_duplications): same sector, area, period, several actors.

    Read as plain tuples (no model instances): 100,000 activities in about a second.
    """
    return rules.find_duplications(_activity_facts(user, country, sector), start=start, end=end)


def _activity_facts(user, country: str = "", sector: str = "") -> list:
    """The readable activities with a sector as rules.Activity facts (registry P-codes where linked)."""
    activities = activities_for(user).exclude(sector=None).exclude(kind=Activity.Kind.PHYSICAL)
    if country:
        activities = activities.filter(country__iso3__iexact=country)
    if sector:
        activities = activities.filter(sector__code__iexact=sector)
    rows = activities.order_by().values_list(
        "id", "organisation_id", "sector__code", "start_date", "end_date", "admin1_pcode", "admin2_pcode",
        "admin_area__level", "admin_area__pcode", "admin_area__parent__pcode", "status")
    facts = []
    for pk, organisation, code, begin, finish, file1, file2, level, pcode, parent, status in \
            rows.iterator(chunk_size=10000):
        admin1, admin2 = _area_codes(level, pcode, parent, file1, file2)
        facts.append(rules.Activity(pk, str(organisation), code, begin or UNDATED_START, finish, admin1, admin2,
                                    status=status or "ongoing"))
    return facts


def _need_facts(user, country: str = "", sector: str = "") -> list:
    """Readable needs and mandated tasks as rules.Need facts (the gaps rule's input)."""
    facts = []
    for kind, queryset in (("need", needs_for(user)), ("mandated_task", mandated_tasks_for(user))):
        if country:
            queryset = queryset.filter(country__iso3__iexact=country)
        if sector:
            queryset = queryset.filter(sector__code__iexact=sector)
        label = "people_in_need" if kind == "need" else "task"
        rows = queryset.order_by().values_list(
            "id", "sector__code", "start_date", "end_date", "admin1_pcode", "admin2_pcode", "admin_area__level",
            "admin_area__pcode", "admin_area__parent__pcode", label)
        for pk, code, begin, finish, file1, file2, level, pcode, parent, what in rows:
            admin1, admin2 = _area_codes(level, pcode, parent, file1, file2)
            text = f"{what:,} in need" if kind == "need" and what else (what or "")
            facts.append(rules.Need(code, admin1, admin2, kind, str(text), begin, finish, f"{kind}:{pk}"))
    return facts


def gaps(user, *, country: str = "", sector: str = "", start, end=None) -> list:
    """Rule 3 (seed 002 §5; seed 003 §2.4.2) over what the reader may see: needs and mandated tasks
    of a sector in an area with no readable activity of that sector there during ``start``..``end``."""
    return rules.find_gaps(_need_facts(user, country, sector), _activity_facts(user, country, sector), start, end)


def coordination_map(user, *, country: str = "", sector: str = "", start, end=None) -> dict:
    """Areas of a country coloured for a coordination meeting: gap, duplication or both (rules.area_states)."""
    found_gaps = gaps(user, country=country, sector=sector, start=start, end=end)
    found_duplications = duplications(user, country=country, sector=sector, start=start, end=end)
    states = rules.area_states(found_gaps, found_duplications)
    known = AdminArea.objects.filter(pcode__in=list(states))  # shared reference data: P-codes are not classified
    areas = {a.pcode: a for a in (known.filter(country__iso3__iexact=country) if country else known)}
    rows = []
    for pcode, state in sorted(states.items()):
        area = areas.get(pcode)
        rows.append({
            "pcode": pcode, "name": area.name if area else "", "state": state,
            "lat": area.centroid_lat if area else None, "lon": area.centroid_lon if area else None,
            "gaps": sum(1 for g in found_gaps if (g.need.admin2 or g.need.admin1) == pcode),
            "duplications": sum(1 for d in found_duplications if d.area == pcode),
        })
    return {"areas": rows, "gaps": found_gaps, "duplications": found_duplications}


def funding_gaps(user, programmes=None) -> tuple[list, list[str]]:
    """Rule 4 (seed 003 §2.4.2) over readable DDR-like programmes: (warnings, input errors).

    A component is funded by the readable streams that name it; its regimes are their kinds.
    Components whose names are not in the DDR sequence make the programme an input error.
    """
    programmes = visible(programmes if programmes is not None else Programme.objects.all(), user)
    components = visible(ProgrammeComponent.objects.filter(programme__in=programmes), user) \
        .select_related("programme")
    streams = visible(FundingStream.objects.filter(component__in=components), user)
    funded: dict[int, Decimal] = defaultdict(Decimal)
    regimes: dict[int, set[str]] = defaultdict(set)
    for component_id, kind, amount in streams.values_list("component_id", "kind", "amount"):
        funded[component_id] += amount
        regimes[component_id].add(kind)
    facts_by_programme: dict[str, list] = defaultdict(list)
    for c in components:
        facts_by_programme[c.programme.name].append(rules.ProgrammeComponent(
            programme=c.programme.name, component=c.name.strip().lower(), start=c.start_date, end=c.end_date,
            funded=funded[c.pk], status=c.status, regimes=tuple(sorted(regimes[c.pk]))))
    warnings, errors = [], []
    for facts in facts_by_programme.values():
        try:
            warnings += rules.find_funding_gaps(facts)
        except rules.ProgrammeInputError as problem:
            errors += problem.errors
    return warnings, errors


def integration_advice(user, mission) -> list:
    """The seeds' advice (rules.integration_advice) on the readable cells of a mission's matrix."""
    choices = [rules.IntegrationChoice(RULE_SECTORS[cell.sector_code], cell.model, cell.reason)
               for cell in integration_matrix(user, mission) if cell.model]
    return rules.integration_advice(choices)


def presence_by_area(user, *, country: str, level: int = 1, sector: str = "", start=None, end=None) -> list[dict]:
    """The 3W table (and the map's data) by admin area and sector: organisations, activities, reached.

    Rows are counted at admin ``level`` (1 province, 2 territory); an activity known only at a
    coarser level is counted under "" (area unknown at that level) rather than spread over areas
    it may not cover. Organisations are counted once per area and sector.
    """
    from django.db.models import Q

    activities = activities_for(user).filter(country__iso3__iexact=country).exclude(sector=None)
    if sector:
        activities = activities.filter(Q(sector__code__iexact=sector) | Q(sector__parent__code__iexact=sector))
    if start:
        activities = activities.filter(Q(end_date__gte=start) | Q(end_date__isnull=True))
    if end:
        activities = activities.filter(Q(start_date__lte=end) | Q(start_date__isnull=True))
    names = {}
    organisations: dict[tuple[str, str], set] = defaultdict(set)
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    rows = activities.order_by().values_list(
        "sector__code", "organisation_id", "beneficiaries_reached", "admin_area__level", "admin_area__pcode",
        "admin_area__name", "admin_area__parent__pcode", "admin_area__parent__name")
    for code, organisation, reached, own_level, pcode, name, parent_pcode, parent_name in rows.iterator(5000):
        if own_level is None or own_level < level:
            pcode, name = "", ""
        elif own_level > level:
            pcode, name = parent_pcode or "", parent_name or ""
        names[pcode] = name
        organisations[(pcode, code)].add(organisation)
        counts[(pcode, code)][0] += 1
        counts[(pcode, code)][1] += reached or 0
    table = [{"pcode": pcode, "name": names[pcode], "sector": code, "organisations": len(organisations[key]),
              "activities": counts[key][0], "reached": counts[key][1]}
             for key in counts for pcode, code in [key]]
    return sorted(table, key=lambda r: (r["pcode"] == "", r["pcode"], r["sector"]))


# --- humanitarian space ---------------------------------------------------------------------------


def asset_use_fact(use):
    """A MilitaryAssetUse record as the rules' fact (seed 004 §6.2.4)."""
    return rules.MilitaryAssetUse(use.pk, use.asset_kind, use.start_date, use.end_date, use.admin1_pcode,
                                  use.admin2_pcode, True, use.status, use.justification, use.no_civilian_capacity)


def civilian_capacities(user, use) -> list:
    """Readable 3W activities of non-mission actors that give civilian capacity of the asset's kind
    in the use's country during its period (rules.ASSET_SECTORS: air and road transport = logistics)."""
    sector = rules.ASSET_SECTORS.get(use.asset_kind)
    if sector is None or use.country_id is None:
        return []
    facts = _activity_facts(user, use.country.iso3, sector)
    mission_activities = set(activities_for(user).filter(
        organisation_type=Activity.OrganisationType.MISSION).values_list("pk", flat=True))
    return [rules.CivilianCapacity(a.id, a.organisation, use.asset_kind, a.start, a.end, a.admin1, a.admin2)
            for a in facts if a.id not in mission_activities]

