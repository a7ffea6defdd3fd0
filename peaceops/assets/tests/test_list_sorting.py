"""The asset requests list sorts by its columns and pages, and never lists a request the reader may not read."""

import pytest
from django.test import Client
from django.urls import reverse

from peaceops.assets.models import AssetRequest

pytestmark = pytest.mark.django_db


def test_requests_sort_by_purpose_both_ways_without_hidden_ones(pool):
    from peaceops.assets.testing import hidden_records

    hidden = hidden_records(pool["world"])
    start, end = pool["dates"]
    for purpose in ("Alpha lift", "Bravo lift"):
        AssetRequest.objects.create(owning_mission=pool["world"].minurcat, asset=pool["heli"], kind=pool["heli"].kind,
                                    start_date=start, end_date=end, purpose=purpose)
    client = Client()
    client.force_login(pool["users"]["minurcat_planner"])
    url = reverse("assets:requests")
    ascending = client.get(url, {"sort": "purpose"}).content.decode()
    descending = client.get(url, {"sort": "-purpose"}).content.decode()
    assert ascending.index("Alpha lift") < ascending.index("Bravo lift")
    assert descending.index("Bravo lift") < descending.index("Alpha lift")
    for odd in ({"sort": "asset__name"}, {"page": "0"}, {"page_size": "100000000000"}, {"sort": "-"}):
        page = client.get(url, odd)
        assert page.status_code == 200, odd
        html = page.content.decode()
        assert "Alpha lift" in html and hidden["asset-requests"].purpose not in html, odd
