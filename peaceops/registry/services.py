"""Writes to the registry: reference places, and the rules every change must pass."""

import pycountry
from django.db import transaction
from django.utils.translation import gettext as _

from peaceops.accounts.access import require
from peaceops.accounts.roles import Action
from peaceops.core.errors import DomainError
from peaceops.registry import terms
from peaceops.registry.models import Country, Hat, TermsOfReference


@transaction.atomic
def countries_load() -> int:
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


# --- terms of reference, versioned -----------------------------------------------------------------------


@transaction.atomic
def terms_of_reference_write(actor, hat, text: str, *, valid_from, note: str = "", source: str = ""):
    """A new version of ``hat``'s terms of reference, in force from ``valid_from``; the earlier versions stay
    (history). Duties are marked in the text as ``[[duty_code|words]]`` (registry.terms); the hat's text becomes
    this version's, so the structural rules read the duties of the version in force."""
    require(actor, Action.EDIT_REGISTRY, hat)
    if not text or not text.strip():
        raise DomainError(_("terms_of_reference: the text is empty"), field="text")
    try:
        parsed = terms.parse(text)
    except terms.TermsError as error:
        raise DomainError(f"terms_of_reference: {error}", field="text") from error
    hat = Hat.objects.select_for_update().get(pk=hat.pk)  # one version number per hat, even under two writers
    last = hat.terms_versions.order_by("-version").first()
    if last is not None and valid_from < last.valid_from:
        raise DomainError(_("valid_from: %(date)s is before version %(version)s (in force from %(since)s)") % {
            "date": valid_from, "version": last.version, "since": last.valid_from}, field="valid_from")
    version = TermsOfReference.objects.create(
        hat=hat, version=(last.version + 1) if last else 1, text=text, duties=list(parsed.duties),
        valid_from=valid_from, author=actor if getattr(actor, "pk", None) else None, note=note[:300],
        source=source[:300], classification=hat.classification)
    hat.terms_of_reference = text
    hat.save(update_fields=["terms_of_reference"])
    return version
