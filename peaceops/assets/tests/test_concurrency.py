"""Two approvals of overlapping loans at the same moment: the booking lock lets exactly one through.

Runs on the test database of the run (SQLite, or PostgreSQL when DATABASE_URL is set), with real
threads and transactions (services._lock: SELECT ... FOR UPDATE on PostgreSQL, IMMEDIATE
transactions on SQLite).
"""

import threading

import pytest
from django.db import connection

from peaceops.assets import services
from peaceops.assets.models import Consent, Loan
from peaceops.assets.tests.test_services import _request

pytestmark = pytest.mark.django_db(transaction=True)


def _all_but_the_owner(pool, request):
    users = pool["users"]
    for consent in request.consents.exclude(party=Consent.Party.OWNING_MISSION):
        user = users["hq"] if consent.party == Consent.Party.HEADQUARTERS else users["minurcat_lead"]
        services.consent_decide(user=user, consent=consent, given=True, person="Official (Fictitious)",
                        on=pool["dates"][0])
    return request.consents.get(party=Consent.Party.OWNING_MISSION)


def test_two_simultaneous_approvals_make_one_loan(pool):
    last = [_all_but_the_owner(pool, _request(pool)) for _ in range(2)]
    barrier, outcomes = threading.Barrier(2), []

    def approve(consent):
        try:
            barrier.wait()
            services.consent_decide(user=pool["users"]["unamid_lead"], consent=consent, given=True)
            outcomes.append("loan")
        except Exception as error:  # noqa: BLE001 - the refusal (or SQLite's lock error) is the outcome
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(consent,)) for consent in last]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert outcomes.count("loan") == 1, outcomes
    assert Loan.objects.count() == 1
