"""Reads of the asset pool, every one narrowed by peaceops.accounts.access.

What the pool shows (docs/assets.md): a reader sees every asset of the missions they are cleared
for (up to their clearance), and, of the other missions, the assets those missions offer to the
pool at UNCLASSIFIED. A request, its consents and its cost shares are seen by readers of the
requesting mission and of the mission that owns the asset; a loan by readers of the lender and the
borrower (both calendars show it).
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, Sum

from peaceops.accounts.access import access_for, visibility_filter
from peaceops.assets import scheduling
from peaceops.assets.models import Asset, AssetRequest, Consent, CostShare, Loan, Unavailability
from peaceops.core.classification import Classification
from peaceops.registry.models import Mission, Region


def _pool_filter(user) -> Q:
    access = access_for(user)
    if not access.mission_levels and access.system_level is None:  # no grant: no pool either
        return visibility_filter(access)
    return visibility_filter(access) | Q(offered=True, classification=Classification.UNCLASSIFIED)


def assets_for(user):
    """Assets ``user`` may see: their missions' own, and the pool entries other missions offer."""
    return Asset.objects.filter(_pool_filter(user)).select_related("owning_mission", "contributing_country",
                                                                   "location_country")


def requests_for(user):
    """Requests readable through the requesting mission, the mission owning the asset, or a mission asked to pay."""
    access = access_for(user)
    paying = CostShare.objects.filter(visibility_filter(access, "mission", "request__classification"))
    # A request read through the requesting or paying mission may name another mission's asset the reader
    # may not see (classified, not offered): pages then show its kind and owner, not its name.
    return AssetRequest.objects.filter(
        visibility_filter(access) | visibility_filter(access, "asset__owning_mission")
        | Q(pk__in=paying.values("request_id"))
    ).annotate(asset_readable=Exists(assets_for(user).filter(pk=OuterRef("asset_id")))).select_related(
        "owning_mission", "asset", "asset__owning_mission", "destination_country")


def loans_for(user):
    """Loans readable through the lending or the borrowing mission."""
    access = access_for(user)
    return Loan.objects.filter(visibility_filter(access) | visibility_filter(access, "borrower")).select_related(
        "asset", "owning_mission", "borrower")


def consents_for(user):
    return Consent.objects.filter(request__in=requests_for(user).values("pk")).select_related(
        "request", "mission", "country")


def _missions_of(region_or_missions) -> list[int]:
    if isinstance(region_or_missions, Region):
        return list(region_or_missions.missions.values_list("id", flat=True))
    if isinstance(region_or_missions, str):
        region = Region.objects.filter(name=region_or_missions).first()
        if region:
            return _missions_of(region)
        return list(Mission.objects.filter(acronym=region_or_missions).values_list("id", flat=True))
    return [m.id if isinstance(m, Mission) else int(m) for m in region_or_missions]


def loans_between(region_or_missions, start: dt.date, end: dt.date) -> list[dict]:
    """Approved loans that overlap [start, end] and involve the given missions (as lender or borrower).

    For the cooperation benchmarks (seed 000 §III.C.4, "assets shared"): a Region, its name, a
    mission acronym, or an iterable of Missions / ids. Each row: loan id, lender and borrower
    (id and acronym), asset (id, name, kind), start, end, days, flight_hours, total_cost.
    Counting, not reading records: callers apply their own permission rule to what they publish.
    """
    ids = _missions_of(region_or_missions)
    rows = Loan.objects.filter(Q(owning_mission_id__in=ids) | Q(borrower_id__in=ids),
                               start_date__lte=end, end_date__gte=start).order_by("start_date", "id")
    return [{"id": row["id"], "lender_id": row["owning_mission_id"], "lender": row["owning_mission__acronym"],
             "borrower_id": row["borrower_id"], "borrower": row["borrower__acronym"], "asset_id": row["asset_id"],
             "asset": row["asset__name"], "kind": row["asset__kind"], "start": row["start_date"],
             "end": row["end_date"], "days": row["days"], "flight_hours": row["flight_hours"],
             "total_cost": row["total_cost"]}
            for row in rows.values("id", "owning_mission_id", "owning_mission__acronym", "borrower_id",
                                   "borrower__acronym", "asset_id", "asset__name", "asset__kind", "start_date",
                                   "end_date", "days", "flight_hours", "total_cost")]


def busy_intervals(asset_ids, start: dt.date, end: dt.date, exclude_request=None) -> dict[int, list]:
    """Per asset id, the loans and unavailabilities that overlap [start, end], as scheduling.Intervals."""
    busy: dict[int, list] = defaultdict(list)
    loans = Loan.objects.filter(asset_id__in=asset_ids, start_date__lte=end, end_date__gte=start)
    if exclude_request is not None:
        loans = loans.exclude(request_id=exclude_request)
    blocks = Unavailability.objects.filter(asset_id__in=asset_ids, start_date__lte=end, end_date__gte=start)
    for queryset in (loans, blocks):
        for asset_id, first, last in queryset.values_list("asset_id", "start_date", "end_date"):
            busy[asset_id].append(scheduling.Interval(first, last))
    return busy


def candidate_of(asset: Asset, busy=()) -> scheduling.Candidate:
    return scheduling.Candidate(
        asset_id=asset.id, kind=asset.kind, location_country=asset.location_country_id,
        no_cross_border=asset.no_cross_border, seats=asset.seats,
        tonnes=float(asset.tonnes) if asset.tonnes is not None else None, persons=asset.persons,
        available_from=asset.available_from, available_until=asset.available_until, busy=tuple(busy))


def feasible_assets(user, need: scheduling.Need, *, exclude_mission: int | None = None, limit: int = 20) -> list:
    """Assets ``user`` may see that can serve ``need``, closest fit first (scheduling.feasible).

    The database narrows by kind, capacity, availability window and free dates (a NOT EXISTS on
    loans and unavailabilities); the pure rules then check caveats and rank.
    """
    start, end = need.dates.start, need.dates.end
    queryset = assets_for(user).filter(kind=need.kind).filter(
        Q(available_from__isnull=True) | Q(available_from__lte=start),
        Q(available_until__isnull=True) | Q(available_until__gte=end))
    for name in scheduling.CAPACITIES:
        if getattr(need, name):
            queryset = queryset.filter(**{f"{name}__gte": getattr(need, name)})
    if exclude_mission:
        queryset = queryset.exclude(owning_mission_id=exclude_mission)
    booked = Loan.objects.filter(asset=OuterRef("pk"), start_date__lte=end, end_date__gte=start)
    blocked = Unavailability.objects.filter(asset=OuterRef("pk"), start_date__lte=end, end_date__gte=start)
    queryset = queryset.filter(~Exists(booked), ~Exists(blocked)).select_related(None).order_by()
    # Rank on plain rows (no model instances, no joins), then load only the assets returned.
    candidates = [scheduling.Candidate(
        asset_id=row["id"], kind=row["kind"], location_country=row["location_country_id"],
        no_cross_border=row["no_cross_border"], seats=row["seats"],
        tonnes=float(row["tonnes"]) if row["tonnes"] is not None else None, persons=row["persons"],
        available_from=row["available_from"], available_until=row["available_until"])
        for row in queryset.values("id", "kind", "location_country_id", "no_cross_border", "seats", "tonnes",
                                   "persons", "available_from", "available_until")]
    chosen = [c.asset_id for c in scheduling.feasible(candidates, need)[:limit]]
    if not chosen:
        return []
    found = {asset.id: asset for asset in Asset.objects.select_related(
        "owning_mission", "contributing_country", "location_country").filter(id__in=chosen).order_by()}
    return [found[asset_id] for asset_id in chosen]


def open_requests_for(user):
    """Requests still without an asset (status open) the user may read."""
    return requests_for(user).filter(status=AssetRequest.Status.OPEN).order_by("start_date", "id")


def need_of(request: AssetRequest) -> scheduling.Need:
    return scheduling.Need(kind=request.kind, dates=scheduling.Interval(request.start_date, request.end_date),
                           destination_country=request.destination_country_id, seats=request.seats,
                           tonnes=float(request.tonnes) if request.tonnes is not None else None,
                           persons=request.persons)


def suggestions(user, limit_per_request: int = 3) -> list[dict]:
    """Idle assets suggested to each open request the user may read (seed 000 §IV.B.3)."""
    return [{"request": request, "assets": feasible_assets(user, need_of(request),
                                                           exclude_mission=request.owning_mission_id,
                                                           limit=limit_per_request)}
            for request in open_requests_for(user)]


def calendar(user, asset: Asset, start: dt.date, end: dt.date) -> list[dict]:
    """Loans (readable ones named; others shown only as 'booked') and unavailabilities of one asset."""
    readable = set(loans_for(user).filter(asset=asset).values_list("id", flat=True))
    entries = []
    for loan in Loan.objects.filter(asset=asset, start_date__lte=end, end_date__gte=start).select_related(
            "borrower", "request"):
        shown = loan.id in readable
        entries.append({"kind": "loan", "start": loan.start_date, "end": loan.end_date,
                        "label": f"{loan.borrower.acronym}: {loan.request.purpose}" if shown else "booked",
                        "loan": loan if shown else None})
    for block in asset.unavailabilities.filter(start_date__lte=end, end_date__gte=start):
        entries.append({"kind": "unavailable", "start": block.start_date, "end": block.end_date,
                        "label": block.reason, "loan": None})
    return sorted(entries, key=lambda e: e["start"])


def mission_calendar(user, mission_id: int, start: dt.date, end: dt.date):
    """Loans of a mission (lent or borrowed) the user may read, overlapping [start, end]."""
    return missions_calendar(user, [mission_id], start, end)


def missions_calendar(user, mission_ids, start: dt.date, end: dt.date):
    """Loans the missions lend or borrow that the user may read, overlapping [start, end]."""
    return loans_for(user).filter(Q(owning_mission_id__in=mission_ids) | Q(borrower_id__in=mission_ids),
                                  start_date__lte=end, end_date__gte=start).order_by("start_date", "id")


def cost_report(user, mission_ids, year: int) -> dict:
    """What each mission pays for the loans of ``year`` that ``user`` may read, by the documented rule.

    A loan counts in the year it starts (docs/assets.md). Rows per loan (plain dicts: a region-year
    holds thousands) with each mission's share; totals per mission paid and per lender lent.
    """
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    loans = loans_for(user).filter(Q(owning_mission_id__in=mission_ids) | Q(borrower_id__in=mission_ids),
                                   start_date__gte=start, start_date__lte=end).order_by("start_date", "id")
    rows = [{"id": row["id"], "request_id": row["request_id"], "asset": row["asset__name"],
             "lender": row["owning_mission__acronym"], "borrower": row["borrower__acronym"],
             "start": row["start_date"], "end": row["end_date"], "total_cost": row["total_cost"], "shares": []}
            for row in loans.values("id", "request_id", "asset__name", "owning_mission__acronym",
                                    "borrower__acronym", "start_date", "end_date", "total_cost")]
    by_request = {row["request_id"]: row for row in rows}
    paid, lent = defaultdict(Decimal), defaultdict(Decimal)
    shares = CostShare.objects.filter(request_id__in=loans.values("request_id")).order_by("id").values_list(
        "request_id", "mission__acronym", "percent", "amount")
    for request_id, acronym, percent, amount in shares:
        by_request[request_id]["shares"].append({"mission": acronym, "percent": percent, "amount": amount})
        paid[acronym] += amount or 0
    for row in rows:
        lent[row["lender"]] += row["total_cost"]
    return {"year": year, "rows": rows, "paid": dict(sorted(paid.items())), "lent": dict(sorted(lent.items())),
            "total": sum(paid.values(), Decimal(0))}


def cost_totals(mission_ids, year: int) -> dict[str, Decimal]:
    """Per mission acronym, the sum of its cost shares of loans starting in ``year`` (one aggregate query)."""
    rows = CostShare.objects.filter(
        Q(request__loan__owning_mission_id__in=mission_ids) | Q(request__loan__borrower_id__in=mission_ids),
        request__loan__start_date__gte=dt.date(year, 1, 1), request__loan__start_date__lte=dt.date(year, 12, 31),
    ).values("mission__acronym").annotate(total=Sum("amount")).order_by("mission__acronym")
    return {row["mission__acronym"]: row["total"] for row in rows}


def utilisation(user, start: dt.date, end: dt.date, mission_ids=None) -> list[dict]:
    """Per visible asset, days lent, kept by the owner and idle in [start, end] (scheduling.utilisation)."""
    period = scheduling.Interval(start, end)
    assets = assets_for(user)
    if mission_ids is not None:
        assets = assets.filter(owning_mission_id__in=mission_ids)
    assets = list(assets)
    busy_loans: dict[int, list] = defaultdict(list)
    for asset_id, first, last in Loan.objects.filter(asset__in=assets, start_date__lte=end,
                                                     end_date__gte=start).values_list("asset_id", "start_date",
                                                                                      "end_date"):
        busy_loans[asset_id].append(scheduling.Interval(first, last))
    blocks: dict[int, list] = defaultdict(list)
    for asset_id, first, last in Unavailability.objects.filter(asset__in=assets, start_date__lte=end,
                                                               end_date__gte=start).values_list(
            "asset_id", "start_date", "end_date"):
        blocks[asset_id].append(scheduling.Interval(first, last))
    return [{"asset": asset, "use": scheduling.utilisation(period, busy_loans[asset.id], blocks[asset.id])}
            for asset in assets]
