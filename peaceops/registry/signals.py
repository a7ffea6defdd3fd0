"""Signals the registry sends; apps above it listen (the registry imports none of them)."""

from django.dispatch import Signal

# Sent inside the transaction that changed a mission's areas, with ``actor`` and ``reason``: the
# incidents app re-assigns what the areas cover (peaceops.incidents.membership).
mission_areas_changed = Signal()
