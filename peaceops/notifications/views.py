"""The inbox pages: notifications of the user's missions, one notification (read, acknowledge, ask for the
evidence), the requests for information sent and received, one request (release chosen incidents or decline).

Thin: reads through ``selectors`` (another mission's record is a 404), writes through ``services``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from peaceops.accounts.access import can
from peaceops.accounts.roles import Action
from peaceops.core import listing
from peaceops.notifications import selectors, services
from peaceops.notifications.models import InformationRequest

STATES = ("unread", "read", "acknowledged", "unacknowledged")
# The filter shows each state in words of the reader's language; the query keeps the machine word.
STATE_LABELS = {"unread": gettext_lazy("unread"), "read": gettext_lazy("read"),
                "acknowledged": gettext_lazy("acknowledged"), "unacknowledged": gettext_lazy("unacknowledged")}


def _errors(request, error: ValidationError) -> None:
    for field, texts in getattr(error, "message_dict", {"": error.messages}).items():
        for text in texts:
            messages.error(request, f"{field}: {text}" if field and field != "__all__" else text)


# The inbox's sortable columns (peaceops.core.listing): ?sort= key -> fields.
INBOX_SORTS = {"title": ("title", "-id"), "recipient": ("recipient__acronym", "-id"),
               "source": ("source_mission__acronym", "-id"), "since": ("since", "-id"), "score": ("score", "-id"),
               "received": ("created_at", "id")}


@login_required
@require_GET
def inbox(request):
    # Any kind filters (one absent from the inbox lists nothing); the choices offered are those present.
    kinds = selectors.notification_kinds(request.user)
    kind = request.GET.get("kind", "").strip()[:32]
    state = request.GET.get("state", "") if request.GET.get("state", "") in STATES else ""
    rows = listing.paginate(request.GET, selectors.notifications_for(request.user, kind=kind, state=state),
                            INBOX_SORTS, "-received", 50)
    return render(request, "notifications/inbox.html", {
        "listing": rows, "notifications": rows.page,
        "kinds": kinds, "states": [(s, STATE_LABELS[s]) for s in STATES], "kind": kind, "state": state,
        "open_requests": selectors.requests_for(request.user, status="open").count(),
    })


@login_required
@require_GET
def detail(request, pk):
    notification = get_object_or_404(selectors.notifications_for(request.user), pk=pk)
    services.notification_mark_read(request.user, notification)
    return render(request, "notifications/detail.html", {
        "n": notification,
        "readable_ids": selectors.readable_evidence(request.user, notification),
        "requests": selectors.requests_for(request.user).filter(notification=notification),
        "may_ask": can(request.user, Action.EDIT_INCIDENTS, notification.recipient_id)
        and notification.source_mission_id is not None,
    })


@login_required
@require_POST
def acknowledge(request, pk):
    notification = get_object_or_404(selectors.notifications_for(request.user), pk=pk)
    services.notification_acknowledge(request.user, notification)
    if request.POST.get("next") == "detail":
        return redirect("notifications:detail", pk=pk)
    return redirect("notifications:inbox")


@login_required
@require_POST
def ask(request, pk):
    notification = get_object_or_404(selectors.notifications_for(request.user), pk=pk)
    try:
        made = services.information_request_create(request.user, notification, evidence_ids=request.POST.getlist("ids"),
                                            question=request.POST.get("question", ""))
    except ValidationError as error:
        _errors(request, error)
        return redirect("notifications:detail", pk=pk)
    messages.success(request, _("Request sent to %(mission)s.") % {"mission": made.owning_mission.acronym})
    return redirect("notifications:request", pk=made.pk)


@login_required
@require_GET
def requests(request):
    status = request.GET.get("status", "")
    status = status if status in InformationRequest.Status.values else ""
    return render(request, "notifications/requests.html", {
        "requests": selectors.requests_for(request.user, status=status)[:200], "status": status,
        "statuses": InformationRequest.Status.choices, "releases": selectors.releases_for(request.user)[:50],
    })


@login_required
@require_GET
def request_detail(request, pk):
    asked = get_object_or_404(selectors.requests_for(request.user), pk=pk)
    return render(request, "notifications/request.html", {
        "r": asked, "releases": asked.releases.all(),
        "may_answer": asked.status == "open" and can(request.user, Action.EDIT_ANALYSIS, asked.owning_mission_id),
    })


@login_required
@require_POST
def release(request, pk):
    asked = get_object_or_404(selectors.requests_for(request.user), pk=pk)
    try:
        services.incidents_release_for_request(request.user, asked, incident_ids=request.POST.getlist("ids"),
                                     note=request.POST.get("note", ""))
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Incidents released to %(mission)s.") % {"mission": asked.requesting_mission})
    return redirect("notifications:request", pk=pk)


@login_required
@require_POST
def decline(request, pk):
    asked = get_object_or_404(selectors.requests_for(request.user), pk=pk)
    try:
        services.information_request_decline(request.user, asked, reason=request.POST.get("reason", ""))
    except ValidationError as error:
        _errors(request, error)
    return redirect("notifications:request", pk=pk)


urlpatterns = [
    path("", inbox, name="inbox"),
    path("<int:pk>/", detail, name="detail"),
    path("<int:pk>/acknowledge/", acknowledge, name="acknowledge"),
    path("<int:pk>/ask/", ask, name="ask"),
    path("requests/", requests, name="requests"),
    path("requests/<int:pk>/", request_detail, name="request"),
    path("requests/<int:pk>/release/", release, name="release"),
    path("requests/<int:pk>/decline/", decline, name="decline"),
]
