"""The reports app's background job: drafting a report, which asks every app's section provider for its data
and is slow on a large store. The page queues it; the job drafts with its owner as the drafter."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peaceops.core.background import STEPS, Outcome, register
from peaceops.registry.models import Mission, Region
from peaceops.reports import services


def _report_url(job) -> str:
    report_id = job.result.get("data", {}).get("report_id")
    return reverse("reports:detail", args=[report_id]) if report_id else ""


@register("draft-report", label=_("Report draft"), result_url=_report_url, counts=STEPS)
def draft_report_job(job, path, progress):
    params = job.params
    region = Region.objects.filter(pk=params["region_id"]).first() if params.get("region_id") else None
    try:
        report = services.report_draft(
            user=job.owner, kind=params["kind"], owning_mission=Mission.objects.get(pk=params["mission_id"]),
            region=region, start=dt.date.fromisoformat(params["start"]), end=dt.date.fromisoformat(params["end"]),
            title=params.get("title", ""), progress=progress)
    except PermissionDenied as error:  # the owner lost the author's role since the page queued the job
        return Outcome(ok=False, summary=str(error))
    except ValidationError as error:
        return Outcome(ok=False, summary=" ".join(error.messages))
    sections = report.sections.count()
    return Outcome(ok=True, summary=f"{report.title}: {sections} sections drafted",
                   data={"report_id": report.pk, "sections": sections})


def draft_params(*, kind: str, mission, region, start: dt.date, end: dt.date, title: str) -> dict:
    """What the page hands the job: ids and ISO dates (the job's parameters are stored as JSON)."""
    return {"kind": kind, "mission_id": mission.pk, "region_id": region.pk if region else None,
            "start": start.isoformat(), "end": end.isoformat(), "title": title}
