"""Test helpers of peaceops.reports, shared with the project-wide security tests."""

import datetime as dt

from peaceops.core.classification import Classification
from peaceops.reports.models import Report, ReportSection


def hidden_records(world) -> dict:
    """One UNAMID record per secured API route of this app, above the MINURCAT user's clearance,
    keyed by route prefix (accounts/tests/test_api_security.py probes each one)."""
    report = Report.objects.create(kind=Report.Kind.THREAT_ASSESSMENT, title="UNAMID internal assessment",
                                   owning_mission=world.unamid, classification=Classification.CONFIDENTIAL,
                                   period_start=dt.date(2009, 1, 1), period_end=dt.date(2009, 3, 31))
    report.missions.set([world.unamid])
    section = ReportSection.objects.create(report=report, key="unamid.only", title="UNAMID only",
                                           body="Darfur", classification=Classification.CONFIDENTIAL)
    return {"reports": report, "report-sections": section}
