"""Exports hold the filtered selection, readable rows only; the CSV carries an HXL hashtag row."""

# ruff: noqa: F811 (pytest fixtures imported from log_fixtures are parameters of the tests)

import csv
import io
import json

import hxl
import pytest

from peaceops.core.classification import Classification
from peaceops.incidents.tests.log_fixtures import HIDDEN_MARKER, client_as, log_world  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def body_of(response) -> str:
    assert response.status_code == 200, response
    return b"".join(response.streaming_content).decode()


def test_csv_has_an_hxl_row_that_libhxl_reads(log_world, client_as):
    text = body_of(client_as(log_world.users["unamid"]).get("/incidents/export.csv"))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][:4] == ["#event+id", "#meta+dataset", "#meta+id", "#date+start"]
    for tag in ("#date+end", "#country+code", "#adm1+name", "#adm2+name", "#geo+lat", "#geo+lon", "#event+type",
                "#affected+killed", "#org+actor+a"):
        assert tag in rows[1]
    dataset = hxl.data(io.BytesIO(text.encode()))  # libhxl finds the hashtag row and reads the columns by tag
    by_tag = {row.get("#event+id"): row for row in dataset}
    hidden = log_world.records["incidents"]["unamid_conf"]
    assert by_tag[str(hidden.id)].get("#affected+killed") == "7"
    assert by_tag[str(hidden.id)].get("#org+actor+b") == "Hidden Brigade"


def test_web_exports_never_hold_hidden_reports(log_world, client_as):
    client = client_as(log_world.users["minurcat"])
    for url in ("/incidents/export.csv", "/incidents/export.geojson"):
        for params in ({}, {"mission": "UNAMID"}, {"category": "attack_on_civilians"},
                       {"actor": log_world.records["actors"]["secret"].id}):
            text = body_of(client.get(url, params))
            assert HIDDEN_MARKER not in text and "Hidden Brigade" not in text


def test_export_is_the_filtered_selection(log_world, client_as):
    client = client_as(log_world.users["minurcat"])
    rows = list(csv.DictReader(io.StringIO(body_of(client.get("/incidents/export.csv", {"category": "abduction"})))))
    assert [row["description"] for row in rows[1:]] == ["Abduction of two drivers"]  # rows[0] is the HXL row


def test_geojson_is_a_feature_collection_of_points(log_world, client_as):
    collection = json.loads(body_of(client_as(log_world.users["minurcat"]).get("/incidents/export.geojson")))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 2
    feature = next(f for f in collection["features"] if f["properties"]["description"] == "Clash near Goz Beida")
    assert feature["geometry"] == {"type": "Point", "coordinates": [20.2, 13.1]}
    assert feature["properties"]["side_a"] == "Janjaweed" and feature["properties"]["sources"] == "UNPOL Abeche (B2)"
    labels = {str(c.label): c.value for c in Classification}
    highest = max(labels[f["properties"]["classification"]] for f in collection["features"])
    assert (collection["classification"], collection["marking"]) == (highest, Classification(highest).label.upper())


def test_geojson_marking_is_the_highest_level_the_reader_may_see(log_world, client_as):
    """The collection is marked with its most classified feature, never with one the reader was not shown."""
    unamid = json.loads(body_of(client_as(log_world.users["unamid"]).get("/incidents/export.geojson")))
    regional = json.loads(body_of(client_as(log_world.users["regional"]).get("/incidents/export.geojson")))
    assert unamid["classification"] > regional["classification"] == 0
    assert regional["marking"] == "UNCLASSIFIED"


def test_link_to_a_hidden_master_is_blank_in_the_export(log_world, client_as):
    inc = log_world.records["incidents"]
    inc["unamid_open"].duplicate_of = inc["unamid_strict"]
    inc["unamid_open"].save()
    text = body_of(client_as(log_world.users["regional"]).get("/incidents/export.csv"))
    rows = list(csv.DictReader(io.StringIO(text)))
    row = next(r for r in rows[1:] if r["id"] == str(inc["unamid_open"].id))
    assert row["duplicate_of"] == ""


def test_anonymous_visitors_get_no_export(log_world, client):
    assert client.get("/incidents/export.csv").status_code == 302  # to the login page


def test_xlsx_holds_the_readable_filtered_rows_and_the_highest_marking(log_world, client_as):
    from openpyxl import load_workbook

    response = client_as(log_world.users["unamid"]).get("/incidents/export.xlsx")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)["incidents"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    hidden = log_world.records["incidents"]["unamid_conf"]
    assert rows[1][:2] == ["id", "dataset"] and rows[2][0] == "#event+id"
    by_id = {row[0]: dict(zip(rows[1], row, strict=True)) for row in rows[3:]}
    assert by_id[hidden.id]["side_b"] == "Hidden Brigade" and by_id[hidden.id]["deaths_best"] == 7
    from peaceops.core.classification import Classification

    levels = {str(c.label): c for c in Classification}
    top = max(levels[row["classification"]] for row in by_id.values())
    assert top > Classification.UNCLASSIFIED and rows[0][0] == str(top.label).upper()  # the document's marking

    client = client_as(log_world.users["minurcat"])
    for params in ({}, {"mission": "UNAMID"}):
        body = b"".join(client.get("/incidents/export.xlsx", params).streaming_content)
        text = [cell for row in load_workbook(io.BytesIO(body), read_only=True)["incidents"].iter_rows(values_only=True)
                for cell in row if isinstance(cell, str)]
        assert not any(HIDDEN_MARKER in cell or "Hidden Brigade" in cell for cell in text)


def test_export_reads_a_fixed_number_of_queries_whatever_the_rows(log_world, client_as):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(log_world.users["unamid"])
    client.get("/incidents/")  # session and access warmed
    with CaptureQueriesContext(connection) as queries:
        body_of(client.get("/incidents/export.csv"))
    # session, user, grants..., then the rows and one query each for actors, sources and missions
    assert len(queries) < 15, [q["sql"][:80] for q in queries]


def test_xlsx_through_the_api(log_world, api_as):
    from openpyxl import load_workbook

    answer = api_as(log_world.users["minurcat"]).get("/api/v1/incidents/export.xlsx", {"category": "abduction"})
    assert answer.status_code == 200 and answer["Content-Disposition"].endswith('.xlsx"')
    rows = list(load_workbook(io.BytesIO(b"".join(answer.streaming_content)), read_only=True)["incidents"]
                .iter_rows(values_only=True))
    assert rows[0][0] == "CONFIDENTIAL" and [row[rows[1].index("description")] for row in rows[3:]] == [
        "Abduction of two drivers"]
    assert api_as(None).get("/api/v1/incidents/export.xlsx").status_code in (401, 403)
