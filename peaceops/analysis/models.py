"""Models of peaceops.analysis."""
