"""The coordination module's background jobs: a 3W file uploaded from the upload page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peaceops.jobs.kinds import register


@register("import-3w", label=_("3W import"), result_url=lambda job: reverse("coordination:activities"))
def import_3w_job(job, path, progress):
    from peaceops.coordination import services
    from peaceops.coordination.importers import guess_format

    params = job.params
    return services.import_3w(path, params.get("format") or guess_format(path), country=params.get("country", ""),
                              user=job.owner, skip_bad=params.get("skip_bad", False),
                              dry_run=params.get("dry_run", False), humanitarian=params.get("humanitarian", False),
                              display_name=job.file_name, progress=progress)
