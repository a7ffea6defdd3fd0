"""The example app's part of every draft (peaceops.reports.drafting)."""

from peaceops.reports.drafting import DraftSection


def sections(request):
    return [DraftSection(key="almanac.days", title="Almanac", body=f"Days from {request.start} to {request.end}.",
                         order=5)]
