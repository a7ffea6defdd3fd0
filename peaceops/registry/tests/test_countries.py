import pytest

from peaceops.registry.models import Country
from peaceops.registry.services import countries_load

pytestmark = pytest.mark.django_db


def test_load_countries_is_complete_and_idempotent():
    first = countries_load()
    assert first >= 249
    assert Country.objects.get(iso3="TCD").iso2 == "TD"
    assert countries_load() == first
    assert Country.objects.get(iso3="CAF").history.count() == 1  # a second load changes nothing
