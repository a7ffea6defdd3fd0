"""scheduling.py and costs.py without a database, with hypothesis for the invariants."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peaceops.assets import costs, scheduling
from peaceops.assets.scheduling import Candidate, Interval, Need

D = dt.date


def intervals(min_day=0, max_day=400):
    return st.tuples(st.integers(min_day, max_day), st.integers(0, 60)).map(
        lambda t: Interval(D(2009, 1, 1) + dt.timedelta(days=t[0]), D(2009, 1, 1) + dt.timedelta(days=t[0] + t[1])))


def _days(interval):
    return {interval.start + dt.timedelta(days=i) for i in range(interval.days)}


@given(intervals(), intervals())
def test_overlap_is_sharing_a_day(a, b):
    assert a.overlaps(b) == b.overlaps(a) == bool(_days(a) & _days(b))


@given(st.lists(intervals(), max_size=8), intervals())
def test_covered_days_counts_each_day_once(booked, period):
    covered = set().union(*[_days(i) for i in booked]) if booked else set()
    assert scheduling.covered_days(booked, period) == len(covered & _days(period))


@given(st.lists(intervals(), max_size=6), st.lists(intervals(), max_size=6), intervals())
def test_utilisation_parts_add_up(loans, blocks, period):
    use = scheduling.utilisation(period, loans, blocks)
    assert use.lent_days + use.blocked_days + use.idle_days == period.days
    assert min(use.lent_days, use.blocked_days, use.idle_days) >= 0


def test_end_before_start_is_refused():
    with pytest.raises(scheduling.SchedulingError) as error:
        Interval(D(2009, 3, 2), D(2009, 3, 1))
    assert error.value.field == "end_date"


def test_adjacent_loans_do_not_overlap_but_same_day_does():
    assert not Interval(D(2009, 3, 1), D(2009, 3, 3)).overlaps(Interval(D(2009, 3, 4), D(2009, 3, 5)))
    assert Interval(D(2009, 3, 1), D(2009, 3, 3)).overlaps(Interval(D(2009, 3, 3), D(2009, 3, 5)))


@given(st.lists(intervals(), max_size=5), intervals())
def test_feasible_never_returns_a_booked_asset(booked, wanted):
    candidate = Candidate(asset_id=1, kind="rotary_wing", seats=20, busy=tuple(booked))
    found = scheduling.feasible([candidate], Need(kind="rotary_wing", dates=wanted, seats=10))
    assert bool(found) == (not any(b.overlaps(wanted) for b in booked))


def test_refusal_names_the_field():
    need = Need(kind="rotary_wing", dates=Interval(D(2009, 6, 1), D(2009, 6, 3)), seats=30, destination_country=2)
    assert scheduling.refusal(Candidate(1, "fixed_wing", seats=40), need)[0] == "kind"
    assert scheduling.refusal(Candidate(1, "rotary_wing", seats=20), need)[0] == "seats"
    caveat = Candidate(1, "rotary_wing", seats=40, location_country=1, no_cross_border=True)
    assert scheduling.refusal(caveat, need)[0] == "destination_country"
    assert scheduling.refusal(Candidate(1, "rotary_wing", seats=40, available_until=D(2009, 6, 2)), need)[0] == \
        "end_date"
    assert scheduling.refusal(Candidate(1, "rotary_wing", seats=40), need) is None


def test_closest_fit_first():
    need = Need(kind="rotary_wing", dates=Interval(D(2009, 6, 1), D(2009, 6, 3)), seats=10)
    found = scheduling.feasible([Candidate(1, "rotary_wing", seats=40), Candidate(2, "rotary_wing", seats=12)], need)
    assert [c.asset_id for c in found] == [2, 1]


# --- costs -------------------------------------------------------------------------------------

shares_strategy = st.lists(st.integers(1, 10_000), min_size=1, max_size=6).map(
    lambda weights: _percentages(weights))


def _percentages(weights):
    """Positive percentages with two decimals summing to exactly 100."""
    total = sum(weights)
    parts = [Decimal(w * 10_000 // total) / 100 for w in weights]
    parts[0] += Decimal(100) - sum(parts)
    return {f"m{i}": p for i, p in enumerate(parts) if p > 0} if all(p > 0 for p in parts) else {"m0": Decimal(100)}


@given(st.decimals(min_value=0, max_value=10_000_000, places=2), shares_strategy)
def test_split_sums_to_the_total_and_each_part_is_within_a_cent(total, shares):
    parts = costs.split(total, shares)
    assert sum(parts.values()) == total
    for party, percent in shares.items():
        assert abs(parts[party] - total * percent / 100) < Decimal("0.01")


@pytest.mark.parametrize("shares", [{"a": 60, "b": 30}, {"a": 100, "b": 1}, {"a": 0, "b": 100}, {"a": -10, "b": 110},
                                    {}, {"a": "x"}])
def test_shares_not_summing_to_100_are_refused(shares):
    with pytest.raises(costs.CostError) as error:
        costs.check_shares(shares)
    assert error.value.field == "cost_shares"


def test_cost_rule_per_basis():
    assert costs.loan_cost("flight_hour", "4200.00", days=3, flight_hours="6.5") == Decimal("27300.00")
    assert costs.loan_cost("day", "1500", days=3) == Decimal("4500.00")
    assert costs.loan_cost("person", "35", days=2, persons=10) == Decimal("700.00")
    with pytest.raises(costs.CostError) as error:
        costs.loan_cost("flight_hour", 100, days=1)
    assert error.value.field == "flight_hours"
