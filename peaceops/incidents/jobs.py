"""The incident module's background jobs: an event file uploaded from the import page, and an export of the
log's filtered selection prepared as a file for its owner."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peaceops.core.background import Outcome, register
from peaceops.incidents.filters import IncidentFilter
from peaceops.incidents.imports.services import events_import
from peaceops.incidents.log import export
from peaceops.incidents.log import selectors as log_selectors
from peaceops.jobs import files
from peaceops.registry.models import Mission


@register("import-events", label=_("Event import"), result_url=lambda job: reverse("incidents:list"),
          report_template="incidents/import_report.html")
def import_events_job(job, path, progress):
    params = job.params
    mission = Mission.objects.get(pk=params["mission_id"]) if params.get("mission_id") else None
    return events_import(path, params["format"], mission=mission, classification=params["classification"],
                         user=job.owner, dry_run=params.get("dry_run", False), skip_bad=params.get("skip_bad", False),
                         progress=progress, display_name=job.file_name)


@register("export-incidents", label=_("Incident export"))
def export_incidents_job(job, path, progress):
    """The log's selection as its owner reads it when the job runs, in a file marked with its highest level."""
    from django.http import QueryDict

    fmt = job.params["format"]
    filterset = IncidentFilter(QueryDict(job.params.get("query", "")),
                               queryset=log_selectors.incidents_for(job.owner))
    if fmt not in export.FORMATS or not filterset.is_valid():
        return Outcome(ok=False, summary="The filter or the format is not valid; nothing was exported.")
    selection = filterset.qs
    rows = selection.count()
    progress(0, rows)
    with files.open_output(job.pk) as handle:
        export.write_export(selection, job.owner, fmt, handle)
    progress(rows, rows)
    return Outcome(ok=True, summary=f"{rows} incidents exported as {fmt.upper()}", data={"rows": rows, "format": fmt},
                   file_name=f"incidents.{fmt}", classification=export.highest_classification(selection))
