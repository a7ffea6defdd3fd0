"""HDX HAPI "operational presence" CSV: one row per organisation, sector and admin area.

Columns: location_code (ISO3), admin1_code/name, admin2_code/name, admin_level, org_acronym,
org_name, org_type_description, sector_code, sector_name, reference_period_start/end, and HAPI's
own ``warning`` and ``error`` notes. Where HAPI could not map the provider's sector it leaves
the sector empty and writes "Unknown sector <name>" in ``error``; that name is read back and
matched against our vocabulary (it is usually a French cluster name, "Abris et Non vivres").
HAPI lengthens Chad's P-codes (TD14 -> TCD14, its warning "PCode length"); the service
accepts either form.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from peaceops.coordination.importers.base import (
    ActivityRow,
    ImportFileError,
    KeyMaker,
    LineError,
    RowProblem,
    check_period,
    optional_date,
    organisation_type,
    text,
)

REQUIRED = ("location_code", "admin1_code", "admin1_name", "admin2_code", "admin2_name", "org_acronym", "org_name",
            "org_type_description", "sector_code", "sector_name", "reference_period_start", "reference_period_end")
UNKNOWN_SECTOR = re.compile(r"Unknown sector (.+)$")


def parse(path, today=None, *, country: str = "") -> Iterator[ActivityRow | LineError]:
    with open(path, "rb") as binary:
        raw = binary.read()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(path, f"not UTF-8 text: {error.reason}", line=1, field="encoding") from None
    reader = csv.DictReader(io.StringIO(content, newline=""))
    missing = [name for name in REQUIRED if name not in (reader.fieldnames or ())]
    if missing:
        raise ImportFileError(path, f"not an HDX operational-presence file: missing column(s) {', '.join(missing)}",
                              line=1, field=missing[0])
    key = KeyMaker()
    for row in reader:
        line = reader.line_num
        try:
            yield _build(row, line, key, country)
        except RowProblem as problem:
            yield LineError(line, problem.field, problem.message)


def _sector(row: dict) -> tuple[str, str]:
    if text(row.get("sector_code")):
        return text(row["sector_code"]), "sector_code"
    note = UNKNOWN_SECTOR.search(text(row.get("error")))
    if note:
        return note.group(1).strip(), "error"
    raise RowProblem("sector_code", "no sector given")


def _build(row: dict, line: int, key: KeyMaker, country: str) -> ActivityRow:
    start = optional_date(row["reference_period_start"], "reference_period_start")
    end = optional_date(row["reference_period_end"], "reference_period_end")
    check_period(start, end, "reference_period_end")
    sector, sector_field = _sector(row)
    if not (text(row["org_acronym"]) or text(row["org_name"])):
        raise RowProblem("org_name", "no organisation named")
    return ActivityRow(
        dataset="hdx-hapi-operational-presence", line=line, kind="operational_presence",
        external_id=key(row["location_code"], row["admin1_code"], row["admin2_code"], row["org_acronym"],
                        row["org_name"], sector, row["reference_period_start"], row["reference_period_end"],
                        row.get("resource_hdx_id")),
        organisation_name=text(row["org_name"]), organisation_acronym=text(row["org_acronym"]),
        organisation_type=organisation_type(row["org_type_description"]),
        sector=sector, sector_field=sector_field,
        country=text(row["location_code"]) or country,
        admin1_name=text(row["admin1_name"]) or text(row.get("provider_admin1_name")),
        admin1_pcode=text(row["admin1_code"]),
        admin2_name=text(row["admin2_name"]) or text(row.get("provider_admin2_name")),
        admin2_pcode=text(row["admin2_code"]), admin1_field="admin1_code", admin2_field="admin2_code",
        start_date=start, end_date=end,
        details={k: text(row.get(k)) for k in ("dataset_hdx_id", "resource_hdx_id", "warning", "error",
                                                "org_type_description") if text(row.get(k))},
    )
