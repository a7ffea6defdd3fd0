"""Country names shown in the reader's language, from pycountry's translations; the stored name stays English."""

from django.utils import translation

from peaceops.registry.country_names import local_name
from peaceops.registry.models import Country


def test_a_country_reads_in_french_and_keeps_its_english_name():
    chad = Country(iso3="TCD", iso2="TD", name="Chad")
    drc = Country(iso3="COD", iso2="CD", name="Democratic Republic of the Congo")
    with translation.override("fr"):
        assert str(chad) == "Tchad" and chad.local_name == "Tchad"
        assert str(drc) == "République démocratique du Congo"
    with translation.override("en"):
        assert str(chad) == "Chad" and str(drc) == "Democratic Republic of the Congo"
    assert chad.name == "Chad"


def test_an_unknown_code_keeps_the_stored_name():
    assert local_name("XKX", "Kosovo", "fr") == "Kosovo"
    assert local_name("", "Somewhere", "fr") == "Somewhere"
    assert local_name("TCD", "Chad", "fr-ca") == "Tchad"
