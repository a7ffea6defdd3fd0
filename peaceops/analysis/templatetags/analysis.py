"""``{% forecast_panel %}``: the host countries' forecasts on the mission dashboard (web/home.html)."""

from django import template

from peaceops.analysis import selectors
from peaceops.analysis.forecasting.skill import statement as skill_statement
from peaceops.analysis.views import forecast_panels
from peaceops.web import scope

register = template.Library()


@register.inclusion_tag("analysis/_forecast_panel.html", takes_context=True)
def forecast_panel(context):
    request = context["request"]
    by_country = selectors.host_country_forecasts(request.user, scope.mission_ids_in_scope(request))
    return {"panels": forecast_panels(by_country), "skill": skill_statement()}
