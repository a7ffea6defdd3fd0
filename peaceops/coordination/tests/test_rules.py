"""Coordination rules (peaceops.coordination.rules): plain functions, no database."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peaceops.coordination import rules
from peaceops.coordination.rules import (
    Activity,
    CivilianCapacity,
    IntegrationChoice,
    MilitaryAssetUse,
    Need,
    ProgrammeComponent,
    ProgrammeInputError,
    Service,
)

D = dt.date


def act(id, org, start, end, sector="protection", admin1="CD61", admin2="CD6101", **kw):
    return Activity(id=id, organisation=org, sector=sector, start=start, end=end, admin1=admin1, admin2=admin2, **kw)


# --- 1. duplication ---------------------------------------------------------------------------


def test_two_organisations_same_sector_area_and_period_are_a_duplication():
    found = rules.find_duplications([
        act("a", "UNICEF", D(2024, 1, 1), D(2024, 6, 30)),
        act("b", "Save the Children", D(2024, 3, 1), D(2024, 12, 31)),
        act("c", "WFP", D(2024, 1, 1), D(2024, 12, 31), sector="food_security"),
    ])
    assert len(found) == 1
    dup = found[0]
    assert dup.activity_ids == ("a", "b")
    assert dup.organisations == ("Save the Children", "UNICEF")
    assert (dup.sector, dup.area, dup.start, dup.end, dup.pairs) == ("protection", "CD6101", D(2024, 1, 1),
                                                                     D(2024, 12, 31), 1)
    assert dup.code == "duplication" and "seed 002 §4" in dup.source and "§5 (MONUC)" in dup.source
    assert "UNICEF" in dup.message and "CD6101" in dup.message


def test_adjacent_periods_do_not_overlap_but_a_shared_day_does():
    adjacent = [act("a", "UNICEF", D(2024, 1, 1), D(2024, 1, 31)), act("b", "IRC", D(2024, 2, 1), D(2024, 2, 28))]
    assert rules.find_duplications(adjacent) == []
    shared_day = [act("a", "UNICEF", D(2024, 1, 1), D(2024, 2, 1)), act("b", "IRC", D(2024, 2, 1), D(2024, 2, 28))]
    assert len(rules.find_duplications(shared_day)) == 1


def test_open_ended_activity_overlaps_everything_after_its_start():
    found = rules.duplicate_pairs([act(0, "UNICEF", D(2020, 1, 1), None), act(1, "IRC", D(2030, 1, 1), D(2030, 2, 1))])
    assert found == [(0, 1)]


def test_same_organisation_twice_is_not_duplication():
    same = [act("a", "UNICEF", D(2024, 1, 1), D(2024, 6, 30)), act("b", "UNICEF", D(2024, 2, 1), D(2024, 5, 1))]
    assert rules.find_duplications(same) == []


def test_different_admin2_in_one_province_is_not_duplication():
    apart = [act("a", "UNICEF", D(2024, 1, 1), D(2024, 6, 30), admin2="CD6101"),
             act("b", "IRC", D(2024, 1, 1), D(2024, 6, 30), admin2="CD6102")]
    assert rules.find_duplications(apart) == []


def test_unknown_admin2_falls_back_to_admin1():
    found = rules.find_duplications([
        act("territory", "UNICEF", D(2024, 1, 1), D(2024, 6, 30), admin2="CD6101"),
        act("province", "IRC", D(2024, 3, 1), D(2024, 9, 30), admin2=""),
        act("elsewhere", "MSF", D(2024, 3, 1), D(2024, 9, 30), admin1="CD62", admin2=""),
    ])
    assert [(d.activity_ids, d.area) for d in found] == [(("territory", "province"), "CD61")]


def test_province_wide_activity_links_two_territories_into_one_finding():
    found = rules.find_duplications([
        act(1, "UNICEF", D(2024, 1, 1), D(2024, 12, 31), admin2="CD6101"),
        act(2, "IRC", D(2024, 1, 1), D(2024, 12, 31), admin2="CD6102"),
        act(3, "NRC", D(2024, 1, 1), D(2024, 12, 31), admin2=""),
    ])
    assert len(found) == 1
    assert found[0].activity_ids == (1, 2, 3) and found[0].pairs == 2 and found[0].area == "CD61"


def test_activity_type_only_when_asked():
    pair = [act("a", "UNICEF", D(2024, 1, 1), D(2024, 6, 30), activity_type="psychosocial"),
            act("b", "IRC", D(2024, 1, 1), D(2024, 6, 30), activity_type="case management")]
    assert len(rules.find_duplications(pair)) == 1
    assert rules.find_duplications(pair, by_activity_type=True) == []


def test_cancelled_and_unlocated_activities_take_no_part():
    found = rules.find_duplications([
        act("a", "UNICEF", D(2024, 1, 1), D(2024, 6, 30)),
        act("b", "IRC", D(2024, 1, 1), D(2024, 6, 30), status="cancelled"),
        act("c", "NRC", D(2024, 1, 1), D(2024, 6, 30), admin1="", admin2=""),
    ])
    assert found == []


def test_separate_overlap_chains_in_one_area_are_separate_findings():
    found = rules.find_duplications([
        act(1, "UNICEF", D(2020, 1, 1), D(2020, 6, 30)), act(2, "IRC", D(2020, 3, 1), D(2020, 8, 1)),
        act(3, "UNICEF", D(2023, 1, 1), D(2023, 6, 30)), act(4, "NRC", D(2023, 3, 1), D(2023, 8, 1)),
    ])
    assert [d.activity_ids for d in found] == [(1, 2), (3, 4)]


def test_period_ending_before_it_starts_is_an_error_naming_the_activity():
    with pytest.raises(ValueError, match="activity x7"):
        rules.duplicate_pairs([act("x7", "UNICEF", D(2024, 2, 1), D(2024, 1, 1))])


def _brute_force(activities, by_type=False):
    found = set()
    for i, a in enumerate(activities):
        for j in range(i + 1, len(activities)):
            b = activities[j]
            if (a.organisation != b.organisation and a.sector == b.sector
                    and (not by_type or a.activity_type == b.activity_type)
                    and a.status != "cancelled" and b.status != "cancelled"
                    and (a.admin1 or a.admin2) and (b.admin1 or b.admin2)
                    and (a.admin2 == b.admin2 if a.admin2 and b.admin2 else a.admin1 == b.admin1 and a.admin1)
                    and a.start <= (b.end or dt.date.max) and b.start <= (a.end or dt.date.max)):
                found.add((i, j))
    return found


@st.composite
def activity_lists(draw):
    count = draw(st.integers(0, 25))
    result = []
    for i in range(count):
        start = D(2024, 1, 1) + dt.timedelta(days=draw(st.integers(0, 60)))
        length = draw(st.one_of(st.none(), st.integers(0, 30)))
        admin1 = draw(st.sampled_from(["CD61", "CD62", ""]))
        admin2 = draw(st.sampled_from(["", f"{admin1}01", f"{admin1}02"] if admin1 else ["", "X01"]))
        result.append(Activity(
            id=i, organisation=draw(st.sampled_from("ABC")), sector=draw(st.sampled_from(["health", "wash"])),
            start=start, end=None if length is None else start + dt.timedelta(days=length),
            admin1=admin1, admin2=admin2, activity_type=draw(st.sampled_from(["", "t"])),
            status=draw(st.sampled_from(["ongoing", "ongoing", "planned", "cancelled"]))))
    return result


@settings(max_examples=100, deadline=None)
@given(activity_lists(), st.booleans())
def test_sweep_finds_exactly_the_all_pairs_duplicates(activities, by_type):
    pairs = rules.duplicate_pairs(activities, by_activity_type=by_type)
    assert len(pairs) == len(set(pairs))
    assert set(pairs) == _brute_force(activities, by_type)
    findings = rules.find_duplications(activities, by_activity_type=by_type)
    assert sum(f.pairs for f in findings) == len(pairs)
    assert {i for f in findings for i in f.activity_ids} == {i for pair in pairs for i in pair}


# --- parallel services ------------------------------------------------------------------------


def test_mission_and_agency_air_services_in_one_country_are_run_twice():
    found = rules.find_parallel_services([
        Service("monuc-air", "MONUC", rules.MISSION, "air", "COD", D(2004, 1, 1), None),
        Service("unhas", "WFP", rules.AGENCY, "air", "COD", D(2004, 6, 1), D(2006, 1, 1)),
        Service("unhas-td", "WFP", rules.AGENCY, "air", "TCD", D(2004, 6, 1), None),
        Service("monuc-log", "MONUC", rules.MISSION, "logistics", "COD", D(2004, 6, 1), None),
    ])
    assert len(found) == 1
    assert (found[0].kind, found[0].country, found[0].mission_services, found[0].agency_services) == (
        "air", "COD", ("monuc-air",), ("unhas",))
    assert "parallel air service" in found[0].source and "run twice" in found[0].message


def test_two_agency_services_or_successive_ones_are_not_parallel():
    assert rules.find_parallel_services([
        Service(1, "WFP", rules.AGENCY, "air", "COD", D(2004, 1, 1), None),
        Service(2, "UNICEF", rules.AGENCY, "air", "COD", D(2004, 1, 1), None),
        Service(3, "MONUC", rules.MISSION, "air", "COD", D(2000, 1, 1), D(2003, 12, 31)),
    ]) == []
    with pytest.raises(ValueError, match="service 9: provider"):
        rules.find_parallel_services([Service(9, "X", "donor", "air", "COD", D(2004, 1, 1))])


# --- 2. gaps ----------------------------------------------------------------------------------


def test_need_without_activity_in_the_period_is_a_gap():
    needs = [Need("protection", "CD61", "CD6101"), Need("protection", "CD61", "CD6102", kind="mandated_task",
                                                        label="DDR in Vakaga"),
             Need("health", "CD62")]
    activities = [act("a", "UNICEF", D(2024, 1, 1), D(2024, 12, 31), admin2="CD6101"),
                  act("b", "IRC", D(2023, 1, 1), D(2023, 12, 31), admin2="CD6102"),  # before the period
                  act("c", "MSF", D(2024, 1, 1), None, sector="health", admin1="CD62", admin2="CD6205")]
    gaps = rules.find_gaps(needs, activities, D(2024, 1, 1), D(2024, 6, 30))
    assert [g.need.admin2 for g in gaps] == ["CD6102"]
    assert "mandated task (DDR in Vakaga)" in gaps[0].message and "seed 002 §5" in gaps[0].source


def test_province_wide_activity_covers_a_territory_need_and_cancelled_covers_nothing():
    need = [Need("wash", "CD61", "CD6103")]
    province = [act("p", "OXFAM", D(2024, 1, 1), None, sector="wash", admin2="")]
    assert rules.find_gaps(need, province, D(2024, 3, 1)) == []
    cancelled = [act("p", "OXFAM", D(2024, 1, 1), None, sector="wash", admin2="CD6103", status="cancelled")]
    assert len(rules.find_gaps(need, cancelled, D(2024, 3, 1))) == 1


def test_adjacent_activity_does_not_cover_the_period():
    need = [Need("wash", "CD61", "CD6101")]
    ended = [act("p", "OXFAM", D(2023, 1, 1), D(2023, 12, 31), sector="wash")]
    assert len(rules.find_gaps(need, ended, D(2024, 1, 1), D(2024, 12, 31))) == 1


# --- 3. funding -------------------------------------------------------------------------------


def ddr(component, start, end, funded, status="active", regimes=()):
    return ProgrammeComponent("DDR Vakaga", component, start, end, Decimal(funded), status, regimes)


def test_reintegration_unfunded_while_demobilisation_runs_is_a_funding_gap():
    gaps = rules.find_funding_gaps([
        ddr("disarmament", D(2008, 1, 1), D(2008, 6, 30), 1_000_000, "completed", ("assessed",)),
        ddr("demobilisation", D(2008, 7, 1), D(2008, 12, 31), 800_000, "active", ("assessed",)),
        ddr("reintegration", D(2009, 1, 1), D(2010, 12, 31), 0, "planned"),
    ])
    assert [(g.running, g.unfunded, g.missing) for g in gaps] == [("demobilisation", "reintegration", False)]
    assert "DD is paid in part by assessed" in gaps[0].source
    assert gaps[0].message == "DDR Vakaga: demobilisation runs (paid from assessed) while reintegration has no funding"


def test_missing_next_component_is_a_gap_and_funded_chain_is_not():
    only_d = [ddr("disarmament", D(2008, 1, 1), D(2008, 6, 30), 10)]
    assert [(g.unfunded, g.missing) for g in rules.find_funding_gaps(only_d)] == [("demobilisation", True)]
    funded = [ddr("disarmament", D(2008, 1, 1), D(2008, 6, 30), 10),
              ddr("demobilisation", D(2008, 7, 1), D(2008, 12, 31), 10),
              ddr("reintegration", D(2009, 1, 1), None, 10)]
    assert rules.find_funding_gaps(funded) == []  # reinsertion is optional


def test_recorded_reinsertion_is_the_next_step_and_unfunded_running_component_warns_nothing():
    gaps = rules.find_funding_gaps([
        ddr("demobilisation", D(2008, 7, 1), D(2008, 12, 31), 10),
        ddr("reinsertion", D(2009, 1, 1), D(2009, 3, 31), 0, "planned"),
        ddr("reintegration", D(2009, 4, 1), None, 0, "active"),  # runs unfunded: nothing follows it
    ])
    assert [(g.running, g.unfunded) for g in gaps] == [("demobilisation", "reinsertion")]


def test_overlapping_component_periods_are_an_input_error():
    with pytest.raises(ProgrammeInputError) as raised:
        rules.find_funding_gaps([
            ddr("disarmament", D(2008, 1, 1), D(2008, 7, 1), 10),
            ddr("demobilisation", D(2008, 7, 1), D(2008, 12, 31), 10),  # shares 1 July
            ddr("reintegration", D(2009, 1, 1), None, 10),
            ddr("rehabilitation", D(2010, 1, 1), None, 10),
        ])
    assert len(raised.value.errors) == 2
    assert "disarmament (2008-01-01 to 2008-07-01) overlaps demobilisation" in raised.value.errors[1]
    assert "unknown component 'rehabilitation'" in raised.value.errors[0]


def test_component_errors_sees_an_overlap_behind_a_long_component():
    errors = rules.component_errors([
        ddr("disarmament", D(2008, 1, 1), D(2008, 12, 31), 1),
        ddr("demobilisation", D(2008, 2, 1), D(2008, 2, 28), 1),
        ddr("reintegration", D(2008, 6, 1), None, 1),
    ])
    assert len(errors) == 2 and all("disarmament" in e for e in errors)


# --- 4. integration advice --------------------------------------------------------------------


def codes(advice):
    return {(a.code, a.sector, a.severity) for a in advice}


def test_asymmetric_model_with_separate_humanitarian_and_integrated_ddr_is_legitimate():
    advice = rules.integration_advice([
        IntegrationChoice("political", "full", "one political strategy"),
        IntegrationChoice("ddr", "full", "D&D assessed, R from the MDTF under one programme"),
        IntegrationChoice("humanitarian", "separate", "OCHA outside the mission"),
    ])
    assert codes(advice) == {("asymmetric_model", "", "info")}
    assert "asymmetric" in advice[0].source


def test_separate_ddr_full_humanitarian_and_missing_reasons_get_the_seeds_advice():
    advice = rules.integration_advice([
        IntegrationChoice("ddr", "separate", "donor programme"),
        IntegrationChoice("ssr", "separate", "bilateral"),
        IntegrationChoice("humanitarian", "full"),
    ])
    assert codes(advice) == {("form_follows_function", "humanitarian", "warning"), ("asymmetric_model", "", "info"),
                             ("ddr_needs_integration", "ddr", "warning"), ("parallel_structures", "ssr", "warning"),
                             ("humanitarian_space", "humanitarian", "warning")}
    by_code = {a.code: a for a in advice}
    assert "seed 003 §2.1" in by_code["form_follows_function"].source
    ddr_advice = by_code["ddr_needs_integration"]
    assert "assessed" in ddr_advice.message and "§2.4.2" in ddr_advice.source
    assert "§2.4.3" in by_code["humanitarian_space"].source


def test_one_level_everywhere_looks_like_a_template_and_partial_gets_info():
    advice = rules.integration_advice([IntegrationChoice("ddr", "partial", "r"),
                                       IntegrationChoice("humanitarian", "partial", "r")])
    assert codes(advice) == {("uniform_model", "", "info"), ("ddr_funding_link", "ddr", "info"),
                             ("humanitarian_space", "humanitarian", "info")}


def test_unknown_sector_level_or_repeated_sector_is_an_error():
    with pytest.raises(ValueError, match="unknown sector 'logistics'"):
        rules.integration_advice([IntegrationChoice("logistics", "full", "x")])
    with pytest.raises(ValueError, match="ddr: unknown integration level 'total'"):
        rules.integration_advice([IntegrationChoice("ddr", "total", "x")])
    with pytest.raises(ValueError, match="more than one"):
        rules.integration_advice([IntegrationChoice("ddr", "full", "x"), IntegrationChoice("ddr", "partial", "y")])


# --- 5. humanitarian space --------------------------------------------------------------------


def test_military_asset_while_civilian_capacity_is_available_and_unjustified():
    uses = [
        MilitaryAssetUse("heli", "air_transport", D(2008, 3, 1), D(2008, 3, 10), "TD23", "TD2301",
                         justification="no UNHAS slot before the rains", no_civilian_capacity="UNHAS asked on 28 Feb"),
        MilitaryAssetUse("trucks", "road_transport", D(2008, 3, 1), D(2008, 3, 10), "TD23", "TD2302"),
        MilitaryAssetUse("escort", "road_transport", D(2008, 3, 1), None, "TD23", "", humanitarian=False),
        MilitaryAssetUse("refused", "air_transport", D(2008, 3, 1), None, "TD23", "", status="refused"),
    ]
    capacities = [
        CivilianCapacity("unhas", "WFP", "air_transport", D(2008, 1, 1), None, "TD23", ""),  # province-wide
        CivilianCapacity("trucks-other", "WFP", "road_transport", D(2008, 1, 1), None, "TD23", "TD2399"),
        CivilianCapacity("trucks-later", "WFP", "road_transport", D(2008, 3, 11), None, "TD23", "TD2302"),
    ]
    found = rules.find_military_asset_issues(uses, capacities)
    assert [(f.code, f.use_id, f.civilian_capacity_ids) for f in found] == [
        ("civilian_capacity_available", "heli", ("unhas",)), ("no_civilian_capacity_statement", "trucks", ()),
        ("no_justification", "trucks", ())]
    assert "civilian capability is insufficient" in found[0].source
    assert "last resort" in found[1].message
    assert "MLT" in found[2].source and "no justification" in found[2].message


def test_review_period_splits_a_long_chain_and_findings_list_the_overlapping_pairs():
    chain = [act(1, "UNICEF", D(2020, 1, 1), D(2021, 6, 30)), act(2, "IRC", D(2021, 1, 1), D(2022, 6, 30)),
             act(3, "NRC", D(2022, 1, 1), D(2023, 6, 30))]
    whole = rules.find_duplications(chain)
    assert [(d.activity_ids, d.overlaps) for d in whole] == [((1, 2, 3), ((1, 2), (2, 3)))]
    assert whole[0].end == D(2023, 6, 30)
    in_2022 = rules.find_duplications(chain, start=D(2022, 1, 1), end=D(2022, 12, 31))
    assert [(d.activity_ids, d.pairs) for d in in_2022] == [((2, 3), 1)]
    assert rules.find_duplications(chain, end=D(2020, 12, 31)) == []


# --- gaps by period, the map's states, the military side, last resort ----------------------------


def test_a_need_outside_the_review_period_is_no_gap():
    needs = [rules.Need("FSC", "TD19", "TD191", start=D(2001, 1, 1), end=D(2001, 12, 31)),
             rules.Need("FSC", "TD19", "TD192", start=D(2009, 1, 1))]
    found = rules.find_gaps(needs, [], D(2009, 1, 1), D(2009, 12, 31))
    assert [g.need.admin2 for g in found] == ["TD192"]


def test_area_states_colour_gap_duplication_and_both():
    gap = rules.Gap(rules.Need("FSC", "TD19", "TD191"), D(2009, 1, 1), None)
    province_gap = rules.Gap(rules.Need("PRO", "TD21"), D(2009, 1, 1), None)
    duplications = rules.find_duplications([
        rules.Activity(1, "UNDP", "DDR", D(2009, 1, 1), None, "TD19", "TD191"),
        rules.Activity(2, "BONUCA", "DDR", D(2009, 1, 1), None, "TD19", "TD191"),
        rules.Activity(3, "A", "WSH", D(2009, 1, 1), None, "TD14", "TD141"),
        rules.Activity(4, "B", "WSH", D(2009, 1, 1), None, "TD14", "TD141")])
    assert rules.area_states([gap, province_gap], duplications) == {
        "TD191": "both", "TD21": "gap", "TD141": "duplication"}


def test_humanitarian_data_reaches_the_military_side_only_when_shared():
    assert rules.military_may_see(humanitarian=True, shared_with_military=False, military_side=False)
    assert not rules.military_may_see(humanitarian=True, shared_with_military=False, military_side=True)
    assert rules.military_may_see(humanitarian=True, shared_with_military=True, military_side=True)
    assert rules.military_may_see(humanitarian=False, shared_with_military=False, military_side=True)
    assert rules.PRINCIPLES == ("humanity", "impartiality", "neutrality", "independence")


def test_last_resort_objections_even_for_an_already_approved_use():
    use = MilitaryAssetUse("heli", "air_transport", D(2009, 7, 1), D(2009, 7, 5), "CF53", "CF531",
                           status="approved", justification="Birao cut off", no_civilian_capacity="UNHAS: none")
    assert rules.last_resort_objections(use) == []
    capacity = CivilianCapacity("unhas", "WFP", "air_transport", D(2009, 1, 1), None, "CF53", "")
    assert [f.code for f in rules.last_resort_objections(use, [capacity])] == ["civilian_capacity_available"]
    bare = MilitaryAssetUse("trucks", "road_transport", D(2009, 7, 1))
    assert [f.code for f in rules.last_resort_objections(bare)] == ["no_civilian_capacity_statement",
                                                                    "no_justification"]
