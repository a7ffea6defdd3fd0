"""A record whose text is a spreadsheet formula is exported as text through every incident export route."""

# ruff: noqa: F811 (pytest fixtures imported from log_fixtures are parameters of the tests)

import csv
import io

import pytest

from peaceops.incidents.tests.log_fixtures import client_as, log_world, make_incident  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

PAYLOAD = "=cmd|' /C calc'!A0"


@pytest.fixture
def formula_incident(log_world):
    return make_incident(log_world.minurcat, 0, country=log_world.chad, lat=-4.5, lon=20.1,
                         description=PAYLOAD, location="+Goz Beida", admin1="@Ouaddai", deaths_best=3)


def exported_row(response, incident) -> dict:
    assert response.status_code == 200, response
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["description"] == "#description"  # the HXL hashtag row is intact
    return next(row for row in rows[1:] if row["id"] == str(incident.pk))


@pytest.mark.parametrize("url", ["/incidents/export.csv", "/api/v1/incidents/export/", "/api/v1/incidents/export.csv"])
def test_formula_text_is_neutralised_in_every_csv_export(log_world, formula_incident, client_as, api_as, url):
    user = log_world.users["minurcat"]
    client = api_as(user) if url.startswith("/api/") else client_as(user)
    row = exported_row(client.get(url), formula_incident)
    assert row["description"] == "'" + PAYLOAD
    assert row["location"] == "'+Goz Beida" and row["admin1"] == "'@Ouaddai"
    # numbers (a negative latitude included) are written as numbers, untouched
    assert row["latitude"] == "-4.5" and row["deaths_best"] == "3"


@pytest.mark.parametrize("url", ["/incidents/export.xlsx", "/api/v1/incidents/export.xlsx"])
def test_formula_text_is_text_in_the_xlsx_export(log_world, formula_incident, client_as, api_as, url):
    from openpyxl import load_workbook

    user = log_world.users["minurcat"]
    response = (api_as(user) if url.startswith("/api/") else client_as(user)).get(url)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)))["incidents"]
    header = [cell.value for cell in sheet[2]]
    row = next(row for row in sheet.iter_rows(min_row=4) if row[0].value == formula_incident.pk)
    cells = {name: row[header.index(name)] for name in ("description", "location", "admin1", "latitude")}
    # openpyxl stores a string that begins with "=" as a formula (data type "f"): each must be plain text
    assert [cells[name].data_type for name in ("description", "location", "admin1")] == ["s", "s", "s"]
    assert cells["description"].value == "'" + PAYLOAD
    assert (cells["location"].value, cells["admin1"].value) == ("'+Goz Beida", "'@Ouaddai")
    assert cells["latitude"].value == -4.5  # a number stays a number
