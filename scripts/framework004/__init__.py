"""Build step: seed 004 chapters 3-6 -> the framework library fixture (scripts/build_framework_fixture.py)."""
