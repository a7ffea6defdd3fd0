"""The demo's fact list replayed against the seeds (peaceops.demo.factcheck): every record that cites a seed
passage in its ``source`` cites one that exists, and the missions, dates and places it names are in the passages
it cites; records marked ``demo: fictional`` need only cite existing passages. Three sets: the scenario's records
(pure data), the leadership part's records, and every record with a ``source`` once the whole demo is loaded."""

import dataclasses
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models

from peaceops.demo import factcheck, scenario

SEEDS_FOLDER = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
# Fields that name another scenario record (a handle), not a fact the record states.
HANDLES = {"source", "mission", "key", "post", "from_post", "to_post", "to_mission", "to_org", "on_behalf_of",
           "component", "role", "function", "kind", "organisation"}

pytestmark = pytest.mark.skipif(not SEEDS_FOLDER.is_dir(), reason="the seeds folder is not beside the checkout")


@pytest.fixture(scope="module")
def seeds():
    return {number: factcheck.Seed.read(SEEDS_FOLDER, number) for number in ("000", "001", "002", "003", "004")}


def test_the_checker_catches_the_two_facts_the_issue_named(seeds):
    # MONUC (ended 30 June 2010) at a meeting of 9 November 2010, cited to a passage that says neither
    meeting = factcheck.check("meeting", "seed 000 §III.C.2",
                              "Force Commanders' meeting of 9 November 2010: MONUC, UNAMID, UNMIS", seeds)
    assert {"names 'MONUC'", "names '9 November 2010'"} <= {p.message.split(",")[0] for p in meeting}
    # an invented request cited to a passage about something else: caught unless marked as invented
    request = "MINURCAT asked UNAMID for a helicopter in July 2009; Sudan refused"
    assert [p.message.split(",")[0] for p in factcheck.check("request", "seed 000 §II.B.5", request, seeds)] == [
        "names 'July 2009'"]
    assert factcheck.check("request", "seed 000 §II.B.5; request: demo: fictional", request, seeds) == []
    assert [p.message for p in factcheck.check("x", "seed 000 §IV.E.7; demo: fictional", "x", seeds)] == [
        "cites seed 000 §IV.E.7: no such passage"]


def test_passages_are_found_by_their_references(seeds):
    assert "one of the DSRSGs should have in her/his terms of reference" in seeds["000"].passage("§IV.E.1")
    assert seeds["000"].passage("§III.C.4").count("exit strategy") >= 1
    assert "Established on 25 September 2007" in seeds["000"].passage("app. 1")
    assert seeds["003"].passage("rec. 3.4.3").startswith("3. To support the work of the senior mission official")
    assert seeds["003"].passage("§2.4.3").startswith("2.4.3 Humanitarian space")
    assert seeds["004"].passage("§1.4.5") is not None and seeds["000"].passage("§II.B.9") is None
    assert factcheck.citations("seed 003 §1.3 n. 13; rec. 3.4.6-7; seed 000 app. 1; public record") == [
        factcheck.Citation("003", "§1.3 n. 13"), factcheck.Citation("003", "rec. 3.4.6"),
        factcheck.Citation("000", "app. 1")]


def _scenario_records():
    for name in dir(scenario):
        value = getattr(scenario, name)
        if isinstance(value, tuple | list):
            for position, record in enumerate(value):
                if dataclasses.is_dataclass(record) and hasattr(record, "source"):
                    words = " ".join(getattr(record, f.name) for f in dataclasses.fields(record)
                                     if f.name not in HANDLES and isinstance(getattr(record, f.name), str))
                    yield f"scenario.{name}[{position}]", record.source, words


def test_the_scenario_records_agree_with_their_passages(seeds):
    records = list(_scenario_records())
    assert len(records) > 200
    problems = [p for label, source, words in records for p in factcheck.check(label, source, words, seeds)]
    assert problems == []


@pytest.mark.django_db
def test_the_leadership_part_agrees_with_its_passages(seeds):
    from peaceops.demo import part_leadership as part

    records = [("strategy", part.STRATEGY["source"], f"{part.STRATEGY['title']} {part.STRATEGY['summary']}")]
    records += [(f"objective {o[0][:30]}", o[5], " ".join(o[:1] + o[2:4])) for o in part.OBJECTIVES]
    records += [(f"decision {d[0]}", d[5], f"{d[1]} {d[2]}") for d in part.DECISIONS]
    records += [(f"terms v{v[0]}", v[4], v[1]) for v in part.TOR_VERSIONS]
    assert all(factcheck.citations(source) for _label, source, _words in records)
    assert [p for label, source, words in records for p in factcheck.check(label, source, words, seeds)] == []


@pytest.mark.django_db
def test_every_loaded_demo_record_agrees_with_its_passages(seeds):
    from peaceops.demo.loader import load_demo

    load_demo()
    problems, checked = [], 0
    for model in apps.get_models():
        source = next((f for f in model._meta.concrete_fields if f.name == "source"), None)
        if (not isinstance(source, models.CharField | models.TextField) or not model.__module__.startswith("peaceops.")
                or model.__name__.startswith("Historical") or model._meta.app_label == "reports"):
            # history rows repeat their record; a drafted report's source names the seed that asks for the
            # report, its figures come from the demo's records (checked where they are stored)
            continue
        texts = [field.name for field in model._meta.concrete_fields
                 if isinstance(field, models.CharField | models.TextField) and field.name != "source"]
        for row in model.objects.exclude(source="").values("pk", "source", *texts):
            if "seed 0" not in row["source"]:
                continue
            checked += 1
            words = " ".join(str(row[name]) for name in texts if row[name])
            problems += factcheck.check(f"{model._meta.label} #{row['pk']}", row["source"], words, seeds)
    assert checked > 200
    assert [f"{p.record}: {p.message}" for p in problems] == []
