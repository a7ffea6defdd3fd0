"""OCHA country-office 3W workbooks (French headers), told apart by their sheets.

Two layouts are known (docs/coordination.md shows their columns):

- Chad (OCHA Tchad SharePoint lists): sheet "3W Opérationnelle" (one row per organisation,
  province and cluster, an HXL tag row under the header, the list item's ``ID``; the ``Title``
  column holds the province P-code) and sheet "3W Physique" (one row per office: province,
  département, localité, organisation acronym; no id, blank separator rows);
- DRC (OCHA RDC): sheet "Data", one row per project and health zone, headers with line breaks
  ("DATE DEBUT", "CLUSTER\\n(Choisir dans la liste déroulante)..."), P-codes of province,
  territoire and zone de santé. Its BUDGET column has no currency: OCHA RDC collects budgets
  in US dollars, so they are imported as USD.

Lines are the worksheet's row numbers, as Excel shows them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from peaceops.coordination.importers.base import (
    ActivityRow,
    ImportFileError,
    KeyMaker,
    LineError,
    RowProblem,
    check_period,
    optional_amount,
    optional_count,
    optional_date,
    organisation_type,
    text,
)
from peaceops.coordination.vocabulary import normalise
from peaceops.core.workbooks import WorkbookRefused, open_workbook

CHAD_OPERATIONAL = "3W Opérationnelle"
CHAD_PHYSICAL = "3W Physique"
DRC_SHEET = "Data"
DRC_CURRENCY = "USD"

# The DRC project states (ETAT PROJET) mapped to our statuses.
DRC_STATUS = {
    "en cours": "ongoing", "mise en oeuvre rapportage": "ongoing", "deboursement": "ongoing",
    "cloture": "completed", "sous rapportage final": "completed",
    "autorisation de la convention de subvention par eo": "planned",
}


def parse(path, today=None, *, country: str = "") -> Iterator[ActivityRow | LineError]:
    try:
        workbook = open_workbook(path)  # size limits before openpyxl reads anything (zip bombs)
    except WorkbookRefused as refused:
        raise ImportFileError(path, str(refused)) from None
    except Exception as error:  # zipfile.BadZipFile, InvalidFileException, KeyError...
        raise ImportFileError(path, f"not an Excel workbook ({type(error).__name__}: {error})") from None
    try:
        sheets = workbook.sheetnames
        if CHAD_OPERATIONAL in sheets:
            yield from _chad_operational(path, workbook[CHAD_OPERATIONAL], country or "TCD")
            if CHAD_PHYSICAL in sheets:
                yield from _chad_physical(path, workbook[CHAD_PHYSICAL], country or "TCD")
        elif DRC_SHEET in sheets:
            yield from _drc(path, workbook[DRC_SHEET], country or "COD")
        else:
            raise ImportFileError(path, f"no known 3W sheet (expected {CHAD_OPERATIONAL!r} or {DRC_SHEET!r}; "
                                        f"found {', '.join(map(repr, sheets))})", field="sheet")
    finally:
        workbook.close()


def _header_index(path, header_row, required: dict[str, str], sheet: str) -> dict[str, int]:
    """Column index of each field, matching the first line of each header, accents and case ignored."""
    firsts = {normalise(text(cell).split("\n")[0]): i for i, cell in enumerate(header_row) if text(cell)}
    index, missing = {}, []
    for key, header in required.items():
        position = firsts.get(normalise(header))
        if position is None:
            missing.append(header)
        else:
            index[key] = position
    if missing:
        raise ImportFileError(path, f"sheet {sheet!r}: missing column(s) {', '.join(missing)}", line=1,
                              field=missing[0])
    return index


def _cells(row, index: dict[str, int]) -> dict:
    return {key: (row[i] if i < len(row) else None) for key, i in index.items()}


def _chad_operational(path, sheet, country: str):
    columns = {"pcode": "Title", "province": "Province", "department": "Departement", "cluster": "Cluster",
               "acronym": "Acronyme", "organisation": "Organisation", "type": "TypeOrganisation", "id": "ID"}
    rows = sheet.iter_rows(values_only=True)
    index = _header_index(path, next(rows, ()), columns, sheet.title)
    for line, row in enumerate(rows, start=2):
        c = _cells(row, index)
        if not any(text(v) for v in c.values()) or text(c["cluster"]).startswith("#"):
            continue  # blank row, or the HXL tag row under the header
        try:
            item_id = text(c["id"])
            if not item_id:
                raise RowProblem("ID", "the list item has no ID")
            yield ActivityRow(
                dataset="ocha-3w-tcd", external_id=f"operational:{int(float(item_id))}", line=line,
                kind="operational_presence",
                organisation_name=text(c["organisation"]), organisation_acronym=text(c["acronym"]),
                organisation_type=organisation_type(c["type"]),
                sector=text(c["cluster"]), sector_field="Cluster", country=country,
                admin1_name=text(c["province"]), admin1_pcode=text(c["pcode"]), admin1_field="Title",
                admin2_name=text(c["department"]),
                details={"sheet": sheet.title, "organisation_type": text(c["type"])},
            )
        except (RowProblem, ValueError) as problem:
            yield _line_error(line, problem, "ID")


def _chad_physical(path, sheet, country: str):
    columns = {"province": "Provinces", "department": "Departement", "locality": "Localite",
               "acronym": "Organisation", "type": "TypeOrganisation", "pcode": "Title"}
    rows = sheet.iter_rows(values_only=True)
    index = _header_index(path, next(rows, ()), columns, sheet.title)
    key = KeyMaker()
    for line, row in enumerate(rows, start=2):
        c = _cells(row, index)
        if not any(text(v) for v in c.values()):
            continue  # the sheet separates provinces with blank rows
        try:
            if not text(c["acronym"]):
                raise RowProblem("Organisation", "no organisation named")
            yield ActivityRow(
                dataset="ocha-3w-tcd", line=line, kind="physical_presence",
                external_id="physical:" + key(c["pcode"], c["department"], c["locality"], c["acronym"]),
                organisation_acronym=text(c["acronym"]), organisation_type=organisation_type(c["type"]),
                country=country, admin1_name=text(c["province"]), admin1_pcode=text(c["pcode"]), admin1_field="Title",
                admin2_name=text(c["department"]), location=text(c["locality"]),
                details={"sheet": sheet.title, "organisation_type": text(c["type"])},
            )
        except RowProblem as problem:
            yield _line_error(line, problem, "")


DRC_COLUMNS = {
    "project_type": "TYPE PROJET", "domain": "SECTEUR/DOMAINE", "cluster": "CLUSTER",
    "cash": "MODALITE(S) CASH dans le projet", "title": "NOM ACTIVITE / PROJET2",
    "start": "DATE DEBUT", "end": "DATE FIN", "beneficiaries": "NOMBRE BENEFICIAIRES DIRECTS",
    "beneficiary_type": "TYPE DE BENEFICIAIRES", "status": "ETAT PROJET", "funding_source": "SOURCE DE FINANCEMENT",
    "donor": "BAILLEUR", "budget": "BUDGET", "project_id": "ID_Projet", "province": "Province",
    "province_code": "Code Province", "territory": "Territoire", "territory_code": "Code Terrtoire",
    "health_zone": "Zone de sante", "health_zone_code": "Pcode ZS", "organisation": "Nom organization",
    "type": "Type organisation", "acronym": "Acronyme", "actor_id": "ID_Acteur",
}


def _drc(path, sheet, country: str):
    rows = sheet.iter_rows(values_only=True)
    index = _header_index(path, next(rows, ()), DRC_COLUMNS, sheet.title)
    key = KeyMaker()
    for line, row in enumerate(rows, start=2):
        c = _cells(row, index)
        if not any(text(v) for v in c.values()):
            continue
        try:
            yield _drc_row(c, line, country, key)
        except RowProblem as problem:
            yield _line_error(line, problem, "")


def _drc_row(c: dict, line: int, country: str, key: KeyMaker) -> ActivityRow:
    start = optional_date(c["start"], "DATE DEBUT")
    end = optional_date(c["end"], "DATE FIN")
    check_period(start, end, "DATE FIN")
    status_text = text(c["status"])
    budget = optional_amount(c["budget"], "BUDGET")
    if not (text(c["organisation"]) or text(c["acronym"])):
        raise RowProblem("Nom organization", "no organisation named")
    external_id = key(c["project_id"], c["actor_id"], c["health_zone_code"] or c["territory_code"], c["cluster"],
                      c["title"], start, end)
    return ActivityRow(
        dataset="ocha-3w-cod", external_id=external_id, line=line, kind="project",
        organisation_name=text(c["organisation"]), organisation_acronym=text(c["acronym"]),
        organisation_type=organisation_type(c["type"]),
        sector=text(c["cluster"]), sector_field="CLUSTER", title=text(c["title"]), country=country,
        admin1_name=text(c["province"]), admin1_pcode=text(c["province_code"]),
        admin2_name=text(c["territory"]), admin2_pcode=text(c["territory_code"]),
        admin1_field="Code Province", admin2_field="Code Terrtoire",
        location=text(c["health_zone"]), location_pcode=text(c["health_zone_code"]),
        start_date=start, end_date=end,
        status=DRC_STATUS.get(normalise(status_text), ""), status_source=status_text,
        beneficiaries_targeted=optional_count(c["beneficiaries"], "NOMBRE BENEFICIAIRES DIRECTS"),
        beneficiary_type=text(c["beneficiary_type"]),
        budget=budget, currency=DRC_CURRENCY if budget is not None else "",
        funding_source=text(c["funding_source"]), donor=text(c["donor"]),
        details={k: text(c[k]) for k in ("project_type", "domain", "cash", "project_id", "actor_id") if text(c[k])},
    )


def _line_error(line: int, problem, default_field: str) -> LineError:
    if isinstance(problem, RowProblem):
        return LineError(line, problem.field, problem.message)
    return LineError(line, default_field, str(problem))


def is_workbook(path) -> bool:
    return Path(path).suffix.lower() in (".xlsx", ".xlsm")
