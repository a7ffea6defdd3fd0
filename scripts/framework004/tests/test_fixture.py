"""The committed framework library fixture is what the parser makes of seed 004, byte for byte.

Without the seed (a fresh clone) these tests skip; under CI=true they fail, so a parser change that is
not followed by ``scripts/build_framework_fixture.py`` cannot pass unnoticed.
"""

import subprocess
import sys
from pathlib import Path

from framework004.parser import parse_framework
from peaceops.mandates.framework_library import FIXTURE, dump_library, load_library

SCRIPT = Path(__file__).resolve().parents[2] / "build_framework_fixture.py"


def test_the_committed_fixture_is_what_the_seed_gives(seed_file):
    library = parse_framework(seed_file("004"))
    assert FIXTURE.read_text(encoding="utf-8") == dump_library(library), \
        "rebuild the fixture: .venv/bin/python scripts/build_framework_fixture.py"
    assert load_library() == library  # and it reads back as the same library


def test_the_build_script_checks_and_writes(seed_file, tmp_path):
    seed = seed_file("004")
    done = subprocess.run([sys.executable, str(SCRIPT), "--seed", str(seed), "--check"], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = tmp_path / "library.json"
    done = subprocess.run([sys.executable, str(SCRIPT), "--seed", str(seed), "--out", str(out)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "364 benchmarks" in done.stdout and out.read_text(encoding="utf-8") == FIXTURE.read_text(encoding="utf-8")
    out.write_text("{}", encoding="utf-8")
    stale = subprocess.run([sys.executable, str(SCRIPT), "--seed", str(seed), "--out", str(out), "--check"],
                           capture_output=True, text=True, timeout=120)
    assert stale.returncode == 1 and "differs" in stale.stderr


def test_the_build_script_names_a_missing_seed(tmp_path):
    done = subprocess.run([sys.executable, str(SCRIPT), "--seed", str(tmp_path / "004_missing.txt")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "004_missing.txt" in done.stderr
