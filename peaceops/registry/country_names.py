"""Country names in the reader's language, from pycountry's own translations of ISO 3166-1.

pycountry ships the iso-codes project's gettext catalogues, so a French reader gets "Tchad" and
"République démocratique du Congo" without a table of ours. The stored name stays the English one (the
imports match on it); only what is shown changes.
"""

from __future__ import annotations

import functools
import gettext

import pycountry


@functools.cache
def _catalogue(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)


@functools.cache
def _iso_name(iso3: str) -> str | None:
    entry = pycountry.countries.get(alpha_3=iso3.upper()) if iso3 else None
    return entry.name if entry else None


def local_name(iso3: str, name: str, language: str | None) -> str:
    """The country's name in ``language`` ("fr", "fr-ca", "en"...); ``name`` when pycountry has none."""
    language = (language or "en").split("-")[0].lower()
    if language == "en":
        return name
    iso_name = _iso_name(iso3)
    if iso_name is None:
        return name
    translated = _catalogue(language).gettext(iso_name)
    return translated if translated != iso_name else name
