"""What every 3W parser yields. Pure module (no Django).

A parser reads one file format and yields, per data row, an :class:`ActivityRow` with the names
and codes exactly as the file gives them, or a :class:`LineError`. Sectors, P-codes, countries
and organisations are resolved by the import service against the registry, which reports the
unknown ones by line with the closest match. Line errors and whole-file errors are the
incident importers' (same report shape as ``import-events``).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from peaceops.coordination.vocabulary import normalise
from peaceops.core.importing import ImportFileError, LineError, RowProblem, text

__all__ = ["ActivityRow", "ImportFileError", "LineError", "RowProblem", "text", "KeyMaker", "ORG_TYPES",
           "organisation_type", "optional_date", "optional_count", "optional_amount"]


@dataclass(slots=True)
class ActivityRow:
    dataset: str
    external_id: str
    line: int
    kind: str = "project"
    organisation_name: str = ""
    organisation_acronym: str = ""
    organisation_type: str = ""  # one of models.Activity.OrganisationType values
    sector: str = ""  # as in the file; resolved by the service
    sector_field: str = "sector"
    title: str = ""
    country: str = ""  # ISO3 or a name
    admin1_name: str = ""
    admin1_pcode: str = ""
    admin2_name: str = ""
    admin2_pcode: str = ""
    location: str = ""
    location_pcode: str = ""
    admin1_field: str = "admin1_pcode"  # the columns that hold the codes, for error messages
    admin2_field: str = "admin2_pcode"
    start_date: date | None = None
    end_date: date | None = None
    status: str = ""
    status_source: str = ""
    beneficiaries_targeted: int | None = None
    beneficiaries_reached: int | None = None
    disaggregation: dict = field(default_factory=dict)
    beneficiary_type: str = ""
    budget: Decimal | None = None
    currency: str = ""
    currency_field: str = "currency"
    funding_source: str = ""
    donor: str = ""
    details: dict = field(default_factory=dict)


# Organisation types as the files spell them (French OCHA lists, HDX HAPI, HXL #org+type).
ORG_TYPES = {
    "ong internationale": "international_ngo", "international ngo": "international_ngo", "ingo": "international_ngo",
    "ong nationale": "national_ngo", "national ngo": "national_ngo", "nngo": "national_ngo",
    "ong": "national_ngo", "ngo": "national_ngo",
    "agence un": "un", "united nations": "un", "un agency": "un", "un": "un", "agence des nations unies": "un",
    "mouvement de la croix rouge": "red_cross", "red cross / red crescent": "red_cross",
    "red cross red crescent": "red_cross", "croix rouge": "red_cross",
    "entite gouvernementale": "government", "government": "government", "gouvernement": "government",
    "donor": "donor", "bailleur": "donor", "private sector": "private", "secteur prive": "private",
    "other": "other", "autre": "other",
}
# Our own values (the export's #org+type column) read back as themselves.
ORG_TYPES.update({value.replace("_", " "): value for value in set(ORG_TYPES.values())})
ORG_TYPES["mission"] = "mission"


def organisation_type(value) -> str:
    """Our organisation type for the file's text; unknown types become "other" (kept in details)."""
    key = normalise(text(value))
    return _ORG_TYPES_NORMALISED.get(key, "other") if key else ""


def _normalised_org_types() -> dict[str, str]:
    return {normalise(name): value for name, value in ORG_TYPES.items()}


_ORG_TYPES_NORMALISED = _normalised_org_types()


def optional_date(value, field_name: str) -> date | None:
    """A cell or text holding a date; blank is None. Excel's 0 (shown as 00:00:00) is not a date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time):
        raise RowProblem(field_name, f"the cell holds a time of day ({value.isoformat()}), not a date")
    raw = text(value)
    if not raw:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d-%m-%Y"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise RowProblem(field_name, f"unreadable date {raw!r}")


def optional_count(value, field_name: str) -> int | None:
    raw = text(value) if not isinstance(value, int | float) else value
    if raw in ("", "-"):
        return None
    try:
        number = float(raw)
    except (TypeError, ValueError):
        raise RowProblem(field_name, f"not a number: {value!r}") from None
    if number != int(number) or number < 0:
        raise RowProblem(field_name, f"not a count of people: {value!r}")
    return int(number)


def optional_amount(value, field_name: str) -> Decimal | None:
    """An amount of money; blank or "-" (a common Excel filler) is None."""
    if isinstance(value, int | float):
        amount = Decimal(str(value))
    else:
        raw = text(value).replace("\u00a0", "").replace(" ", "").replace(",", "")
        if raw in ("", "-"):
            return None
        try:
            amount = Decimal(raw)
        except InvalidOperation:
            raise RowProblem(field_name, f"not an amount: {value!r}") from None
    if amount < 0:
        raise RowProblem(field_name, f"negative amount: {value!r}")
    return amount.quantize(Decimal("0.01"))


def check_period(start: date | None, end: date | None, end_field: str) -> None:
    if start and end and end < start:
        raise RowProblem(end_field, f"end {end.isoformat()} is before start {start.isoformat()}")


class KeyMaker:
    """Stable ids for files without a row id: a digest of the row's identifying values.

    Rows that repeat the same values get ``#2``, ``#3``... in file order, so a re-import of the
    same file finds every row again and a changed count or budget updates its row.
    """

    def __init__(self):
        self.seen: Counter[str] = Counter()

    def __call__(self, *values) -> str:
        digest = hashlib.sha1("\x1f".join(text(v) for v in values).encode()).hexdigest()[:24]
        self.seen[digest] += 1
        n = self.seen[digest]
        return digest if n == 1 else f"{digest}#{n}"
