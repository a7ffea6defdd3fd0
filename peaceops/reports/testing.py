"""Test helpers of peaceops.reports, shared with the project-wide security tests."""


def hidden_records(world) -> dict:
    """One UNAMID record per secured API route of this app, above the MINURCAT user's clearance,
    keyed by route prefix (accounts/tests/test_api_security.py probes each one)."""
    return {}
