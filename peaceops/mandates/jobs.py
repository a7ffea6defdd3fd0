"""The mandates module's background job: a file of measurements uploaded from an indicator's page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peaceops.core.background import register
from peaceops.core.errors import DomainError
from peaceops.mandates import services
from peaceops.mandates.models import Indicator


@register("import-measurements", label=_("Measurement import"), report_template="mandates/_import_report.html",
          result_url=lambda job: reverse("mandates:measurements", args=[job.params["indicator_id"]]))
def import_measurements_job(job, path, progress):
    indicator = Indicator.objects.filter(pk=job.params["indicator_id"]).first()
    if indicator is None:
        raise DomainError("The indicator was deleted before the import ran; nothing was stored.")
    return services.measurements_import(path, indicator=indicator, user=job.owner, display_name=job.file_name,
                                        progress=progress)
