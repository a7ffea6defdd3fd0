"""Models of peaceops.assets."""
