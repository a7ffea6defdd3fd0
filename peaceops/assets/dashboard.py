"""The leadership's tile about the shared asset pool on the dashboard (peaceops.web.dashboards): consents the
missions in scope have yet to give or refuse.

Seed 000 §IV.B.3 and §II.A: a loan between missions needs the consent of the owning mission (and others); the
leadership gives it. Reads go through ``selectors.consents_for`` (requests the reader may read).
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from peaceops.assets import selectors
from peaceops.assets.models import Consent
from peaceops.web.dashboards import LEADERSHIP, Context, Row, Tile, link

SHOWN = 5


def consents_waiting(ctx: Context) -> Tile:
    pending = selectors.consents_for(ctx.user).filter(decision=Consent.Decision.PENDING,
                                                      mission_id__in=ctx.mission_ids)
    total = pending.count()
    rows = [Row(str(consent.request),
                consent.mission.acronym if consent.mission else "", link("assets:request", args=[consent.request_id]))
            for consent in pending.order_by("request__start_date", "id")[:SHOWN]]
    return Tile("assets.consents", _("Asset loans awaiting consent"), link("assets:requests"), value=total,
                caption=ngettext("consent the missions in scope have to give",
                                 "consents the missions in scope have to give", total),
                rows=rows, tone="amber" if total else "")


TILES = ((LEADERSHIP, consents_waiting),)
