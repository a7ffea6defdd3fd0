"""The pages: the workflow through forms, and denials (404 for what the user may not read)."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from peaceops.assets.models import AssetRequest, Consent, Loan

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _new_request(client, pool, **extra):
    start, end = pool["dates"]
    data = {"mission": pool["world"].minurcat.pk, "asset": pool["heli"].pk, "start_date": start, "end_date": end,
            "purpose": "BONUCA delegates to Entebbe", "destination_country": pool["world"].chad.pk, "seats": 12,
            "flight_hours": "6", "share_requester": "60", "share_owner": "40"}
    data.update(extra)
    return client.post(reverse("assets:request-new"), data)


def test_pages_answer_for_a_user_with_and_without_grants(pool):
    for user in (pool["users"]["minurcat_planner"], pool["world"].users["nobody"]):
        client = _client(user)
        for name in ("pool", "calendar", "requests", "request-new", "costs", "utilisation"):
            assert client.get(reverse(f"assets:{name}")).status_code == 200, name
    assert "Mi-8" in _client(pool["users"]["minurcat_planner"]).get(reverse("assets:pool")).content.decode()
    assert "Mi-8" not in _client(pool["world"].users["nobody"]).get(reverse("assets:pool")).content.decode()


def test_form_request_consents_and_loan(pool):
    answer = _new_request(_client(pool["users"]["minurcat_planner"]), pool)
    assert answer.status_code == 302, answer.content.decode()[:3000]
    request = AssetRequest.objects.get()
    page = reverse("assets:request", args=[request.pk])
    for consent in request.consents.all():
        user = {"owning_mission": "unamid_lead", "paying_mission": "unamid_lead",
                "headquarters": "hq"}.get(consent.party, "minurcat_lead")
        reply = _client(pool["users"][user]).post(page, {"consent": consent.pk, "decision": "give",
                                                         "given_by_person": "Official (Fictitious)",
                                                         "decided_on": "2009-12-01"})
        assert reply.status_code == 302, reply.content.decode()[:2000]
    loan = Loan.objects.get()
    for user in ("minurcat_lead", "unamid_lead"):
        calendar = _client(pool["users"][user]).get(reverse("assets:calendar"), {"year": 2009}).content.decode()
        assert "Mi-8 helicopter UNAMID-01" in calendar
    costs = _client(pool["users"]["minurcat_lead"]).get(reverse("assets:costs"), {"year": 2009}).content.decode()
    assert "15,120.00" in costs and "10,080.00" in costs  # grouped for the reader
    french = _client(pool["users"]["minurcat_lead"])
    french.cookies["django_language"] = "fr"
    costs = french.get(reverse("assets:costs"), {"year": 2009}).content.decode()
    assert "15\u00a0120,00" in costs and "10\u00a0080,00" in costs
    chart = _client(pool["users"]["unamid_lead"]).get(reverse("assets:utilisation"), {"year": 2009}).content.decode()
    assert "utilisation-chart" in chart
    again = _new_request(_client(pool["users"]["minurcat_planner"]), pool,
                         start_date=dt.date(2009, 12, 10), end_date=dt.date(2009, 12, 11))
    assert again.status_code == 200 and "booked" in again.content.decode()
    assert AssetRequest.objects.count() == 1 and loan.days == 5


def test_bad_split_shows_on_the_form_and_stores_nothing(pool):
    answer = _new_request(_client(pool["users"]["minurcat_planner"]), pool, share_owner="30")
    assert answer.status_code == 200 and "not 100%" in answer.content.decode()
    assert not AssetRequest.objects.exists()


def test_hidden_records_are_404_and_consent_forms_only_for_deciders(pool):
    from peaceops.assets.testing import hidden_records

    hidden = hidden_records(pool["world"])
    analyst = _client(pool["world"].users["minurcat"])
    assert analyst.get(reverse("assets:asset", args=[hidden["assets"].pk])).status_code == 404
    assert analyst.get(reverse("assets:request", args=[hidden["asset-requests"].pk])).status_code == 404
    assert analyst.get(reverse("assets:loan", args=[hidden["loans"].pk])).status_code == 404
    _new_request(_client(pool["users"]["minurcat_planner"]), pool)
    request = AssetRequest.objects.get(purpose="BONUCA delegates to Entebbe")
    owner = request.consents.get(party="owning_mission")
    page = reverse("assets:request", args=[request.pk])
    assert 'class="decide"' in _client(pool["users"]["unamid_lead"]).get(page).content.decode()
    reply = _client(pool["users"]["minurcat_planner"]).post(page, {"consent": owner.pk, "decision": "give"})
    assert reply.status_code == 200
    assert Consent.objects.get(pk=owner.pk).decision == "pending"


def test_pages_in_french(pool):
    client = _client(pool["users"]["minurcat_planner"])
    page = client.get(reverse("assets:pool"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Pool de moyens" in page and "Hélicoptère" in page
    form = client.get(reverse("assets:request-new"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Mission demanderesse" in form


def test_utilisation_chart_and_costs_under_french_keep_machine_attributes(pool):
    """French writes "4 500,00" for the reader; the SVG's sizes stay "12.5" (a decimal comma there once
    made every bar vanish: width="0,0")."""
    import re

    client = _client(pool["users"]["unamid_lead"])
    client.cookies["django_language"] = "fr"
    for name in ("assets:utilisation", "assets:pool"):
        page = client.get(reverse(name), {"year": 2009}).content.decode()
        assert 'lang="fr"' in page
        assert not re.search(r'\s(?:x|y|width|height)="-?\d+,\d', page), name
    chart = client.get(reverse("assets:utilisation"), {"year": 2009}).content.decode()
    assert "utilisation-chart" in chart and "<svg" in chart
    asset = client.get(reverse("assets:asset", args=[pool["heli"].pk]), {"year": 2009}).content.decode()
    assert "2009-01-01" in asset and not re.search(r'\s(?:x|y|width|height)="-?\d+,\d', asset)
