"""The incident module's background jobs: an event file uploaded from the import page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peaceops.jobs.kinds import register


@register("import-events", label=_("Event import"), result_url=lambda job: reverse("incidents:list"),
          report_template="incidents/import_report.html")
def import_events_job(job, path, progress):
    from peaceops.incidents.imports.services import events_import
    from peaceops.registry.models import Mission

    params = job.params
    mission = Mission.objects.get(pk=params["mission_id"]) if params.get("mission_id") else None
    return events_import(path, params["format"], mission=mission, classification=params["classification"],
                         user=job.owner, dry_run=params.get("dry_run", False), skip_bad=params.get("skip_bad", False),
                         progress=progress, display_name=job.file_name)
