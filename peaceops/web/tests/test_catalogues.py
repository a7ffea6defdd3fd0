"""The French catalogues: complete, compiled, and never saying one thing twice.

Django merges every catalogue of the project into one table per language (the project's own catalogue first,
then the apps in order), so a msgid held by two catalogues with two translations shows one of them everywhere:
a priority's "High" once read "Estimation haute" (the estimate of deaths). Words that mean two things carry a
context (pgettext) instead. A translation pasted twice over itself (the subtitle of /analysis/trends/ once
read three times in French) is caught too.
"""

from collections import defaultdict
from pathlib import Path

import polib
import pytest
from django.utils import translation

import peaceops

ROOT = Path(peaceops.__file__).parent
CATALOGUES = sorted(ROOT.glob("*/locale/fr/LC_MESSAGES/django.po")) + [ROOT / "locale/fr/LC_MESSAGES/django.po"]


def _entries(path: Path) -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(path)) if not e.obsolete]


def _key(entry: polib.POEntry) -> tuple[str, str]:
    return entry.msgctxt or "", entry.msgid


def test_there_are_catalogues_for_the_apps_and_the_shell():
    assert len(CATALOGUES) >= 8 and all(path.exists() for path in CATALOGUES)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_entry_is_translated_once_and_compiled(path):
    entries = _entries(path)
    seen = defaultdict(int)
    for entry in entries:
        seen[_key(entry)] += 1
    assert not [k for k, n in seen.items() if n > 1], f"msgids entered twice in {path}"
    untranslated = [e.msgid for e in entries if not e.translated() or e.fuzzy]
    assert not untranslated, f"untranslated or fuzzy in {path}: {untranslated}"
    compiled = path.with_suffix(".mo")
    assert compiled.exists() and compiled.stat().st_size > 100
    table = polib.mofile(str(compiled))
    in_mo = {(e.msgctxt or "", e.msgid): e.msgstr or e.msgstr_plural for e in table}
    stale = [e.msgid for e in entries if _key(e) not in in_mo
             or in_mo[_key(e)] != (e.msgstr or {int(n): s for n, s in e.msgstr_plural.items()})]
    assert not stale, f"{compiled} is older than {path.name}: compile it (docs/web.md). {stale[:5]}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_translation_repeats_itself(path):
    repeated = [e.msgid for e in _entries(path)
                if len(e.msgstr) > 60 and e.msgstr.find(e.msgstr[:40], 40) > 0]
    assert not repeated, f"translations pasted twice over in {path}: {repeated}"


def test_a_msgid_in_several_catalogues_has_one_translation():
    translations = defaultdict(dict)
    for path in CATALOGUES:
        for entry in _entries(path):
            if not entry.msgid_plural and entry.msgstr:  # an untranslated one fails the test above
                translations[_key(entry)][str(path.relative_to(ROOT))] = entry.msgstr
    shadowed = {key: found for key, found in translations.items() if len(set(found.values())) > 1}
    assert not shadowed, ("one msgid, several translations (only one is ever shown; give the other meaning a "
                          f"context with pgettext): {shadowed}")


def test_the_same_english_word_reads_right_in_each_of_its_meanings():
    with translation.override("fr"):
        assert translation.gettext("High") == "Haute"  # a mandated task's priority
        assert translation.pgettext("estimate of deaths", "High") == "Estimation haute"
        assert translation.pgettext("open a page", "Open") == "Ouvrir"
        assert translation.gettext("Open") == "Ouverte"  # an alert's or a request's state
        assert translation.pgettext("a stored record", "Record") == "Enregistrement"
        assert translation.gettext("Record") == "Enregistrer"  # the button
