"""Asset pool: feasible-asset search and the region-year cost-sharing report, beside raw SQL.

In a throwaway data folder (SQLite; PostgreSQL too, in a throwaway database, when
``DATABASE_URL`` names a server): 10 missions in one region, 500 assets (50 a mission, seven
kinds, a third offered to the pool unclassified, some classified, some under a no-cross-border
caveat), and 5 years (2006-2010) of bookings: every asset lent in runs of 3-20 days with gaps
of 5-40 days, each loan with its request and a one- or two-mission cost split, plus maintenance
blocks. Then, as a regional viewer (the permission filter in every query), time (medians):

- ``search``: selectors.feasible_assets for 40 different requests (kind, seats, dates in the
  five years) beside one hand-written SQL query answering the same question (same visibility,
  capacity, availability window, NOT EXISTS on loans and blocks, same ranking) — the asset ids
  must match. Target (docs/benchmarks.md): under 100 ms.
- ``costs``: selectors.cost_report for the region and 2008 (every loan row with its shares and
  the totals per mission) beside raw SQL fetching the same rows and totals. Target: under 1 s.

Run with ``peaceops bench [--quick] [--only asset_scheduling]``.
"""

import datetime as dt
import json
import random
import statistics
import sys
import time
from decimal import Decimal

from peaceops.core.benchmarking import environment, on_every_database, run_in_fresh_home

NAME = "asset_scheduling"
SEARCH_TARGET_MS = 100
COST_TARGET_MS = 1000
MISSIONS, ASSETS_PER_MISSION = 10, 50
FIRST_DAY, LAST_DAY = dt.date(2006, 1, 1), dt.date(2010, 12, 31)
REPORT_YEAR = 2008
KINDS = ("fixed_wing", "rotary_wing", "formed_police_unit", "engineering_unit", "medical_unit", "vehicle",
         "support_service")
BASIS = {"fixed_wing": "flight_hour", "rotary_wing": "flight_hour", "formed_police_unit": "day",
         "engineering_unit": "day", "medical_unit": "day", "vehicle": "day", "support_service": "person"}


# ---------------------------------------------------------------------------------------------
# Data, inside the child process.

def generate(seed: int = 6) -> dict:
    """Create the missions, assets and five years of loans; return what the timing needs."""
    from django.db import transaction

    from peaceops.assets.models import Asset, AssetRequest, CostShare, Loan, Unavailability
    from peaceops.registry.models import Country, Mission, Region
    from peaceops.testing import make_user

    rng = random.Random(seed)
    with transaction.atomic():
        region = Region.objects.create(name="Bench region")
        countries = [Country.objects.create(iso3=f"B{i:02d}", iso2=f"Q{i}", name=f"Bench country {i}")
                     for i in range(MISSIONS)]
        missions = []
        for i in range(MISSIONS):
            mission = Mission.objects.create(acronym=f"BM{i:02d}", name=f"Bench mission {i}", kind="peacekeeping",
                                               start_date=FIRST_DAY)
            mission.host_countries.set([countries[i]])
            mission.regions.add(region)
            missions.append(mission)
        assets = []
        for i, mission in enumerate(missions):
            for j in range(ASSETS_PER_MISSION):
                kind = KINDS[j % len(KINDS)]
                assets.append(Asset(
                    owning_mission=mission, name=f"{mission.acronym} {kind} {j}", kind=kind,
                    contributing_country=countries[(i + 3) % MISSIONS], seats=rng.choice((4, 12, 20, 30, 60)),
                    persons=rng.choice((50, 140, 300)), tonnes=Decimal(rng.choice((1, 3, 8, 20))),
                    cost_basis=BASIS[kind], rate=Decimal(rng.choice((800, 1500, 4200))),
                    location_country=countries[i], offered=j % 3 == 0, no_cross_border=j % 10 == 0,
                    classification=1 if j % 17 == 0 else 0,
                    available_until=LAST_DAY if j % 5 else None))
        Asset.objects.bulk_create(assets, batch_size=500)
        assets = list(Asset.objects.filter(owning_mission__in=missions).order_by("id"))
        requests, loans_spec, blocks = [], [], []
        for asset in assets:
            day = FIRST_DAY + dt.timedelta(days=rng.randint(0, 20))
            while day < LAST_DAY:
                length = rng.randint(3, 20)
                end = min(day + dt.timedelta(days=length - 1), LAST_DAY)
                if rng.random() < 0.15:
                    blocks.append(Unavailability(asset=asset, start_date=day, end_date=end, reason="maintenance"))
                else:
                    borrower = rng.choice([m for m in missions if m.id != asset.owning_mission_id])
                    hours = Decimal(rng.randint(2, 40))
                    requests.append(AssetRequest(owning_mission=borrower, asset=asset, kind=asset.kind,
                                                 start_date=day, end_date=end, purpose="bench", status="approved",
                                                 flight_hours=hours, persons=20))
                    loans_spec.append((asset, borrower, day, end, hours))
                day = end + dt.timedelta(days=rng.randint(5, 40))
        AssetRequest.objects.bulk_create(requests, batch_size=2000)
        Unavailability.objects.bulk_create(blocks, batch_size=2000)
        loans, shares = [], []
        for request, (asset, borrower, start, end, hours) in zip(requests, loans_spec, strict=True):
            days = (end - start).days + 1
            measure = hours if asset.cost_basis == "flight_hour" else days if asset.cost_basis == "day" else 20 * days
            total = (asset.rate * measure).quantize(Decimal("0.01"))
            loans.append(Loan(request=request, asset=asset, owning_mission_id=asset.owning_mission_id,
                              borrower=borrower, start_date=start, end_date=end, days=days, flight_hours=hours,
                              persons=20, cost_basis=asset.cost_basis, total_cost=total))
            if rng.random() < 0.5:
                shares.append(CostShare(request=request, mission=borrower, percent=100, amount=total))
            else:
                half = (total / 2).quantize(Decimal("0.01"))
                shares.append(CostShare(request=request, mission=borrower, percent=50, amount=total - half))
                shares.append(CostShare(request=request, mission_id=asset.owning_mission_id, percent=50,
                                        amount=half))
        Loan.objects.bulk_create(loans, batch_size=2000)
        CostShare.objects.bulk_create(shares, batch_size=2000)
        viewer = make_user("bench-regional", "viewer", region=region, clearance=0)
    return {"viewer_id": viewer.id, "mission_ids": [m.id for m in missions], "loans": len(loans),
            "requests": len(requests), "blocks": len(blocks), "assets": len(assets)}


def search_cases(data: dict, count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        start = FIRST_DAY + dt.timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days - 30))
        cases.append({"kind": rng.choice(("rotary_wing", "fixed_wing", "medical_unit")), "start": start,
                      "end": start + dt.timedelta(days=rng.randint(2, 10)), "seats": rng.choice((4, 10, 20)),
                      "requester": rng.choice(data["mission_ids"])})
    return cases


# ---------------------------------------------------------------------------------------------
# The same questions in hand-written SQL.

def _visibility_sql(access) -> tuple[str, list]:
    """Mission-cleared rows, plus other missions' offered unclassified ones (selectors._pool_filter)."""
    clauses, params = ["(a.offered = %s AND a.classification = 0)"], [True]
    for level in (0, 1, 2):
        ids = [m for m, cleared in access.mission_levels.items() if cleared >= level]
        if ids:
            clauses.append(f"(a.classification = %s AND a.owning_mission_id IN ({','.join(['%s'] * len(ids))}))")
            params += [level, *ids]
    return "(" + " OR ".join(clauses) + ")", params


def sql_search(access, case: dict) -> list[int]:
    from django.db import connection

    visibility, params = _visibility_sql(access)
    sql = f"""
        SELECT a.id, a.seats FROM assets_asset a
        WHERE {visibility} AND a.kind = %s AND a.seats >= %s AND a.owning_mission_id <> %s
          AND (a.available_from IS NULL OR a.available_from <= %s)
          AND (a.available_until IS NULL OR a.available_until >= %s)
          AND NOT EXISTS (SELECT 1 FROM assets_loan l WHERE l.asset_id = a.id
                          AND l.start_date <= %s AND l.end_date >= %s)
          AND NOT EXISTS (SELECT 1 FROM assets_unavailability u WHERE u.asset_id = a.id
                          AND u.start_date <= %s AND u.end_date >= %s)
        ORDER BY a.seats - %s, a.id LIMIT 20"""
    params += [case["kind"], case["seats"], case["requester"], case["start"], case["end"], case["end"],
               case["start"], case["end"], case["start"], case["seats"]]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def sql_costs(access, mission_ids: list[int], year: int) -> dict:
    from django.db import connection

    ids = ",".join(["%s"] * len(mission_ids))
    levels = [(lvl, [m for m, c in access.mission_levels.items() if c >= lvl]) for lvl in (0, 1, 2)]
    vis, vparams = [], []
    for column in ("l.owning_mission_id", "l.borrower_id"):
        for level, readable in levels:
            if readable:
                vis.append(f"(l.classification = %s AND {column} IN ({','.join(['%s'] * len(readable))}))")
                vparams += [level, *readable]
    where = f"""(l.owning_mission_id IN ({ids}) OR l.borrower_id IN ({ids})) AND l.start_date >= %s
                AND l.start_date <= %s AND ({' OR '.join(vis)})"""
    params = [*mission_ids, *mission_ids, dt.date(year, 1, 1), dt.date(year, 12, 31), *vparams]
    with connection.cursor() as cursor:
        cursor.execute(f"""SELECT l.id, a.name, lm.acronym, bm.acronym, l.start_date, l.end_date, l.total_cost
                           FROM assets_loan l JOIN assets_asset a ON a.id = l.asset_id
                           JOIN registry_mission lm ON lm.id = l.owning_mission_id
                           JOIN registry_mission bm ON bm.id = l.borrower_id
                           WHERE {where} ORDER BY l.start_date, l.id""", params)
        rows = cursor.fetchall()
        cursor.execute(f"""SELECT m.acronym, SUM(s.amount) FROM assets_costshare s
                           JOIN assets_loan l ON l.request_id = s.request_id
                           JOIN registry_mission m ON m.id = s.mission_id
                           WHERE {where} GROUP BY m.acronym ORDER BY m.acronym""", params)
        paid = {acronym: Decimal(str(total)).quantize(Decimal("0.01")) for acronym, total in cursor.fetchall()}
    return {"loans": len(rows), "paid": paid}


# ---------------------------------------------------------------------------------------------
# Timing, inside the child process.

def _median_ms(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2)


def measure(data: dict, quick: bool) -> dict:
    from django.contrib.auth import get_user_model

    from peaceops.accounts.access import access_for
    from peaceops.assets import scheduling, selectors

    viewer = get_user_model().objects.get(pk=data["viewer_id"])
    access = access_for(viewer)
    cases = search_cases(data, 20 if quick else 40)

    def search(case):
        need = scheduling.Need(kind=case["kind"], dates=scheduling.Interval(case["start"], case["end"]),
                               seats=case["seats"], destination_country=None)
        return [a.id for a in selectors.feasible_assets(viewer, need, exclude_mission=case["requester"])]

    same = all(_same_search(search(c), sql_search(access, c)) for c in cases)
    per_case = [(_median_ms(lambda c=c: search(c), 3), _median_ms(lambda c=c: sql_search(access, c), 3))
                for c in cases]
    search_ms = round(statistics.median(p[0] for p in per_case), 2)
    search_sql_ms = round(statistics.median(p[1] for p in per_case), 2)
    worst_ms = round(max(p[0] for p in per_case), 2)

    ids = data["mission_ids"]
    report = selectors.cost_report(viewer, ids, REPORT_YEAR)
    baseline = sql_costs(access, ids, REPORT_YEAR)
    same_costs = report["paid"] == baseline["paid"] and len(report["rows"]) == baseline["loans"]
    repeat = 3 if quick else 5
    cost_ms = _median_ms(lambda: selectors.cost_report(viewer, ids, REPORT_YEAR), repeat)
    cost_sql_ms = _median_ms(lambda: sql_costs(access, ids, REPORT_YEAR), repeat)
    totals_ms = _median_ms(lambda: selectors.cost_totals(ids, REPORT_YEAR), repeat)
    return {"search_ms": search_ms, "search_worst_ms": worst_ms, "search_sql_ms": search_sql_ms,
            "search_ratio": round(search_ms / search_sql_ms, 2) if search_sql_ms else None,
            "search_same": same, "search_cases": len(cases),
            "cost_ms": cost_ms, "cost_sql_ms": cost_sql_ms,
            "cost_ratio": round(cost_ms / cost_sql_ms, 2) if cost_sql_ms else None, "cost_totals_ms": totals_ms,
            "cost_same": same_costs, "cost_loans": baseline["loans"]}


def _same_search(ours: list[int], theirs: list[int]) -> bool:
    """The ORM path ranks by total spare capacity (seats only here) like the SQL: same ids, same order."""
    return ours == theirs


def child(quick: bool) -> dict:
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    data = generate()
    with connection.cursor() as cursor:  # planner statistics, as after a day's use (both engines)
        cursor.execute("ANALYZE")
    setup_s = round(time.perf_counter() - started, 1)
    return {"engine": connection.vendor, "setup_s": setup_s, **data, **measure(data, quick)}


# ---------------------------------------------------------------------------------------------
# Entry point for ``peaceops bench``

def measure_database(quick: bool, url: str | None = None) -> dict:
    return run_in_fresh_home(__file__, ["quick" if quick else "full"], url, label=NAME)


def run(quick: bool) -> dict:
    result = {"name": NAME, "quick": quick, "environment": environment(),
              "databases": on_every_database(lambda url: measure_database(quick, url))}
    result["table"] = table_rows(result)
    return result


def table_rows(result: dict) -> list[dict]:
    rows = []
    for engine, f in result["databases"].items():
        scale = f"{f['assets']} assets, {f['loans']} loans"
        rows += [
            {"metric": f"{engine} feasible-asset search median ({scale})", "value": f["search_ms"], "unit": "ms",
             "target": f"< {SEARCH_TARGET_MS}", "met": f["search_ms"] < SEARCH_TARGET_MS and f["search_same"]},
            {"metric": f"{engine} feasible-asset search worst case", "value": f["search_worst_ms"], "unit": "ms",
             "target": "", "met": None},
            {"metric": f"{engine} search hand SQL median", "value": f["search_sql_ms"], "unit": "ms", "target": "",
             "met": None},
            {"metric": f"{engine} search / SQL", "value": f["search_ratio"], "unit": "x", "target": "",
             "met": None},
            {"metric": f"{engine} cost report region-year ({f['cost_loans']} loans)", "value": f["cost_ms"],
             "unit": "ms", "target": f"< {COST_TARGET_MS}", "met": f["cost_ms"] < COST_TARGET_MS and f["cost_same"]},
            {"metric": f"{engine} cost report hand SQL", "value": f["cost_sql_ms"], "unit": "ms", "target": "",
             "met": None},
            {"metric": f"{engine} cost report / SQL", "value": f["cost_ratio"], "unit": "x", "target": "",
             "met": None},
            {"metric": f"{engine} cost totals only (one aggregate)", "value": f["cost_totals_ms"], "unit": "ms",
             "target": "", "met": None},
        ]
    return rows


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    import django

    django.setup()
    print(json.dumps(child(sys.argv[2] == "quick"), default=str))
