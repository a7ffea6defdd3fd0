"""The report's rules and assembly, without a database (peaceops.incidents.sitrep.rules, render's map)."""

import datetime as dt

from peaceops.incidents.sitrep import rules as sitrep_rules
from peaceops.incidents.sitrep.render import map_shapes, map_svg
from peaceops.incidents.taxonomy import Category

D = dt.date(2008, 6, 14)
SCOPE = sitrep_rules.Scope("mission", "MINURCAT", (1,), ("MINURCAT",))


def row(ident, category="armed_clash", admin1="Ouaddai", country_id=7, deaths=0, abducted=0, **extra):
    return {"id": ident, "start_date": D, "end_date": D, "category": category, "admin1": admin1,
            "country_id": country_id, "location": "", "latitude": extra.get("lat"), "longitude": extra.get("lon"),
            "deaths_best": deaths, "abducted": abducted, "status": "draft", "description": extra.get("text", "")}


def test_notable_category_codes_are_taxonomy_codes():
    for code in (sitrep_rules.ATTACK_ON_UN_OR_HUMANITARIAN, sitrep_rules.ABDUCTION, sitrep_rules.SEXUAL_VIOLENCE):
        assert code in Category.values


def test_notable_rule_each_reason():
    recent = {(7, "Ouaddai")}
    assert sitrep_rules.notable_reasons(row(1, deaths=4), recent) == []
    assert sitrep_rules.notable_reasons(row(1, deaths=5), recent) == ["deaths_best>=5"]
    assert sitrep_rules.notable_reasons(row(1, category="attack_on_un_humanitarian"), recent) == ["attack_on_un_humanitarian"]
    assert sitrep_rules.notable_reasons(row(1, category="abduction"), recent) == ["abduction"]
    assert sitrep_rules.notable_reasons(row(1, abducted=3), recent) == ["abduction"]
    assert sitrep_rules.notable_reasons(row(1, category="sexual_violence"), recent) == ["sexual_violence"]
    # a new area is new per country: the same name in another country was not seen
    assert sitrep_rules.notable_reasons(row(1, country_id=8), recent) == ["first_in_admin1_for_30_days"]
    # an incident without an admin-1 area cannot open a new one
    assert sitrep_rules.notable_reasons(row(1, admin1=""), recent) == []


def test_change_against_a_window():
    assert sitrep_rules.change_against(5, 14, 7) == {"per_day": 2.0, "difference": 3.0, "percent": 150.0}
    assert sitrep_rules.change_against(0, 30, 30) == {"per_day": 1.0, "difference": -1.0, "percent": -100.0}
    # a rise from nothing has no percentage
    assert sitrep_rules.change_against(3, 0, 7) == {"per_day": 0.0, "difference": 3.0, "percent": None}


def test_assemble_sorts_names_and_marks_unknown_area():
    totals = {**sitrep_rules.empty_totals(), "incidents": 3, "best": 6}
    inputs = sitrep_rules.SitrepInputs(
        date=D, scope=SCOPE, day_totals=totals,
        window_totals={7: {"incidents": 7, "deaths": 0}, 30: {"incidents": 0, "deaths": 0}},
        by_category={"protest": {"incidents": 1, "deaths": 0}, "armed_clash": {"incidents": 2, "deaths": 6}},
        by_admin1={"": {"incidents": 1, "deaths": 0}, "Ouaddai": {"incidents": 2, "deaths": 6}},
        day_rows=[row(3, deaths=6), row(4, category="protest", admin1=""), row(2)],
        recent_areas={(7, "Ouaddai")},
    )
    report = sitrep_rules.assemble(inputs)
    assert report["date"] == "2008-06-14"
    assert report["scope"] == {"kind": "mission", "name": "MINURCAT", "missions": ["MINURCAT"]}
    assert list(report["by_category"].items()) == [("armed_clash", 2), ("protest", 1)]
    assert report["by_admin1"] == {"Ouaddai": 2, sitrep_rules.UNKNOWN_AREA: 1}
    assert report["deaths_by_admin1"] == {"Ouaddai": 6, sitrep_rules.UNKNOWN_AREA: 0}
    assert [item["id"] for item in report["notable"]] == [3]
    assert [item["id"] for item in report["items"]] == [3, 2, 4]  # most deaths first, then by id
    assert report["change"]["previous_7_days"]["incidents_per_day"] == {"per_day": 1.0, "difference": 2.0,
                                                                        "percent": 200.0}
    assert report["change"]["previous_30_days"]["deaths_per_day"]["percent"] is None


def test_map_projects_everything_inside_the_canvas():
    report = {"notable": [{"id": 2}], "items": [row(1, lat=13.0, lon=20.0), row(2, lat=14.5, lon=22.0, deaths=9),
                                                row(3)]}
    outline = {"geometry": {"type": "Polygon", "coordinates": [[[19, 12], [23, 12], [23, 15], [19, 15], [19, 12]]]}}
    shapes = map_shapes(report, [{"name": "Chad", **outline}], width=400, height=300)
    xs = [x for ring in shapes["rings"] for x, _ in ring] + [p["x"] for p in shapes["points"]]
    ys = [y for ring in shapes["rings"] for _, y in ring] + [p["y"] for p in shapes["points"]]
    assert 0 <= min(xs) and max(xs) <= 400 and 0 <= min(ys) and max(ys) <= 300
    assert len(shapes["points"]) == 2  # the incident without coordinates is not drawn
    west, east = shapes["points"]
    assert west["x"] < east["x"] and west["y"] > east["y"]  # north is up
    assert east["notable"] and not west["notable"] and east["radius"] > west["radius"]
    svg = map_svg(shapes)
    assert svg.startswith("<svg") and svg.count("<circle") == 2 and svg.count("<path") == 1


def test_map_of_nothing_is_nothing():
    assert map_shapes({"notable": [], "items": []}, []) is None
    assert map_svg(None) == ""
    # a single point still gets a canvas (no division by a zero span)
    shapes = map_shapes({"notable": [], "items": [row(1, lat=13.0, lon=20.0)]}, [])
    assert shapes["points"][0]["x"] == shapes["width"] / 2


def test_a_dense_outline_is_thinned_to_what_the_canvas_shows():
    """10,000 points on a circle become a few hundred, none off its outline by more than a pixel."""
    import math

    circle = [[20 + 3 * math.cos(2 * math.pi * k / 10_000), 13 + 3 * math.sin(2 * math.pi * k / 10_000)]
              for k in range(10_001)]
    outline = {"geometry": {"type": "Polygon", "coordinates": [circle]}}
    shapes = map_shapes({"notable": [], "items": []}, [outline], width=480, height=320)
    [ring] = shapes["rings"]
    assert 20 < len(ring) < 600
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    centre_x, centre_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half_x, half_y = (max(xs) - min(xs)) / 2, (max(ys) - min(ys)) / 2  # an ellipse: longitudes are shrunk
    for x, y in ring:
        assert abs(math.hypot((x - centre_x) / half_x, (y - centre_y) / half_y) - 1) < 0.01
