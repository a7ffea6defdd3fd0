"""The demo missions' areas of responsibility and sectors, built from the admin-1 areas the
package ships (Natural Earth; registry/data/PROVENANCE.md). Pure module (no Django).

Seed 000 app. 1 says where each mission works; the admin-1 units that make up "eastern Chad",
"north-eastern CAR" or "the Darfur states" are public record and named so in each ``source``.
Darfur is given by today's five Natural Earth states, whose union is the three Darfur states of
2009. Sectors are the demo's: MINURCAT's follow its public-record sector headquarters (Iriba,
Farchana/Abéché, Goz Beïda, Birao); UNAMID's follow the Darfur states.
"""

import datetime as dt
from dataclasses import dataclass

DARFUR = ("North Darfur", "Southern Darfur", "Western Darfur", "Central Darfur", "Eastern Darfur")
NORTHERN_SUDAN = ("Blue Nile", "Gedarif", "Gezira", "Kassala", "Khartoum", "North Kordufan", "Northern", "Red Sea",
                  "River Nile", "Sennar", "South Kordufan", "White Nile")
EASTERN_CHAD = ("Ouaddaï", "Wadi Fira", "Sila", "Salamat")
NORTH_EASTERN_CAR = ("Vakaga",)


@dataclass(frozen=True)
class DemoArea:
    mission: str
    name: str
    places: tuple[tuple[str, tuple[str, ...]], ...]  # (country ISO3, admin-1 names); "*" is the whole country
    valid_from: dt.date
    valid_to: dt.date | None
    source: str
    kind: str = "area"
    parent: str = ""  # a sector's area name


AREAS: tuple[DemoArea, ...] = (
    DemoArea("UNAMID", "Darfur", (("SDN", DARFUR),), dt.date(2007, 7, 31), None,
             "seed 000 app. 1 (Darfur; borders with Chad and the CAR); S/RES/1769 (2007); states: public record"),
    DemoArea("UNMIS", "Sudan outside Darfur, the south included", (("SDN", NORTHERN_SUDAN), ("SSD", ("*",))),
             dt.date(2005, 3, 24), None,
             "seed 000 app. 1 (CPA between the Government of Sudan and the SPLM/A); S/RES/1590 (2005); "
             "Darfur left to UNAMID (S/RES/1769); states: public record"),
    DemoArea("MINURCAT", "Eastern Chad and north-eastern CAR", (("TCD", EASTERN_CHAD), ("CAF", NORTH_EASTERN_CAR)),
             dt.date(2007, 9, 25), dt.date(2010, 12, 31),
             "seed 000 app. 1 (refugee camps and key towns of eastern Chad); S/RES/1778 (2007) 'eastern Chad and "
             "the north-eastern Central African Republic'; regions: public record"),
    DemoArea("BONUCA", "Central African Republic", (("CAF", ("*",)),), dt.date(2000, 2, 15), dt.date(2009, 12, 31),
             "seed 000 app. 1 (BINUCA, formerly BONUCA: the CAR)"),
    DemoArea("BINUCA", "Central African Republic", (("CAF", ("*",)),), dt.date(2010, 1, 1), None,
             "seed 000 app. 1 (BINUCA: the country)"),
    DemoArea("MONUC", "Democratic Republic of the Congo", (("COD", ("*",)),), dt.date(1999, 11, 30),
             dt.date(2010, 6, 30), "seed 000 app. 1 (MONUSCO, formerly MONUC: the DRC)"),
    DemoArea("MONUSCO", "Democratic Republic of the Congo", (("COD", ("*",)),), dt.date(2010, 7, 1), None,
             "seed 000 app. 1 (MONUSCO: the DRC)"),
    # Sectors (demo: assumption on public record).
    DemoArea("MINURCAT", "Sector North (Iriba)", (("TCD", ("Wadi Fira",)),), dt.date(2009, 3, 15),
             dt.date(2010, 12, 31),
             "demo: assumption (MINURCAT sector headquarters, public record)", "sector",
             "Eastern Chad and north-eastern CAR"),
    DemoArea("MINURCAT", "Sector Centre (Farchana)", (("TCD", ("Ouaddaï",)),), dt.date(2009, 3, 15),
             dt.date(2010, 12, 31), "demo: assumption (MINURCAT sector headquarters, public record)", "sector",
             "Eastern Chad and north-eastern CAR"),
    DemoArea("MINURCAT", "Sector South (Goz Beïda)", (("TCD", ("Sila", "Salamat")),), dt.date(2009, 3, 15),
             dt.date(2010, 12, 31), "demo: assumption (MINURCAT sector headquarters, public record)", "sector",
             "Eastern Chad and north-eastern CAR"),
    DemoArea("MINURCAT", "Sector Birao", (("CAF", ("Vakaga",)),), dt.date(2009, 3, 15), dt.date(2010, 12, 31),
             "demo: assumption (MINURCAT presence at Birao, public record)", "sector",
             "Eastern Chad and north-eastern CAR"),
    DemoArea("UNAMID", "Sector North (El Fasher)", (("SDN", ("North Darfur",)),), dt.date(2007, 12, 31), None,
             "demo: assumption (UNAMID sectors follow the Darfur states)", "sector", "Darfur"),
    DemoArea("UNAMID", "Sector South (Nyala)", (("SDN", ("Southern Darfur", "Eastern Darfur")),),
             dt.date(2007, 12, 31), None, "demo: assumption (UNAMID sectors follow the Darfur states)", "sector",
             "Darfur"),
    DemoArea("UNAMID", "Sector West (El Geneina)", (("SDN", ("Western Darfur", "Central Darfur")),),
             dt.date(2007, 12, 31), None, "demo: assumption (UNAMID sectors follow the Darfur states)", "sector",
             "Darfur"),
)
