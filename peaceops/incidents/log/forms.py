"""The watch officer's entry form: validates input, leaves every rule to the log services."""


import shapely
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from shapely.errors import ShapelyError
from shapely.geometry import shape

from peaceops.accounts.access import access_for
from peaceops.accounts.records import record_etag
from peaceops.core import clock, query
from peaceops.core.classification import Classification
from peaceops.core.errors import add_to_form
from peaceops.incidents import limits
from peaceops.incidents.log.selectors import incidents_for, unknown_actor_names
from peaceops.incidents.log.services import ActorPart
from peaceops.incidents.models import Incident, IncidentActor, IncidentSource
from peaceops.incidents.taxonomy import Category
from peaceops.registry.models import AdminArea, Country, MissionArea

# Numbered labels let a keyboard user pick a category by typing its number in the select.
# format_lazy keeps the label lazy: an f-string here would fix it in English at import time.
CATEGORY_CHOICES = [("", "—")] + [(value, format_lazy("{} · {}", n, label))
                                  for n, (value, label) in enumerate(Category.choices, 1)]
COUNT_FIELDS = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "deaths_best", "deaths_low",
                "deaths_high", "injured", "abducted")
SIDES = (("side_a", IncidentActor.Side.A), ("side_b", IncidentActor.Side.B), ("targets", IncidentActor.Side.TARGET))
# Where a model-level error on a field is shown on the form.
MODEL_TO_FORM = {"admin_area": "pcode", "owning_mission": "owning_mission", "end_date": "end_date"}
# How far (degrees, about 25 km) a point may lie outside its country's recorded shape before the form asks:
# the shapes are simplified (Natural Earth 1:110m) and a border incident is often placed on the line.
COUNTRY_TOLERANCE = 0.25


def outside_shape(geometry: dict | None, latitude: float, longitude: float,
                  tolerance: float = COUNTRY_TOLERANCE) -> bool:
    """True when the point lies clearly outside a GeoJSON shape; False when inside or there is no shape."""
    if not geometry:
        return False
    try:
        area = shape(geometry)
    except (ShapelyError, ValueError, TypeError, KeyError, AttributeError):  # a broken shape decides nothing
        return False
    return area.distance(shapely.Point(longitude, latitude)) > tolerance


def _count(label):
    return forms.IntegerField(label=label, min_value=0, required=False,
                              widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "count"}))


class IncidentForm(forms.Form):
    # Plain text boxes for date and time: one Tab stop each (the browsers' date pickers take three).
    start_date = forms.DateField(label=_("Date"), initial=clock.today, help_text=_("YYYY-MM-DD"),
                                 validators=[query.sane_date],
                                 widget=forms.DateInput(format="%Y-%m-%d", attrs={
                                     "autofocus": True, "title": _("YYYY-MM-DD"), "size": 10}))
    start_time = forms.TimeField(label=_("Time"), required=False, widget=forms.TimeInput(
        format="%H:%M", attrs={"title": _("HH:MM"), "size": 5}))
    category = forms.ChoiceField(label=_("Category"), choices=CATEGORY_CHOICES,
                                 help_text=_("Type the number or the first letters."))
    location = forms.CharField(label=_("Place"), required=False, max_length=300)
    pcode = forms.CharField(label=_("P-code"), required=False, max_length=32,
                            help_text=_("Fills country and admin names."),
                            widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))
    latitude = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90,
                                widget=forms.NumberInput(attrs={"step": "any"}))
    longitude = forms.FloatField(label=_("Longitude"), required=False, min_value=-180, max_value=180,
                                 widget=forms.NumberInput(attrs={"step": "any"}))
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.order_by("name"),
                                     to_field_name="iso3", required=False)
    admin1 = forms.CharField(label=_("Admin 1"), required=False, max_length=200)
    admin2 = forms.CharField(label=_("Admin 2"), required=False, max_length=200)
    # The version the form was opened on (the record's ETag): saving over a newer version is refused.
    version = forms.CharField(required=False, widget=forms.HiddenInput)
    description = forms.CharField(label=_("What happened"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    deaths_a = _count(_("Deaths side A"))
    deaths_b = _count(_("Deaths side B"))
    deaths_civilians = _count(_("Deaths civilians"))
    deaths_unknown = _count(_("Deaths unknown"))
    deaths_best = _count(_("Deaths best"))
    # The estimates' "Low" and "High" are not a priority's (mandated tasks): their own context.
    deaths_low = _count(translation.pgettext_lazy("estimate of deaths", "Low"))
    deaths_high = _count(translation.pgettext_lazy("estimate of deaths", "High"))
    injured = _count(_("Injured"))
    abducted = _count(_("Abducted"))
    side_a = forms.CharField(label=_("Side A"), required=False, help_text=_("Names or aliases; separate with ;"),
                             widget=forms.TextInput(attrs={"list": "actor-names"}))
    side_b = forms.CharField(label=_("Side B"), required=False, widget=forms.TextInput(attrs={"list": "actor-names"}))
    targets = forms.CharField(label=_("Targets"), required=False, widget=forms.TextInput(attrs={"list": "actor-names"}))
    source_name = forms.CharField(label=_("Source"), required=False, max_length=300)
    reliability = forms.ChoiceField(label=_("Reliability"), choices=IncidentSource.RELIABILITY, initial="F",
                                    help_text=_("A reliable ... F cannot be judged"))
    credibility = forms.TypedChoiceField(label=_("Credibility"), choices=IncidentSource.CREDIBILITY, coerce=int,
                                         initial=6, help_text=_("1 confirmed ... 6 cannot be judged"))
    classification = forms.TypedChoiceField(label=_("Classification"), choices=Classification.choices, coerce=int,
                                            initial=Classification.UNCLASSIFIED)
    owning_mission = forms.TypedChoiceField(label=_("Mission"), coerce=int, required=False)
    end_date = forms.DateField(label=_("End date"), required=False, validators=[query.sane_date],
                               widget=forms.DateInput(format="%Y-%m-%d", attrs={"title": _("YYYY-MM-DD")}),
                               help_text=_("Empty: the same day."))
    duplicate_of = forms.IntegerField(label=_("Same event as report no."), required=False, min_value=1)
    follow_up = forms.CharField(label=_("Open follow-up"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    follow_up_by = forms.CharField(label=_("Follow-up assigned to"), required=False, max_length=200,
                                   help_text=_("The unit or person who follows the report up, e.g. UNPOL Abeche."))
    # Shown only once a typed actor name matched no actor the user knows of: ticking a name creates that actor
    # (a typo, or HTML pasted from a report, must not silently become a new party to the conflict).
    new_actors = forms.MultipleChoiceField(label=_("New actors"), required=False,
                                           widget=forms.CheckboxSelectMultiple)
    # Shown only once the coordinates were found outside the country: ticking it keeps them as typed.
    place_confirmed = forms.BooleanField(label=_("Keep these coordinates although they lie outside the country"),
                                         required=False)

    def __init__(self, *args, user=None, missions=(), **kwargs):
        """``missions``: the missions the officer may log for in the current scope (a choice only if several)."""
        super().__init__(*args, **kwargs)
        self.user = user
        self.missions = list(missions)
        if len(self.missions) > 1:
            self.fields["owning_mission"].choices = [(m.id, m.acronym) for m in self.missions]
            self.fields["owning_mission"].required = True
        else:
            del self.fields["owning_mission"]
        self._offer_cleared_levels()
        limits.limit_form_fields(self)
        self._attach_pickers()
        self.unknown_actors = self._unknown_actors()

    def _attach_pickers(self) -> None:
        """Actor and place boxes offer names as one types (static/incidents/pickers.js, JSON filtered by access)."""
        actors = reverse("incidents:actor-suggestions")
        for field, _side in SIDES:
            self.fields[field].widget.attrs.update({"list": "actor-names", "data-suggest": actors,
                                                    "autocomplete": "off"})
        self.fields["location"].widget.attrs.update({
            "list": "place-names", "data-suggest": reverse("incidents:place-suggestions"), "data-pcode-field": "pcode",
            "autocomplete": "off"})

    def _unknown_actors(self) -> list[str]:
        """Typed actor names that match no actor the user may know of (hidden ones included: not revealed)."""
        if not self.is_bound or self.user is None:
            return []
        typed = [name for field, _side in SIDES for name in split_names(self.data.get(field))]
        unknown = unknown_actor_names(self.user, typed)
        self.fields["new_actors"].choices = [
            (name, gettext("Create new actor “%(name)s”") % {"name": name}) for name in unknown]
        return unknown

    def _offer_cleared_levels(self) -> None:
        """Offer only the classifications the user is cleared for in one of the form's missions.

        A level above the clearance could not be saved (accounts.access.require refuses it); offering it
        only invites a refusal after everything else is typed.
        """
        if self.user is None or not self.missions:
            return
        access = access_for(self.user)
        levels = [access.level_for(m.id) for m in self.missions]
        highest = max((level for level in levels if level is not None), default=Classification.UNCLASSIFIED)
        self.fields["classification"].choices = [(value, label) for value, label in Classification.choices
                                                 if value <= highest]

    def clean_pcode(self):
        pcode = self.cleaned_data["pcode"].strip()
        if not pcode:
            return None
        area = AdminArea.objects.filter(pcode__iexact=pcode).first()
        if area is None:
            raise forms.ValidationError(_("No admin area has this P-code."))
        return area

    def clean_duplicate_of(self):
        pk = self.cleaned_data["duplicate_of"]
        if pk is None:
            return None
        master = incidents_for(self.user).filter(pk=pk).first()
        if master is None:  # hidden or absent: the same answer, so a hidden report is not confirmed
            raise forms.ValidationError(_("No such incident."))
        return master

    def clean_start_date(self):
        return self._not_after_today("start_date")

    def clean_end_date(self):
        return self._not_after_today("end_date")

    def _not_after_today(self, name):
        day = self.cleaned_data.get(name)
        today = clock.today()  # the scenario's day in a demo or exercise
        if day is not None and day > today:
            raise forms.ValidationError(_("An incident cannot have happened after today (%(today)s).")
                                        % {"today": today.isoformat()})
        return day

    def clean(self):
        data = super().clean()
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if (latitude is None) != (longitude is None):
            self.add_error("longitude", _("Give both coordinates or neither."))
        has_coordinates = latitude is not None and longitude is not None
        area = data.get("pcode")
        country = data.get("country") or (area.country if area else None)
        named = (data.get("location") or "").strip() or (data.get("admin1") or "").strip()
        if not (area or has_coordinates or (named and country)) and not self._place_field_failed():
            # seed 000 app. 2: the JOC's picture is a map; a report with no place cannot be on it
            self.add_error("location", _("Say where it happened: a P-code, coordinates, or a place name "
                                         "with its country."))
        self._check_new_actors(data)
        if has_coordinates and country is not None and not data.get("place_confirmed") \
                and outside_shape(country.geometry, latitude, longitude):
            self.add_error("latitude", _("The coordinates %(lat)s, %(lon)s lie outside %(country)s. Correct "
                                         "them or the country, or tick the box below to keep them.")
                           % {"lat": latitude, "lon": longitude, "country": country.name})
            self.outside_country = True
        elif has_coordinates and not data.get("place_confirmed"):
            self._check_mission_area(data, latitude, longitude)
        return data

    def _check_mission_area(self, data, latitude, longitude) -> None:
        """A point outside every area of responsibility the reporting mission held on the day asks to be confirmed
        (a mistyped coordinate, or an incident across the border that another mission should know of)."""
        mission, day = self.chosen_mission(), data.get("start_date")
        if mission is None or day is None:
            return
        shapes = [geometry for geometry in MissionArea.objects.filter(
            mission=mission, kind=MissionArea.Kind.AREA, valid_from__lte=day).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)).values_list("geometry", flat=True) if geometry]
        if shapes and all(outside_shape(geometry, latitude, longitude) for geometry in shapes):
            self.add_error("latitude", _("The coordinates %(lat)s, %(lon)s lie outside %(mission)s's area of "
                                         "responsibility on %(day)s. Correct them, or tick the box below to keep "
                                         "them.") % {"lat": latitude, "lon": longitude, "mission": mission.acronym,
                                                     "day": day.isoformat()})
            self.outside_country = True  # the same confirmation box

    outside_country = False

    def _check_new_actors(self, data) -> None:
        confirmed = {name.lower() for name in data.get("new_actors") or []}
        waiting = {name.lower() for name in self.unknown_actors} - confirmed
        for field, _side in SIDES:
            names = [name for name in split_names(data.get(field)) if name.lower() in waiting]
            if names:
                self.add_error(field, ngettext(
                    "No actor you know of is called %(names)s. Pick a suggested name, or tick “Create new "
                    "actor” below to add it.",
                    "No actor you know of is called %(names)s. Pick suggested names, or tick “Create new "
                    "actor” below for each to add.", len(names)) % {"names": ", ".join(f"“{n}”" for n in names)})

    def _place_field_failed(self) -> bool:
        """A place field already refused (a wrong P-code): its own error says enough."""
        return any(name in self.errors for name in ("pcode", "latitude", "longitude", "country"))

    def chosen_mission(self):
        if len(self.missions) == 1:
            return self.missions[0]
        chosen = self.cleaned_data.get("owning_mission")
        return next((m for m in self.missions if m.id == chosen), None)

    def incident_fields(self) -> dict:
        data = self.cleaned_data
        fields = {name: data.get(name) for name in (
            "start_date", "start_time", "category", "location", "latitude", "longitude", "country", "admin1",
            "admin2", "description", "classification", "end_date", "follow_up", "follow_up_by", *COUNT_FIELDS)}
        fields["admin_area"] = data.get("pcode")
        fields["duplicate_of"] = data.get("duplicate_of")
        return fields

    def actor_parts(self) -> list[ActorPart]:
        confirmed = {name.lower() for name in self.cleaned_data.get("new_actors") or []}
        return [ActorPart(name=name, side=side, may_create=name.lower() in confirmed)
                for field, side in SIDES for name in split_names(self.cleaned_data.get(field))]

    def new_source(self) -> dict | None:
        name = (self.cleaned_data.get("source_name") or "").strip()
        if not name:
            return None
        return {"name": name, "reliability": self.cleaned_data["reliability"],
                "credibility": self.cleaned_data["credibility"], "reported_on": clock.today()}

    def add_model_errors(self, error) -> None:
        """Show the service's refusal beside the fields it concerns; what was typed stays in the form."""
        if not isinstance(error, ValidationError):
            add_to_form(self, error)
            return
        for field, messages in getattr(error, "message_dict", {"__all__": error.messages}).items():
            target = MODEL_TO_FORM.get(field, field)
            for message in messages:
                self.add_error(target if target in self.fields else None, message)


def split_names(text) -> list[str]:
    """The actor names typed in one box: separated by ";", spaces evened out as actor names are stored."""
    return [" ".join(part.split()) for part in str(text or "").split(";") if part.strip()]


def initial_from(incident: Incident) -> dict:
    """The form's values for correcting ``incident``."""
    initial = {name: getattr(incident, name) for name in (
        "start_date", "start_time", "category", "location", "latitude", "longitude", "admin1", "admin2",
        "description", "classification", "end_date", "follow_up", "follow_up_by", *COUNT_FIELDS)}
    initial["country"] = incident.country.iso3 if incident.country else None
    initial["version"] = record_etag(incident)
    initial["pcode"] = incident.admin_area.pcode if incident.admin_area else ""
    initial["duplicate_of"] = incident.duplicate_of_id
    initial["owning_mission"] = incident.owning_mission_id
    for field, side in SIDES:
        initial[field] = "; ".join(link.actor.name for link in incident.actor_links.all() if link.side == side)
    return initial

