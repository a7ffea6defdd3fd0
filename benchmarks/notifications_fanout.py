"""Notifications: what fanning one alert run out to the notified missions costs, beside a raw SQL insert.

In a throwaway data folder (SQLite; PostgreSQL too when ``DATABASE_URL`` names a server): 10 missions,
1,000,000 incidents (``--quick``: 40,000) spread over them, and one alert run of 200 alerts (``--quick``: 50),
each on 500 incidents of one mission and naming three neighbouring missions to notify (600 notifications).
Timed (medians, alternating):

- ``fanout``: ``notifications.services.alerts_notify(SYSTEM, alerts)`` on an empty inbox: the write check,
  the counts by category of each alert's evidence (one aggregate query per alert), one insert per
  notification (mail off: no server named);
- ``rerun``: the same run again: nothing new, every notification compared and left as it is (idempotence);
- baseline ``sql``: the same rows written by hand: one GROUP BY over all the evidence, then one
  ``executemany`` INSERT on the same connection.

The ratio fanout / sql is the price of going through the service; both are far below an alert run's own
cost (benchmarks/alerts.py). Run with ``peaceops bench [--quick] --only notifications_fanout`` or
``python benchmarks/notifications_fanout.py``.
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

NAME = "notifications_fanout"
MISSIONS = 10
NOTIFIED = 3
EVIDENCE = 500
CATEGORIES = ("armed_clash", "attack_on_civilians", "banditry", "displacement", "protest")


def generate(total: int, seed: int = 3) -> list[int]:
    from django.db import transaction

    from peaceops.incidents.models import Incident
    from peaceops.registry.models import Mission

    rng = random.Random(seed)
    with transaction.atomic():
        missions = [Mission.objects.create(acronym=f"NM{i:02d}", name=f"Bench mission {i}", kind="peacekeeping",
                                             start_date=dt.date(2000, 1, 1)) for i in range(MISSIONS)]
        rows = []
        for n in range(total):
            day = dt.date(2009, 1, 1) + dt.timedelta(days=rng.randint(0, 180))
            rows.append(Incident(owning_mission=missions[n % MISSIONS], start_date=day, end_date=day,
                                 category=rng.choice(CATEGORIES), location=f"place {n}"))
            if len(rows) == 20_000:
                Incident.objects.bulk_create(rows)
                rows = []
        Incident.objects.bulk_create(rows)
    return [m.pk for m in missions]


def make_alerts(mission_ids: list[int], count: int):
    from peaceops.analysis.early_warning import DISPLACEMENT, Alert
    from peaceops.incidents.models import Incident

    by_mission = {m: list(Incident.objects.filter(owning_mission_id=m).order_by("pk").values_list("pk", flat=True))
                  for m in mission_ids}
    alerts = []
    for i in range(count):
        owner = mission_ids[i % MISSIONS]
        start = (i // MISSIONS) * EVIDENCE
        evidence = tuple(by_mission[owner][start:start + EVIDENCE])
        notified = tuple(mission_ids[(i + k) % MISSIONS] for k in range(1, NOTIFIED + 1))
        alerts.append(Alert(kind=DISPLACEMENT, country="TCD", admin1=f"Area {i}", admin2="", score=5.0,
                            since=dt.date(2009, 6, 1), evidence_ids=evidence, mission_ids=(owner,),
                            notified_mission_ids=notified, key=f"displacement:TCD:Area {i}::border:SDN"))
    return alerts


def fanout(alerts) -> int:
    from peaceops.accounts.access import SYSTEM
    from peaceops.notifications.services import alerts_notify

    return alerts_notify(SYSTEM, alerts, as_of=dt.date(2009, 6, 30))


def sql_baseline(alerts) -> int:
    """The same notification rows by hand: one aggregate over all the evidence, one executemany INSERT."""
    from django.db import connection
    from django.utils import timezone

    owner_of = {}
    for alert in alerts:
        for incident in alert.evidence_ids:
            owner_of[incident] = alert.key
    counts: dict[str, dict[str, int]] = {}
    with connection.cursor() as cursor:
        ids = list(owner_of)
        for start in range(0, len(ids), 900):  # SQLite's bound-parameter limit
            chunk = ids[start:start + 900]
            cursor.execute(f"SELECT id, category FROM incidents_incident WHERE id IN ({','.join(['%s'] * len(chunk))})",
                           chunk)
            for pk, category in cursor.fetchall():
                per = counts.setdefault(owner_of[pk], {})
                per[category] = per.get(category, 0) + 1
        now = timezone.now()
        rows = [(0, mission, alert.mission_ids[0], alert.key, alert.kind, alert.admin1, alert.country, alert.admin1,
                 "", alert.since, dt.date(2009, 6, 30), alert.score, json.dumps(counts.get(alert.key, {})),
                 json.dumps(list(alert.evidence_ids)), now, now)
                for alert in alerts for mission in alert.notified_mission_ids]
        cursor.executemany(
            "INSERT INTO notifications_notification (classification, recipient_id, source_mission_id, alert_key, "
            "kind, title, country, admin1, admin2, since, as_of, score, counts, evidence_ids, created_at, updated_at) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", rows)
    return len(rows)


def _clear():
    from peaceops.notifications.models import Notification

    Notification.objects.all().delete()


def measure(mission_ids: list[int], quick: bool) -> dict:
    from django.db import transaction

    alerts = make_alerts(mission_ids, 50 if quick else 200)
    repeat = 3 if quick else 5
    fan, sql, rerun = [], [], []
    for _ in range(repeat):
        _clear()
        started = time.perf_counter()
        with transaction.atomic():
            made = fanout(alerts)
        fan.append(time.perf_counter() - started)
        started = time.perf_counter()
        fanout(alerts)
        rerun.append(time.perf_counter() - started)
        _clear()
        started = time.perf_counter()
        with transaction.atomic():
            written = sql_baseline(alerts)
        sql.append(time.perf_counter() - started)
    fan_ms, sql_ms = statistics.median(fan) * 1000, statistics.median(sql) * 1000
    return {"alerts": len(alerts), "notifications": made, "sql_rows": written,
            "fanout_ms": round(fan_ms, 1), "rerun_ms": round(statistics.median(rerun) * 1000, 1),
            "sql_ms": round(sql_ms, 1), "ratio": round(fan_ms / sql_ms, 2),
            "per_notification_ms": round(fan_ms / max(made, 1), 3)}


def child(quick: bool) -> dict:
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    mission_ids = generate(40_000 if quick else 1_000_000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    setup_s = round(time.perf_counter() - started, 1)
    return {"engine": connection.vendor, "setup_s": setup_s, "incidents": 40_000 if quick else 1_000_000,
            **measure(mission_ids, quick)}


def run(quick: bool) -> dict:
    result = {"name": NAME, "quick": quick, "environment": environment(),
              "databases": on_every_database(lambda url: run_in_fresh_home(__file__, ["quick" if quick else "full"],
                                                                           url, label=NAME))}
    result["table"] = table_rows(result)
    return result


def table_rows(result: dict) -> list[dict]:
    rows = []
    for engine, f in result["databases"].items():
        scale = f"{f['alerts']} alerts, {f['notifications']} notifications, {f['incidents']} incidents"
        rows += [
            {"metric": f"{engine} fan-out of one alert run ({scale})", "value": f["fanout_ms"], "unit": "ms",
             "target": "", "met": None},
            {"metric": f"{engine} same run again (idempotent)", "value": f["rerun_ms"], "unit": "ms", "target": "",
             "met": None},
            {"metric": f"{engine} raw SQL insert of the same rows", "value": f["sql_ms"], "unit": "ms", "target": "",
             "met": None},
            {"metric": f"{engine} fan-out / raw SQL", "value": f["ratio"], "unit": "x", "target": "", "met": None},
        ]
    return rows


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    import django

    django.setup()
    print(json.dumps(child(sys.argv[2] == "quick"), default=str))
elif __name__ == "__main__":
    print(json.dumps(run("--full" not in sys.argv), indent=1, default=str))
