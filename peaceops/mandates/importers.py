"""Measurements from CSV, XLSX or HXL-tagged CSV files (``peaceops import-measurements``, the upload page).

Columns (header names, case-insensitive) or HXL hashtags (the row under the header, as
peaceops.core.hxl_csv writes them):

==============  ===========================================  =============================================
column          HXL hashtag                                  meaning
==============  ===========================================  =============================================
indicator       #indicator+code / #indicator+id              indicator id (or give --indicator)
period          #date                                        YYYY-MM or YYYY-MM-DD (the month it falls in)
area            #adm1+code, #adm2+code, #adm3+code           the area's P-code (empty: the whole country)
sex             #meta+sex                                    f / m (empty: all)
age             #meta+age                                    age group (empty: all)
value           #indicator+value / #value                    the value (not for ratios)
numerator       #indicator+numerator                         ratios
denominator     #indicator+denominator                       ratios
unit            #indicator+unit / #meta+unit                 must match the indicator's unit when given
==============  ===========================================  =============================================

Every bad line becomes a LineError naming the line and field; the service writes nothing unless every line is
good (or --skip-bad). No Django here except the callers'.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from peaceops.core.importing import ImportFileError, LineError
from peaceops.core.workbooks import WorkbookRefused, open_workbook

COLUMNS = ("indicator", "period", "area", "sex", "age", "value", "numerator", "denominator", "unit")
HXL_TAGS = {
    "#indicator+code": "indicator", "#indicator+id": "indicator", "#date": "period", "#adm1+code": "area",
    "#adm2+code": "area", "#adm3+code": "area", "#meta+sex": "sex", "#meta+age": "age",
    "#indicator+value": "value", "#value": "value", "#indicator+numerator": "numerator",
    "#indicator+denominator": "denominator", "#indicator+unit": "unit", "#meta+unit": "unit",
}
SEXES = {"f": "f", "female": "f", "m": "m", "male": "m", "": ""}


@dataclass
class RawRow:
    line: int
    indicator: int | None
    period: dt.date
    area: str
    sex: str
    age: str
    value: float | None
    numerator: float | None
    denominator: float | None
    unit: str


def _normal_tag(cell: str) -> str:
    parts = cell.strip().lower().replace(" ", "").split("+")
    return "+".join([parts[0], *sorted(parts[1:])]) if parts else ""


def _sorted_tags() -> dict[str, str]:
    return {_normal_tag(tag): column for tag, column in HXL_TAGS.items()}


def read_table(path: Path) -> tuple[list[list], str]:
    """All rows of the file as lists of cells, and its format ("csv" or "xlsx")."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            book = open_workbook(path)  # size limits before openpyxl reads anything (zip bombs)
        except WorkbookRefused as refused:
            raise ImportFileError(path, str(refused), line=1) from None
        except Exception as error:
            raise ImportFileError(path, f"not an XLSX workbook ({type(error).__name__})") from None
        try:
            rows = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
        return rows, "xlsx"
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            return [row for row in csv.reader(handle)], "csv"
    except UnicodeDecodeError as error:
        raise ImportFileError(path, f"not UTF-8 text: {error.reason}", line=1, field="encoding") from None


def header_map(path: Path, rows: list[list]) -> tuple[dict[str, int], int, bool]:
    """(column -> index, first data row index, whether HXL hashtags were used)."""
    if not rows:
        raise ImportFileError(path, "the file is empty", line=1)
    tags = _sorted_tags()
    for index in (0, 1):
        if index < len(rows) and any(str(cell or "").strip().startswith("#") for cell in rows[index]):
            columns = {}
            for position, cell in enumerate(rows[index]):
                column = tags.get(_normal_tag(str(cell or "")))
                if column and column not in columns:
                    columns[column] = position
            return columns, index + 1, True
    header = [str(cell or "").strip().lower() for cell in rows[0]]
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        raise ImportFileError(path, f"unknown column {unknown[0]!r}; expected {', '.join(COLUMNS)}", line=1,
                              field=unknown[0])
    return {name: position for position, name in enumerate(header) if name}, 1, False


def _cell(row: list, columns: dict[str, int], name: str):
    position = columns.get(name)
    if position is None or position >= len(row):
        return None
    value = row[position]
    return value.strip() if isinstance(value, str) else value


def _number(value, field: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(str(value).replace(",", "").strip()) if not isinstance(value, (int, float)) else float(value)
    except ValueError:
        raise ValueError(field, f"{value!r} is not a number") from None


def _period(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date().replace(day=1)
    if isinstance(value, dt.date):
        return value.replace(day=1)
    text = str(value or "").strip()
    for fmt in ("%Y-%m-%d", "%Y-%m", "%d/%m/%Y", "%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().replace(day=1)
        except ValueError:
            continue
    raise ValueError("period", f"{text!r} is not a period (YYYY-MM or YYYY-MM-DD)")


def parse(path, *, indicator_id: int | None = None) -> tuple[list[RawRow], list[LineError], str]:
    """The rows of the file, the lines that could not be read, and the format read."""
    path = Path(path)
    rows, fmt = read_table(path)
    columns, first, hxl = header_map(path, rows)
    fmt = "hxl" if hxl else fmt
    if "period" not in columns:
        raise ImportFileError(path, "no period column (#date in HXL)", line=first, field="period")
    if indicator_id is None and "indicator" not in columns:
        raise ImportFileError(path, "no indicator column: give --indicator", line=first, field="indicator")
    good, bad = [], []
    for number, row in enumerate(rows[first:], start=first + 1):
        if not any(cell not in (None, "") for cell in row):
            continue
        try:
            sex = str(_cell(row, columns, "sex") or "").lower()
            if sex not in SEXES:
                raise ValueError("sex", f"{sex!r} is not f or m")
            column_indicator = _number(_cell(row, columns, "indicator"), "indicator")
            good.append(RawRow(
                line=number, indicator=indicator_id if indicator_id is not None else
                (int(column_indicator) if column_indicator is not None else None),
                period=_period(_cell(row, columns, "period")), area=str(_cell(row, columns, "area") or ""),
                sex=SEXES[sex], age=str(_cell(row, columns, "age") or ""),
                value=_number(_cell(row, columns, "value"), "value"),
                numerator=_number(_cell(row, columns, "numerator"), "numerator"),
                denominator=_number(_cell(row, columns, "denominator"), "denominator"),
                unit=str(_cell(row, columns, "unit") or "")))
            if good[-1].indicator is None:
                raise ValueError("indicator", "no indicator")
        except ValueError as error:
            if good and good[-1].line == number:
                good.pop()
            field, message = error.args if len(error.args) == 2 else ("file", str(error))
            bad.append(LineError(number, field, message))
    return good, bad, fmt
