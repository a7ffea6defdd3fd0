"""``GET /api/v1/sitrep/?mission=ACRONYM|region=NAME&date=YYYY-MM-DD``: the report's JSON form.

Same report as the CLI's ``--format json`` and the page's JSON download. A mission or region
the caller holds no grant for answers 404, like a record they may not read.
"""


from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from peaceops.core import query
from peaceops.incidents.sitrep import selectors as sitrep_selectors

_FIGURES = {name: serializers.IntegerField() for name in ("best", "low", "high", "a", "b", "civilians", "unknown")}

SitrepSchema = inline_serializer(
    name="Sitrep",
    fields={
        "date": serializers.DateField(),
        "scope": inline_serializer(name="SitrepScope", fields={
            "kind": serializers.ChoiceField(choices=["mission", "region"]),
            "name": serializers.CharField(),
            "missions": serializers.ListField(child=serializers.CharField()),
        }),
        "incidents": serializers.IntegerField(help_text="Incidents that started on the date (duplicates left out)."),
        "fatalities": inline_serializer(name="SitrepFatalities", fields=_FIGURES),
        "injured": serializers.IntegerField(),
        "abducted": serializers.IntegerField(),
        "by_category": serializers.DictField(child=serializers.IntegerField(), help_text="category code -> incidents"),
        "deaths_by_category": serializers.DictField(child=serializers.IntegerField()),
        "by_admin1": serializers.DictField(child=serializers.IntegerField(),
                                           help_text="admin-1 name as imported -> incidents; '(unknown)' when none"),
        "deaths_by_admin1": serializers.DictField(child=serializers.IntegerField()),
        "notable": serializers.ListField(child=serializers.DictField(), help_text="incidents with 'reasons'"),
        "change": serializers.DictField(help_text="previous_7_days / previous_30_days: daily averages and change"),
        "items": serializers.ListField(child=serializers.DictField()),
        "items_truncated": serializers.BooleanField(),
        "continuing": serializers.ListField(child=serializers.DictField()),
        "open_follow_ups": serializers.ListField(child=serializers.DictField()),
        "open_follow_ups_total": serializers.IntegerField(),
    },
)


@extend_schema(
    operation_id="sitrep",
    summary="Daily situation report of a mission or region",
    description="Incidents that started on `date` in the mission's area or owned by it (a region: its missions), "
                "counted only as far as the caller may read them. Give exactly one of `mission` and `region`.",
    parameters=[
        OpenApiParameter("mission", OpenApiTypes.STR, description="mission acronym, e.g. MINURCAT"),
        OpenApiParameter("region", OpenApiTypes.STR, description="region name"),
        OpenApiParameter("date", OpenApiTypes.DATE, required=True, description="report date, YYYY-MM-DD"),
    ],
    responses={200: SitrepSchema},
    examples=[OpenApiExample("query", value={"date": "2008-06-14", "scope": {"kind": "mission", "name": "MINURCAT",
                                                                             "missions": ["MINURCAT"]},
                                             "incidents": 2}, response_only=True)],
    tags=["incidents"],
)
@api_view(["GET"])
def sitrep(request):
    mission, region = request.query_params.get("mission", ""), request.query_params.get("region", "")
    if bool(mission) == bool(region):
        raise ValidationError({"mission": [_("Give exactly one of mission and region.")]})
    if not request.query_params.get("date", "").strip():
        raise ValidationError({"date": [_("A date as YYYY-MM-DD is required.")]})
    try:
        day = query.query_date(request.query_params, "date")
    except query.BadQuery as error:
        raise ValidationError({"date": [error.message]}) from None
    try:
        scope = (sitrep_selectors.mission_scope(request.user, mission) if mission
                 else sitrep_selectors.region_scope(request.user, region))
    except sitrep_selectors.ScopeNotFound:
        raise NotFound(_("No such mission or region among those you may read.")) from None
    return Response(sitrep_selectors.sitrep_get(request.user, scope, day))
