"""``peaceops analysis groups|levels|hotspots``: the same reads as the pages, by clearance."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args) -> list:
    out = io.StringIO()
    call_command("analysis", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_groups_cross_the_border_for_a_system_wide_reader_and_not_for_minurcat(analysis_world):
    [group] = run("groups")
    assert (group["name"], group["countries"], group["cross_border"]) == ("Janjaweed", ["SDN", "TCD"], True)
    assert group["incidents"] == 42
    [seen] = run("groups", "--user", "minurcat")  # UNAMID's confidential incidents are not MINURCAT's to read
    assert (seen["countries"], seen["incidents"], seen["cross_border"]) == (["TCD"], 21, False)


def test_levels_and_their_divergence_across_the_border(analysis_world):
    levels = run("levels", "--on", "2009-01-15")
    assert sorted((row["country"], row["level"]) for row in levels) == [("SDN", 3), ("TCD", 4)]
    [divergence] = run("levels", "--on", "2009-01-15", "--divergences")
    assert divergence["difference"] == 1
    assert {divergence["first"]["country"], divergence["second"]["country"]} == {"SDN", "TCD"}


def test_hotspots_flag_the_january_surge(analysis_world):
    found = {row["unit"]: row for row in run("hotspots", "--as-of", "2009-01-31")}
    assert set(found) == {"TCD / Ouaddai", "SDN / North Darfur"}
    assert (found["TCD / Ouaddai"]["count"], found["TCD / Ouaddai"]["period"]) == (9, "2009-01-01")
    assert set(run("hotspots", "--as-of", "2008-12-31")) == set()  # a quiet year has none
    minurcat = {row["unit"] for row in run("hotspots", "--as-of", "2009-01-31", "--user", "minurcat")}
    assert minurcat == {"TCD / Ouaddai"}


def test_a_bad_date_is_a_clear_error(analysis_world):
    with pytest.raises(CommandError, match="--on: '2009-13-01' is not a date"):
        run("levels", "--on", "2009-13-01")
