"""Upload an event file from the browser: the same import, and the same report, as the CLI, run as a background job.

Permission: the user needs Action.EDIT_INCIDENTS for the mission that
will own the rows, and may not file them above their own clearance. Rows without an owning
mission are shared reference data: only a system-wide EDIT_INCIDENTS grant may load those.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _

from peaceops.accounts.access import access_for
from peaceops.accounts.roles import Action
from peaceops.core.background import job_start
from peaceops.core.classification import Classification
from peaceops.core.uploads import validate_upload_size
from peaceops.incidents.imports.formats import FORMATS
from peaceops.registry.models import Mission

FORMAT_LABELS = {
    "ucdp-ged": _("UCDP GED (CSV or GeoJSON)"),
    "acled": _("ACLED export (old or current header)"),
    "hxl": _("HXL-tagged CSV (#date, #geo+lat, #geo+lon)"),
    "insecurity-insight": _("Insecurity Insight aid-worker workbook (.xlsx)"),
}


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File"), validators=[validate_upload_size])
    format = forms.ChoiceField(label=_("Format"), choices=[(f, FORMAT_LABELS[f]) for f in FORMATS])
    mission = forms.ChoiceField(label=_("Owning mission"), required=False)
    classification = forms.TypedChoiceField(label=_("Classification"), coerce=int,
                                            choices=Classification.choices, initial=Classification.UNCLASSIFIED)
    dry_run = forms.BooleanField(label=_("Dry run: check the file, write nothing"), required=False)
    skip_bad = forms.BooleanField(label=_("Skip bad lines (and list them) instead of failing"), required=False)

    def __init__(self, *args, access, **kwargs):
        super().__init__(*args, **kwargs)
        self.access = access
        missions = [m for m in Mission.objects.order_by("acronym") if access.can(Action.EDIT_INCIDENTS, m.pk)]
        choices = [(str(m.pk), m.acronym) for m in missions]
        if access.can(Action.EDIT_INCIDENTS, None):
            choices.insert(0, ("", _("None: shared reference data (unclassified)")))
        self.fields["mission"].choices = choices

    def clean(self):
        data = super().clean()
        mission_id = int(data["mission"]) if data.get("mission") else None
        level = data.get("classification", Classification.UNCLASSIFIED)
        if mission_id is None and level != Classification.UNCLASSIFIED:
            raise forms.ValidationError(_("Shared reference data must be unclassified; choose an owning mission."))
        if not self.access.can_read(mission_id, level):
            raise forms.ValidationError(_("You may not file records above your own clearance."))
        data["mission_id"] = mission_id
        return data


@login_required
def import_page(request):
    """The upload form; a valid upload becomes a background job whose page shows its progress and report."""
    access = access_for(request.user)
    if not access.can(Action.EDIT_INCIDENTS, None) and not any(
            access.can(Action.EDIT_INCIDENTS, pk) for pk in Mission.objects.values_list("pk", flat=True)):
        raise PermissionDenied
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, access=access)
        if form.is_valid():
            data = form.cleaned_data
            # The choice list only offers permitted missions; check again before queueing (the job's import
            # checks a third time, with the uploader as the acting user).
            if not access.can(Action.EDIT_INCIDENTS, data["mission_id"]):
                raise PermissionDenied
            job = job_start(request.user, kind="import-events", upload=data["file"], params={
                "format": data["format"], "mission_id": data["mission_id"],
                "classification": int(data["classification"]), "dry_run": data["dry_run"],
                "skip_bad": data["skip_bad"]})
            return redirect("jobs:job", job_id=job.pk)
    else:
        form = ImportForm(access=access)
    return render(request, "incidents/import.html", {"form": form})


urlpatterns = [path("import/", import_page, name="import")]
