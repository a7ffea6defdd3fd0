"""Information sharing: what sharing agreements cost the permission filter every read goes through.

In a throwaway data folder (SQLite; PostgreSQL too, in a throwaway database, when ``DATABASE_URL``
names a server): 10 missions in one region, 200,000 incidents (``--quick``: 40,000) spread over
them, eleven categories, a third classified. The reader is an analyst of the first mission
(cleared to confidential). Timed (medians), in one process:

- ``alone``: the reader's incident log page (``visible(Incident)`` of one year, newest first,
  100 rows, and its count), with no agreement: the baseline of the same run;
- ``shared``: the same page while the nine other missions each share their incidents with the
  reader's mission (five of them limited to three categories), plus nine threat-assessment and
  analysis agreements: the filter then holds nine more OR branches;
- ``access``: computing the reader's access (grants, agreements in force, neighbours), done once a
  request: the price of "withdrawal closes the data at the next request".

Checks: the page is one SQL query either way (``visible()`` folds the agreements into its WHERE),
and the shared page returns exactly the rows a hand-written filter over the agreements gives.
Target (enforcement without a second query; docs/benchmarks.md): shared page within 3x of ``alone``.

Run with ``peaceops bench [--quick] [--only cooperation_sharing]``.
"""

import datetime as dt
import json
import random
import statistics
import sys
import time

from peaceops.core.benchmarking import environment, on_every_database, run_in_fresh_home

NAME = "cooperation_sharing"
TARGET_RATIO = 3
MISSIONS = 10
CATEGORIES = ("armed_clash", "attack_on_civilians", "attack_on_un_humanitarian", "banditry", "abduction",
              "sexual_violence", "explosive_device", "protest", "displacement", "troop_movement", "other")
YEAR = 2009


def generate(total: int, seed: int = 6) -> dict:
    from django.db import transaction

    from peaceops.incidents.models import Incident
    from peaceops.registry.models import Mission, Region
    from peaceops.testing import make_user

    rng = random.Random(seed)
    with transaction.atomic():
        region = Region.objects.create(name="Bench region")
        missions = []
        for i in range(MISSIONS):
            mission = Mission.objects.create(acronym=f"BM{i:02d}", name=f"Bench mission {i}", kind="peacekeeping",
                                               start_date=dt.date(2000, 1, 1))
            mission.regions.add(region)
            missions.append(mission)
        rows = []
        for n in range(total):
            day = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 6))
            rows.append(Incident(owning_mission=missions[n % MISSIONS], start_date=day, end_date=day,
                                 category=CATEGORIES[rng.randrange(len(CATEGORIES))],
                                 classification=rng.choice((0, 0, 1, 2)), location=f"place {n}"))
            if len(rows) == 20_000:
                Incident.objects.bulk_create(rows)
                rows = []
        Incident.objects.bulk_create(rows)
        reader = make_user("bench-reader", "analyst", mission=missions[0], clearance=1)
    return {"reader_id": reader.id, "mission_ids": [m.id for m in missions], "incidents": total}


def sign_agreements(mission_ids: list[int]) -> list[tuple]:
    from peaceops.cooperation.models import SharingAgreement

    agreements = []
    for i, sharer in enumerate(mission_ids[1:]):
        categories = list(CATEGORIES[i % 4:i % 4 + 3]) if i % 2 else []
        agreements.append(SharingAgreement(sharer_id=sharer, receiver_id=mission_ids[0], subject="incidents",
                                           categories=categories, up_to=1, starts_on=dt.date(2000, 1, 1)))
        agreements.append(SharingAgreement(sharer_id=sharer, receiver_id=mission_ids[0],
                                           subject=("threat_assessments", "analyses")[i % 2], up_to=1,
                                           starts_on=dt.date(2000, 1, 1)))
    SharingAgreement.objects.bulk_create(agreements)
    return [(a.sharer_id, tuple(a.categories)) for a in agreements if a.subject == "incidents"]


def _fresh_reader(reader_id):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(pk=reader_id)  # a new object: no cached access, as in a new request


def page(user):
    """The incident log's first page and count for one year, through visible()."""
    from peaceops.accounts.access import visible
    from peaceops.incidents.models import Incident

    rows = visible(Incident.objects.filter(start_date__year=YEAR), user).order_by("-start_date", "-id")
    return list(rows.values_list("id", flat=True)[:100]), rows.count()


def _median_ms(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2)


def expected_ids(data: dict, shared: list[tuple]) -> set[int]:
    """The same rows by a plain Python filter over the agreements (the check, not the timing)."""
    from peaceops.incidents.models import Incident

    own, allowed = data["mission_ids"][0], set()
    wanted = {sharer: set(categories) for sharer, categories in shared}
    for pk, mission, category, level in Incident.objects.filter(start_date__year=YEAR).values_list(
            "id", "owning_mission_id", "category", "classification"):
        if (mission == own and level <= 1) or (mission in wanted and level <= 1
                                                and (not wanted[mission] or category in wanted[mission])):
            allowed.add(pk)
    return allowed


def measure(data: dict, quick: bool) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from peaceops.accounts.access import access_for, visible
    from peaceops.incidents.models import Incident

    repeat = 5 if quick else 9
    reader = _fresh_reader(data["reader_id"])
    access_for(reader)
    with CaptureQueriesContext(connection) as alone_queries:
        alone_rows, alone_count = page(reader)
    alone_ms = _median_ms(lambda: page(reader), repeat)
    alone_access_ms = _median_ms(lambda: access_for(_fresh_reader(data["reader_id"])), repeat)

    shared = sign_agreements(data["mission_ids"])
    reader = _fresh_reader(data["reader_id"])
    access_for(reader)
    with CaptureQueriesContext(connection) as shared_queries:
        shared_rows, shared_count = page(reader)
    shared_ms = _median_ms(lambda: page(reader), repeat)
    access_ms = _median_ms(lambda: access_for(_fresh_reader(data["reader_id"])), repeat)
    every = set(visible(Incident.objects.filter(start_date__year=YEAR), reader).values_list("id", flat=True))
    return {
        "alone_ms": alone_ms, "shared_ms": shared_ms, "ratio": round(shared_ms / alone_ms, 2),
        "alone_rows": alone_count, "shared_rows": shared_count,
        "queries_alone": len(alone_queries) // 2, "queries_shared": len(shared_queries) // 2,  # list + count
        "same_rows": every == expected_ids(data, shared),
        "access_alone_ms": alone_access_ms, "access_ms": access_ms,
    }


def child(quick: bool) -> dict:
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    data = generate(40_000 if quick else 200_000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    setup_s = round(time.perf_counter() - started, 1)
    return {"engine": connection.vendor, "setup_s": setup_s, "incidents": data["incidents"], **measure(data, quick)}


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
        scale = f"{f['incidents']} incidents"
        rows += [
            {"metric": f"{engine} incident page, no agreement ({scale})", "value": f["alone_ms"], "unit": "ms",
             "target": "", "met": None},
            {"metric": f"{engine} incident page, 9 missions sharing", "value": f["shared_ms"], "unit": "ms",
             "target": "", "met": None},
            {"metric": f"{engine} shared / alone", "value": f["ratio"], "unit": "x", "target": f"< {TARGET_RATIO}",
             "met": f["ratio"] < TARGET_RATIO and f["same_rows"]},
            {"metric": f"{engine} SQL queries per page (list + count)", "value": f["queries_shared"] * 2,
             "unit": "queries", "target": "2", "met": f["queries_shared"] == 1 and f["queries_alone"] == 1},
            {"metric": f"{engine} access per request, no agreement", "value": f["access_alone_ms"], "unit": "ms",
             "target": "", "met": None},
            {"metric": f"{engine} access per request, 18 agreements", "value": f["access_ms"], "unit": "ms",
             "target": "", "met": None},
        ]
    return rows


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    import django

    django.setup()
    print(json.dumps(child(sys.argv[2] == "quick"), default=str))
