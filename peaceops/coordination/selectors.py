"""Reads of the coordination module, always narrowed by ``visible``."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Sum

from peaceops.accounts.access import visible
from peaceops.coordination.models import Activity, FundingStream, IntegrationAssessment, Sector
from peaceops.coordination.vocabulary import MISSION_SECTORS


def activities_for(user):
    return visible(Activity.objects.all(), user)


@dataclass(frozen=True)
class MatrixCell:
    sector_code: str
    sector_name: str
    model: str  # "" when the mission has not been assessed in the sector (or the user may not read it)
    reason: str


def integration_matrix(user, mission) -> list[MatrixCell]:
    """One cell per mission sector (issue 7 §4): how integrated ``mission`` is there, and why.

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
    """The "funding cell" view (issue 7 §3): every readable stream of money into a country.

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
