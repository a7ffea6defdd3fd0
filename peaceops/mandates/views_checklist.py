"""Pages of the integration checklist (seed 004 ch. 1-2; seed 003 §2.5, rec. 3.4.4, 3.5.4-3.5.6) and of the
library's chapters 1-2 (leadership, cross-cutting issues, mission management).

Thin views: reads through selectors (narrowed by ``visible``), writes through services (which check ``approve``,
the leadership's right, once). A mission the user holds no grant for is a 404; an answer they may not give a
403; bad input, or evidence they cannot read, a message naming the field.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from peaceops.accounts.access import can, visible
from peaceops.accounts.roles import Action
from peaceops.cooperation.models import Meeting
from peaceops.core import clock
from peaceops.core.errors import Denied
from peaceops.mandates import checklist, selectors, services
from peaceops.mandates.models import ChecklistAnswer, MissionDocument
from peaceops.mandates.views import _fail
from peaceops.registry.models import Mission, Post, ReportingLine
from peaceops.web import scope

EVIDENCE_MODELS = {"post": ("evidence_post", Post), "line": ("evidence_line", ReportingLine),
                   "document": ("evidence_document", MissionDocument), "meeting": ("evidence_meeting", Meeting)}


def _evidence(request) -> dict:
    """``{"evidence_post": <Post>}`` from the POST field ``evidence`` ("post:12"). The record is loaded as it is:
    the service refuses, naming the field, a record the user cannot read (and a missing one the same way)."""
    value = request.POST.get("evidence", "").strip()
    if not value:
        return {}
    kind, _sep, ident = value.partition(":")
    if kind not in EVIDENCE_MODELS or not ident.isdigit():
        raise services.MandateError("evidence", _("%(value)s is not a kind:id of evidence") % {"value": value})
    field, model = EVIDENCE_MODELS[kind]
    record = model.objects.filter(pk=int(ident)).first()
    if record is None:
        # the same refusal as for a record that exists but is not readable: an id reveals nothing
        raise Denied(_("%(field)s: you cannot read this record, so it cannot be your evidence") % {"field": field},
                     field=field)
    return {field: record}


def _options(user, mission) -> list[tuple[str, str, str]]:
    """The records the user may read and cite for this mission: (value, kind label, name)."""
    posts = visible(Post.objects.filter(mission=mission), user)
    lines = visible(ReportingLine.objects.filter(from_post__in=posts), user).select_related(
        "from_post", "to_post", "to_organisation")
    documents = selectors.documents_for(user, mission)
    meetings = visible(Meeting.objects.filter(organiser=mission), user) | visible(
        Meeting.objects.filter(attending_missions=mission), user)
    options = [(f"post:{p.pk}", _("post"), p.title) for p in posts]
    options += [(f"line:{line.pk}", _("reporting line"), str(line)) for line in lines]
    options += [(f"document:{d.pk}", _("document"), d.title) for d in documents]
    options += [(f"meeting:{mt.pk}", _("meeting"), str(mt)) for mt in meetings.distinct()]
    return options


@login_required
def checklist_index(request):
    """The checklist of the mission in scope, or the list of missions the user may open."""
    now = scope.current(request)
    if now["kind"] == "mission":
        return redirect("mandates:checklist", now["id"])
    missions = Mission.objects.filter(id__in=scope.mission_ids_in_scope(request)).order_by("acronym")
    return render(request, "mandates/checklist_index.html", {"missions": missions})


@login_required
@require_http_methods(["GET", "POST"])
def mission_checklist(request, pk):
    mission = get_object_or_404(Mission, pk=pk)
    result = selectors.mission_checklist(request.user, mission)
    if result is None:
        raise Http404(_("No mission you may read."))
    may_answer = can(request.user, Action.APPROVE, mission.id)
    if request.method == "POST":
        try:
            if request.POST.get("op") == "document":
                services.document_add(request.user, mission=mission, title=request.POST.get("title", ""),
                                      reference=request.POST.get("reference", "").strip(),
                                      summary=request.POST.get("summary", "").strip(), issued_on=clock.today())
                messages.success(request, _("Document recorded."))
            else:
                services.checklist_item_answer(
                    request.user, mission=mission, item_code=request.POST.get("item", ""),
                    status=request.POST.get("status", ""), note=request.POST.get("note", "").strip(),
                    evidence=_evidence(request))
                messages.success(request, _("Answer recorded."))
        except Denied as error:
            if error.field is None:
                raise
            _fail(request, error)
        except (services.MandateError, ValidationError) as error:
            _fail(request, error)
        return redirect("mandates:checklist", mission.pk)
    return render(request, "mandates/checklist.html", {
        "mission": mission, "checklist": result, "may_answer": may_answer,
        "options": _options(request.user, mission) if may_answer else [],
        "statuses": ChecklistAnswer.Status.choices, "groups": checklist.GROUPS})


@login_required
def library_guidance(request):
    """Seed 004 ch. 1-2 as the library holds them: sections, the eight considerations, guidance sentences."""
    return render(request, "mandates/library_guidance.html", {"sections": selectors.guidance_sections()})


urlpatterns = [
    path("checklist/", checklist_index, name="checklist-index"),
    path("checklist/<int:pk>/", mission_checklist, name="checklist"),
    path("library/leadership/", library_guidance, name="library-guidance"),
]
