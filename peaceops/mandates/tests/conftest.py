"""Fixtures of the mandates tests."""

import os
from pathlib import Path

import pytest

SHARED_SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def shared_seeds():
    """The folder ../shared/seeds; tests skip without it, except under CI where it must be there."""
    if not SHARED_SEEDS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED_SEEDS} is missing under CI=true")
        pytest.skip(f"seeds not found at {SHARED_SEEDS} (a fresh clone has none)")
    return SHARED_SEEDS
