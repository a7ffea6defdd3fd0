"""Writes to the registry: reference places, and the rules every change must pass."""

import pycountry
from django.db import transaction

from peaceops.registry.models import Country


@transaction.atomic
def load_countries() -> int:
    """Create or update every ISO 3166-1 country from pycountry; returns how many exist afterwards.

    pycountry is the maintained copy of the ISO 3166 tables (DESIGN.md: codes from pycountry).
    """
    existing = {c.iso3: c for c in Country.objects.all()}
    for entry in pycountry.countries:
        name = getattr(entry, "common_name", None) or entry.name
        country = existing.get(entry.alpha_3)
        if country is None:
            Country.objects.create(iso3=entry.alpha_3, iso2=entry.alpha_2, numeric=entry.numeric, name=name)
        elif (country.iso2, country.numeric, country.name) != (entry.alpha_2, entry.numeric, name):
            country.iso2, country.numeric, country.name = entry.alpha_2, entry.numeric, name
            country.save()
    return Country.objects.count()
