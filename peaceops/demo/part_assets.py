"""Demo content of the shared asset pool, from seed 000.

- MINURCAT's air transport for BONUCA: "BONUCA's participation depended on the capacity of
  MINURCAT to provide air transport from Bangui" (seed 000 §III.B, note 12) to the inter-mission
  meetings in Entebbe on 7-8 June and 10-11 December 2009 (§III.B). Two approved loans of a MINURCAT
  aircraft to BONUCA, every consent given; the cost rule and split are the demo's (the seed gives
  no figures): BONUCA pays, MINURCAT shares the second flight.
- The Entebbe support-base services the seed would co-locate: "human resources, induction,
  contingent receiving centres, payroll, supplies, logistics, travel and air services" (§IV.B.1),
  at the MONUC Support Base in Entebbe (§III.B), offered to the pool per person and day.
- A UNAMID helicopter, the kind of air asset §IV.B.3 says should not be "parked on the ground
  when they are needed in neighbouring missions". A MINURCAT request for it in July 2009, refused by
  the Government of Sudan, is invented: the seed reports no such request. It illustrates §II.B.5,
  where Khartoum holds that the missions "should not share assets" and views MINURCAT's contacts with
  UNAMID "with great displeasure"; its source says "demo: fictional".

Aircraft names, rates and flight hours are invented and say so ("demo: fictional").
"""

import datetime as dt
from decimal import Decimal

from peaceops.assets import costs
from peaceops.assets.models import Asset, AssetRequest, Consent, CostShare, Loan
from peaceops.demo.loader import _upsert

FICTIONAL = "demo: fictional"
S_AIR = "seed 000 §III.B n. 12; §IV.B.3"
S_ENTEBBE = "seed 000 §IV.B.1; §III.B"
S_SUDAN = "seed 000 §II.B.5; §IV.B.3"
# The refused request is the demo's own: seed 000 §II.B.5 gives the Government of Sudan's position, not this event.
S_REFUSED = f"{FICTIONAL} (illustrates seed 000 §II.B.5: Sudan holds the missions 'should not share assets')"

ENTEBBE_SERVICES = (  # seed 000 §IV.B.1, in its order
    ("Human resources", Decimal("12.00")), ("Induction", Decimal("20.00")),
    ("Contingent receiving centre", Decimal("35.00")), ("Payroll", Decimal("4.00")),
    ("Supplies", Decimal("9.00")), ("Logistics", Decimal("15.00")), ("Travel", Decimal("6.00")),
    ("Air services", Decimal("40.00")),
)


def load(context) -> None:
    m, c = context.missions, context.countries
    aircraft = _upsert(Asset, {"owning_mission": m["MINURCAT"], "name": "MINURCAT passenger aircraft (demo)"}, {
        "kind": Asset.Kind.FIXED_WING, "seats": 30, "tonnes": Decimal("3.00"),
        "cost_basis": Asset.CostBasis.FLIGHT_HOUR,
        "rate": Decimal("3800.00"), "location": "N'Djamena", "location_country": c["TCD"], "offered": True,
        "source": f"{S_AIR}; type and rate: {FICTIONAL}"}, "ASSETS MINURCAT aircraft")
    for service, rate in ENTEBBE_SERVICES:
        _upsert(Asset, {"owning_mission": m["MONUC"], "name": f"Entebbe Support Base: {service}"}, {
            "kind": Asset.Kind.SUPPORT_SERVICE, "persons": 200, "cost_basis": Asset.CostBasis.PERSON, "rate": rate,
            "location": "Entebbe", "location_country": c["UGA"], "offered": True,
            "source": f"{S_ENTEBBE}; rate: {FICTIONAL}"}, f"ASSETS Entebbe {service}")
    helicopter = _upsert(Asset, {"owning_mission": m["UNAMID"], "name": "UNAMID utility helicopter (demo)"}, {
        "kind": Asset.Kind.ROTARY_WING, "seats": 20, "tonnes": Decimal("3.00"),
        "cost_basis": Asset.CostBasis.FLIGHT_HOUR, "rate": Decimal("4200.00"), "location": "El Fasher",
        "location_country": c["SDN"], "offered": True, "source": f"{S_SUDAN}; type and rate: {FICTIONAL}"},
        "ASSETS UNAMID helicopter")

    for start, end, hours, shares in (
            (dt.date(2009, 6, 6), dt.date(2009, 6, 9), Decimal("8.0"), {"BONUCA": 100}),
            (dt.date(2009, 12, 9), dt.date(2009, 12, 12), Decimal("8.0"), {"BONUCA": 50, "MINURCAT": 50})):
        request = _request(context, aircraft, "BONUCA", start, end, hours, c["UGA"],
                           "Air transport of the BONUCA delegation from Bangui to the inter-mission meeting in "
                           "Entebbe", S_AIR, AssetRequest.Status.APPROVED)
        _consents(request, aircraft, [("owning_mission", m["MINURCAT"], None, "Chief of Mission Support, MINURCAT"),
                                      ("host_government", None, c["TCD"], "Government of Chad"),
                                      ("host_government", None, c["UGA"], "Government of Uganda"),
                                      ("host_government", None, c["CAF"], "Government of the CAR"),
                                      ("headquarters", None, None, "DFS")], "given", start - dt.timedelta(days=10))
        _loan(request, aircraft, {m[a]: p for a, p in shares.items()})

    refused = _request(context, helicopter, "MINURCAT", dt.date(2009, 7, 20), dt.date(2009, 7, 24), Decimal("10.0"),
                       c["TCD"], "Joint reconnaissance of the Chad-Sudan border area", S_REFUSED,
                       AssetRequest.Status.REFUSED)
    _consents(refused, helicopter, [("owning_mission", m["UNAMID"], None, "Chief of Mission Support, UNAMID")],
              "given", dt.date(2009, 7, 10))
    _consents(refused, helicopter, [("host_government", None, c["SDN"], "Government of Sudan")], "refused",
              dt.date(2009, 7, 14), note="The missions should not share assets (the position seed 000 §II.B.5 "
                                         f"gives; this refusal: {FICTIONAL}).")
    _consents(refused, helicopter, [("host_government", None, c["TCD"], ""), ("headquarters", None, None, "")],
              "moot", None)


def _request(context, asset, borrower, start, end, hours, country, purpose, source, status):
    mission = context.missions[borrower]
    request = _upsert(AssetRequest, {"owning_mission": mission, "purpose": purpose, "start_date": start}, {
        "asset": asset, "kind": asset.kind, "end_date": end, "flight_hours": hours, "seats": 6,
        "destination_country": country, "status": status, "source": source}, f"ASSET REQUEST {borrower} {start}")
    return request


def _consents(request, asset, parties, decision, on, note=""):
    for party, mission, country, person in parties:
        _upsert(Consent, {"request": request, "party": party, "mission": mission, "country": country}, {
            "decision": decision, "given_by_person": person, "decided_on": on, "note": note},
            f"CONSENT {party} {request.start_date}")


def _loan(request, asset, shares: dict) -> None:
    days = (request.end_date - request.start_date).days + 1
    total = costs.loan_cost(asset.cost_basis, asset.rate, days, request.flight_hours)
    amounts = costs.split(total, shares)
    for mission, percent in shares.items():
        _upsert(CostShare, {"request": request, "mission": mission},
                {"percent": Decimal(percent), "amount": amounts[mission]}, f"COST SHARE {request.start_date}")
    _upsert(Loan, {"request": request}, {
        "asset": asset, "owning_mission": asset.owning_mission, "borrower": request.owning_mission,
        "start_date": request.start_date, "end_date": request.end_date, "days": days,
        "flight_hours": request.flight_hours, "cost_basis": asset.cost_basis, "total_cost": total},
        f"LOAN {request.start_date}")


COUNTED = (Asset, AssetRequest, Consent, Loan)
