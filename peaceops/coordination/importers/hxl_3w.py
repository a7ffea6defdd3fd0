"""Any HXL-tagged 3W CSV, read through libhxl (first matching column wins).

Tags read: #org (+acronym, +type), #sector (+code), #activity (title) and #activity+id / #meta+id
(the row's id), #country+code / #country, #adm1+code, #adm1(+name), #adm2+code, #adm2(+name),
#loc(+name) / #loc+code, #date+start / #date+end, #status, #targeted, #reached,
#value+budget / #value, #currency, #org+funder / #org+donor. Disaggregated counts use HXL's
attributes: #reached+f+children, #targeted+m+adults... (sex: +f/+female, +m/+male; age:
+children, +adolescents, +adults, +elderly, or an +age12_17 style range).

Without an id column each row is keyed on its organisation, sector, place, activity and dates
(KeyMaker), so a re-import updates the same rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from peaceops.coordination.importers.base import (
    ActivityRow,
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
from peaceops.core import hxl_input

DATASET = "hxl-3w"
SEXES = {"f": "female", "female": "female", "m": "male", "male": "male"}
AGES = {"children", "adolescents", "adults", "elderly", "infants"}
STATUS = {"planned": "planned", "planifie": "planned", "pipeline": "planned", "ongoing": "ongoing",
          "en cours": "ongoing", "active": "ongoing", "completed": "completed", "complete": "completed",
          "termine": "completed", "cloture": "completed", "closed": "completed", "suspended": "suspended",
          "suspendu": "suspended"}


def parse(path, today=None, *, country: str = "") -> Iterator[ActivityRow | LineError]:
    source = hxl_input.open_hxl(path)
    columns = source.columns
    index = _column_index(columns)
    hxl_input.require_tags(path, index, ("#org", "#sector"), what=": not a 3W file")
    counts = _count_columns(columns)
    key = KeyMaker()
    dataset = f"{DATASET}:{Path(path).stem}"[:40]  # rows are keyed within their file
    for line, record, values in hxl_input.rows(path, source, index):
        if not any(text(v) for v in values):
            continue
        try:
            yield _build(record, counts, values, line, key, country, dataset)
        except RowProblem as problem:
            yield LineError(line, problem.field, problem.message)


def _column_index(columns) -> dict[str, int | None]:
    def first(*patterns, unless=frozenset()) -> int | None:
        return hxl_input.first_column(columns, *patterns, unless=unless)

    return {
        "#org": first("#org+name", "#org", unless={"code", "type", "acronym", "funder", "donor", "impl", "partner"}),
        "#org+acronym": first("#org+acronym", "#org+code"),
        "#org+type": first("#org+type"),
        "#sector": first("#sector+name", "#sector", unless={"code"}),
        "#sector+code": first("#sector+code"),
        "#activity": first("#activity+name", "#activity+title", "#activity", unless={"id", "code"}),
        "id": first("#activity+id", "#meta+id", "#activity+code"),
        "#country+code": first("#country+code"),
        "#country": first("#country+name", "#country", unless={"code"}),
        "#adm1+code": first("#adm1+code"),
        "#adm1": first("#adm1+name", "#adm1", unless={"code"}),
        "#adm2+code": first("#adm2+code"),
        "#adm2": first("#adm2+name", "#adm2", unless={"code"}),
        "#loc": first("#loc+name", "#loc", unless={"code"}),
        "#loc+code": first("#loc+code"),
        "#date+start": first("#date+start"),
        "#date+end": first("#date+end"),
        "#status": first("#status"),
        "#value+budget": first("#value+budget", "#value", unless={"usd"}),
        "#value+usd": first("#value+usd"),
        "#currency": first("#currency"),
        "#org+funder": first("#org+funder", "#org+donor"),
    }


def _count_columns(columns) -> list[tuple[int, str, str, str]]:
    """(index, measure, sex, age) of every #targeted / #reached column; the plain total has sex = age = ''."""
    found = []
    for i, column in enumerate(columns):
        tag = (column.tag or "").lstrip("#")
        if tag not in ("targeted", "reached"):
            continue
        attributes = set(column.attributes)
        sex = next((SEXES[a] for a in attributes if a in SEXES), "")
        age = next((a for a in attributes if a in AGES or re.fullmatch(r"age\d+(_\d+|plus)?", a)), "")
        found.append((i, tag, sex, age))
    return found


def _counts(counts, values, line) -> tuple[int | None, int | None, dict]:
    totals: dict[str, int | None] = {"targeted": None, "reached": None}
    disaggregation: dict = {}
    for i, measure, sex, age in counts:
        value = optional_count(values[i] if i < len(values) else None, f"#{measure}")
        if value is None:
            continue
        if not sex and not age:
            if totals[measure] is None:
                totals[measure] = value
        else:
            disaggregation.setdefault(measure, {}).setdefault(sex or "all", {})[age or "all"] = value
    return totals["targeted"], totals["reached"], disaggregation


def _build(r: dict, counts, values, line: int, key: KeyMaker, country: str, dataset: str) -> ActivityRow:
    start = optional_date(r["#date+start"], "#date+start")
    end = optional_date(r["#date+end"], "#date+end")
    check_period(start, end, "#date+end")
    organisation = text(r["#org"]) or text(r["#org+acronym"])
    if not organisation:
        raise RowProblem("#org", "no organisation named")
    sector = text(r["#sector"]) or text(r["#sector+code"])
    targeted, reached, disaggregation = _counts(counts, values, line)
    usd = optional_amount(r["#value+usd"], "#value+usd")
    budget = optional_amount(r["#value+budget"], "#value")
    currency = text(r["#currency"]).upper()
    if budget is None and usd is not None:
        budget, currency = usd, "USD"
    if budget is not None and not currency:
        raise RowProblem("#currency", "a budget is given without its currency (tag #currency or #value+usd)")
    status_text = text(r["#status"])
    place = (r["#adm1+code"], r["#adm1"], r["#adm2+code"], r["#adm2"], r["#loc"], r["#loc+code"])
    given_id = text(r["id"])
    if given_id:  # an activity's id repeats on each of its places: keyed on the id and the place
        external_id = "id:" + given_id + ":" + key(given_id, *place)
    else:
        external_id = key(organisation, sector, r["#country+code"], r["#country"], *place, r["#activity"], start, end)
    kind = "project" if text(r["#activity"]) or start else "operational_presence"
    return ActivityRow(
        dataset=dataset, external_id=external_id, line=line, kind=kind,
        organisation_name=text(r["#org"]), organisation_acronym=text(r["#org+acronym"]),
        organisation_type=organisation_type(r["#org+type"]),
        sector=sector, sector_field="#sector", title=text(r["#activity"]),
        country=text(r["#country+code"]) or text(r["#country"]) or country,
        admin1_name=text(r["#adm1"]), admin1_pcode=text(r["#adm1+code"]),
        admin2_name=text(r["#adm2"]), admin2_pcode=text(r["#adm2+code"]),
        admin1_field="#adm1+code", admin2_field="#adm2+code",
        location=text(r["#loc"]), location_pcode=text(r["#loc+code"]),
        start_date=start, end_date=end, status=STATUS.get(normalise(status_text), ""), status_source=status_text,
        beneficiaries_targeted=targeted, beneficiaries_reached=reached, disaggregation=disaggregation,
        budget=budget, currency=currency if budget is not None else "", currency_field="#currency",
        donor=text(r["#org+funder"]),
    )
