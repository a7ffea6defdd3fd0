"""The asset pool's part of the Secretary-General's report (peaceops.reports.drafting, kind "sg_report").

One section for the missions of the draft: the assets they lent each other over the period, what
each paid, and the requests refused with the party that refused (seed 000 §IV.B.3: air assets
"parked on the ground when they are needed in neighbouring missions"; §II.B.5: the Government of
Sudan held that the missions "should not share assets"). Read through the selectors with
``request.user``: a draft holds only the loans and requests the drafter may read.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Q

from peaceops.assets import selectors
from peaceops.assets.models import AssetRequest, Consent, CostShare
from peaceops.reports.drafting import SG_REPORT, DraftRequest, DraftSection, Table


def sections(request: DraftRequest) -> list[DraftSection]:
    if request.kind != SG_REPORT or not request.mission_ids:
        return []
    ids = list(request.mission_ids)
    loans = list(selectors.missions_calendar(request.user, ids, request.start, request.end).select_related(
        "request"))
    refused = list(selectors.requests_for(request.user).filter(
        Q(owning_mission_id__in=ids) | Q(asset__owning_mission_id__in=ids), status=AssetRequest.Status.REFUSED,
        start_date__lte=request.end, end_date__gte=request.start).prefetch_related("consents__country",
                                                                                  "consents__mission"))
    if not loans and not refused:
        return []
    paid: dict[str, Decimal] = defaultdict(Decimal)
    for share in CostShare.objects.filter(request__loan__in=loans).select_related("mission"):
        paid[share.mission.acronym] += share.amount or 0
    period = f"{request.start.isoformat()}..{request.end.isoformat()}"
    body = [f"Over {period} the missions lent each other assets {len(loans)} times "
            f"({sum(loan.days for loan in loans)} days in all, {sum(loan.total_cost for loan in loans)} USD)."]
    if paid:
        body.append("Costs were shared by the agreed percentages: " + "; ".join(
            f"{mission} {amount} USD" for mission, amount in sorted(paid.items())) + ".")
    if refused:
        body.append(f"{len(refused)} request(s) were refused: " + "; ".join(
            f"{r.owning_mission.acronym} for {r.asset.name if r.asset else r.get_kind_display()} "
            f"({_refusers(r)})" for r in refused) + ".")
    table = Table(("Asset", "Lender", "Borrower", "From", "To", "Days", "Cost (USD)", "Purpose"), tuple(
        (loan.asset.name, loan.owning_mission.acronym, loan.borrower.acronym, loan.start_date.isoformat(),
         loan.end_date.isoformat(), loan.days, str(loan.total_cost), loan.request.purpose) for loan in loans),
        caption="Loans of the shared asset pool")
    # the assets are named too, and an asset may be classified above the loan of it
    classification = max([loan.classification for loan in loans] + [r.classification for r in refused]
                         + [loan.asset.classification for loan in loans]
                         + [r.asset.classification for r in refused if r.asset] + [0])
    return [DraftSection(key="assets.sharing", title="Inter-mission cooperation: shared assets",
                         body="\n\n".join(body), order=62, tables=(table,) if loans else (),
                         classification=classification, source=f"asset pool loans {period}")]


def _refusers(request: AssetRequest) -> str:
    refusing = [c for c in request.consents.all() if c.decision == Consent.Decision.REFUSED]
    names = [c.country.name if c.country else c.mission.acronym if c.mission else c.get_party_display()
             for c in refusing]
    return "refused by " + ", ".join(names) if names else "refused"
