"""The coordination pages in French (the UN's second working language), with OCHA's French cluster names.

The pages are read as a user reads them after choosing French in the shell; the catalogue check
covers every string of the coordination app, as test_i18n does for the shell.
"""

# ruff: noqa: F811 (the coordination fixture imported from test_views is a parameter of the tests)

import html
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

import peaceops
from peaceops.coordination import vocabulary
from peaceops.coordination.tests.test_views import coordination  # noqa: F401 (fixture)
from peaceops.web.tests.test_i18n import po_entries

pytestmark = pytest.mark.django_db

# The app's own catalogue (makemessages run in peaceops/coordination/): every entry is the app's.
CATALOGUE = Path(peaceops.__file__).parent / "coordination" / "locale" / "fr" / "LC_MESSAGES" / "django.po"


@pytest.fixture(autouse=True)
def english_afterwards():
    """The locale middleware leaves French active in the test thread; later tests expect English messages."""
    yield
    translation.deactivate()


def in_french(client, user):
    client.force_login(user)
    assert client.post("/i18n/setlang/", {"language": "fr", "next": "/coordination/"}).status_code == 302
    return client


def page(client, name, **params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200, name
    text = html.unescape(response.content.decode())
    assert '<html lang="fr">' in text
    return text


def assert_french(text, french, english):
    for words in french:
        assert words in text, words
    for words in english:
        assert words not in text, words


def test_who_does_what_where_in_french(coordination, client):
    text = page(in_french(client, coordination.users["minurcat"]), "coordination:activities", country="TCD")
    assert_french(text, (
        "Qui fait quoi où", "Pages de la coordination", "Doublons", "Matrice d'intégration", "Tous les secteurs",
        "Toutes les organisations", "Activités par unité administrative de niveau 1 : TCD", "Personnes atteintes",
        "Exporter en CSV (HXL)", "2 activités accessibles correspondent.",
        # OCHA's French cluster names in the sector filter
        "Santé", "Abris et articles non alimentaires", "Eau, hygiène et assainissement (EHA)",
        "Sécurité alimentaire", "Éducation", "Logistique", "Coordination et gestion des camps (CCCM)",
        "Relèvement précoce", "DDR (désarmement, démobilisation et réintégration)",
        "RSS (réforme du secteur de la sécurité)",
    ), ("Who does what where", "All sectors", "Water, Sanitation and Hygiene", "People reached"))


def test_duplications_in_french(coordination, client):
    client = in_french(client, coordination.users["minurcat"])
    text = page(client, "coordination:duplications")
    assert_french(text, ("Doublons", "1 constat.", "DDR à TD19 (Vakaga-test)", "1 paire qui se chevauche",
                         "Appliquer", "Deux organisations ou plus intervenant dans le même secteur"),
                  ("Two or more organisations", "overlapping pair", "DDR in TD19"))
    empty = page(client, "coordination:duplications", start="2001-01-01", end="2001-12-31")
    assert "Aucun doublon parmi les activités accessibles pendant cette période." in empty


def test_funding_cell_and_ddr_warning_in_french(coordination, client):
    text = page(in_french(client, coordination.users["minurcat"]), "coordination:funding", country="TCD")
    assert_french(text, (
        "Cellule de financement : TCD", "Alertes de déficit de financement du DDR", "Fonds par type de flux",
        "DDR Vakaga : la composante « démobilisation » est en cours (financée par : contributions statutaires) "
        "alors que la composante « réintégration » n'a aucun financement",
        "Contributions statutaires", "Contributions volontaires", "Fonds d'affectation spéciale multipartenaires",
        "En cours d'exécution", "Prévu",
    ), ("Funding cell", "runs (paid from", "Assessed contributions", "Multi-donor trust fund", "Running"))


def test_integration_matrix_and_advice_in_french(coordination, client):
    text = page(in_french(client, coordination.users["minurcat"]), "coordination:integration")
    assert_french(text, (
        "Matrice d'intégration", "Séparée", "Partielle", "Complète", "Motif", "non évalué", "Recommandations",
        "DDR (désarmement, démobilisation et réintégration)", "RSS (réforme du secteur de la sécurité)",
        "Affaires humanitaires", "intégration complète sans motif enregistré",
        "secteur humanitaire pleinement intégré : maintenez-le séparé pour préserver l'espace humanitaire",
        "contributions statutaires pour le désarmement et la démobilisation",
    ), ("Integration matrix", "not assessed", "no reason recorded", "Security Sector Reform"))


# --- the catalogue --------------------------------------------------------------------------------

def coordination_entries() -> list[dict]:
    return [e for e in po_entries(CATALOGUE) if e["msgid"]]


def test_every_coordination_string_has_its_french():
    entries = coordination_entries()
    assert len(entries) > 150
    missing = [e["msgid"] for e in entries if e["fuzzy"] or not all(e["msgstr"])]
    assert not missing, f"untranslated in {CATALOGUE}: {missing}"


def test_every_sector_name_of_the_vocabulary_is_in_the_compiled_catalogue():
    """The templates translate the English name they show: a sector added to vocabulary.py needs its French."""
    msgids = {e["msgid"] for e in coordination_entries()}
    assert not [s.name_en for s in vocabulary.SECTORS if s.name_en not in msgids]
    with translation.override("fr"):
        assert translation.gettext("Water, Sanitation and Hygiene") == "Eau, hygiène et assainissement (EHA)"
        assert translation.gettext("Disarmament, Demobilisation and Reintegration") == \
            "DDR (désarmement, démobilisation et réintégration)"
        assert translation.pgettext("funding regime", "voluntary") == "contributions volontaires"


APP_CATALOGUE = Path(peaceops.__file__).parent / "coordination" / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def test_the_app_catalogue_translates_every_string():
    import polib

    catalogue = polib.pofile(str(APP_CATALOGUE))
    assert not [e.msgid for e in catalogue if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]


def test_humanitarian_space_and_gaps_in_french(coordination, client):
    in_french(client, coordination.users["minurcat"])
    text = html.unescape(client.get(reverse("coordination:humanitarian")).content.decode())
    assert "Principes humanitaires" in text and "Impartialité" in text and "Indépendance" in text
    text = html.unescape(client.get(reverse("coordination:gaps")).content.decode())
    assert "Lacunes et carte de coordination" in text
