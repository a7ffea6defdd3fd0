"""The UCDP CSV fast path builds exactly the rows the full checks build, and leaves odd rows to them."""

import csv
import datetime as dt
import json

import pytest

from peaceops.incidents.imports.formats import ucdp
from peaceops.incidents.imports.formats.base import LineError

pytestmark = pytest.mark.realdata

TODAY = dt.date(2026, 1, 1)


@pytest.fixture
def ucdp_rows(shared_data):
    """The real CAR events in UCDP's CSV layout (the GeoJSON's properties plus latitude and longitude)."""
    features = json.loads((shared_data / "ucdp" / "ged231_caf.geojson").read_text())["features"]
    header = list(features[0]["properties"]) + ["latitude", "longitude"]
    rows = [[("" if v is None else str(v)) for v in f["properties"].values()]
            + [str(f["geometry"]["coordinates"][1]), str(f["geometry"]["coordinates"][0])] for f in features]
    return header, rows


def test_fast_path_equals_the_full_checks_on_every_real_row(ucdp_rows):
    header, rows = ucdp_rows
    fast = ucdp._FastCsvRow(header, TODAY)
    taken = 0
    for line, values in enumerate(rows, start=2):
        quick = fast.build(values, line)
        full = ucdp._row(ucdp._as_record(header, values), line, TODAY)
        if quick is not None:
            assert quick == full, line
            taken += 1
    assert taken > len(rows) * 0.9  # the fast path is the common case, or it would not be worth having


def test_odd_rows_fall_back_to_the_full_checks_and_their_messages(ucdp_rows, tmp_path):
    header, rows = ucdp_rows
    bad = list(rows[0])
    bad[header.index("deaths_a")] = "-3"
    path = tmp_path / "ged.csv"
    with open(path, "w", newline="") as handle:
        csv.writer(handle).writerows([header, bad, rows[1]])
    results = list(ucdp.parse_csv(path, TODAY))
    assert isinstance(results[0], LineError) and results[0].field == "deaths_a" and results[0].line == 2
    assert not isinstance(results[1], LineError)
