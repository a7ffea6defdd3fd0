"""Pages of the web shell. Views stay thin: reads come from selectors, writes from services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peaceops.web import scope


@login_required
def home(request):
    return render(request, "web/home.html", {"scope": scope.current(request)})


@login_required
@require_POST
def choose_scope(request):
    kind, _sep, ident = request.POST.get("scope", "").partition(":")
    if not ident.isdigit() or not scope.choose(request, kind, int(ident)):
        messages.error(request, _("You have no access to that mission or region."))
    return redirect(request.POST.get("next") or "web:home")
