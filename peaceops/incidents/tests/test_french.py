"""The incident log, the entry form and the situation report in French (the UN's second working language).

The pages are read as a user reads them after choosing French in the shell; the catalogue check
covers every string of the incidents and cooperation apps, as test_i18n does for the shell.
"""

# ruff: noqa: F811 (the client_as fixture imported from log_fixtures is a parameter of the tests)

import ast
import datetime as dt
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

import peaceops
from peaceops.core.classification import Classification
from peaceops.incidents.models import Incident
from peaceops.incidents.tests.log_fixtures import client_as  # noqa: F401 (fixture)
from peaceops.testing import make_user

CATALOGUE = Path(peaceops.__file__).parent / "locale" / "fr" / "LC_MESSAGES" / "django.po"
SOURCES = ("peaceops/incidents/", "peaceops/cooperation/")
DAY = dt.date(2009, 3, 14)


@pytest.fixture
def french_world(world):
    """``world`` with two MINURCAT reports of the day: a notable armed clash and a verified abduction."""
    common = {
        "owning_mission": world.minurcat,
        "classification": Classification.UNCLASSIFIED,
        "start_date": DAY,
        "end_date": DAY,
        "country": world.chad,
        "admin1": "Ouaddai",
    }
    world.records["clash"] = Incident.objects.create(
        category="armed_clash", deaths_a=6, deaths_best=6, deaths_low=6, deaths_high=6, location="Goz Beida", **common
    )
    world.records["abduction"] = Incident.objects.create(
        category="abduction", abducted=2, status="verified", location="Abeche", **common
    )
    world.users["watch"] = make_user("watch", "officer", mission=world.minurcat, clearance=Classification.CONFIDENTIAL)
    return world


def in_french(client_as, user):
    client = client_as(user)
    assert client.post("/i18n/setlang/", {"language": "fr", "next": "/incidents/"}).status_code == 302
    return client


def test_the_incident_log_renders_in_french_after_switching_language(french_world, client_as):
    client = in_french(client_as, french_world.users["minurcat"])
    page = client.get(reverse("incidents:list")).content.decode()
    assert '<html lang="fr">' in page
    for french in (
        "Journal des incidents",
        "2 rapports accessibles correspondent.",
        "Exporter en CSV (HXL)",
        "Catégorie",
        "Affrontement armé",
        "Enlèvement",
        "Brouillon",
        "Vérifié",
        "Non classifié",
        "Filtrer",
        "statut",
        "jeu de données",
    ):
        assert french in page, french
    for english in ("Incident log", "Armed clash", "Draft", "Export GeoJSON"):
        assert english not in page, english


def test_the_detail_page_and_entry_form_speak_french(french_world, client_as):
    client = in_french(client_as, french_world.users["watch"])
    detail = client.get(reverse("incidents:detail", args=[french_world.records["clash"].pk])).content.decode()
    for french in ("Victimes", "Morts, partie A", "Marquer comme vérifié", "Retour au journal", "Aucune source"):
        assert french in detail, french
    form = client.get(reverse("incidents:new")).content.decode()
    # The numbered category labels are built once at import; they must still follow the language.
    for french in ("1 · Affrontement armé", "Nouvel incident", "Enregistrer et en saisir un autre", "AAAA-MM-JJ"):
        assert french in form, french
    assert "Armed clash" not in form


def test_the_sitrep_page_and_its_markdown_render_in_french(french_world, client_as):
    client = in_french(client_as, french_world.users["minurcat"])
    query = {"mission": "MINURCAT", "date": DAY.isoformat()}
    page = client.get(reverse("incidents:sitrep"), query).content.decode()
    assert '<html lang="fr">' in page
    for french in (
        "Rapport de situation quotidien : MINURCAT, 2009-03-14",
        "Périmètre : mission MINURCAT",
        "Résumé",
        "Évolution",
        "Par catégorie",
        "Incidents marquants",
        "Affrontement armé",
        "6 morts",
        "5 morts ou plus",
        "Incidents du jour",
        "Vérifié",
        "Néant.",
        "Imprimer",
    ):
        assert french in page, french
    for english in ("Daily situation report", "Notable incidents", "Armed clash", "Verified"):
        assert english not in page, english
    markdown = client.get(reverse("incidents:sitrep"), {**query, "format": "md"}).content.decode()
    for french in (
        "# Rapport de situation quotidien : MINURCAT",
        "## Évolution",
        "| Affrontement armé | 1 | 6 |",
        "Morts par partie",
        "| Brouillon |",
    ):
        assert french in markdown, french


def test_english_stays_the_default(french_world, client_as):
    page = (
        client_as(french_world.users["minurcat"])
        .get(reverse("incidents:sitrep"), {"mission": "MINURCAT", "date": DAY.isoformat()})
        .content.decode()
    )
    assert "Daily situation report: MINURCAT, 2009-03-14" in page and "Scope: mission MINURCAT" in page


# --- the catalogue --------------------------------------------------------------------------------


def catalogue_entries() -> list[dict]:
    """Entries of django.po whose references name the incidents or cooperation code (msgctxt kept)."""
    entries = []
    for block in CATALOGUE.read_text(encoding="utf-8").split("\n\n"):
        entry = {"refs": "", "fuzzy": False, "msgctxt": None, "msgid": "", "msgid_plural": "", "msgstr": []}
        field = None
        for line in block.strip().splitlines():
            if line.startswith("#: "):
                entry["refs"] += line[3:] + " "
            elif line.startswith("#,"):
                entry["fuzzy"] |= "fuzzy" in line
            elif line.startswith(("msgctxt ", "msgid ", "msgid_plural ")):
                field, text = line.split(" ", 1)
                entry[field] = ast.literal_eval(text)
            elif line.startswith("msgstr"):
                field = "msgstr"
                entry["msgstr"].append(ast.literal_eval(line.split(" ", 1)[1]))
            elif line.startswith('"') and field == "msgstr":
                entry["msgstr"][-1] += ast.literal_eval(line)
            elif line.startswith('"') and field:
                entry[field] += ast.literal_eval(line)
        if entry["msgid"] and any(source in entry["refs"] for source in SOURCES):
            entries.append(entry)
    return entries


def test_every_incidents_and_cooperation_string_has_its_french():
    entries = catalogue_entries()
    assert len(entries) > 250
    missing = [e["msgid"] for e in entries if e["fuzzy"] or not all(e["msgstr"])]
    assert not missing, f"untranslated in {CATALOGUE}: {missing}"


def test_the_compiled_catalogue_has_the_incidents_strings():
    with translation.override("fr"):
        stale = [
            e["msgid"]
            for e in catalogue_entries()
            if not e["msgid_plural"]
            and e["msgstr"][0]
            != (translation.pgettext(e["msgctxt"], e["msgid"]) if e["msgctxt"] else translation.gettext(e["msgid"]))
        ]
    assert not stale, "run `peaceops manage compilemessages -l fr -i .venv` and commit django.mo"
