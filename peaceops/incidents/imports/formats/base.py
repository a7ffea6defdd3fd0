"""What every event importer yields.

Pure module (no Django): a parser reads one file format and yields, for each event, either an
:class:`EventRow` (already normalised to the incident model's vocabulary) or a
:class:`LineError` naming the line and field that could not be read. The report, line errors and
field checks every import shares live in :mod:`peaceops.core.importing`; they are re-exported
here for the event parsers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from peaceops.core.importing import (  # noqa: F401  (re-exported: the event parsers import them from here)
    DecodedLines,
    ImportFileError,
    ImportReport,
    LineError,
    RowProblem,
    check_dates,
    coordinate,
    coordinates,
    count,
    optional_int,
    parse_date,
    require_columns,
    text,
)

# Source grades on the admiralty scale (reliability A-F, credibility 1-6) given to every source
# of a dataset when the file itself does not grade them. Why each one: docs/incidents-import.md.
DEFAULT_GRADES = {
    "ucdp-ged": ("B", 2),  # coded by UCDP researchers from several sources, cross-checked
    "acled": ("B", 3),  # coded weekly by ACLED researchers from media and local partners
    "insecurity-insight": ("B", 2),  # SiND: aid agencies' own security reports, verified
    "hxl": ("C", 3),  # any HXL file: provenance unknown to the importer
}


@dataclass(slots=True)
class EventRow:
    """One event as the incident store needs it; the service adds country, missions, owner.

    ucdp._FastCsvRow builds these positionally (for speed): keep the field order in step.
    """

    dataset: str
    external_id: str
    line: int
    start_date: date
    end_date: date
    category: str
    source_category: str = ""
    date_precision: int = 1
    reported_on: date | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 1
    location: str = ""
    country_iso3: str = ""
    country_name: str = ""
    country_gw: int | None = None  # Gleditsch-Ward code (UCDP country_id, ACLED GWNO)
    admin1: str = ""
    admin2: str = ""
    description: str = ""
    deaths_a: int = 0
    deaths_b: int = 0
    deaths_civilians: int = 0
    deaths_unknown: int = 0
    deaths_best: int = 0
    deaths_low: int = 0
    deaths_high: int = 0
    injured: int = 0
    abducted: int = 0
    actors: list[tuple[str, str]] = field(default_factory=list)  # (name, side: a|b|target|other)
    sources: list[tuple[str, str]] = field(default_factory=list)  # (name, reference)
    country_id: int | None = None  # the registry's country, set by the service once resolved
