"""The home dashboard of the current mission or region, narrowed to what the user may read."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from peaceops.core import clock
from peaceops.incidents.models import Incident
from peaceops.registry.models import Person
from peaceops.web import selectors


def counts_row(page: str, label: str) -> list[int]:
    row = re.search(rf"<tr><th scope=\"row\"><span class=\"cls cls-\d\">{label}</span></th>(.*?)</tr>", page, re.S)
    return [int(n) for n in re.findall(r"<td class=\"num\">(\d+)</td>", row.group(1))]


def test_counts_by_classification_stop_at_the_users_clearance(shell_world, client_as):
    page = client_as(shell_world.users["minurcat"]).get(reverse("web:home")).content.decode()
    # fixture: one component, post and person per level; the shell_world adds 2 posts and 2 people
    assert counts_row(page, "Unclassified") == [1, 3, 2]
    assert counts_row(page, "Confidential") == [1, 1, 1]
    assert counts_row(page, "Strictly confidential") == [0, 0, 0]


def test_leadership_shows_hats_and_holders_the_user_may_read(shell_world, client_as):
    page = client_as(shell_world.users["minurcat"]).get(reverse("web:home")).content.decode()
    assert "Deputy Special Representative" in page
    for hat in ("Resident Coordinator", "Humanitarian Coordinator"):
        assert hat in page
    assert "Victor da Silva Angelo" in page
    assert "Hidden Deputy" not in page  # strictly confidential person
    assert "Designated Official for security" not in page  # strictly confidential hat


def test_a_user_cleared_higher_sees_more(shell_world, client_as):
    page = client_as(shell_world.users["admin"]).get(reverse("web:home")).content.decode()
    assert "Hidden Deputy" in page and "Designated Official for security" in page
    assert counts_row(page, "Strictly confidential") == [1, 1, 2]


def test_host_countries_and_mandating_resolutions(shell_world, client_as):
    page = client_as(shell_world.users["minurcat"]).get(reverse("web:home")).content.decode()
    assert "Chad" in page and "Central African Republic" in page and "Sudan" not in page
    assert "S/RES/1778" in page and "Establishes" in page


def test_recent_changes_list_only_readable_records(shell_world, client_as):
    page = client_as(shell_world.users["minurcat"]).get(reverse("web:home")).content.decode()
    assert "Recent changes" in page
    changes = selectors.recent_changes(shell_world.users["minurcat"], [shell_world.minurcat.id], limit=500)
    labels = {change.label for change in changes}
    assert "Victor da Silva Angelo" in labels and "Section Confidential" in labels
    assert "Hidden Deputy" not in labels and "Section Strictly_Confidential" not in labels
    assert all(change.classification <= 1 for change in changes)
    assert not any("UNAMID" in change.label for change in changes)


def test_a_record_reclassified_upwards_drops_out_of_recent_changes(shell_world):
    user, mission_ids = shell_world.users["minurcat"], [shell_world.minurcat.id]
    person = Person.objects.get(name="Victor da Silva Angelo")
    person.classification = 2
    person.save()
    labels = {change.label for change in selectors.recent_changes(user, mission_ids, limit=500)}
    assert "Victor da Silva Angelo" not in labels


def test_a_region_dashboard_covers_its_missions(shell_world, client_as):
    client = client_as(shell_world.users["regional"])
    client.post(reverse("web:choose-scope"), {"scope": f"region:{shell_world.region.id}"})
    page = client.get(reverse("web:home")).content.decode()
    assert "Joint Special Representative" in page and "Special Representative" in page
    assert counts_row(page, "Unclassified")[0] == 2  # one unclassified component in each mission
    assert counts_row(page, "Confidential") == [0, 0, 0]  # the regional viewer is cleared to unclassified


def test_a_user_without_any_grant_is_told_plainly(world, client_as):
    page = client_as(world.users["nobody"]).get(reverse("web:home")).content.decode()
    assert "You have no access yet" in page
    assert "Ask your administrator for a grant" in page
    assert "MINURCAT" not in page and "UNAMID" not in page


def test_the_dashboard_query_count_stays_flat(shell_world, client_as, django_assert_max_num_queries):
    """An administrator sees every board (about twenty tiles, each a few queries); more records of the day, with
    their follow-ups, cost no query more."""
    client = client_as(shell_world.users["admin"])
    day = clock.today()

    def log(count):
        for n in range(count):
            incident = Incident.objects.create(owning_mission=shell_world.minurcat, category="armed_clash",
                                               start_date=day, end_date=day, latitude=13 + n / 10, longitude=20,
                                               follow_up="Check")
            incident.missions.set([shell_world.minurcat])

    log(3)
    client.get(reverse("web:home"))
    with CaptureQueriesContext(connection) as before:
        client.get(reverse("web:home"))
    assert len(before) <= 90
    log(30)
    with django_assert_max_num_queries(len(before)):
        client.get(reverse("web:home"))
