"""Models of peaceops.reports."""
