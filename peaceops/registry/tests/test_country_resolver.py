"""The one country resolver of the imports: codes, Gleditsch-Ward numbers, names in the datasets' spellings."""

import pytest

from peaceops.registry.countries import CountryResolver, bounds, iso3_for_name
from peaceops.registry.models import Country


@pytest.mark.parametrize("name, iso3", [
    ("Chad", "TCD"), ("Tchad", "TCD"), ("République centrafricaine", "CAF"), ("CAR", "CAF"),
    ("Côte d'Ivoire", "CIV"), ("Ivory Coast", "CIV"), ("DR Congo", "COD"), ("Congo Brazzaville", "COG"),
    ("Russia (Soviet Union)", "RUS"), ("Mali Situation", "MLI"), ("TD", "TCD"), ("SDN", "SDN"),
    ("Bosnia-Herzegovina", "BIH"),
])
def test_names_and_codes_resolve_exactly(name, iso3):
    assert iso3_for_name(name) == iso3


def test_a_misspelt_name_is_guessed_only_when_asked_and_never_for_a_short_code():
    assert iso3_for_name("Republic of Chadd") is None
    assert iso3_for_name("Central African Repub", guess=True) == "CAF"
    assert iso3_for_name("XQZ", guess=True) is None  # fuzzy search would pick some country
    assert iso3_for_name("   ") is None


def test_bounds_of_a_polygon_and_of_a_collection():
    square = {"type": "Polygon", "coordinates": [[[14, 7], [24, 7], [24, 23], [14, 23], [14, 7]]]}
    assert bounds(square) == (14, 7, 24, 23)
    collection = {"type": "GeometryCollection", "geometries": [
        square, {"type": "Point", "coordinates": [30, 2]}]}
    assert bounds(collection) == (14, 2, 30, 23)
    assert bounds({"type": "Polygon", "coordinates": []}) is None


@pytest.mark.django_db
def test_the_resolver_maps_to_the_registry_loading_iso_3166_into_an_empty_one():
    assert not Country.objects.exists()
    resolver = CountryResolver()
    chad = Country.objects.get(iso3="TCD").pk
    assert resolver.resolve(iso3="tcd") == chad
    assert resolver.resolve(gw=483) == chad
    assert resolver.resolve(iso3="???", gw=99999, name="Tchad") == chad
    assert resolver.resolve(name="Atlantis") is None
    assert resolver.iso2[chad] == "TD"
