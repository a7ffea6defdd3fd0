"""The demo's JMAC content: seed 000's armed groups linked to the incidents, the phase IV/III border, a review."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from peaceops.analysis import selectors
from peaceops.analysis.models import AlertReview, ArmedGroup, SecurityLevel
from peaceops.demo import part_analysis
from peaceops.demo.loader import counts, load_demo

pytestmark = pytest.mark.django_db


def test_analysis_demo_loads_once_and_shows_the_border_divergence():
    load_demo()
    admin = get_user_model().objects.get(username="admin")
    assert ArmedGroup.objects.count() == len(part_analysis.GROUPS)
    lra = ArmedGroup.objects.get(acronym="LRA")
    assert lra.actors.exists() and selectors.group_footprint(admin, lra).cross_border
    assert all(g.source.startswith("seed 000") for g in ArmedGroup.objects.all())
    # Phases stored for the areas the seed names (eastern Chad; the Darfur states along the border),
    # not whole countries: every adjacent pair across the border diverges, IV against III.
    divergences = selectors.security_divergences(admin, on=dt.date(2009, 6, 30))
    assert divergences and all({d.first.level, d.second.level} == {3, 4} for d in divergences)
    assert SecurityLevel.objects.count() == 6 and not SecurityLevel.objects.filter(admin_area=None).exists()
    pairs = {frozenset((d.first.area.name, d.second.area.name)) for d in divergences}
    assert frozenset(("Ouaddaï", "Western Darfur")) in pairs
    # levels are shared in the region: each side's watch officer or analyst sees the other side's level
    for username in ("joc.minurcat", "jmac.unamid"):
        user = get_user_model().objects.get(username=username)
        seen = selectors.security_divergences(user, on=dt.date(2009, 6, 30))
        assert len(seen) == len(divergences)
        assert all({d.first.area.country, d.second.area.country} == {"TCD", "SDN"} for d in seen)
        assert selectors.unreadable_neighbour_levels(user, on=dt.date(2009, 6, 30)) == []
    review = AlertReview.objects.get()
    assert review.status == "escalated" and review.note == part_analysis.REVIEW_NOTE and review.evidence_ids
    before = counts(), [m.history.count() for m in part_analysis.COUNTED]
    assert (load_demo(), [m.history.count() for m in part_analysis.COUNTED]) == before


def test_a_fresh_demo_sends_the_sila_displacement_alert_across_the_border(capsys):
    """No manual import: the shipped country shapes let the border rules fire, and the notified mission sees it."""
    import json

    from django.core.management import call_command

    from peaceops.registry.models import Country

    load_demo()
    assert Country.objects.filter(iso3__in=["TCD", "SDN", "CAF", "COD"]).exclude(geometry=None).count() == 4
    call_command("alerts", "--as-of", "2009-06-30", "--user", "jmac.unamid", "--json")
    shown = json.loads(capsys.readouterr().out)
    sila = [alert for alert in shown if alert.get("kind") == "displacement" and alert.get("admin1") == "Sila"]
    assert sila, shown
    assert "evidence_ids" not in sila[0] or not sila[0]["evidence_ids"]  # what UNAMID may know: counts, not incidents
