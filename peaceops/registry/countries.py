"""The one country resolver of every import: ISO 3166 code, Gleditsch-Ward number or a name.

Event datasets (UCDP, ACLED, HXL) and 3W files name countries in every way: ISO alpha-3 or
alpha-2 codes, Gleditsch & Ward (1999) state numbers (UCDP's ``country_id``, ACLED's ``GWNO``),
English and French names, the datasets' own spellings ("DR Congo", "Russia (Soviet Union)",
"Mali Situation"). pycountry (the maintained copy of ISO 3166, DESIGN.md) knows the codes and
official names; the tables below hold only what it does not.

:func:`iso3_for_name` and the tables need no database; :class:`CountryResolver` maps the result to the
registry's countries (loading ISO 3166 into an empty registry first) and keeps each country's
bounding box, which the event import uses to catch swapped coordinates.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pycountry
import shapely.errors
import shapely.geometry

from peaceops.registry.models import Country
from peaceops.registry.services import countries_load

# Gleditsch-Ward numbers of the independent states of the current system, as ISO alpha-3 (states
# that no longer exist, e.g. 265 GDR or 680 South Yemen, are left out: their events carry a name).
GW_TO_ISO3 = {
    2: "USA", 20: "CAN", 31: "BHS", 40: "CUB", 41: "HTI", 42: "DOM", 51: "JAM", 52: "TTO", 53: "BRB",
    70: "MEX", 80: "BLZ", 90: "GTM", 91: "HND", 92: "SLV", 93: "NIC", 94: "CRI", 95: "PAN", 100: "COL",
    101: "VEN", 110: "GUY", 115: "SUR", 130: "ECU", 135: "PER", 140: "BRA", 145: "BOL", 150: "PRY",
    155: "CHL", 160: "ARG", 165: "URY", 200: "GBR", 205: "IRL", 210: "NLD", 211: "BEL", 212: "LUX",
    220: "FRA", 225: "CHE", 230: "ESP", 235: "PRT", 260: "DEU", 290: "POL", 305: "AUT", 310: "HUN",
    316: "CZE", 317: "SVK", 325: "ITA", 339: "ALB", 340: "SRB", 341: "MNE", 343: "MKD", 344: "HRV",
    345: "SRB", 346: "BIH", 347: "XKX", 349: "SVN", 350: "GRC", 352: "CYP", 355: "BGR", 359: "MDA",
    360: "ROU", 365: "RUS", 366: "EST", 367: "LVA", 368: "LTU", 369: "UKR", 370: "BLR", 371: "ARM",
    372: "GEO", 373: "AZE", 375: "FIN", 380: "SWE", 385: "NOR", 390: "DNK", 395: "ISL",
    402: "CPV", 404: "GNB", 411: "GNQ", 420: "GMB", 432: "MLI", 433: "SEN", 434: "BEN", 435: "MRT",
    436: "NER", 437: "CIV", 438: "GIN", 439: "BFA", 450: "LBR", 451: "SLE", 452: "GHA", 461: "TGO",
    471: "CMR", 475: "NGA", 481: "GAB", 482: "CAF", 483: "TCD", 484: "COG", 490: "COD", 500: "UGA",
    501: "KEN", 510: "TZA", 516: "BDI", 517: "RWA", 520: "SOM", 522: "DJI", 530: "ETH", 531: "ERI",
    540: "AGO", 541: "MOZ", 551: "ZMB", 552: "ZWE", 553: "MWI", 560: "ZAF", 565: "NAM", 570: "LSO",
    571: "BWA", 572: "SWZ", 580: "MDG", 581: "COM", 590: "MUS", 600: "MAR", 615: "DZA", 616: "TUN",
    620: "LBY", 625: "SDN", 626: "SSD", 630: "IRN", 640: "TUR", 645: "IRQ", 651: "EGY", 652: "SYR",
    660: "LBN", 663: "JOR", 666: "ISR", 670: "SAU", 678: "YEM", 679: "YEM", 690: "KWT", 692: "BHR",
    694: "QAT", 696: "ARE", 698: "OMN", 700: "AFG", 701: "TKM", 702: "TJK", 703: "KGZ", 704: "UZB",
    705: "KAZ", 710: "CHN", 712: "MNG", 713: "TWN", 731: "PRK", 732: "KOR", 740: "JPN", 750: "IND",
    760: "BTN", 770: "PAK", 771: "BGD", 775: "MMR", 780: "LKA", 781: "MDV", 790: "NPL", 800: "THA",
    811: "KHM", 812: "LAO", 816: "VNM", 820: "MYS", 830: "SGP", 835: "BRN", 840: "PHL", 850: "IDN",
    860: "TLS", 900: "AUS", 910: "PNG", 920: "NZL", 940: "SLB", 950: "FJI",
}

# Names the datasets use that ISO 3166 does not know (keys as :func:`normalise` writes them):
# UCDP's historical names, ACLED's and OCHA's short forms, French names of the region's countries.
ALIASES = {
    "ivory coast": "CIV", "cote d ivoire": "CIV",
    "democratic republic of congo": "COD", "democratic republic of the congo": "COD", "dr congo": "COD",
    "drc": "COD", "rdc": "COD", "republique democratique du congo": "COD",
    "republic of congo": "COG", "congo": "COG", "congo brazzaville": "COG", "congo brazaville": "COG",
    "swaziland": "SWZ", "cape verde": "CPV", "gambia": "GMB",
    "opt": "PSE", "occupied palestinian territory": "PSE", "palestine": "PSE",
    "kosovo": "XKX", "myanmar burma": "MMR", "russia soviet union": "RUS", "yemen north yemen": "YEM",
    "serbia yugoslavia": "SRB", "cambodia kampuchea": "KHM", "zimbabwe rhodesia": "ZWE",
    "madagascar malagasy": "MDG", "bosnia herzegovina": "BIH", "turkey": "TUR",
    "car": "CAF", "rca": "CAF", "republique centrafricaine": "CAF", "tchad": "TCD",
    "thailand myanmar": "THA",
}


def normalise(name: str) -> str:
    """Lower case, no accents, punctuation and runs of spaces folded to one space."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[^a-z0-9]+", " ", plain.replace("&", " and ")).strip()


@cache
def _iso_names() -> dict[str, str]:
    """ISO 3166 names (short, common, official), normalised, to alpha-3."""
    names = {}
    for entry in pycountry.countries:
        for name in (entry.name, getattr(entry, "common_name", ""), getattr(entry, "official_name", "")):
            if name:
                names.setdefault(normalise(name), entry.alpha_3)
    return names


def iso3_for_name(name: str, *, guess: bool = False) -> str | None:
    """The ISO alpha-3 code a country name or code stands for, or None.

    Exact first: an alias, an ISO name, an ISO alpha-2/alpha-3/numeric code. ``guess`` then tries
    pycountry's fuzzy search on names longer than three letters (a short unknown code would be
    guessed wrong: fuzzy search maps "OPT" to Mali).
    """
    key = normalise(name).removesuffix(" situation")  # UNHCR's "Mali Situation"
    if not key:
        return None
    found = ALIASES.get(key) or _iso_names().get(key)
    if found:
        return found
    try:
        return pycountry.countries.lookup(name.strip()).alpha_3
    except LookupError:
        pass
    if not guess or len(key) <= 3:
        return None
    try:
        matches = pycountry.countries.search_fuzzy(key)
    except LookupError:
        return None
    return matches[0].alpha_3 if matches else None


class CountryResolver:
    """The registry's country ids by ISO alpha-3, Gleditsch-Ward number or name (each name looked up once)."""

    def __init__(self, *, guess: bool = False, with_bounds: bool = False):
        if not Country.objects.exists():
            countries_load()
        self.guess = guess
        self.by_iso3: dict[str, int] = {}
        self.iso2: dict[int, str] = {}
        self.by_name: dict[str, int | None] = {}
        self.bounds: dict[int, tuple[float, float, float, float]] = {}
        fields = ("pk", "iso3", "iso2", "geometry") if with_bounds else ("pk", "iso3", "iso2")
        for pk, iso3, iso2, *geometry in Country.objects.values_list(*fields):
            self.by_iso3[iso3] = pk
            self.iso2[pk] = iso2
            if geometry and geometry[0]:
                box = bounds(geometry[0])
                if box:
                    self.bounds[pk] = box

    def resolve(self, *, iso3: str = "", gw: int | None = None, name: str = "") -> int | None:
        """The first of the code, the Gleditsch-Ward number and the name that names a known country."""
        if iso3 and iso3.strip().upper() in self.by_iso3:
            return self.by_iso3[iso3.strip().upper()]
        if gw is not None and GW_TO_ISO3.get(gw) in self.by_iso3:
            return self.by_iso3[GW_TO_ISO3[gw]]
        return self.named(name) if name and name.strip() else None

    def named(self, name: str) -> int | None:
        key = name.strip().casefold()
        if key not in self.by_name:
            iso3 = iso3_for_name(name, guess=self.guess)
            self.by_name[key] = self.by_iso3.get(iso3) if iso3 else None
        return self.by_name[key]


def bounds(geometry: dict) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) of a GeoJSON geometry, Feature or GeometryCollection (shapely)."""
    shapes = geometry.get("geometries") or [geometry.get("geometry", geometry)]
    try:
        boxes = [shapely.geometry.shape(shape).bounds for shape in shapes if shape and shape.get("coordinates")]
    except (ValueError, TypeError, AttributeError, shapely.errors.GEOSException):
        return None
    boxes = [box for box in boxes if box and all(v == v for v in box)]  # an empty shape's bounds are NaN
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
