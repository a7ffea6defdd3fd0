"""The duplicate rule (peaceops.incidents.dedup): same day, within 10 km, shared actor or category."""

from datetime import date

from peaceops.incidents.dedup import Report, distance_km, duplicate_links, same_event

DAY = date(2016, 3, 1)


def report(key, dataset="ucdp-ged", day=DAY, lat=4.36, lon=18.55, category="armed_clash", actors=(), grade=("B", 2)):
    return Report(key=key, dataset=dataset, day=day, latitude=lat, longitude=lon, category=category,
                  actors=frozenset(actors), grade=grade)


def test_distance_is_great_circle():
    assert abs(distance_km(0, 0, 0, 1) - 111.2) < 0.2
    assert distance_km(4.36, 18.55, 4.36, 18.55) == 0


def test_same_day_close_and_same_category_across_datasets():
    assert same_event(report(1), report(2, dataset="acled", lat=4.40))


def test_shared_actor_is_enough_when_categories_differ():
    a = report(1, actors={7})
    b = report(2, dataset="acled", category="attack_on_civilians", actors={7, 9})
    assert same_event(a, b)
    assert not same_event(a, report(3, dataset="acled", category="attack_on_civilians", actors={8}))


def test_other_day_far_away_or_same_dataset_are_distinct():
    assert not same_event(report(1), report(2, dataset="acled", day=date(2016, 3, 2)))
    assert not same_event(report(1), report(2, dataset="acled", lat=4.50))  # ~15.6 km north
    assert not same_event(report(1), report(2))  # one dataset's ids already say: two events


def test_best_graded_report_is_the_master_and_groups_are_transitive():
    ucdp = report(1, grade=("B", 2))
    acled = report(2, dataset="acled", lat=4.42, grade=("B", 3))
    joc = report(3, dataset="joc", lat=4.48, grade=("A", 1))  # 13 km from ucdp, 6.7 km from acled
    links = duplicate_links([ucdp, acled, joc])
    assert links == {1: 3, 2: 3}


def test_grid_search_finds_neighbours_across_cell_edges_and_at_high_latitude():
    a = report(1, lat=59.999, lon=10.099)
    b = report(2, dataset="acled", lat=60.001, lon=10.101)
    far = report(3, dataset="hxl", lat=60.0, lon=10.5)  # 22 km east at 60 N
    assert duplicate_links([a, b, far]) == {2: 1}


def test_no_duplicates_gives_no_links():
    assert duplicate_links([report(1), report(2, dataset="acled", day=date(2016, 1, 1))]) == {}


def test_a_group_never_holds_two_reports_of_one_dataset():
    first, second = report(1, lat=4.36), report(2, lat=4.38)  # two UCDP events 2 km apart
    acled = report(3, dataset="acled", lat=4.375)
    links = duplicate_links([first, second, acled])
    assert links == {3: 2}  # nearest UCDP event (1.1 km) wins; the other UCDP event stays apart
