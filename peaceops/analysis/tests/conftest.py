"""The analysis tests' shared fixture (peaceops/analysis/tests/fixtures.py)."""

from peaceops.analysis.tests.fixtures import analysis_world  # noqa: F401
