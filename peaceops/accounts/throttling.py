"""Login throttling by user name and address, and by address alone with its own, higher limit.

django-axes applies one failure limit to every lockout parameter. An address is often shared (a
mission's proxy, an office behind NAT), so locking it after the few failures allowed for one user
name would lock colleagues out; locking it never lets one password be tried across every user name.
The handler scales the address-only count so that it reaches the limit at
``PEACEOPS_LOGIN_FAILURES_PER_ADDRESS`` failures.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit, get_lockout_parameters
from django.conf import settings
from django.db.models import Sum


def client_address(request) -> str | None:
    """The address locks count: the peer's, or behind a proxy the one the proxy appended to X-Forwarded-For.

    The right-most entry is the one the proxy saw; entries left of it come from the client and may be forged.
    """
    if getattr(settings, "PEACEOPS_BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR")


class AddressAwareHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials: dict | None = None) -> int:
        limit = get_failure_limit(request, credentials)
        per_address = max(settings.PEACEOPS_LOGIN_FAILURES_PER_ADDRESS, 1)
        parameters = get_lockout_parameters(request, credentials)
        worst = 0
        for parameter, attempts in zip(parameters, self.get_user_attempts(request, credentials), strict=True):
            failures = attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            if parameter == "ip_address":
                failures = failures * limit // per_address
            worst = max(worst, failures)
        return worst
