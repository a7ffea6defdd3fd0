"""The inter-mission cooperation section of the Secretary-General's report (peaceops.reports.drafting).

Seed 000 §IV.E.2: "The periodic reports of the Secretary-General to the Council should include a
section describing progress achieved by the missions in terms of inter-mission cooperation"; §III.C.4
names what it should hold (benchmarks for cooperation, joint activities, shared issues, coherent
approaches). Measured per region through the selectors with ``request.user``; the threat-assessment
exchange (which missions share their assessments with which) is part of the table.
"""

from __future__ import annotations

from peaceops.cooperation import selectors
from peaceops.registry.models import Region
from peaceops.reports.drafting import SG_REPORT, DraftRequest, DraftSection, Table


def _regions(request: DraftRequest):
    if request.region_id:
        return Region.objects.filter(pk=request.region_id)
    return Region.objects.filter(missions__id__in=request.mission_ids).distinct().order_by("name")


def _paragraph(region, rows) -> str:
    by_key = {row.key: row for row in rows}
    held, due = by_key["meetings_held"].numbers
    closed, total = by_key["actions_closed"].numbers
    text = (f"In {region.name}, the missions held {by_key['joint_activities'].value} joint meeting(s), "
            f"took up {by_key['shared_issues'].value} shared issue(s) and agreed {by_key['coherent_approaches'].value} "
            f"joint decision(s).")
    if due:
        text += f" {held} of the {due} meetings their agreed cadence called for took place."
    if total:
        text += f" {closed} of {total} agreed actions were closed."
    text += f" {by_key['information_sharing'].value} information-sharing agreement(s) were in force"
    exchanged = by_key["threat_assessments"]
    text += f", {exchanged.value} of them for threat assessments ({exchanged.detail})." if exchanged.numbers[0] \
        else "; no mission shared its threat assessments."
    return text


def sections(request: DraftRequest) -> list[DraftSection]:
    if request.kind != SG_REPORT:
        return []
    paragraphs, tables, classification = [], [], 0
    for region in _regions(request):
        # the benchmarks are measured over all the region's missions, not only those the draft covers
        region_ids = list(region.missions.values_list("id", flat=True))
        classification = max(classification, selectors.highest_level(request.user, region_ids, request.start,
                                                                     request.end))
        rows = selectors.benchmarks(request.user, region, request.start, request.end)
        paragraphs.append(_paragraph(region, rows))
        tables.append(Table(header=("Benchmark", "Value", "Detail"),
                            rows=tuple((row.title, row.value, row.detail) for row in rows),
                            caption=f"Inter-mission cooperation benchmarks, {region.name}"))
    if not paragraphs:
        return []
    return [DraftSection(
        key="cooperation.inter_mission", title="Inter-mission cooperation", body="\n\n".join(paragraphs),
        order=60, tables=tuple(tables), classification=classification,
        source=f"cooperation records {request.start.isoformat()}..{request.end.isoformat()} (seed 000 §IV.E.2)",
    )]
