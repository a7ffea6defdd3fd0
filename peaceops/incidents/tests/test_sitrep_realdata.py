"""The sitrep on real events: UCDP GED 23.1 for the Central African Republic, imported by the import service.

The expected figures are computed from the file itself, so the test checks the whole chain
(file -> import -> store -> report) rather than numbers copied by hand.
"""

import datetime as dt
import json
from collections import Counter

import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.incidents import taxonomy
from peaceops.incidents.imports.services import events_import
from peaceops.incidents.sitrep import rules as sitrep_rules
from peaceops.incidents.sitrep import selectors as sitrep_selectors

DAY = dt.date(2009, 7, 15)  # seven events in CAR, inside MINURCAT's mandate (2007-09-25 .. 2010-12-31)


def events_of(path):
    return [feature["properties"] for feature in json.loads(path.read_text())["features"]]


def starts(event) -> dt.date:
    return dt.date.fromisoformat(event["date_start"][:10])


@pytest.mark.realdata
def test_minurcat_sitrep_of_a_day_of_ucdp_events(world, shared_data):
    path = shared_data / "ucdp" / "ged231_caf.geojson"
    result = events_import(path, "ucdp-ged", today=dt.date(2024, 1, 1), user=SYSTEM)
    assert result.ok and not result.rolled_back
    events = events_of(path)
    of_day = [e for e in events if starts(e) == DAY]
    assert len(of_day) == 7

    for reader in (SYSTEM, world.users["minurcat"]):  # shared, unclassified data: both read it all
        report = sitrep_selectors.sitrep_get(reader, sitrep_selectors.mission_scope(reader, "MINURCAT"), DAY)
        assert report["incidents"] == len(of_day)
        assert report["fatalities"] == {
            name: sum(e[key] for e in of_day) for name, key in (
                ("best", "best"), ("low", "low"), ("high", "high"), ("a", "deaths_a"), ("b", "deaths_b"),
                ("civilians", "deaths_civilians"), ("unknown", "deaths_unknown"))}
        assert report["by_category"] == dict(Counter(taxonomy.from_ucdp(e["type_of_violence"]).value for e in of_day))
        assert report["by_admin1"] == dict(Counter((e["adm_1"] or "").strip() or sitrep_rules.UNKNOWN_AREA for e in of_day))
        for days in sitrep_rules.COMPARISON_WINDOWS:
            window = [e for e in events if DAY - dt.timedelta(days=days) <= starts(e) < DAY]
            figures = report["change"][f"previous_{days}_days"]
            assert (figures["incidents"], figures["deaths"]) == (len(window), sum(e["best"] for e in window))
        heavy = {e["id"] for e in of_day if e["best"] >= sitrep_rules.NOTABLE_DEATHS}
        notable_ids = {item["id"] for item in report["notable"] if "deaths_best>=5" in item["reasons"]}
        assert len(notable_ids) == len(heavy)

    # UNAMID's area is Sudan: none of these events is in its report, and the analyst may not ask for it
    reader = SYSTEM
    assert sitrep_selectors.sitrep_get(reader, sitrep_selectors.mission_scope(reader, "UNAMID"), DAY)["incidents"] == 0
    with pytest.raises(sitrep_selectors.ScopeNotFound):
        sitrep_selectors.mission_scope(world.users["minurcat"], "UNAMID")
