"""The apps' layers hold and no two apps import each other (import-linter, contracts in pyproject.toml).

core < accounts < registry < the shell services (web, reports, jobs) < the domain apps < demo: a
lower layer never imports a higher one, and the apps' import graph has no cycle. import-linter
reads every import, those inside functions too, so a lazy import cannot hide a cycle.
"""

import subprocess
import sys
import tomllib
from pathlib import Path

import peaceops

ROOT = Path(peaceops.__file__).resolve().parent.parent
CONTRACTS = {c["id"]: c for c in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
             ["contracts"]}


def test_the_layer_and_cycle_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "2 kept, 0 broken" in done.stdout


def test_every_app_has_a_layer():
    """A new app must take its place in the layers, else the contract would not look at it."""
    apps = {p.name for p in (ROOT / "peaceops").iterdir() if (p / "apps.py").exists()}
    layered = {name.strip() for layer in CONTRACTS["layers"]["layers"] for name in layer.split(":")}
    assert apps <= layered, f"apps without a layer in pyproject.toml: {sorted(apps - layered)}"


def test_core_is_the_lowest_layer_and_demo_the_highest():
    layers = CONTRACTS["layers"]["layers"]
    assert layers[-1] == "core" and layers[-2] == "accounts" and layers[-3] == "registry"
    assert layers[0] == "demo"
