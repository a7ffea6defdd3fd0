"""Alerts replayed on the real files: UCDP GED for the CAR and ACLED Africa January-May 2016.

Imported with the incident log's importer (docs/incidents-import.md), then replayed at several
as-of dates. Known events of the CAR crisis must be flagged: Seleka taking Bangui (24 March
2013) and the anti-balaka attack on Bangui and its aftermath (December 2013).
"""

import datetime as dt
import io
import json

import numpy as np
import pytest
from django.core.management import call_command

from peaceops.accounts.access import SYSTEM
from peaceops.analysis import early_warning as ew
from peaceops.analysis.incident_frame import FrameScope, alert_frame, load_incident_frame
from peaceops.analysis.trends import hotspots, prio_grid_gid
from peaceops.incidents.imports.services import events_import

UCDP = "ucdp/ged231_caf.geojson"
ACLED = "acled/acled_africa_2016-01-01_2016-05-28.csv"
REPLAY = [dt.date(2013, 4, 1), dt.date(2013, 12, 31), dt.date(2014, 6, 30), dt.date(2016, 3, 1),
          dt.date(2016, 5, 28)]


@pytest.fixture
def imported(db, shared_data):
    ucdp = events_import(shared_data / UCDP, "ucdp-ged", user=SYSTEM)
    acled = events_import(shared_data / ACLED, "acled", skip_bad=True, user=SYSTEM)
    assert not ucdp.errors and ucdp.created > 1800
    assert acled.created > 6700 and len(acled.errors) < 10
    return shared_data


def alerts_at(day, **scope):
    frame = alert_frame(SYSTEM, FrameScope(as_of=day, **scope))
    return frame, ew.compute_alerts(frame, day)


@pytest.mark.django_db
def test_replay_never_cites_what_was_not_yet_reported(imported):
    whole = load_incident_frame(SYSTEM)
    report_date = dict(zip(whole.id.tolist(), whole.report_date.tolist(), strict=True))
    for day in REPLAY:
        frame, alerts = alerts_at(day)
        assert alerts, day
        evidence = [e for a in alerts for e in a.evidence_ids]
        assert all(report_date[e] <= day for e in evidence), day
        # the SQL as-of cut and the pure one agree
        assert ew.compute_alerts(whole.known_at(day), day) == alerts
        assert [a.score for a in alerts] == sorted((a.score for a in alerts), reverse=True)


@pytest.mark.django_db
def test_known_car_crises_are_flagged(imported):
    _, april_2013 = alerts_at(dt.date(2013, 4, 1), countries=("CAF",))
    seleka = [a for a in april_2013 if a.kind == "new_actor" and a.admin1 == "Bangui province"
              and a.detail["actor"] == "Seleka"]
    assert seleka and seleka[0].since == dt.date(2013, 3, 24)  # Seleka took Bangui on 24 March 2013

    _, december_2013 = alerts_at(dt.date(2013, 12, 31), countries=("CAF",))
    surges = {a.admin1: a for a in december_2013 if a.kind == "surge"}
    assert "Bangui province" in surges
    assert surges["Bangui province"].detail["recent"] >= 10
    assert surges["Bangui province"].since >= dt.date(2013, 12, 1)
    assert surges["Bangui province"].score == max(a.score for a in december_2013)

    _, calm = alerts_at(dt.date(2012, 6, 30), countries=("CAF",))
    assert not [a for a in calm if a.kind == "surge" and a.admin1 == "Bangui province"]


@pytest.mark.django_db
def test_acled_keeps_its_own_baseline_and_flags_ouham_pende(imported):
    # ACLED's CAR rows start in January 2016 (two back-dated ones aside): no baseline in early February
    _, february = alerts_at(dt.date(2016, 2, 10), countries=("CAF",))
    assert not [a for a in february if a.detail.get("dataset") == "acled"]
    _, may = alerts_at(dt.date(2016, 5, 28), countries=("CAF",))
    surge = [a for a in may if a.kind == "surge" and a.admin1 == "Ouham Pende"]
    assert surge and surge[0].detail["dataset"] == "acled" and surge[0].detail["recent"] >= 10


@pytest.mark.django_db
def test_the_command_on_real_data(imported):
    out = io.StringIO()
    call_command("alerts", "--as-of", "2013-12-31", "--country", "CAF", "--json", stdout=out)
    printed = json.loads(out.getvalue())
    assert printed[0]["kind"] == "surge" and printed[0]["admin1"] == "Bangui province"
    assert {a["country"] for a in printed} == {"CAF"}


@pytest.mark.django_db
def test_our_grid_cells_are_ucdps_priogrid_cells(imported):
    features = json.loads((imported / UCDP).read_text())["features"]
    lon = np.array([f["geometry"]["coordinates"][0] for f in features])
    lat = np.array([f["geometry"]["coordinates"][1] for f in features])
    theirs = np.array([f["properties"]["priogrid_gid"] for f in features])
    assert (prio_grid_gid(lat, lon) == theirs).mean() > 0.999
    found = hotspots(load_incident_frame(SYSTEM, FrameScope(countries=("CAF",))), dt.date(2013, 12, 31),
                     unit="admin1")
    assert any(h.is_hotspot and h.unit == "CAF / Bangui province" for h in found)
