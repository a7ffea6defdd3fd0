"""Mission areas: assigning 1,000,000 incidents to the missions whose area holds them, beside shapely.

The demo's areas of responsibility (peaceops/demo/scenario_areas.py, built from the admin-1 shapes
the package ships) and 1,000,000 random incidents (``--quick``: 200,000) over the region's box,
2004-2011, each with a host country. Timed (medians of alternating runs, same process):

- ``assign``: ``peaceops.incidents.areas.MissionAreas.assign`` from plain Python lists, as the
  importer and the re-assignment call it: dates and coordinates to arrays, one STRtree query of
  the points against the areas (edge tolerance included), the areas' periods and the missions'
  mandate dates, and the host-country fallback for missions without an area on the day;
- baseline ``strtree``: shapely's own point-in-polygon through an STRtree of the same areas
  (``STRtree.query(points, predicate="intersects")``) on coordinate arrays built beforehand: the
  plain way to assign points to polygons, without dates or fallback;
- a second, stronger baseline: shapely's prepared ``contains_xy`` of every point against every
  area (what ``assign`` itself uses per area, after cheaper date and bounding-box masks).

Target: assign within 3x of the STRtree baseline. Pure computation (no database): the database writes of a
re-assignment are the link rows, measured by the import benchmark's bulk insert. Run with
``peaceops bench [--quick] --only mission_areas`` or ``python benchmarks/mission_areas.py``.
"""

import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from peaceops.core.benchmarking import environment  # noqa: E402

NAME = "mission_areas"
TARGET_RATIO = 3.0
SHAPES = Path(__file__).resolve().parents[1] / "peaceops/registry/data/natural_earth_10m_admin1_region.geojson"


def demo_index():
    """The demo's areas as the pure rule sees them: ids for missions and countries, shapes by admin-1 name."""
    import shapely
    from shapely.geometry import mapping, shape

    from peaceops.demo import scenario as sc
    from peaceops.demo import scenario_areas as sa
    from peaceops.incidents.areas import AreaSpan, MissionAreas, MissionSpan

    features = json.loads(SHAPES.read_text(encoding="utf-8"))["features"]
    by_country: dict[str, dict[str, object]] = {}
    for f in features:
        by_country.setdefault(f["properties"]["ISO_A3"], {})[f["properties"]["NAME"]] = shape(f["geometry"])
    countries = {iso3: n for n, iso3 in enumerate(sorted({c for m in sc.MISSIONS for c in m.host_countries}), 1)}
    missions = {m.acronym: n for n, m in enumerate(sc.MISSIONS, 1)}
    spans = [MissionSpan(missions[m.acronym], frozenset(countries[c] for c in m.host_countries), m.start_date,
                         m.end_date) for m in sc.MISSIONS]
    areas = []
    for item in sa.AREAS:
        if item.kind != "area":
            continue
        parts = [geometry for iso3, names in item.places for name, geometry in by_country[iso3].items()
                 if names == ("*",) or name in names]
        areas.append(AreaSpan(missions[item.mission], mapping(shapely.union_all(parts)), item.valid_from,
                              item.valid_to))
    return MissionAreas(spans, areas), list(countries.values()), areas


def incidents(total: int, country_ids: list[int], seed: int = 11):
    import numpy as np

    rng = np.random.default_rng(seed)
    lon = rng.uniform(14.0, 36.0, total)
    lat = rng.uniform(-5.0, 23.0, total)
    start = dt.date(2004, 1, 1).toordinal()
    days = [dt.date.fromordinal(int(d)) for d in rng.integers(start, start + 8 * 365, total)]
    countries = [int(c) for c in rng.choice(country_ids, total)]
    return countries, days, lon.tolist(), lat.tolist()


def measure(quick: bool) -> dict:
    import numpy as np
    import shapely
    from shapely.geometry import shape

    total = 200_000 if quick else 1_000_000
    index, country_ids, areas = demo_index()
    countries, days, lons, lats = incidents(total, country_ids)
    shapes = [shape(a.geometry) for a in areas]
    tree = shapely.STRtree(shapes)
    prepared = [shape(a.geometry) for a in areas]
    shapely.prepare(prepared)
    repeat = 3 if quick else 5
    app, base, raw, pairs, hits = [], [], [], 0, 0
    index.assign(countries[:1000], days[:1000], lons[:1000], lats[:1000])  # warm-up
    for _ in range(repeat):
        started = time.perf_counter()
        pairs = len(index.assign(countries, days, lons, lats))
        app.append(time.perf_counter() - started)
        points = shapely.points(np.asarray(lons), np.asarray(lats))
        started = time.perf_counter()
        hits = len(tree.query(points, predicate="intersects")[0])
        base.append(time.perf_counter() - started)
        x, y = np.asarray(lons), np.asarray(lats)
        started = time.perf_counter()
        sum(int(shapely.contains_xy(area, x, y).sum()) for area in prepared)
        raw.append(time.perf_counter() - started)
    app_s, base_s, raw_s = statistics.median(app), statistics.median(base), statistics.median(raw)
    return {"incidents": total, "areas": len(areas), "pairs": pairs, "baseline_hits": hits,
            "assign_s": round(app_s, 3), "strtree_s": round(base_s, 3), "ratio": round(app_s / base_s, 2),
            "prepared_s": round(raw_s, 3), "ratio_prepared": round(app_s / raw_s, 2)}


def run(quick: bool) -> dict:
    result = {"name": NAME, "quick": quick, "environment": environment(), **measure(quick)}
    result["table"] = table_rows(result)
    return result


def table_rows(result: dict) -> list[dict]:
    scale = f"{result['incidents']:,} incidents, {result['areas']} areas"
    return [
        {"metric": f"assign to mission areas ({scale})", "value": result["assign_s"], "unit": "s", "target": "",
         "met": None},
        {"metric": "shapely STRtree point-in-polygon, same points and areas", "value": result["strtree_s"],
         "unit": "s", "target": "", "met": None},
        {"metric": "assign / STRtree", "value": result["ratio"], "unit": "x", "target": f"<= {TARGET_RATIO}",
         "met": result["ratio"] <= TARGET_RATIO},
        {"metric": "prepared contains_xy per area (no dates, no fallback), same points", "value": result["prepared_s"],
         "unit": "s", "target": "", "met": None},
        {"metric": "assign / prepared contains_xy", "value": result["ratio_prepared"], "unit": "x", "target": "",
         "met": None},
    ]


if __name__ == "__main__":
    print(json.dumps(run("--full" not in sys.argv), indent=1, default=str))
