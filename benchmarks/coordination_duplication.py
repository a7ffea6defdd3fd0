"""Duplication analysis (rule 1 of peaceops.coordination.rules) against a pandas join.

Generates 100,000 activities (``--quick``: 20,000) shaped like a national 3W: 26 provinces of
6 territories, 12 sectors, 400 organisations, periods of 1 to 18 months over six years (2 %
open-ended), 10 % with the territory unknown (province only). Then, in the same process, times
(median of 3 runs):

- ``rules``: :func:`peaceops.coordination.rules.duplicate_pairs` over the list of
  ``Activity`` dataclasses (the sweep: group by sector and province, sweep by start);
- ``pandas``: the same join done the usual pandas way on a frame with integer-coded columns
  prepared beforehand: self-merge on (sector, province), keep pairs with ``i < j``, different
  organisations, overlapping periods and same territory or one territory unknown;
- ``findings``: :func:`~peaceops.coordination.rules.find_duplications` (the sweep plus grouping
  the pairs into findings), what a view calls.

Both sides must find the same pairs (checked). Target (docs/benchmarks.md): the rules within 3x of pandas.
Pure Python, no database: run with ``peaceops bench [--quick] --only coordination_duplication``.
"""

import datetime as dt
import os
import platform
import random
import statistics
import time

NAME = "coordination_duplication"
TARGET_RATIO = 3
SECTORS = ("protection", "health", "wash", "food_security", "education", "shelter", "nutrition", "logistics",
           "early_recovery", "ddr", "ssr", "human_rights")
PROVINCES, TERRITORIES, ORGANISATIONS = 26, 6, 400
FIRST_DAY, DAYS = dt.date(2019, 1, 1), 6 * 365


def generate(count: int, seed: int = 7) -> list:
    from peaceops.coordination.rules import Activity

    rng = random.Random(seed)
    activities = []
    for index in range(count):
        province = rng.randrange(PROVINCES)
        admin1 = f"CD{10 + province}"
        admin2 = "" if rng.random() < 0.10 else f"{admin1}{rng.randrange(1, TERRITORIES + 1):02d}"
        start = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        end = None if rng.random() < 0.02 else start + dt.timedelta(days=rng.randrange(30, 540))
        activities.append(Activity(id=index, organisation=f"ORG{rng.randrange(ORGANISATIONS):03d}",
                                   sector=rng.choice(SECTORS), start=start, end=end, admin1=admin1, admin2=admin2))
    return activities


def to_frame(activities):
    """Integer-coded columns (pandas' best case): the frame is built before the timing starts."""
    import pandas as pd

    open_end = dt.date.max.toordinal()
    frame = pd.DataFrame({
        "i": range(len(activities)),  # list position, as duplicate_pairs gives
        "org": [a.organisation for a in activities],
        "sector": [a.sector for a in activities],
        "admin1": [a.admin1 for a in activities],
        "admin2": [a.admin2 for a in activities],
        "start": [a.start.toordinal() for a in activities],
        "end": [a.end.toordinal() if a.end else open_end for a in activities],
    })
    for column in ("org", "sector", "admin1", "admin2"):
        frame[column] = pd.factorize(frame[column])[0]
    frame = frame.astype("int32")  # halves the merge's memory (~30 million rows at 100,000 activities)
    unknown = pd.factorize(pd.Series([a.admin2 for a in activities]))[1].get_indexer([""])[0]
    return frame, unknown


def pandas_pairs(frame, unknown_admin2: int):
    joined = frame.merge(frame, on=["sector", "admin1"], suffixes=("_a", "_b"))
    keep = ((joined["i_a"] < joined["i_b"]) & (joined["org_a"] != joined["org_b"])
            & (joined["start_a"] <= joined["end_b"]) & (joined["start_b"] <= joined["end_a"])
            & ((joined["admin2_a"] == joined["admin2_b"]) | (joined["admin2_a"] == unknown_admin2)
               | (joined["admin2_b"] == unknown_admin2)))
    return joined.loc[keep, ["i_a", "i_b"]]


def _median_seconds(function, runs: int = 3):
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def run(quick: bool) -> dict:
    from peaceops.coordination import rules

    count = 20_000 if quick else 100_000
    started = time.perf_counter()
    activities = generate(count)
    frame, unknown = to_frame(activities)
    setup_s = time.perf_counter() - started

    rules_s, pairs = _median_seconds(lambda: rules.duplicate_pairs(activities))
    pandas_s, joined = _median_seconds(lambda: pandas_pairs(frame, unknown))
    findings_s, findings = _median_seconds(lambda: rules.find_duplications(activities))
    pandas_found = set(zip(joined["i_a"].tolist(), joined["i_b"].tolist(), strict=True))
    same = len(pairs) == len(joined) and set(pairs) == pandas_found
    ratio = rules_s / pandas_s
    result = {
        "name": NAME, "quick": quick, "activities": count, "setup_s": round(setup_s, 2),
        "pairs": len(pairs), "findings": len(findings), "same_pairs": same,
        "rules_s": round(rules_s, 3), "pandas_s": round(pandas_s, 3), "findings_s": round(findings_s, 3),
        "ratio": round(ratio, 2), "ratio_target": TARGET_RATIO,
        "environment": {"python": platform.python_version(), "cpus": os.cpu_count(),
                        "load_average": [round(x, 2) for x in os.getloadavg()]},
    }
    result["table"] = [
        {"metric": f"duplicate pairs, rules sweep ({count:,} activities, {len(pairs):,} pairs)", "value": rules_s,
         "unit": "s", "target": "", "met": None},
        {"metric": "duplicate pairs, pandas self-merge", "value": pandas_s, "unit": "s", "target": "", "met": None},
        {"metric": "rules / pandas", "value": ratio, "unit": "x", "target": f"<= {TARGET_RATIO}",
         "met": same and ratio <= TARGET_RATIO},
        {"metric": f"find_duplications ({len(findings):,} findings)", "value": findings_s, "unit": "s",
         "target": "", "met": None},
    ]
    return result


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run("--quick" in sys.argv), indent=2))
