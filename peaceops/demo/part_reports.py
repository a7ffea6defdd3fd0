"""Demo reports: the joint regional threat assessment for the second quarter of 2009, drafted from the data.

Seed 000 §IV.C.3 regrets that the missions of the region never wrote a joint quarterly threat
assessment; the demo shows one, drafted by UNAMID's JMAC for the region "Central Africa and Sudan"
over the quarter of the June 2009 incidents, left as a draft for the other missions' analysts to
complete and leadership to approve. Every mission of the region deployed in the quarter (BONUCA,
MINURCAT, MONUC, UNAMID, UNMIS) contributes sections (its threats, scenarios and mandate), which its own
analysts edit (``jmac.minurcat`` writes MINURCAT's) and its own leadership approves. The region owes the
assessment every quarter from the first of 2009, due 30 days after the quarter ends; on the scenario's
day the first quarter's is late. Loaded after every other part, so each module's sections hold the
demo's own facts.
"""

import datetime as dt

from django.contrib.auth import get_user_model

from peaceops.accounts.access import SYSTEM
from peaceops.core.classification import Classification
from peaceops.reports import services
from peaceops.reports.models import Report, ReportCadence, ReportSection

COUNTED = (Report, ReportSection, ReportCadence)

DRAFTER = "jmac.unamid"  # UNAMID's JMAC analyst (demo/scenario.py DEMO_USERS)
QUARTER = (dt.date(2009, 4, 1), dt.date(2009, 6, 30))
TITLE = "Joint regional security threat assessment, second quarter 2009"
CADENCE_FROM = dt.date(2009, 1, 1)  # the region owes the assessment from the first quarter of 2009
DUE_AFTER_DAYS = 30


def load(context) -> None:
    """Draft once; a second run leaves the report (and what people wrote in it) alone."""
    if not ReportCadence.objects.filter(region=context.region, kind=Report.Kind.THREAT_ASSESSMENT).exists():
        services.cadence_set(SYSTEM, region=context.region, kind=Report.Kind.THREAT_ASSESSMENT,
                             first_quarter=CADENCE_FROM, due_after_days=DUE_AFTER_DAYS)
    if Report.objects.filter(title=TITLE).exists():
        return
    drafter = get_user_model().objects.get(username=DRAFTER)
    services.report_draft(user=drafter, kind=Report.Kind.THREAT_ASSESSMENT, owning_mission=context.missions["UNAMID"],
                          region=context.region, start=QUARTER[0], end=QUARTER[1], title=TITLE,
                          classification=Classification.CONFIDENTIAL)
