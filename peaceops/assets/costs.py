"""The cost rule of loans and its split between missions. Pure module: no Django imports.

Rule (docs/assets.md, "Cost sharing"): a loan costs the asset's rate times its measure:
flight hours for aircraft charged per flight hour, days for assets charged per day, persons
times days for services charged per person (seed 000 §IV.B.1: shared Entebbe services for
"economies of scale and greater savings"). The requesting mission names how the cost is split
between missions in percentages that must sum to exactly 100; by default the borrower pays all.
Amounts are in US dollars, rounded to cents so that the parts always add up to the total.
"""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
BASES = ("flight_hour", "day", "person")


class CostError(ValueError):
    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name


def loan_cost(basis: str, rate, days: int, flight_hours=None, persons=None) -> Decimal:
    """What a loan costs under the asset's cost basis."""
    rate = Decimal(rate)
    if basis == "flight_hour":
        if flight_hours is None or Decimal(flight_hours) <= 0:
            raise CostError("flight_hours", "an aircraft charged per flight hour needs the flight hours")
        measure = Decimal(flight_hours)
    elif basis == "day":
        measure = Decimal(days)
    elif basis == "person":
        if not persons:
            raise CostError("persons", "a service charged per person needs the number of persons")
        measure = Decimal(persons) * days
    else:
        raise CostError("cost_basis", f"unknown cost basis {basis!r}; expected one of {', '.join(BASES)}")
    return (rate * measure).quantize(CENT, rounding=ROUND_HALF_UP)


def check_shares(shares: dict) -> dict:
    """``{party: percent}`` as Decimals, refused unless every share is positive and they sum to 100."""
    if not shares:
        raise CostError("cost_shares", "name at least one mission paying the cost")
    parsed = {}
    for party, percent in shares.items():
        try:
            value = Decimal(str(percent))
        except ArithmeticError:
            raise CostError("cost_shares", f"{party}: {percent!r} is not a number") from None
        if not value.is_finite() or value <= 0 or value > HUNDRED:
            raise CostError("cost_shares", f"{party}: a share must be above 0 and at most 100 (got {percent})")
        parsed[party] = value
    total = sum(parsed.values())
    if total != HUNDRED:
        raise CostError("cost_shares", f"the shares sum to {total}%, not 100%")
    return parsed


def split(total, shares: dict) -> dict:
    """Divide ``total`` by the percentage ``shares`` into cent amounts that sum exactly to ``total``.

    Largest remainder: each party gets its share rounded down to the cent, and the cents left
    go to the parties with the largest remainders (ties by the order given).
    """
    total = Decimal(total).quantize(CENT)
    shares = check_shares(shares)
    cents = int(total / CENT)
    exact = {party: Decimal(cents) * percent / HUNDRED for party, percent in shares.items()}
    floors = {party: int(value) for party, value in exact.items()}
    left = cents - sum(floors.values())
    order = sorted(shares, key=lambda p: exact[p] - floors[p], reverse=True)
    for party in order[:left]:
        floors[party] += 1
    return {party: Decimal(floors[party]) * CENT for party in shares}
