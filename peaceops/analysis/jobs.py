"""The analysis module's background job: the refresh of links, alerts and forecasts, started from the forecasts
page by a JMAC analyst who holds ``edit_analysis`` system-wide, run with that analyst's rights."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peaceops.core import clock
from peaceops.core.background import STEPS, Outcome, register


@register("analysis-refresh", label=_("Analysis refresh"), result_url=lambda job: reverse("analysis:forecasts"),
          counts=STEPS)
def analysis_refresh_job(job, path, progress):
    # import here: the forecaster loads pandas (a second more), and every command reads this module at start-up
    # (the jobs app finds the job kinds from its AppConfig.ready); only this job needs it.
    from peaceops.analysis.services_refresh import analysis_refresh

    counts = analysis_refresh(job.owner, today=clock.today(), draws=job.params.get("draws", 1000), progress=progress)
    summary = (f"{counts.links} actor links of armed groups, {counts.notifications} notifications of today's alerts, "
               + (f"{counts.forecasts} country-month forecasts" if not counts.forecasts_not_refreshed
                  else f"forecasts not refreshed: {counts.forecasts_not_refreshed}"))
    return Outcome(ok=True, summary=summary,
                   data={"links": counts.links, "notifications": counts.notifications, "forecasts": counts.forecasts,
                         "forecasts_not_refreshed": counts.forecasts_not_refreshed})
