"""English and French: every string of the shell has its French, and the compiled catalogue is current."""

import ast
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

import peaceops
from peaceops.web import modules

CATALOGUE = Path(peaceops.__file__).parent / "locale" / "fr" / "LC_MESSAGES" / "django.po"
SHELL_SOURCES = ("peaceops/web/", "peaceops/core/", "peaceops/accounts/", "peaceops/registry/", "peaceops/settings.py")


def po_entries(path: Path) -> list[dict]:
    """The entries of a .po file: references, msgid, msgid_plural, msgstr(s), fuzzy flag."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry = {"refs": "", "fuzzy": False, "msgctxt": "", "msgid": "", "msgid_plural": "", "msgstr": []}
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
            elif line.startswith('"') and field:
                if field == "msgstr":
                    entry["msgstr"][-1] += ast.literal_eval(line)
                else:
                    entry[field] += ast.literal_eval(line)
        if entry["msgid"]:
            entries.append(entry)
    return entries


def shell_entries():
    return [e for e in po_entries(CATALOGUE) if any(src in e["refs"] for src in SHELL_SOURCES)]


def test_every_shell_and_registry_string_has_its_french():
    entries = shell_entries()
    assert len(entries) > 150
    missing = [e["msgid"] for e in entries if e["fuzzy"] or not all(e["msgstr"])]
    assert not missing, f"untranslated in {CATALOGUE}: {missing}"


def test_the_compiled_catalogue_matches_the_po_file():
    with translation.override("fr"):
        stale = [e["msgid"] for e in shell_entries()
                 if not e["msgid_plural"] and (translation.pgettext(e["msgctxt"], e["msgid"]) if e["msgctxt"]
                                               else translation.gettext(e["msgid"])) != e["msgstr"][0]]
    assert not stale, "run `peaceops manage compilemessages -l fr -i .venv` and commit django.mo"


def test_the_dashboard_renders_in_french_after_switching_language(shell_world, client_as):
    client = client_as(shell_world.users["minurcat"])
    response = client.post("/i18n/setlang/", {"language": "fr", "next": reverse("web:home")})
    assert response.status_code == 302
    page = client.get(reverse("web:home")).content.decode()
    assert '<html lang="fr">' in page
    for french in ("Tableau de bord", "Pays hôtes", "Résolutions du mandat", "Direction", "Modifications récentes",
                   "Coordonnateur résident", "Non classifié", "Se déconnecter", "Coopération entre missions", "Carte"):
        assert french in page, french
    assert "Host countries" not in page


@pytest.mark.parametrize("language, sentence", [
    ("en", "This module is not built yet: it will hold"),
    ("fr", "Ce module n'est pas encore construit : il contiendra"),
])
def test_not_built_module_pages_in_both_languages(language, sentence, world, client_as):
    unbuilt = modules.not_built()
    if not unbuilt:  # every module has its pages: nothing is announced any more
        assert all(module.built for module in modules.MODULES)
        return
    client = client_as(world.users["minurcat"])
    client.post("/i18n/setlang/", {"language": language})
    assert sentence in client.get(reverse("web:module", args=[unbuilt[0].slug])).content.decode()


def test_the_login_page_follows_the_browser_language(db, client):
    page = client.get(reverse("web:login"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Nom d'utilisateur" in page and "Mot de passe" in page
