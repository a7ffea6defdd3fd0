"""The benchmark machinery on a tiny size: data generator, raw SQL twin of the API query, result writer.

Benchmarks are not timed tests; these check that what ``peaceops bench`` measures is what it claims.
"""

import datetime as dt
import json

import pytest
from django.db import connection

from peaceops.core.management.commands.bench import (
    benchmarks_folder,
    discover,
    format_table,
    load_module,
    write_result,
)
from peaceops.registry.models import Post


@pytest.fixture(scope="module")
def api_latency():
    return load_module(discover(benchmarks_folder())["api_latency"])


@pytest.fixture
def tiny(db, api_latency):
    return api_latency.generate(240)


def test_generator_makes_records_history_and_a_granted_user(api_latency, tiny):
    counts = tiny["counts"]
    assert counts["total"] == 240 and counts["history"] == 120
    assert Post.objects.count() == counts["posts"] == Post.history.count()
    visible = set(tiny["visible_post_ids"])
    assert visible and len(visible) < counts["posts"]  # the grant narrows: one mission, up to confidential
    assert all(p.mission_id == tiny["mission_id"] and p.classification <= tiny["clearance"]
               for p in Post.objects.filter(pk__in=visible))


def test_raw_sql_returns_the_same_page_as_the_api(api_latency, tiny, client):
    headers = {"HTTP_AUTHORIZATION": f"Token {tiny['token']}"}
    api = client.get("/api/v1/posts/?page_size=100&page=1", **headers).json()
    cursor = connection.cursor()
    style = "pyformat" if connection.vendor == "postgresql" else "named"
    raw = json.loads(api_latency.raw_list_page(cursor.cursor, style, tiny["mission_id"], tiny["clearance"], 1))
    assert raw["count"] == api["count"] == len(tiny["visible_post_ids"])
    assert [row["id"] for row in raw["results"]] == [row["id"] for row in api["results"]]
    assert raw["results"][0]["title"] == api["results"][0]["title"]

    one = api["results"][0]["id"]
    detail = json.loads(api_latency.raw_detail(cursor.cursor, style, tiny["mission_id"], tiny["clearance"], one))
    assert detail == {k: v for k, v in client.get(f"/api/v1/posts/{one}/", **headers).json().items() if k in detail}
    hidden = Post.objects.exclude(pk__in=tiny["visible_post_ids"]).first()
    assert client.get(f"/api/v1/posts/{hidden.pk}/", **headers).status_code == 404


def test_percentile_by_nearest_rank(api_latency):
    assert api_latency.percentile(list(range(1, 101)), 95) == 95
    assert api_latency.percentile([3.0], 50) == 3.0


def test_result_writer_and_table(tmp_path):
    when = dt.datetime(2025, 1, 31, 2, 0, tzinfo=dt.UTC)
    rows = [{"metric": "list p95 @32", "value": 120.5, "unit": "ms", "target": "< 150", "met": True},
            {"metric": "list app/raw", "value": 7.25, "unit": "x", "target": "< 5", "met": False}]
    path = write_result(tmp_path / "results", "api_latency", {"table": rows}, when)
    assert path.name == "api_latency-20250131T020000Z.json"
    assert json.loads(path.read_text())["table"] == rows
    table = format_table("api_latency", rows)
    assert "120.5" in table and "7.25" in table and "MISSED" in table and "ok" in table
