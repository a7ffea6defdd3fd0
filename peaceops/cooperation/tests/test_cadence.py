"""Pure cadence rules (no database): seed 000 §III.B and §IV.C.2."""

import datetime as dt

import pytest

from peaceops.cooperation.cadence import (
    RECOMMENDED_MONTHS,
    Cadence,
    OpenAction,
    add_months,
    closed_share,
    overdue,
    status,
)

D = dt.date


def test_months_are_added_to_the_end_of_short_months():
    assert add_months(D(2009, 8, 31), 6) == D(2010, 2, 28)
    assert add_months(D(2009, 12, 10), 2) == D(2010, 2, 10)


def test_the_entebbe_record_three_a_year_planned_two_held_in_two_years():
    # seed 000 §III.B: agreed at the first meeting (7-8 June 2009) to meet three times a year;
    # the second meeting was on 10-11 December 2009 and no further one is reported by mid-2011.
    agreed = Cadence("strategic", every_months=4, since=D(2009, 6, 8))
    held = [D(2009, 6, 7), D(2009, 12, 10)]
    result = status(agreed, held, today=D(2011, 6, 8), period_start=D(2009, 6, 7))
    assert (result.held, result.due) == (2, 6)
    assert result.last_held == D(2009, 12, 10)
    assert result.next_due == D(2010, 4, 10) and result.slipped
    assert result.days_late == (D(2011, 6, 8) - D(2010, 4, 10)).days


def test_second_meeting_itself_came_late_against_the_agreed_cadence():
    agreed = Cadence("strategic", every_months=4, since=D(2009, 6, 8))
    on_the_day = status(agreed, [D(2009, 6, 7)], today=D(2009, 11, 1))
    assert on_the_day.next_due == D(2009, 10, 8) and on_the_day.slipped


def test_recommended_cadence_is_kept_when_meetings_come_on_time():
    operational = Cadence("operational", RECOMMENDED_MONTHS["operational"], since=D(2010, 1, 1))
    held = [D(2010, 2, 25), D(2010, 4, 20)]
    result = status(operational, held, today=D(2010, 6, 1))
    assert not result.slipped and result.next_due == D(2010, 6, 20)
    assert (result.held, result.due) == (2, 2)


def test_an_ended_cadence_does_not_slip():
    ended = Cadence("strategic", 6, since=D(2009, 1, 1), until=D(2010, 12, 31))  # MINURCAT left
    assert not status(ended, [D(2010, 10, 1)], today=D(2012, 1, 1)).slipped


def test_bad_cadences_are_refused_with_the_field_named():
    with pytest.raises(ValueError, match="every_months"):
        Cadence("strategic", 0, since=D(2010, 1, 1))
    with pytest.raises(ValueError, match="until"):
        Cadence("strategic", 6, since=D(2010, 1, 1), until=D(2009, 1, 1))


def test_overdue_actions_most_late_first_and_closed_ones_left_out():
    actions = [OpenAction("a", D(2010, 1, 1), None), OpenAction("b", D(2010, 3, 1), None),
               OpenAction("c", D(2010, 1, 1), D(2010, 2, 1)), OpenAction("d", None, None),
               OpenAction("e", D(2010, 6, 1), None)]
    assert overdue(actions, D(2010, 4, 1)) == [("a", 90), ("b", 31)]
    assert closed_share(actions, D(2010, 4, 1)) == (1, 5)


def test_country_team_meetings_away_from_the_strategic_ones_are_flagged():
    from peaceops.cooperation.cadence import apart_from_margins

    strategic = [D(2009, 6, 7), D(2009, 12, 10)]
    assert apart_from_margins([D(2009, 6, 9), D(2009, 9, 1), D(2009, 12, 9)], strategic) == [D(2009, 9, 1)]
    assert apart_from_margins([], strategic) == []
