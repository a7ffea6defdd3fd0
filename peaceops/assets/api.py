"""REST endpoints of the shared asset pool under /api/v1/ (docs/assets.md, "API").

- ``assets/``: the pool (own assets and other missions' offered ones); ``{id}/calendar/``.
- ``asset-requests/``: requests with their consents and cost shares; ``{id}/decide/`` gives or
  refuses one consent, ``{id}/assign/`` chooses an asset for an open request, ``{id}/withdraw/``.
- ``loans/``: approved loans, read by lender and borrower; made only by the last consent.
- ``asset-costs/?region=NAME&year=YYYY``: the cost-sharing report.

Reads go through peaceops.assets.selectors (narrowed by access); writes through services.
"""

import datetime as dt

from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.decorators import action, api_view
from rest_framework.response import Response

from peaceops.accounts.roles import Action
from peaceops.accounts.viewsets import SecuredViewSet
from peaceops.assets import selectors, services
from peaceops.assets.models import Asset, AssetRequest, Consent, Loan
from peaceops.core import clock
from peaceops.registry.models import Country, Mission, Region


class PoolAssetSerializer(serializers.ModelSerializer):
    owning_mission = serializers.SlugRelatedField(slug_field="acronym", queryset=Mission.objects.all())
    contributing_country = serializers.SlugRelatedField(slug_field="iso3", queryset=Country.objects.all(),
                                                        required=False, allow_null=True)
    location_country = serializers.SlugRelatedField(slug_field="iso3", queryset=Country.objects.all(),
                                                    required=False, allow_null=True)

    class Meta:
        model = Asset
        fields = ["id", "name", "kind", "owning_mission", "contributing_country", "seats", "tonnes", "persons",
                  "cost_basis", "rate", "location", "location_country", "available_from", "available_until",
                  "offered", "no_cross_border", "caveats", "classification", "source"]


class LoanConsentSerializer(serializers.ModelSerializer):
    mission = serializers.SlugRelatedField(slug_field="acronym", read_only=True)
    country = serializers.SlugRelatedField(slug_field="iso3", read_only=True)
    recorded_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Consent
        fields = ["id", "party", "mission", "country", "decision", "given_by_person", "decided_on", "recorded_by",
                  "note"]


class LoanCostShareSerializer(serializers.Serializer):
    mission = serializers.SlugRelatedField(slug_field="acronym", queryset=Mission.objects.all())
    percent = serializers.DecimalField(max_digits=6, decimal_places=2)
    amount = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)


class AssetRequestSerializer(serializers.ModelSerializer):
    owning_mission = serializers.SlugRelatedField(slug_field="acronym", queryset=Mission.objects.all(),
                                                  help_text="The requesting mission.")
    destination_country = serializers.SlugRelatedField(slug_field="iso3", queryset=Country.objects.all(),
                                                       required=False, allow_null=True)
    kind = serializers.ChoiceField(choices=Asset.Kind.choices, required=False)
    cost_shares = LoanCostShareSerializer(many=True, required=False,
                                      help_text="Percentages per mission summing to 100; default: requester 100.")
    consents = LoanConsentSerializer(many=True, read_only=True)

    class Meta:
        model = AssetRequest
        fields = ["id", "owning_mission", "asset", "kind", "start_date", "end_date", "purpose", "destination_country",
                  "seats", "tonnes", "persons", "flight_hours", "classification", "status", "cost_shares", "consents"]
        read_only_fields = ["status"]

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None:
            fields["asset"].queryset = selectors.assets_for(request.user)
        return fields


class LoanSerializer(serializers.ModelSerializer):
    lender = serializers.SlugRelatedField(source="owning_mission", slug_field="acronym", read_only=True)
    borrower = serializers.SlugRelatedField(slug_field="acronym", read_only=True)

    class Meta:
        model = Loan
        fields = ["id", "request", "asset", "lender", "borrower", "start_date", "end_date", "days", "flight_hours",
                  "persons", "cost_basis", "total_cost", "classification"]
        read_only_fields = fields


class ConsentDecisionSerializer(serializers.Serializer):
    consent = serializers.IntegerField()
    given = serializers.BooleanField()
    given_by_person = serializers.CharField(required=False, allow_blank=True, default="")
    decided_on = serializers.DateField(required=False, allow_null=True, default=None)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class AssetAssignSerializer(serializers.Serializer):
    asset = serializers.IntegerField()


class AssetViewSet(SecuredViewSet):
    """The pool: the user's missions' assets and the other missions' offered, unclassified ones."""

    write_action = services.MANAGE
    queryset = Asset.objects.all()
    serializer_class = PoolAssetSerializer
    filterset_fields = ["kind", "offered"]
    search_fields = ["name", "location"]
    ordering_fields = ["name", "kind", "id"]

    def get_queryset(self):
        return selectors.assets_for(self.request.user).order_by("id")

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        mission = fields.pop("owning_mission")
        serializer.instance = services.asset_create(user=self.request.user, owning_mission=mission, **fields)

    def perform_update(self, serializer):
        """Only the owning mission changes its assets (and only what it may read)."""
        serializer.instance = services.asset_update(user=self.request.user, asset=serializer.instance,
                                                    changes=serializer.validated_data, expected_etag=self.if_match())

    @action(detail=True, methods=["get"])
    def calendar(self, request, pk=None):
        """Bookings of the asset between ``start`` and ``end`` (ISO dates; default: this year)."""
        asset = self.get_object()
        start, end = _period(request)
        entries = selectors.calendar(request.user, asset, start, end)
        return Response([{"kind": e["kind"], "start": e["start"], "end": e["end"], "label": e["label"],
                          "loan": e["loan"].id if e["loan"] else None} for e in entries])


def _period(request) -> tuple[dt.date, dt.date]:
    today = clock.today()
    try:
        start = dt.date.fromisoformat(request.query_params.get("start") or f"{today.year}-01-01")
        end = dt.date.fromisoformat(request.query_params.get("end") or f"{today.year}-12-31")
    except ValueError:
        raise exceptions.ValidationError({"start": [_("Give dates as YYYY-MM-DD.")]}) from None
    return start, end


class AssetRequestViewSet(SecuredViewSet):
    """Requests of the user's missions and requests for their missions' assets, with consents and shares."""

    write_action = services.MANAGE
    queryset = AssetRequest.objects.all()
    serializer_class = AssetRequestSerializer
    filterset_fields = ["status", "kind"]
    ordering_fields = ["start_date", "id"]

    def get_queryset(self):
        return selectors.requests_for(self.request.user).prefetch_related(
            "consents__mission", "consents__country", "consents__recorded_by", "cost_shares__mission").order_by("id")

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        shares = {s["mission"]: s["percent"] for s in fields.pop("cost_shares", [])} or None
        serializer.instance = services.request_create(
            user=self.request.user, mission=fields.pop("owning_mission"), kind=fields.pop("kind", None),
            asset=fields.pop("asset", None), start_date=fields.pop("start_date"), end_date=fields.pop("end_date"),
            cost_shares=shares, **fields)

    def perform_update(self, serializer):
        raise exceptions.ValidationError({"status": [_("A request is not edited: withdraw it and ask again.")]})

    def perform_destroy(self, instance):
        raise exceptions.ValidationError({"status": [_("A request is not deleted: withdraw it.")]})

    @extend_schema(request=ConsentDecisionSerializer, responses=AssetRequestSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        """Give or refuse one consent (APPROVE for the consenting mission; governments: person and date)."""
        asset_request = self.get_object()
        payload = ConsentDecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        consent = asset_request.consents.filter(pk=data["consent"]).first()
        if consent is None:
            raise exceptions.ValidationError({"consent": [_("No such consent on this request.")]})
        services.consent_decide(user=request.user, consent=consent, given=data["given"], person=data["given_by_person"],
                        on=data["decided_on"], note=data["note"])
        return Response(self.get_serializer(self.get_queryset().get(pk=asset_request.pk)).data)

    @extend_schema(request=AssetAssignSerializer, responses=AssetRequestSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        """Choose an asset for an open request; the consents are then asked."""
        asset_request = self.get_object()
        payload = AssetAssignSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        asset = selectors.assets_for(request.user).filter(pk=payload.validated_data["asset"]).first()
        if asset is None:
            raise exceptions.ValidationError({"asset": [_("No such asset in the pool you may see.")]})
        services.asset_assign(user=request.user, request=asset_request, asset=asset)
        return Response(self.get_serializer(self.get_queryset().get(pk=asset_request.pk)).data)

    @extend_schema(request=None, responses=AssetRequestSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        asset_request = self.get_object()
        services.request_withdraw(user=request.user, request=asset_request)
        return Response(self.get_serializer(self.get_queryset().get(pk=asset_request.pk)).data)


class LoanViewSet(SecuredViewSet):
    """Approved loans, on the lender's and the borrower's calendars. Made by the last consent only."""

    write_action = Action.APPROVE
    queryset = Loan.objects.all()
    serializer_class = LoanSerializer
    filterset_fields = ["asset", "borrower"]
    ordering_fields = ["start_date", "id"]

    def get_queryset(self):
        return selectors.loans_for(self.request.user).order_by("id")

    def perform_create(self, serializer):
        raise exceptions.ValidationError({"request": [_("Loans are made by giving the request's consents.")]})

    def perform_update(self, serializer):
        raise exceptions.ValidationError({"request": [_("A loan is not edited.")]})

    def perform_destroy(self, instance):
        raise exceptions.ValidationError({"request": [_("A loan is not deleted.")]})


@extend_schema(responses=dict)
@api_view(["GET"])
def cost_report(request):
    """``?region=NAME&year=YYYY`` (or ``mission=ACRONYM``): per mission, its share of the year's loans."""
    try:
        year = int(request.query_params.get("year") or clock.today().year)
    except ValueError:
        raise exceptions.ValidationError({"year": [_("Give the year as four digits.")]}) from None
    name, acronym = request.query_params.get("region"), request.query_params.get("mission")
    if name:
        region = Region.objects.filter(name=name).first()
        if region is None:
            raise exceptions.ValidationError({"region": [_("Unknown region.")]})
        ids = list(region.missions.values_list("id", flat=True))
    elif acronym:
        ids = list(Mission.objects.filter(acronym=acronym).values_list("id", flat=True))
    else:
        raise exceptions.ValidationError({"region": [_("Name a region or a mission.")]})
    report = selectors.cost_report(request.user, ids, year)
    return Response({
        "year": year, "currency": "USD", "paid": {m: str(v) for m, v in report["paid"].items()},
        "lent": {m: str(v) for m, v in report["lent"].items()}, "total": str(report["total"]),
        "loans": [{"id": row["id"], "asset": row["asset"], "lender": row["lender"], "borrower": row["borrower"],
                   "start": row["start"], "end": row["end"], "total_cost": str(row["total_cost"]),
                   "shares": {s["mission"]: {"percent": str(s["percent"]), "amount": str(s["amount"])}
                              for s in row["shares"]}}
                  for row in report["rows"]]})


ROUTES: list[tuple] = [("assets", AssetViewSet), ("asset-requests", AssetRequestViewSet), ("loans", LoanViewSet)]
# Endpoints outside a viewset (django.urls.path objects), mounted under /api/v1/.
PATHS: list = [path("asset-costs/", cost_report, name="asset-costs")]
