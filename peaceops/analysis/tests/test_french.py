"""The analysis pages in French: every string of the app's catalogue is translated and compiled."""

import gettext
from pathlib import Path

import pytest
from django.urls import reverse

from peaceops.analysis.tests.fixtures import AS_OF
from peaceops.web.tests.test_i18n import po_entries

CATALOGUE = Path(__file__).resolve().parents[1] / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def test_every_analysis_string_has_its_french_and_the_compiled_catalogue_is_current():
    entries = po_entries(CATALOGUE)
    assert len(entries) > 100
    assert not [e["msgid"] for e in entries if e["fuzzy"] or not all(e["msgstr"])]
    # read the compiled file itself: other apps' catalogues may translate a shared msgid their own way
    with CATALOGUE.with_suffix(".mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    stale = [e["msgid"] for e in entries if not e["msgid_plural"] and catalogue.gettext(e["msgid"]) != e["msgstr"][0]]
    assert not stale, f"run msgfmt: {stale[:5]}"


@pytest.mark.django_db
@pytest.mark.parametrize("name, french", [
    ("analysis:alerts", "Alertes précoces"), ("analysis:replay", "Ce que le JMAC aurait vu"),
    ("analysis:levels", "Divergences de part et d'autre des frontières"), ("analysis:groups", "Groupes armés"),
])
def test_pages_in_french(analysis_world, client, name, french):
    client.force_login(analysis_world["world"].users["minurcat"])
    client.post("/i18n/setlang/", {"language": "fr"})
    page = client.get(reverse(name), {"as_of": AS_OF.isoformat()}).content.decode()
    assert french in page
