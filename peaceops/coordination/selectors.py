"""Reads of the coordination module, always narrowed by ``visible``."""

from dataclasses import dataclass

from peaceops.accounts.access import visible
from peaceops.coordination.models import Activity, IntegrationAssessment, Sector
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
