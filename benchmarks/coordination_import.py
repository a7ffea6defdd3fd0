"""Import of the real DRC 3W workbook against pandas doing the same join.

Data: ``../shared/data/threew/ocha_3w_drc_2025-05.xlsx`` (sheet "Data", 4,343 rows; 14 bad
lines, so the import runs with ``skip_bad``) and the COD admin areas of
``../shared/data/boundaries/global_pcodes_adm1_adm2.csv``. Skipped, with a result entry saying
so, when the workbook is absent.

In a child process with its own throwaway PEACEOPS_HOME (SQLite; PostgreSQL too, in a throwaway
database, when ``DATABASE_URL`` names a server), after migrating and loading the countries and
the COD admin areas (``setup_s``, not timed against anything):

- ``import``: :func:`peaceops.coordination.services.activities_import` as ``peaceops import-3w`` runs
  it: read the sheet with openpyxl, resolve every row (sector by name through the vocabulary,
  province and territory by P-code, organisation by acronym or name, creating the new ones),
  write the activities and their history rows in one transaction. Once, on an empty store
  (a creating import can only run once); then ``reimport``: the same file again, all unchanged.
- ``pandas``: the same read and join done the usual pandas way (median of 3): ``read_excel``
  of the sheet (openpyxl engine), headers reduced to their first line, the sector names
  normalised and merged with the sector vocabulary read from the store, province and territory
  P-codes merged with the admin areas read from the store, organisations merged on acronym,
  dates parsed. No checks beyond the joins, no writes, no history.
- ``pandas_write`` (SQLite only, information): the pandas join plus ``DataFrame.to_sql`` of the
  joined rows into a plain table, for a view of what the write costs.

Both sides must resolve the same number of sectors and territories (checked: ``same_joins``).
Target (docs/benchmarks.md): the import within 3x of pandas.
Run with ``peaceops bench --only coordination_import`` or ``python benchmarks/coordination_import.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from peaceops.accounts.access import SYSTEM
from peaceops.core.benchmarking import environment, on_every_database

NAME = "coordination_import"
TARGET_RATIO = 3.0
ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
WORKBOOK = DATA / "threew" / "ocha_3w_drc_2025-05.xlsx"
GAZETTEER = DATA / "boundaries" / "global_pcodes_adm1_adm2.csv"
PANDAS_RUNS = 3


# --- the child: runs inside its own PEACEOPS_HOME ------------------------------------------------


def _pandas_join(workbook: Path) -> tuple:
    """Read the sheet and join it to sectors, P-codes and organisations; returns (frame, counts)."""
    import pandas as pd

    from peaceops.coordination.models import Sector
    from peaceops.coordination.vocabulary import names_of, normalise
    from peaceops.registry.models import AdminArea, Organisation

    frame = pd.read_excel(workbook, sheet_name="Data", engine="openpyxl", dtype=object)
    frame.columns = [str(c).split("\n")[0].strip() for c in frame.columns]
    frame = frame.dropna(how="all")
    sectors = pd.DataFrame(
        [(normalise(name), pk) for pk, code, en, fr, aliases in Sector.objects.values_list(
            "pk", "code", "name_en", "name_fr", "aliases") for name in names_of(code, en, fr, aliases or ())],
        columns=["sector_key", "sector_id"]).drop_duplicates("sector_key")
    areas = pd.DataFrame(list(AdminArea.objects.filter(country__iso3="COD").values_list("pcode", "pk")),
                         columns=["pcode", "area_id"])
    organisations = pd.DataFrame(list(Organisation.objects.exclude(acronym="").values_list("acronym", "pk")),
                                 columns=["acronym_key", "organisation_id"]).drop_duplicates("acronym_key")
    organisations["acronym_key"] = organisations["acronym_key"].str.casefold()
    frame["sector_key"] = frame["CLUSTER"].fillna("").astype(str).map(normalise)
    frame["province_pcode"] = frame["Code Province"].fillna("").astype(str).str.strip().str.upper()
    frame["territory_pcode"] = frame["Code Terrtoire"].fillna("").astype(str).str.strip().str.upper()
    frame["acronym_key"] = frame["Acronyme"].fillna("").astype(str).str.strip().str.casefold()
    joined = (frame.merge(sectors, on="sector_key", how="left")
              .merge(areas.rename(columns={"pcode": "province_pcode", "area_id": "province_id"}),
                     on="province_pcode", how="left")
              .merge(areas.rename(columns={"pcode": "territory_pcode", "area_id": "territory_id"}),
                     on="territory_pcode", how="left")
              .merge(organisations, on="acronym_key", how="left"))
    joined["start_date"] = pd.to_datetime(joined["DATE DEBUT"], errors="coerce")
    joined["end_date"] = pd.to_datetime(joined["DATE FIN"], errors="coerce")
    counts = {"rows": len(joined), "sectors_matched": int(joined["sector_id"].notna().sum()),
              "territories_matched": int(joined["territory_id"].notna().sum())}
    return joined, counts


def _import_counts() -> dict:
    from peaceops.coordination.models import Activity

    rows = Activity.objects.filter(country__iso3="COD")
    return {"rows": rows.count(), "sectors_matched": rows.exclude(sector=None).count(),
            "territories_matched": rows.filter(admin_area__level=2).count()}


def child(workbook: Path, gazetteer: Path) -> dict:
    import statistics
    import time

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from peaceops.coordination.services import activities_import
    from peaceops.registry.importers import import_places
    from peaceops.registry.services import countries_load

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    countries_load()
    import_places(gazetteer, country="COD", actor=SYSTEM)
    workbook.read_bytes()  # both sides read a file already in the OS cache
    setup_s = time.perf_counter() - started

    started, cpu = time.perf_counter(), time.process_time()
    report = activities_import(workbook, "ocha-xlsx", country="COD", skip_bad=True, user=SYSTEM)
    import_s, import_cpu_s = time.perf_counter() - started, time.process_time() - cpu
    started = time.perf_counter()
    again = activities_import(workbook, "ocha-xlsx", country="COD", skip_bad=True, user=SYSTEM)
    reimport_s = time.perf_counter() - started

    pandas_times, pandas_cpu = [], []
    for _ in range(PANDAS_RUNS):
        started, cpu = time.perf_counter(), time.process_time()
        joined, pandas_counts = _pandas_join(workbook)
        pandas_times.append(time.perf_counter() - started)
        pandas_cpu.append(time.process_time() - cpu)
    result = {
        "engine": connection.vendor, "setup_s": round(setup_s, 2),
        "import_s": round(import_s, 3), "reimport_s": round(reimport_s, 3),
        "pandas_s": round(statistics.median(pandas_times), 3),
        # CPU time of this process (SQLite runs in it): a cross-check on a busy shared machine.
        "import_cpu_s": round(import_cpu_s, 3), "pandas_cpu_s": round(statistics.median(pandas_cpu), 3),
        "read": report.read, "created": report.created, "skipped": report.skipped,
        "reimport_created": again.created, "reimport_unchanged": again.unchanged,
        "import_counts": _import_counts(), "pandas_counts": pandas_counts,
    }
    if connection.vendor == "sqlite":
        started = time.perf_counter()
        joined, _ = _pandas_join(workbook)
        connection.ensure_connection()
        joined.astype(str).to_sql("bench_pandas_3w", connection.connection, if_exists="replace", index=False)
        connection.connection.commit()
        result["pandas_write_s"] = round(time.perf_counter() - started, 3)
    return result


# --- the parent -------------------------------------------------------------------------------


def measure(url: str | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="peaceops-bench-3w-") as folder:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PEACEOPS_DEBUG")}
        env.update(PEACEOPS_HOME=folder, DJANGO_SETTINGS_MODULE="peaceops.settings", PYTHONUNBUFFERED="1")
        if url:
            env["DATABASE_URL"] = url
        done = subprocess.run([sys.executable, __file__, "child", str(WORKBOOK), str(GAZETTEER)], env=env,
                              capture_output=True, text=True, timeout=3600, cwd=ROOT)
        if done.returncode != 0:
            raise RuntimeError(f"{NAME} child failed:\n{done.stderr[-3000:]}")
        figures = json.loads(done.stdout.strip().splitlines()[-1])
    # The import keeps the rows the pandas join matches; the 14 bad lines are skipped rows.
    imported, joined = figures["import_counts"], figures["pandas_counts"]
    figures["same_joins"] = imported["rows"] + figures["skipped"] == joined["rows"] and all(
        0 <= joined[key] - imported[key] <= figures["skipped"] for key in ("sectors_matched", "territories_matched"))
    figures["ratio"] = round(figures["import_s"] / figures["pandas_s"], 2)
    figures["cpu_ratio"] = round(figures["import_cpu_s"] / figures["pandas_cpu_s"], 2)
    return figures


def table_rows(result: dict) -> list[dict]:
    rows = []
    for engine, f in result.get("databases", {}).items():
        rows += [
            {"metric": f"{engine} activities_import DRC workbook ({f['created']:,} created, {f['skipped']} skipped)",
             "value": f["import_s"], "unit": "s", "target": "", "met": None},
            {"metric": f"{engine} pandas read + join (median of {PANDAS_RUNS})", "value": f["pandas_s"], "unit": "s",
             "target": "", "met": None},
            {"metric": f"{engine} import / pandas", "value": f["ratio"], "unit": "x",
             "target": f"<= {TARGET_RATIO:g}", "met": f["same_joins"] and f["ratio"] <= TARGET_RATIO},
            {"metric": f"{engine} import / pandas, process CPU time (cross-check)", "value": f["cpu_ratio"],
             "unit": "x", "target": "", "met": None},
            {"metric": f"{engine} re-import, all unchanged", "value": f["reimport_s"], "unit": "s", "target": "",
             "met": None},
        ]
        if "pandas_write_s" in f:
            rows.append({"metric": f"{engine} pandas read + join + to_sql (information)", "value": f["pandas_write_s"],
                         "unit": "s", "target": "", "met": None})
    return rows


def run(quick: bool = False) -> dict:
    """``quick`` changes nothing: the workbook is what it is (4,343 rows, a few seconds)."""
    result = {"name": NAME, "quick": quick, "workbook": WORKBOOK.name, "environment": environment()}
    if not WORKBOOK.is_file() or not GAZETTEER.is_file():
        result["skipped"] = f"real data not found: {WORKBOOK} and {GAZETTEER} are needed"
        result["table"] = [{"metric": "DRC 3W import (skipped: workbook absent)", "value": None, "unit": "",
                            "target": f"<= {TARGET_RATIO:g}x pandas", "met": None}]
        return result
    result["databases"] = on_every_database(measure)
    result["table"] = table_rows(result)
    return result


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(child(Path(sys.argv[2]), Path(sys.argv[3]))))
    else:
        print(json.dumps(run("--quick" in sys.argv), indent=2))
