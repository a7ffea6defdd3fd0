"""The framework library fixture the app ships (seed 004 ch. 3-6) and ``peaceops import-framework``.

No seed needed: the app reads the fixture built by scripts/build_framework_fixture.py (whose tests
compare it with the seed).
"""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from peaceops.mandates import models
from peaceops.mandates.framework_library import FIXTURE, FrameworkFixtureError, load_library


@pytest.fixture(scope="module")
def library():
    return load_library()


def test_the_fixture_holds_four_objectives_twenty_outputs_364_benchmarks(library):
    assert [o.chapter for o in library.objectives] == [3, 4, 5, 6]
    assert len(library.outputs()) == 20
    assert sum(len(o.benchmarks) for o in library.outputs()) == 364
    by_ref = library.by_ref()
    assert by_ref["004/3.2/B-S-3"].text == "Joint confidence building measures implemented"
    assert (by_ref["004/3.2/B-S-3"].first_line, by_ref["004/3.2/B-S-3"].horizon) == (611, "short")
    assert library.output("6.3").considerations_note.startswith("The considerations concerning the previous output")


@pytest.mark.parametrize("content, message", [
    ("not json", "not a JSON file"),
    ('{"format": "something else"}', "format: not a peaceops-framework-library file"),
    ('{"format": "peaceops-framework-library", "version": 99}', "version: 99"),
    ('{"format": "peaceops-framework-library", "version": 2, "source": "x"}', "field 'sha256'"),
])
def test_a_bad_fixture_is_named(tmp_path, content, message):
    path = tmp_path / "library.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FrameworkFixtureError, match=message) as error:
        load_library(path)
    assert str(error.value).startswith(str(path))


def test_command_dry_run_prints_counts_per_output():
    out = StringIO()
    call_command("import_framework", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "total: 20 outputs, 364 benchmarks" in text and "dry run: nothing stored" in text
    row = next(line for line in text.splitlines() if line.startswith("4.6 "))
    assert row.split()[:9] == ["4.6", "13", "15", "9", "12", "36", "2", "4", "12"]


def test_command_writes_json_with_refs_and_lines(tmp_path):
    out = tmp_path / "library.json"
    call_command("import_framework", "--json", str(out), stdout=StringIO())
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["objectives"]) == 4 and len(data["counts"]) == 20
    first = data["objectives"][0]["outputs"][0]["benchmarks"][2]
    assert first["ref"] == "004/3.2/B-S-3" and first["first_line"] == 611


def test_command_names_a_bad_fixture(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_framework", "--fixture", str(tmp_path / "missing.json"), "--dry-run")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "peaceops-framework-library", "version": 0}', encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad.json: version: 0"):
        call_command("import_framework", "--fixture", str(bad), "--dry-run")


@pytest.mark.django_db
def test_command_stores_through_the_mandates_service_once(library):
    for _ in range(2):  # a second run changes nothing
        out = StringIO()
        call_command("import_framework", stdout=out)
    assert "stored:" in out.getvalue()
    assert models.FrameworkItem.objects.count() == len(library.items())
    assert models.FrameworkItem.objects.filter(kind="benchmark").count() == 364


def test_the_fixture_ships_with_the_package():
    assert FIXTURE.parent.name == "fixtures" and FIXTURE.is_file()
