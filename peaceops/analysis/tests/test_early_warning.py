"""Early-warning rules on small hand-made frames (pure: no database)."""

import datetime as dt

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import box, mapping

from peaceops.analysis import early_warning as ew
from peaceops.analysis.frame import IncidentFrame

AS_OF = dt.date(2020, 6, 30)
ARMED = "other"


def day(offset: int) -> dt.date:
    """``offset`` days before AS_OF."""
    return AS_OF - dt.timedelta(days=offset)


def incident(id_, offset, *, admin1="Ouaka", country="CAF", category="armed_clash", actors=(), missions=(1,),
             lat=None, lon=None, deaths=0, dataset="joc"):
    return dict(id=id_, start_date=day(offset), country=country, admin1=admin1, category=category, actors=actors,
                missions=missions, latitude=lat, longitude=lon, deaths_best=deaths, dataset=dataset)


def steady_history(start_id=1, admin1="Ouaka", every=15, actors=((1, "FPRC", ARMED),)):
    """One violent incident every ``every`` days over the past 400 days."""
    return [incident(start_id + n, offset, admin1=admin1, actors=actors)
            for n, offset in enumerate(range(30, 400, every))]


def frame(records):
    return IncidentFrame.from_records(records)


# --------------------------------------------------------------------------- surge


def test_a_surge_against_the_areas_own_baseline_is_flagged_with_its_evidence():
    history = steady_history()
    surge = [incident(1000 + n, n % 20, deaths=2) for n in range(12)]
    [alert] = ew.surge_alerts(frame(history + surge), AS_OF)
    assert (alert.kind, alert.country, alert.admin1) == ("surge", "CAF", "Ouaka")
    assert set(alert.evidence_ids) == {r["id"] for r in surge}
    assert alert.since == day(11)
    assert alert.mission_ids == (1,)
    assert alert.detail["recent"] == 12 and alert.detail["baseline_mean"] == 2.0
    assert alert.score > 3


def test_no_surge_at_the_areas_usual_rate_nor_without_a_baseline():
    history = steady_history(every=10)
    usual = [incident(1000 + n, n * 10) for n in range(3)]
    assert ew.surge_alerts(frame(history + usual), AS_OF) == []
    fresh = [incident(n, n) for n in range(10)]  # a dataset that starts this month: nothing to compare with
    assert ew.surge_alerts(frame(fresh), AS_OF) == []


def test_each_dataset_keeps_its_own_baseline():
    """ACLED rows that start this month do not borrow UCDP's years of history."""
    history = steady_history()  # "joc"
    acled = [incident(2000 + n, n, admin1="Ouaka", dataset="acled") for n in range(8)]
    assert ew.surge_alerts(frame(history + acled), AS_OF) == []


def test_back_dated_events_do_not_make_a_fresh_dataset_a_baseline():
    """Two events back-dated by months, then a dataset that starts this month: still no baseline."""
    back_dated = [incident(3000, 200, dataset="acled"), incident(3001, 300, dataset="acled")]
    fresh = [incident(2000 + n, n, dataset="acled", actors=[(9, "New group", ARMED)]) for n in range(8)]
    assert ew.compute_alerts(frame(back_dated + fresh), AS_OF) == []


def test_a_quiet_month_in_a_sparse_dataset_does_not_end_its_baseline():
    sparse = [incident(n, offset) for n, offset in enumerate(range(45, 400, 40))]  # a gap every other window
    surge = [incident(1000 + n, n) for n in range(8)]
    [alert] = ew.surge_alerts(frame(sparse + surge), AS_OF)
    assert alert.detail["baseline_windows"] == 12


def test_protests_and_displacement_are_not_violence_for_a_surge():
    history = steady_history()
    protests = [incident(1000 + n, n, category="protest") for n in range(20)]
    assert ew.surge_alerts(frame(history + protests), AS_OF) == []


# --------------------------------------------------------------------------- new actor


def test_a_new_armed_actor_in_an_area_is_flagged_and_a_known_one_is_not():
    history = steady_history()
    upc = (7, "UPC", ARMED)
    newcomer = [incident(1000, 3, actors=[upc], deaths=5), incident(1001, 1, actors=[upc, (1, "FPRC", ARMED)])]
    [alert] = ew.new_actor_alerts(frame(history + newcomer), AS_OF)
    assert alert.kind == "new_actor" and alert.detail["actor"] == "UPC"
    assert alert.evidence_ids == (1000, 1001)
    assert alert.detail["deaths"] == 5
    assert alert.key == ew.alert_key("new_actor", "CAF", "Ouaka", "", "actor:7")


def test_civilians_students_and_peacekeepers_are_not_armed_actors():
    history = steady_history()
    recent = [incident(1000, 2, actors=[(8, "Civilians (CAR)", "civilians"), (9, "MINUSCA", "un"),
                                        (10, "Students (Central African Republic)", "other")])]
    assert ew.new_actor_alerts(frame(history + recent), AS_OF) == []


def test_a_group_crossing_from_another_country_scores_higher():
    """Seed 000 §IV.A.1: armed groups across borders."""
    lra = (11, "LRA", ARMED)
    history = steady_history() + steady_history(500, admin1="Haut-Uele", actors=())
    for record in history[-3:]:
        record.update(country="COD", admin1="Haut-Uele", actors=[lra])
    recent = [incident(1000, 2, actors=[lra]), incident(1001, 2, admin1="Vakaga", actors=[(12, "Local", ARMED)])]
    alerts = {a.detail["actor"]: a for a in ew.new_actor_alerts(frame(history + recent), AS_OF)}
    assert alerts["LRA"].detail["seen_in"] == ["COD"]
    assert alerts["LRA"].score > alerts["Local"].score


# --------------------------------------------------------------------------- borders

# Two 4-degree squares sharing the meridian 20E: "TCD" west of it (MINURCAT), "SDN" east (UNAMID).
SHAPES = {"TCD": mapping(box(16, 8, 20, 12)), "SDN": mapping(box(20, 8, 24, 12))}
MINURCAT, UNAMID = 1, 2


def borders(missions=None):
    missions = missions or {"TCD": frozenset({MINURCAT}), "SDN": frozenset({UNAMID})}
    return ew.BorderContext(ew.shared_borders(SHAPES), missions)


def test_shared_borders_are_found_from_country_shapes():
    found = {(b.country, b.neighbour): b for b in ew.shared_borders(SHAPES)}
    assert set(found) == {("TCD", "SDN"), ("SDN", "TCD")}
    assert abs(found[("TCD", "SDN")].line.length - 4) < 0.2
    km = ew.distance_km(np.array([10.0]), np.array([19.0]), found[("TCD", "SDN")].line)
    assert 105 < km[0] < 112  # one degree of longitude at 10N


def test_invalid_and_empty_shapes_do_not_break_the_borders():
    bowtie = {"type": "Polygon", "coordinates": [[[24, 8], [28, 12], [28, 8], [24, 12], [24, 8]]]}
    shapes = dict(SHAPES, CAF=bowtie, XXX={"type": "Polygon", "coordinates": []})
    found = {(b.country, b.neighbour) for b in ew.shared_borders(shapes)}
    assert ("TCD", "SDN") in found and ("SDN", "CAF") in found


def violence_moving_east(start_id=1):
    """Violence in Ouaddai (Chad) 300 km from the border 60-100 days ago, 10-40 km from it now."""
    west = [incident(start_id + n, 60 + n * 10, country="TCD", admin1="Ouaddai", lat=10, lon=17.3, missions=[MINURCAT])
            for n in range(4)]
    east = [incident(start_id + 10 + n, n * 5, country="TCD", admin1="Ouaddai", lat=10, lon=19.7 + n * 0.05,
                     missions=[MINURCAT]) for n in range(4)]
    return west, east


def test_violence_moving_toward_another_missions_border_notifies_that_mission():
    """Seed 000 §III.C.2, §II.1: the neighbouring mission is told."""
    west, east = violence_moving_east()
    [alert] = ew.border_alerts(frame(west + east), AS_OF, borders())
    assert alert.kind == "toward_border"
    assert alert.mission_ids == (MINURCAT,) and alert.notified_mission_ids == (UNAMID,)
    assert set(alert.evidence_ids) == {r["id"] for r in east}
    assert alert.detail["neighbour"] == "SDN" and alert.detail["shift_km"] > 200


def test_no_border_alert_when_one_mission_holds_both_sides_or_violence_moves_away():
    west, east = violence_moving_east()
    same = {"TCD": frozenset({MINURCAT}), "SDN": frozenset({MINURCAT})}
    assert ew.border_alerts(frame(west + east), AS_OF, borders(same)) == []
    moving_away = [dict(r, start_date=day(60 + i)) for i, r in enumerate(east)] + \
                  [dict(r, start_date=day(i)) for i, r in enumerate(west)]
    assert ew.border_alerts(frame(moving_away), AS_OF, borders()) == []
    assert ew.border_alerts(frame(west + east), AS_OF, None) == []


def test_displacement_near_a_border_notifies_the_neighbouring_mission():
    """Seed 000 §II.1, §III.C.1: the refugee flow the next mission did not foresee."""
    moving = [incident(1, 3, country="TCD", admin1="Ouaddai", category="displacement", lat=10, lon=19.5,
                       missions=[MINURCAT]),
              incident(2, 5, country="TCD", admin1="Ouaddai", category="displacement", lat=10, lon=16.2,
                       missions=[MINURCAT])]
    [alert] = ew.displacement_alerts(frame(moving), AS_OF, borders())
    assert alert.kind == "displacement" and alert.evidence_ids == (1,)
    assert alert.notified_mission_ids == (UNAMID,)
    assert alert.detail["nearest_km"] < 60


# --------------------------------------------------------------------------- as-of, keys, ordering


def all_records():
    west, east = violence_moving_east(5000)
    newcomer = [incident(1000, 3, actors=[(7, "UPC", ARMED)])]
    surge = [incident(2000 + n, n % 20) for n in range(12)]
    return steady_history() + newcomer + surge + west + east


def test_compute_alerts_orders_by_score_and_serialises_the_cli_fields():
    alerts = ew.compute_alerts(frame(all_records()), AS_OF, borders=borders())
    assert {a.kind for a in alerts} == {"surge", "new_actor", "toward_border"}
    assert [a.score for a in alerts] == sorted((a.score for a in alerts), reverse=True)
    first = alerts[0].as_json()
    assert {"kind", "admin1", "admin2", "country", "score", "since", "evidence_ids"} <= set(first)
    assert first["since"] == alerts[0].since.isoformat()


def test_keys_survive_recomputation_on_a_later_day():
    records = all_records()
    today = {a.kind: a.key for a in ew.compute_alerts(frame(records), AS_OF, borders=borders())}
    later = {a.kind: a.key for a in ew.compute_alerts(frame(records), AS_OF + dt.timedelta(days=2),
                                                      borders=borders())}
    assert today["surge"] == later["surge"]


def test_a_frame_cut_at_the_rules_horizon_gives_the_same_alerts():
    records = all_records() + steady_history(9000, admin1="Vakaga", every=40)
    records += [incident(9900 + n, 1500 + n * 30) for n in range(20)]  # old history, beyond the horizon
    whole = frame(records)
    horizon = ew.DEFAULT_RULES.horizon_days()
    cut = whole.select(whole.report_date > np.datetime64(AS_OF) - np.timedelta64(horizon, "D"))
    assert len(cut) < len(whole)
    assert ew.compute_alerts(whole, AS_OF, borders=borders()) == ew.compute_alerts(cut, AS_OF, borders=borders())


later_incident = st.builds(
    lambda id_, after, admin1, category, actor, lat, lon: incident(
        id_, -after, admin1=admin1, category=category, actors=[(actor, f"A{actor}", ARMED)], lat=lat, lon=lon,
        country="TCD" if admin1 == "Ouaddai" else "CAF"),
    st.integers(100_000, 10**9), st.integers(1, 400), st.sampled_from(["Ouaka", "Ouaddai", "Vakaga"]),
    st.sampled_from(["armed_clash", "displacement", "protest"]), st.integers(1, 20),
    st.floats(8, 12), st.floats(16, 24))


@settings(max_examples=40, deadline=None)
@given(st.lists(later_incident, max_size=25, unique_by=lambda r: r["id"]))
def test_incidents_reported_after_as_of_never_change_the_alerts(later):
    """Alerts are computed strictly from what was known at the date (a replay must not use hindsight)."""
    known = all_records()
    before = ew.compute_alerts(frame(known), AS_OF, borders=borders())
    after = ew.compute_alerts(frame(later + known), AS_OF, borders=borders())
    assert before == after
    assert all(e < 100_000 for a in after for e in a.evidence_ids)


def test_unknown_kind_is_refused():
    try:
        ew.compute_alerts(frame([]), AS_OF, kinds=["rumour"])
    except ValueError as error:
        assert "rumour" in str(error)
    else:
        raise AssertionError("an unknown kind was accepted")


# --------------------------------------------------------------------------- proximity to another mission's area


def test_every_kind_of_alert_near_another_missions_area_notifies_it():
    """A surge 30 km from UNMIS's area notifies UNMIS; one 200 km away does not (rules.proximity_km = 50)."""
    UNMIS = 3
    unmis_area = box(30.0, 4.0, 34.0, 10.0)  # its western edge at 30.0 E
    records = steady_history(admin1="Near") + [
        incident(900 + n, n, admin1="Near", lat=8.0, lon=29.73, missions=[UNAMID]) for n in range(12)]
    context = ew.BorderContext((), {}, ((UNMIS, unmis_area), (UNAMID, box(22, 10, 27, 16))))
    [surge] = [a for a in ew.compute_alerts(frame(records), AS_OF, borders=context) if a.kind == "surge"]
    assert surge.notified_mission_ids == (UNMIS,)  # not UNAMID, whose own alert it is
    far = [dict(r, longitude=27.9) for r in records]
    [surge] = [a for a in ew.compute_alerts(frame(far), AS_OF, borders=context) if a.kind == "surge"]
    assert surge.notified_mission_ids == ()
