"""The plan and risk roll-up: the risk register with escalation and the budget by funding stream over 10
missions, beside the same figures computed by hand-written SQL.

In a throwaway data folder (SQLite; PostgreSQL too when ``DATABASE_URL`` names a server): 10 missions in one
region, each with an ISF of 20 outputs, each output with 50 activities (one budget line each) and 30 risks
(``--quick``: 10 outputs, 20 activities, 10 risks): 10,000 activities and 6,000 risks in all. A regional
planner (grants through the region, so ``visible`` filters by mission and level) reads:

- ``rollup``: ``selectors.risk_register`` (every risk with score and escalation, escalated first) and
  ``selectors.resources`` (planned and unsecured amounts per funding stream and currency) for all 10 missions;
- baseline ``sql``: the same two answers from two hand-written SQL statements doing the same work: the same
  columns and joins, score and escalation in a CASE and the same order, sums in a GROUP BY, and the permission
  filter (mission in the user's set, classification within clearance) on each row and on every parent it is
  read with.

The roll-up applies the user's permission filter once per mission set, as one condition over the row and its
joined parents (``mandates.selectors.readable_with_parents``), lets the database order the register and reads
plain columns (no model instances).

Targets (docs/benchmarks.md): roll-up under 500 ms, within 3x of SQL. Run with ``peaceops bench [--quick]
--only plan_rollup`` or ``python benchmarks/plan_rollup.py``.
"""

import datetime as dt
import json
import os
import random
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from peaceops.core.benchmarking import environment, on_every_database, run_in_fresh_home  # noqa: E402

NAME = "plan_rollup"
MISSIONS = 10
TODAY = dt.date(2010, 6, 30)
THRESHOLD = 15


def generate(outputs: int, activities: int, risks: int, seed: int = 5):
    from django.db import transaction

    from peaceops.mandates.models import ActivityBudget, Isf, IsfObjective, IsfOutput, PlanActivity, PlanRisk
    from peaceops.registry.models import Country, Mission, Region
    from peaceops.testing import make_user

    rng = random.Random(seed)
    streams = ("assessed", "voluntary", "trust_fund")
    with transaction.atomic():
        country = Country.objects.create(iso3="TCD", iso2="TD", numeric="148", name="Chad")
        region = Region.objects.create(name="Bench region")
        for i in range(MISSIONS):
            mission = Mission.objects.create(acronym=f"PM{i:02d}", name=f"Bench mission {i}", kind="peacekeeping",
                                               start_date=dt.date(2000, 1, 1))
            mission.regions.add(region)
            isf = Isf.objects.create(mission=mission, country=country, title=f"ISF {i}",
                                       start_date=dt.date(2010, 1, 1), end_date=dt.date(2010, 12, 31))
            objective = IsfObjective.objects.create(mission=mission, isf=isf, title="Objective")
            made = IsfOutput.objects.bulk_create([IsfOutput(mission=mission, objective=objective,
                                                                title=f"Output {n}") for n in range(outputs)])
            plan = [PlanActivity(mission=mission, output=output, text=f"Activity {n}") for output in made
                    for n in range(activities)]
            plan = PlanActivity.objects.bulk_create(plan)
            ActivityBudget.objects.bulk_create([
                ActivityBudget(mission=mission, activity=activity, funding_stream=rng.choice(streams),
                                 amount=rng.randint(1_000, 500_000), currency=rng.choice(("USD", "EUR")),
                                 secured=rng.random() < 0.6) for activity in plan])
            PlanRisk.objects.bulk_create([
                PlanRisk(mission=mission, output=output, text=f"Risk {n}", owner="SRSG",
                           likelihood=rng.randint(1, 5), impact=rng.randint(1, 5),
                           review_on=TODAY + dt.timedelta(days=rng.randint(-60, 300)))
                for output in made for n in range(risks)])
    return make_user("bench-planner", "planner", region=region, clearance=3)


def rollup(user):
    from peaceops.mandates import selectors

    register = selectors.risk_register(user, today=TODAY, threshold=THRESHOLD)
    money = selectors.resources(user)
    return len(register), sum(1 for row in register if row.escalated), len(money)


def cleared(user) -> tuple[list[int], int]:
    """The missions the user reads and the lowest level cleared among them: the baseline's permission filter
    (the bench planner holds one level over the whole region, so one bound serves every mission)."""
    from peaceops.accounts.access import access_for

    levels = access_for(user).mission_levels
    return sorted(levels), min(levels.values())


def sql_baseline(missions: list[int], level: int):
    """The same two answers as :func:`rollup`, by hand: the same rows and columns (a risk with its mission,
    output and ISF; budget lines summed per stream, currency and secured), the same permission filter on the
    row and on every parent it is read with (mission in the user's set, classification within clearance), the
    same order (escalated, score, review date, id)."""
    from django.db import connection

    marks = ", ".join(["%s"] * len(missions))

    def readable(alias: str) -> str:
        return f"{alias}.mission_id IN ({marks}) AND {alias}.classification <= %s"

    chain = " AND ".join(readable(alias) for alias in ("r", "o", "b", "i"))
    parameters = [THRESHOLD, TODAY] + (missions + [level]) * 4
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT r.id, r.text, r.owner, r.likelihood, r.impact, r.review_on, r.mission_id, mi.acronym, "
            "r.output_id, o.title, b.isf_id, i.title, COALESCE(r.likelihood * r.impact, 0) AS score, "
            "CASE WHEN r.likelihood * r.impact >= %s OR r.review_on < %s THEN 1 ELSE 0 END AS escalated "
            "FROM mandates_planrisk r JOIN registry_mission mi ON mi.id = r.mission_id "
            "JOIN mandates_isfoutput o ON o.id = r.output_id JOIN mandates_isfobjective b ON b.id = o.objective_id "
            f"JOIN mandates_isf i ON i.id = b.isf_id WHERE {chain} "
            "ORDER BY escalated DESC, score DESC, r.review_on, r.id", parameters)
        risks = cursor.fetchall()
        chain = " AND ".join(readable(alias) for alias in ("l", "a", "o", "b", "i"))
        cursor.execute(
            "SELECT l.funding_stream, l.currency, l.secured, SUM(l.amount) FROM mandates_activitybudget l "
            "JOIN mandates_planactivity a ON a.id = l.activity_id JOIN mandates_isfoutput o ON o.id = a.output_id "
            "JOIN mandates_isfobjective b ON b.id = o.objective_id JOIN mandates_isf i ON i.id = b.isf_id "
            f"WHERE {chain} GROUP BY l.funding_stream, l.currency, l.secured",
            (missions + [level]) * 5)
        money = {(stream, currency) for stream, currency, _secured, _total in cursor.fetchall()}
    return len(risks), sum(row[13] for row in risks), len(money)


def measure(user, quick: bool) -> dict:
    repeat = 3 if quick else 5
    ours, sql = [], []
    missions, level = cleared(user)
    for _ in range(repeat):
        started = time.perf_counter()
        answer = rollup(user)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        expected = sql_baseline(missions, level)
        sql.append(time.perf_counter() - started)
    ours_ms, sql_ms = statistics.median(ours) * 1000, statistics.median(sql) * 1000
    return {"risks": answer[0], "escalated": answer[1], "same_results": answer == expected,
            "rollup_ms": round(ours_ms, 1), "sql_ms": round(sql_ms, 1), "ratio": round(ours_ms / sql_ms, 2)}


def child(quick: bool) -> dict:
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    sizes = (10, 20, 10) if quick else (20, 50, 30)
    user = generate(*sizes)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"engine": connection.vendor, "setup_s": round(time.perf_counter() - started, 1),
            "outputs": sizes[0], "activities": sizes[1], "risks_per_output": sizes[2], **measure(user, quick)}


def run(quick: bool) -> dict:
    result = {"name": NAME, "quick": quick, "environment": environment(),
              "databases": on_every_database(lambda url: run_in_fresh_home(__file__, ["quick" if quick else "full"],
                                                                           url, label=NAME))}
    result["table"] = table_rows(result)
    return result


def table_rows(result: dict) -> list[dict]:
    rows = []
    for engine, f in result["databases"].items():
        scale = (f"{MISSIONS} missions x {f['outputs']} outputs x {f['activities']} activities / "
                 f"{f['risks_per_output']} risks")
        rows += [
            {"metric": f"{engine} risk register + resources ({scale})", "value": f["rollup_ms"], "unit": "ms",
             "target": "< 500", "met": f["rollup_ms"] < 500},
            {"metric": f"{engine} same figures in SQL", "value": f["sql_ms"], "unit": "ms", "target": "",
             "met": None},
            {"metric": f"{engine} roll-up / SQL (same results: {f['same_results']})", "value": f["ratio"],
             "unit": "x", "target": "< 3", "met": f["ratio"] < 3 and f["same_results"]},
        ]
    return rows


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    import django

    django.setup()
    print(json.dumps(child(sys.argv[2] == "quick"), default=str))
elif __name__ == "__main__":
    print(json.dumps(run("--full" not in sys.argv), indent=1, default=str))
