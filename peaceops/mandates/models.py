"""Models of peaceops.mandates."""
