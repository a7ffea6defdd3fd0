"""Pages of the web shell. Views stay thin: reads come from selectors, writes from services."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from peaceops.core import clock, query
from peaceops.core.query import BadQuery
from peaceops.web import dashboards, modules, scope, selectors


class LoginView(auth_views.LoginView):
    """Django's login; django-axes counts failures and answers a locked-out user with web/locked_out.html."""

    template_name = "web/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(failure_limit=settings.AXES_FAILURE_LIMIT, **kwargs)


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return target
    return fallback


def bad_request(request, exception=None):
    """Django's handler400, inside the shell's layout (Django's own renders the template without a request)."""
    message = str(exception) if isinstance(exception, BadQuery) else ""
    return render(request, "400.html", {"message": message}, status=400)


@login_required
@require_GET
def home(request):
    """The dashboard of the scope on a day (``?day=``, default the clock's: the scenario's in a demo), with the
    boards of the roles the user holds there (web/dashboards.py)."""
    current = scope.current(request)
    mission_ids = scope.mission_ids_in_scope(request)
    day = query.query_date(request.GET, "day", default=clock.today())
    board, boards = None, []
    if mission_ids:
        board = selectors.dashboard(request.user, mission_ids, day)
        context = dashboards.Context(user=request.user, day=day, mission_ids=tuple(mission_ids),
                                     scope_kind=current["kind"], scope_label=current["label"])
        boards = dashboards.build(context, selectors.roles_in_scope(request.user, mission_ids))
    return render(request, "web/home.html", {"scope": current, "board": board, "boards": boards, "day": day,
                                             "is_today": day == clock.today()})


@login_required
@require_POST
def choose_scope(request):
    choice = scope.parse_choice(request.POST.get("scope", ""))
    if choice is None or not scope.choose(request, *choice):
        messages.error(request, _("You have no access to that mission or region."))
    return redirect(_safe_next(request, "web:home"))


@login_required
def module_page(request, slug):
    """A module of DESIGN.md that is not built yet: say so plainly, with what it will hold."""
    module = modules.by_slug(slug)
    if module is None or module.built:
        raise Http404(_("No such module."))
    return render(request, "web/module.html", {"module": module, "seeds": modules.seed_titles(module)})


@login_required
def map_page(request):
    return render(request, "web/map.html", {
        "scope": scope.current(request),
        "tile_url": getattr(settings, "PEACEOPS_TILE_URL", ""),
    })


@login_required
@require_GET
def map_data(request):
    """GeoJSON for the map: HQs and host countries of the scope, or one host country's admin areas."""
    mission_ids = scope.mission_ids_in_scope(request)
    iso3 = request.GET.get("country", "")
    if not iso3:
        return JsonResponse(selectors.map_features(mission_ids))
    country = selectors.host_country(mission_ids, iso3)
    level = request.GET.get("level", "1")
    if country is None or not level.isdigit():
        raise Http404(_("No such host country in the current scope."))
    return JsonResponse(selectors.admin_area_features(country, int(level), request.GET.get("parent", "")))
