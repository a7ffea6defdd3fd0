"""The scenario's data is consistent on its own (no database)."""

import datetime as dt

from peaceops.demo import scenario as sc


def test_every_reference_in_the_scenario_resolves():
    orgs = {o.acronym for o in sc.ORGANISATIONS}
    missions = {m.acronym for m in sc.MISSIONS}
    posts = {(p.mission, p.key) for p in sc.POSTS}
    assert {m.lead_department for m in sc.MISSIONS} <= orgs
    assert {m.predecessor for m in sc.MISSIONS if m.predecessor} <= missions
    assert {(h.mission, h.post) for h in sc.HATS} <= posts
    for line in sc.LINES:
        assert (line.mission, line.from_post) in posts
        assert bool(line.to_post) != bool(line.to_org), line
        if line.to_post:
            assert (line.to_mission or line.mission, line.to_post) in posts
        else:
            assert line.to_org in orgs
    assert {(a.mission, a.post) for a in sc.ASSIGNMENTS} <= posts
    assert {m for meeting in sc.MEETINGS for m in meeting.attending} <= missions


def test_appendix_1_dates_and_resolutions():
    dates = {r.number: r.adopted_on for r in sc.RESOLUTIONS}
    assert dates == {
        1590: dt.date(2005, 3, 24), 1769: dt.date(2007, 7, 31), 1778: dt.date(2007, 9, 25),
        1861: dt.date(2009, 1, 14), 1923: dt.date(2010, 5, 25), 1925: dt.date(2010, 5, 28),
    }
    by_acronym = {m.acronym: m for m in sc.MISSIONS}
    assert by_acronym["BONUCA"].end_date == dt.date(2009, 12, 31)
    assert by_acronym["BINUCA"].start_date == dt.date(2010, 1, 1)
    assert by_acronym["MONUSCO"].start_date == dt.date(2010, 7, 1)
    assert by_acronym["MINURCAT"].end_date == dt.date(2010, 12, 31)


def test_no_dsrsg_holds_inter_mission_cooperation():
    # seed 000 §III.B and §IV.E.1: it was in nobody's terms of reference; the demo keeps that gap.
    dsrsg_hats = [h for h in sc.HATS if h.role == "dsrsg"]
    assert dsrsg_hats
    assert all("inter_mission_cooperation" not in h.responsibilities for h in dsrsg_hats)


def test_people_are_named_by_the_seeds_or_flagged_fictional():
    for person in sc.PEOPLE:
        assert person.source.startswith("seed ") or (person.source == sc.FICTIONAL and "Fictitious" in person.name)


def test_demo_passwords_are_distinct_and_deterministic():
    assert len({u.username for u in sc.DEMO_USERS}) == len(sc.DEMO_USERS)
    assert all(u.password.startswith("demo-") for u in sc.DEMO_USERS)
