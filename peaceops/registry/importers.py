"""Imports of places: the global P-code gazetteer, OCHA COD-AB GeoParquet and Natural Earth shapes.

Each format has a reader that streams the file and yields :class:`PlaceRow` objects (or
:class:`RowProblem` for a row it cannot read); one writer stores them in chunks. Memory stays
bounded by the chunk size (plus one id per P-code seen, to resolve parents and repeats), and
the whole import runs in one transaction: a bad row aborts it with an error naming the file,
line and field, unless ``skip_bad`` asks to skip and report such rows instead.

Records are keyed on the P-code (admin areas) or the ISO 3166 alpha-3 code (countries), so a
second import of the same file updates in place and never duplicates.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import struct
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import shapely
from django.db import transaction
from shapely.geometry import MultiPolygon, Point, Polygon, shape

from peaceops.accounts.access import require
from peaceops.accounts.roles import Action
from peaceops.registry import services
from peaceops.registry.models import AdminArea, Country

FORMATS = ("gazetteer", "cod-ab", "natural-earth", "natural-earth-geojson")
CHUNK_SIZE = 2000
PARQUET_BATCH_ROWS = 256  # COD-AB rows carry whole polygons: keep batches small

# Shapes are for orientation maps, not surveying: simplify to 1/500 of a shape's extent,
# capped at 0.01 degree (about 1 km), and keep 5 decimals (about 1 m).
SIMPLIFY_FRACTION = 1 / 500
SIMPLIFY_MAX_DEGREES = 0.01
COORDINATE_DECIMALS = 5


# --------------------------------------------------------------------------- results and errors


@dataclass
class RowProblem:
    """Why one row of a file cannot be stored."""

    line: int
    field: str
    message: str


class FileProblem(RowProblem):
    """A fault of the whole file (a missing column): never skippable."""


class OmittedRow(RowProblem):
    """A row the source itself marks as out of scope (no ISO code): always skipped and reported."""


class PlaceImportError(ValueError):
    """A bad file or row; the message names the file, the line and the field."""

    def __init__(self, file: str, problem: RowProblem):
        self.file, self.problem = file, problem
        super().__init__(f"{file}, line {problem.line}, field {problem.field!r}: {problem.message}")


@dataclass
class ImportReport:
    read: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RowProblem] = field(default_factory=list)
    dry_run: bool = False

    def as_dict(self) -> dict:
        return {
            "read": self.read, "created": self.created, "updated": self.updated, "skipped": self.skipped,
            "errors": [asdict(problem) for problem in sorted(self.errors, key=lambda p: p.line)],
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False)


@dataclass
class PlaceRow:
    """One place as read from a file; ``None`` means "the file does not say" (left unchanged)."""

    line: int
    country_iso3: str
    level: int  # 0 = the country itself
    pcode: str = ""
    name: str = ""
    parent_pcode: str | None = None
    geometry: dict | None = None
    centroid: tuple[float, float] | None = None  # (lat, lon)
    valid_on: dt.date | None = None
    fields: dict[str, str] = field(default_factory=dict)  # our attribute -> the file's column, for errors


# --------------------------------------------------------------------------- geometry helpers (pure)


def simplified_geojson(geometry) -> dict | None:
    """A small GeoJSON dict for a shapely geometry (simplified, rounded), or None when empty."""
    if geometry is None or geometry.is_empty:
        return None
    xmin, ymin, xmax, ymax = geometry.bounds
    tolerance = min(max(xmax - xmin, ymax - ymin) * SIMPLIFY_FRACTION, SIMPLIFY_MAX_DEGREES)
    small = shapely.simplify(geometry, tolerance, preserve_topology=True)
    small = shapely.transform(small, lambda coords: np.round(coords, COORDINATE_DECIMALS))
    return json.loads(shapely.to_geojson(small))


def merged_geojson(first: dict | None, second: dict | None) -> dict | None:
    """The union of two GeoJSON shapes (two rows of a file giving parts of one area)."""
    if not first or not second:
        return first or second
    return simplified_geojson(shapely.union(shape(first), shape(second)))


def _geoarrow_geometries(column: pa.Array, encoding: str) -> np.ndarray:
    """Shapely geometries from a GeoParquet column in WKB or native GeoArrow (multi)polygon encoding."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    if encoding.lower() == "wkb" or pa.types.is_binary(column.type) or pa.types.is_large_binary(column.type):
        return shapely.from_wkb(column.to_numpy(zero_copy_only=False))
    depth = {"polygon": 2, "multipolygon": 3}.get(encoding.lower())
    if depth is None:
        raise ValueError(f"unsupported GeoArrow encoding {encoding!r}")
    offsets, level = [], column
    for _ in range(depth):  # offsets from the outermost list inwards, rebuilt so slices stay right
        lengths = pc.list_value_length(level).fill_null(0).to_numpy(zero_copy_only=False)
        offsets.append(np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64))
        level = level.flatten()
    coords = np.column_stack([level.field("x").to_numpy(), level.field("y").to_numpy()])
    kind = shapely.GeometryType.POLYGON if depth == 2 else shapely.GeometryType.MULTIPOLYGON
    return shapely.from_ragged_array(kind, coords, tuple(reversed(offsets)))


# --------------------------------------------------------------------------- readers


GAZETTEER_COLUMNS = {"country_iso3": "Location", "level": "Admin Level", "pcode": "P-Code", "name": "Name",
                     "parent_pcode": "Parent P-Code"}
GAZETTEER_VALID_FROM = "Valid from date"


def read_gazetteer(path: Path, country: str | None = None) -> Iterator[PlaceRow | RowProblem]:
    """Rows of the global P-code gazetteer CSV (Location, Admin Level, P-Code, Name, Parent P-Code...).

    Admin 1 rows name their country (ISO3) as parent; admin 2 rows an admin 1 P-code.
    """
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = [name.strip() for name in next(reader, [])]
        missing = [column for column in GAZETTEER_COLUMNS.values() if column not in header]
        if missing:
            yield FileProblem(1, missing[0], f"missing column {missing[0]!r} (header: {', '.join(header)})")
            return
        index = {name: position for position, name in enumerate(header)}
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            row = {name: (values[position].strip() if position < len(values) else "")
                   for name, position in index.items()}
            iso3 = row["Location"].upper()
            if country and iso3 != country:
                continue
            yield _gazetteer_row(reader.line_num, row, iso3)


def _gazetteer_row(line: int, row: dict[str, str], iso3: str) -> PlaceRow | RowProblem:
    for attribute, column in GAZETTEER_COLUMNS.items():
        if not row[column] and attribute != "parent_pcode":
            return RowProblem(line, column, "empty value")
    try:
        level = int(row["Admin Level"])
    except ValueError:
        return RowProblem(line, "Admin Level", f"not a whole number: {row['Admin Level']!r}")
    if level < 1:
        return RowProblem(line, "Admin Level", f"admin level must be 1 or more, not {level}")
    parent = row["Parent P-Code"] or None
    if level == 1:
        if parent and parent.upper() != iso3:
            return RowProblem(line, "Parent P-Code",
                              f"an admin 1 area's parent is its country {iso3!r}, not {parent!r}")
        parent = None
    elif not parent:
        return RowProblem(line, "Parent P-Code", f"an admin {level} area needs a parent P-code")
    valid_on = None
    if row.get(GAZETTEER_VALID_FROM):
        try:
            valid_on = dt.date.fromisoformat(row[GAZETTEER_VALID_FROM])
        except ValueError:
            return RowProblem(line, GAZETTEER_VALID_FROM, f"not a date (YYYY-MM-DD): {row[GAZETTEER_VALID_FROM]!r}")
    return PlaceRow(line=line, country_iso3=iso3, level=level, pcode=row["P-Code"], name=row["Name"],
                    parent_pcode=parent, valid_on=valid_on, fields=dict(GAZETTEER_COLUMNS))


def _geoparquet_geometry(parquet: pq.ParquetFile) -> tuple[str, str]:
    """The primary geometry column of a GeoParquet file and its encoding (its "geo" metadata; WKB by default)."""
    geo = json.loads((parquet.schema_arrow.metadata or {}).get(b"geo", b"{}") or b"{}")
    column = geo.get("primary_column", "geometry")
    return column, geo.get("columns", {}).get(column, {}).get("encoding", "WKB")


def read_cod_ab(path: Path, country: str | None = None) -> Iterator[PlaceRow | RowProblem]:
    """Rows of an OCHA COD-AB GeoParquet layer (admN_pcode, admN_name, adm(N-1)_pcode, iso3, geometry...).

    The layer's level is the deepest ``admN_pcode`` column; "line" is the 1-based row number.
    Admin 0 rows update the country's shape.
    """
    parquet = pq.ParquetFile(path)
    names = parquet.schema_arrow.names
    levels = [n for n in range(10) if f"adm{n}_pcode" in names]
    geometry_column, encoding = _geoparquet_geometry(parquet)
    if not levels:
        yield FileProblem(0, "adm0_pcode", "missing column: no admN_pcode column, is this a COD-AB layer?")
        return
    level = max(levels)
    required = [f"adm{level}_pcode", f"adm{level}_name"] + ([f"adm{level - 1}_pcode"] if level else [])
    required += [] if country else ["iso3"]
    missing = [column for column in required if column not in names]
    if missing:
        yield FileProblem(0, missing[0], f"missing column {missing[0]!r}")
        return
    wanted = [c for c in (*required, "iso3", "valid_on", "center_lat", "center_lon", geometry_column) if c in names]
    line = 0
    for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=list(dict.fromkeys(wanted))):
        has_shapes = geometry_column in batch.schema.names
        geometries = (_geoarrow_geometries(batch.column(geometry_column), encoding)
                      if has_shapes else [None] * batch.num_rows)
        attributes = batch.drop_columns([geometry_column]) if has_shapes else batch
        for record, geometry in zip(attributes.to_pylist(), geometries, strict=True):
            line += 1
            iso3 = (record.get("iso3") or country or "").upper()
            if country and iso3 != country:
                continue
            yield _cod_ab_row(line, level, record, iso3, geometry)


def _cod_ab_row(line: int, level: int, record: dict, iso3: str, geometry) -> PlaceRow | RowProblem:
    pcode_column, name_column = f"adm{level}_pcode", f"adm{level}_name"
    if not iso3:
        return RowProblem(line, "iso3", "empty country code")
    if level and not record.get(pcode_column):
        return RowProblem(line, pcode_column, f"empty P-code (name {record.get(name_column)!r})")
    if level and not record.get(name_column):
        return RowProblem(line, name_column, f"empty name for P-code {record[pcode_column]!r}")
    parent = record.get(f"adm{level - 1}_pcode") if level > 1 else None
    if level > 1 and not parent:
        return RowProblem(line, f"adm{level - 1}_pcode", f"empty parent P-code for {record[pcode_column]!r}")
    centroid = None
    if record.get("center_lat") is not None and record.get("center_lon") is not None:
        centroid = (record["center_lat"], record["center_lon"])
    elif geometry is not None and not geometry.is_empty:
        point = geometry.centroid
        centroid = (point.y, point.x)
    return PlaceRow(line=line, country_iso3=iso3, level=level, pcode=record.get(pcode_column) or "",
                    name=record.get(name_column) or "", parent_pcode=parent, geometry=simplified_geojson(geometry),
                    centroid=centroid, valid_on=record.get("valid_on"),
                    fields={"pcode": pcode_column, "name": name_column, "parent_pcode": f"adm{level - 1}_pcode",
                            "country_iso3": "iso3"})


NATURAL_EARTH_NO_CODE = "-99"  # Natural Earth's marker for "no ISO code" (Kosovo, Somaliland, N. Cyprus...)


def read_natural_earth(path: Path, country: str | None = None) -> Iterator[PlaceRow | RowProblem]:
    """Country shapes from a Natural Earth admin 0 shapefile (.shp with its .dbf), read without GDAL."""
    shp = path.with_suffix(".shp")
    dbf = path.with_suffix(".dbf")
    for required in (shp, dbf):
        if not required.exists():
            yield FileProblem(0, required.suffix, f"missing {required.name} next to the shapefile")
            return
    cpg = path.with_suffix(".cpg")
    encoding = cpg.read_text().strip() if cpg.exists() else "latin-1"
    for line, (record, geometry) in enumerate(zip(_dbf_records(dbf, encoding), _shp_polygons(shp), strict=True), 1):
        codes = [record.get(name, "").strip().upper() for name in ("ISO_A3", "ISO_A3_EH", "ADM0_A3")]
        iso3 = next((code for code in codes[:2] if code and code != NATURAL_EARTH_NO_CODE), "")
        if country and iso3 != country:
            continue
        if not iso3:
            yield OmittedRow(line, "ISO_A3", f"no ISO 3166 code for {record.get('NAME', '')!r} "
                                             f"(Natural Earth {NATURAL_EARTH_NO_CODE}, ADM0_A3 {codes[2]!r})")
            continue
        yield PlaceRow(line=line, country_iso3=iso3, level=0, name=record.get("NAME", ""),
                       geometry=simplified_geojson(geometry), fields={"country_iso3": "ISO_A3"})


def read_natural_earth_geojson(path: Path, country: str | None = None) -> Iterator[PlaceRow | RowProblem]:
    """Country or admin-1 shapes from a GeoJSON extract of Natural Earth (the ones peaceops ships: registry/data)."""
    try:
        features = json.loads(path.read_text(encoding="utf-8")).get("features", [])
    except (ValueError, AttributeError) as error:
        yield FileProblem(0, "file", f"not a GeoJSON FeatureCollection: {error}")
        return
    for line, feature in enumerate(features, 1):
        record = {k: str(v or "").strip().upper() for k, v in (feature.get("properties") or {}).items()}
        iso3 = next((record.get(k, "") for k in ("ISO_A3", "ISO_A3_EH") if record.get(k, "") not in
                     ("", NATURAL_EARTH_NO_CODE)), "")
        if country and iso3 != country:
            continue
        if not iso3:
            yield OmittedRow(line, "ISO_A3", f"no ISO 3166 code for {feature['properties'].get('NAME', '')!r}")
            continue
        full = shape(feature["geometry"]) if feature.get("geometry") else None
        geometry = simplified_geojson(full) if full is not None else None
        name = str(feature["properties"].get("NAME", ""))
        if record.get("ADM1_CODE"):  # Natural Earth admin-1 (states, provinces): its code stands in for a P-code
            inside = full.point_on_surface() if full is not None and not full.is_empty else None
            yield PlaceRow(line=line, country_iso3=iso3, level=1, pcode=record["ADM1_CODE"], name=name,
                           geometry=geometry, centroid=(inside.y, inside.x) if inside is not None else None,
                           fields={"country_iso3": "ISO_A3", "pcode": "ADM1_CODE"})
            continue
        yield PlaceRow(line=line, country_iso3=iso3, level=0, name=name, geometry=geometry,
                       fields={"country_iso3": "ISO_A3"})


def _dbf_records(path: Path, encoding: str) -> Iterator[dict[str, str]]:
    """Records of a dBASE III table as text (the attribute half of a shapefile)."""
    with open(path, "rb") as handle:
        count, header_length, record_length = struct.unpack("<xxxxIHH20x", handle.read(32))
        fields = []
        while (descriptor := handle.read(32))[:1] != b"\r":
            name = descriptor[:11].split(b"\0", 1)[0].decode("ascii")
            fields.append((name, descriptor[16]))
        handle.seek(header_length)
        for _ in range(count):
            raw = handle.read(record_length)
            position, values = 1, {}  # byte 0 is the deletion flag
            for name, width in fields:
                values[name] = raw[position:position + width].decode(encoding, errors="replace").strip(" \0")
                position += width
            yield values


def _shp_polygons(path: Path) -> Iterator:
    """Polygons of a shapefile; clockwise rings are shells, counter-clockwise rings holes (ESRI spec)."""
    with open(path, "rb") as handle:
        handle.seek(100)
        while header := handle.read(8):
            _number, words = struct.unpack(">ii", header)
            content = handle.read(words * 2)
            (shape_type,) = struct.unpack("<i", content[:4])
            if shape_type == 0:
                yield None
                continue
            if shape_type not in (5, 15, 25):
                raise ValueError(f"{path.name}: shape type {shape_type} is not a polygon")
            parts_count, points_count = struct.unpack("<ii", content[36:44])
            parts = list(struct.unpack(f"<{parts_count}i", content[44:44 + 4 * parts_count])) + [points_count]
            start = 44 + 4 * parts_count
            points = np.frombuffer(content[start:start + 16 * points_count], dtype="<f8").reshape(-1, 2)
            rings = [points[parts[i]:parts[i + 1]] for i in range(parts_count)]
            yield _polygon_from_rings(rings)


def _polygon_from_rings(rings) -> Polygon | MultiPolygon:
    shells = [ring for ring in rings if not shapely.LinearRing(ring).is_ccw]
    holes = [ring for ring in rings if shapely.LinearRing(ring).is_ccw]
    polygons = []
    for ring in shells:
        outline = Polygon(ring)
        inner = [hole for hole in holes if outline.contains(Point(hole[0]))]
        polygons.append(Polygon(ring, inner))
    return polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)


READERS = {"gazetteer": read_gazetteer, "cod-ab": read_cod_ab, "natural-earth": read_natural_earth,
           "natural-earth-geojson": read_natural_earth_geojson}
# Country shapes shipped inside the package (public domain; registry/data/PROVENANCE.md), loaded by the demo.
SHIPPED_COUNTRY_SHAPES = Path(__file__).with_name("data") / "natural_earth_110m_africa.geojson"
# The admin-1 areas (states, provinces) of the demo's region, Natural Earth 1:10m (same provenance file).
SHIPPED_ADMIN1_SHAPES = Path(__file__).with_name("data") / "natural_earth_10m_admin1_region.geojson"


def guess_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".geoparquet"):
        return "cod-ab"
    if suffix in (".shp", ".dbf"):
        return "natural-earth"
    if suffix == ".csv":
        return "gazetteer"
    raise ValueError(f"{path.name}: cannot tell the format from the name; give --format ({', '.join(FORMATS)})")


# --------------------------------------------------------------------------- writer


def import_places(path, fmt: str | None = None, *, actor, country: str | None = None, dry_run: bool = False,
                  skip_bad: bool = False) -> ImportReport:
    """Import one file of places in one transaction; raises :class:`PlaceImportError` on a bad row.

    With ``skip_bad`` bad rows are skipped and listed in the report instead. With ``dry_run``
    everything is checked and counted, then rolled back. Places are every mission's reference data:
    ``actor`` needs ``edit_registry`` system-wide (the console and the demo act as SYSTEM).
    """
    require(actor, Action.EDIT_REGISTRY, mission_id=None, what="import places")
    path = Path(path)
    fmt = fmt or guess_format(path)
    if fmt not in READERS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file")
    country = country.upper() if country else None
    report = ImportReport(dry_run=dry_run)
    try:
        with transaction.atomic():
            if not Country.objects.exists():
                services.countries_load()  # admin areas hang from ISO 3166 countries
            _PlaceWriter(path.name, report, skip_bad).write(READERS[fmt](path, country))
            if dry_run:
                transaction.set_rollback(True)
    except PlaceImportError as error:
        report.created = report.updated = report.skipped = 0  # rolled back: nothing stored
        report.errors = [error.problem]
        error.report = report
        raise
    return report


class _PlaceWriter:
    """Stores rows chunk by chunk, creating or updating by P-code, with history for every change."""

    def __init__(self, file: str, report: ImportReport, skip_bad: bool):
        self.file, self.report, self.skip_bad = file, report, skip_bad
        self.countries = dict(Country.objects.values_list("iso3", "id"))
        self.seen: dict[str, tuple[int, str]] = {}  # P-code -> (line, name) earlier in this file
        self.reason = f"import-places {file}"

    def write(self, rows: Iterable[PlaceRow | RowProblem]) -> None:
        chunk: list[PlaceRow] = []
        for row in rows:
            if isinstance(row, RowProblem):
                if isinstance(row, FileProblem):
                    raise PlaceImportError(self.file, row)  # a file-level fault is never skippable
                self.report.read += 1
                self.problem(row)
                continue
            self.report.read += 1
            chunk.append(row)
            if len(chunk) >= CHUNK_SIZE:
                self.write_chunk(chunk)
                chunk = []
        if chunk:
            self.write_chunk(chunk)

    def problem(self, problem: RowProblem) -> None:
        if not self.skip_bad and not isinstance(problem, OmittedRow):
            raise PlaceImportError(self.file, problem)
        self.report.skipped += 1
        self.report.errors.append(problem)

    def write_chunk(self, rows: list[PlaceRow]) -> None:
        countries = [row for row in rows if row.level == 0]
        areas = self.merge_repeats([row for row in rows if row.level > 0])
        if countries:
            self.write_countries(countries)
        for level in sorted({row.level for row in areas}):  # parents before children
            self.write_areas([row for row in areas if row.level == level])

    def merge_repeats(self, rows: list[PlaceRow]) -> list[PlaceRow]:
        """Rows repeating a P-code with the same name are parts of one area; another name is an error."""
        kept: dict[str, PlaceRow] = {}
        for row in rows:
            earlier = self.seen.get(row.pcode)
            if earlier and earlier[1] != row.name:
                self.problem(RowProblem(row.line, row.fields.get("pcode", "pcode"),
                                        f"P-code {row.pcode!r} already given at line {earlier[0]} "
                                        f"for {earlier[1]!r}, here for {row.name!r}"))
                continue
            if row.pcode in kept:
                kept[row.pcode].geometry = merged_geojson(kept[row.pcode].geometry, row.geometry)
                continue
            if earlier:
                row.fields = {**row.fields, "merge": "1"}  # add to the shape stored by an earlier chunk
            else:
                self.seen[row.pcode] = (row.line, row.name)
            kept[row.pcode] = row
        return list(kept.values())

    def country_id(self, row: PlaceRow) -> int | None:
        country_id = self.countries.get(row.country_iso3)
        if country_id is None:
            self.problem(RowProblem(row.line, row.fields.get("country_iso3", "country"),
                                    f"unknown ISO 3166 alpha-3 country code {row.country_iso3!r}"))
        return country_id

    def write_countries(self, rows: list[PlaceRow]) -> None:
        from simple_history.utils import bulk_update_with_history

        changed = []
        for row in rows:
            if self.country_id(row) is None:
                continue
            country = Country.objects.get(iso3=row.country_iso3)
            if row.geometry is not None and country.geometry != row.geometry:
                country.geometry = row.geometry
                changed.append(country)
        if changed:
            bulk_update_with_history(changed, Country, ["geometry"], default_change_reason=self.reason)
        self.report.updated += len(changed)

    def write_areas(self, rows: list[PlaceRow]) -> None:
        from simple_history.utils import bulk_create_with_history, bulk_update_with_history

        existing = {area.pcode: area for area in AdminArea.objects.filter(pcode__in=[r.pcode for r in rows])}
        parent_codes = {row.parent_pcode for row in rows if row.parent_pcode}
        parents = {p["pcode"]: p for p in AdminArea.objects.filter(pcode__in=parent_codes)
                   .values("pcode", "id", "level", "country_id")}
        new, changed = [], []
        for row in rows:
            values = self.area_values(row, parents)
            if values is None:
                continue
            area = existing.get(row.pcode)
            if area is None:
                new.append(AdminArea(pcode=row.pcode, **values))
                continue
            if row.fields.get("merge"):
                values["geometry"] = merged_geojson(area.geometry, values.get("geometry"))
            if any(getattr(area, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(area, name, value)
                changed.append(area)
        if new:
            bulk_create_with_history(new, AdminArea, batch_size=500, default_change_reason=self.reason)
        if changed:
            bulk_update_with_history(changed, AdminArea, list(UPDATED_FIELDS), batch_size=500,
                                     default_change_reason=self.reason)
        self.report.created += len(new)
        self.report.updated += len(changed)

    def area_values(self, row: PlaceRow, parents: dict) -> dict | None:
        """The fields to store for ``row``, or None after reporting why it cannot be stored."""
        country_id = self.country_id(row)
        if country_id is None:
            return None
        parent_id = None
        if row.parent_pcode:
            parent = parents.get(row.parent_pcode)
            column = row.fields.get("parent_pcode", "parent")
            if parent is None:
                self.problem(RowProblem(row.line, column, f"unknown parent P-code {row.parent_pcode!r} "
                                                          f"(import its level first)"))
                return None
            if parent["country_id"] != country_id or parent["level"] >= row.level:
                self.problem(RowProblem(row.line, column, f"parent P-code {row.parent_pcode!r} is not an area "
                                                          f"above admin {row.level} in {row.country_iso3}"))
                return None
            parent_id = parent["id"]
        values = {"name": row.name[:200], "level": row.level, "country_id": country_id, "parent_id": parent_id}
        if row.geometry is not None:
            values["geometry"] = row.geometry
        if row.centroid is not None:
            values["centroid_lat"], values["centroid_lon"] = (round(value, 6) for value in row.centroid)
        if row.valid_on is not None:
            values["valid_on"] = row.valid_on
        return values


UPDATED_FIELDS = ("name", "level", "country", "parent", "geometry", "centroid_lat", "centroid_lon", "valid_on")


# --------------------------------------------------------------------------- mission area shapes


def read_area_shape(path: Path) -> dict:
    """One (multi)polygon from a GeoJSON or GeoParquet file: the union of its features, as GeoJSON.

    Raises ValueError naming the file and the feature at fault. Rings are not closed for the
    operator: an open ring is an error (area_rules.shape_problem says which), not a guess.
    """
    path = Path(path)
    if path.suffix.lower() in (".parquet", ".geoparquet"):
        parquet = pq.ParquetFile(path)
        column, encoding = _geoparquet_geometry(parquet)
        if column not in parquet.schema_arrow.names:
            raise ValueError(f"{path.name}: no geometry column {column!r}")
        shapes = list(_geoarrow_geometries(parquet.read(columns=[column]).column(column), encoding))
        return json.loads(shapely.to_geojson(shapely.union_all([s for s in shapes if s is not None])))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise ValueError(f"{path.name}: not GeoJSON ({error})") from None
    kind = data.get("type") if isinstance(data, dict) else None
    if kind in ("Polygon", "MultiPolygon"):
        return data
    features = data.get("features") if kind == "FeatureCollection" else [data] if kind == "Feature" else None
    if not features:
        raise ValueError(f"{path.name}: expected a Polygon, MultiPolygon, Feature or FeatureCollection")
    geometries = [feature.get("geometry") or {} for feature in features]
    if len(geometries) == 1:
        return geometries[0]
    for number, geometry in enumerate(geometries, 1):
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            raise ValueError(f"{path.name}: feature {number} is not a polygon ({geometry.get('type')!r})")
    try:
        union = shapely.union_all([shape(geometry) for geometry in geometries])
    except (ValueError, shapely.errors.GEOSException) as error:
        raise ValueError(f"{path.name}: a feature's rings do not form polygons ({error})") from None
    return json.loads(shapely.to_geojson(union))
