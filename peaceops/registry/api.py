"""REST endpoints of the registry under /api/v1/."""

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from peaceops.accounts.viewsets import SecuredViewSet
from peaceops.registry import models, selectors, serializers, services


class CountryViewSet(SecuredViewSet):
    """ISO 3166 countries (public reference data; changed by system administrators)."""

    secured = False
    queryset = models.Country.objects.all()
    serializer_class = serializers.CountrySerializer
    filterset_fields = ["iso3", "iso2"]
    search_fields = ["name", "iso3"]
    ordering_fields = ["name", "iso3"]


class AdminAreaViewSet(SecuredViewSet):
    """Administrative areas by P-code with their parents."""

    secured = False
    queryset = models.AdminArea.objects.select_related("country", "parent")
    serializer_class = serializers.AdminAreaSerializer
    filterset_fields = {"level": ["exact"], "country__iso3": ["exact"], "parent__pcode": ["exact"], "pcode": ["exact", "startswith"]}
    search_fields = ["name", "pcode"]
    ordering_fields = ["pcode", "name", "level"]


class RegionViewSet(SecuredViewSet):
    secured = False
    queryset = models.Region.objects.prefetch_related("missions")
    serializer_class = serializers.RegionSerializer
    search_fields = ["name"]


class OrganisationViewSet(SecuredViewSet):
    """Organisations of every kind the seeds name."""

    secured = False
    queryset = models.Organisation.objects.select_related("country")
    serializer_class = serializers.OrganisationSerializer
    filterset_fields = ["kind", "acronym"]
    search_fields = ["name", "acronym"]
    ordering_fields = ["name", "acronym"]


class ResolutionViewSet(SecuredViewSet):
    secured = False
    queryset = models.Resolution.objects.all()
    serializer_class = serializers.ResolutionSerializer
    filterset_fields = {"number": ["exact"], "adopted_on": ["gte", "lte"]}
    search_fields = ["title", "summary"]
    ordering_fields = ["number", "adopted_on"]


class MissionViewSet(SecuredViewSet):
    """Missions; their own records are public, what they own is classified."""

    secured = False
    queryset = models.Mission.objects.select_related("predecessor", "successor").prefetch_related(
        "host_countries", "regions", "mandating_resolutions__resolution"
    )
    serializer_class = serializers.MissionSerializer
    filterset_fields = {"kind": ["exact"], "acronym": ["exact"], "host_countries__iso3": ["exact"], "regions__name": ["exact"]}
    search_fields = ["acronym", "name"]
    ordering_fields = ["acronym", "start_date"]


class ComponentViewSet(SecuredViewSet):
    queryset = models.Component.objects.all()
    serializer_class = serializers.ComponentSerializer
    filterset_fields = ["mission", "kind", "classification"]
    search_fields = ["name"]


class PostViewSet(SecuredViewSet):
    queryset = models.Post.objects.all()
    serializer_class = serializers.PostSerializer
    filterset_fields = ["mission", "component", "function", "classification"]
    search_fields = ["title"]


class HatViewSet(SecuredViewSet):
    queryset = models.Hat.objects.all()
    serializer_class = serializers.HatSerializer
    filterset_fields = ["post", "role", "classification"]

    @extend_schema(request=serializers.NewTermsSerializer, responses=serializers.TermsOfReferenceSerializer(many=True))
    @action(detail=True, methods=["get", "post"])
    def terms(self, request, pk=None):
        """The versions of the hat's terms of reference (latest first); POST writes a new version with its
        duties marked ``[[duty_code|words]]`` (registry.services.terms_of_reference_write)."""
        hat = self.get_object()
        if request.method == "POST":
            payload = serializers.NewTermsSerializer(data=request.data)
            payload.is_valid(raise_exception=True)
            services.terms_of_reference_write(request.user, hat, **payload.validated_data)
        _hat, versions = selectors.hat_with_terms(request.user, hat.pk)
        return Response(serializers.TermsOfReferenceSerializer([v.record for v in versions], many=True).data,
                        status=201 if request.method == "POST" else 200)


class PersonViewSet(SecuredViewSet):
    queryset = models.Person.objects.all()
    serializer_class = serializers.PersonSerializer
    filterset_fields = ["owning_mission", "organisation", "classification"]
    search_fields = ["name"]


class AssignmentViewSet(SecuredViewSet):
    queryset = models.Assignment.objects.all()
    serializer_class = serializers.AssignmentSerializer
    filterset_fields = ["person", "post", "classification"]


class ReportingLineViewSet(SecuredViewSet):
    queryset = models.ReportingLine.objects.all()
    serializer_class = serializers.ReportingLineSerializer
    filterset_fields = ["from_post", "to_post", "to_organisation", "kind", "classification"]


class MissionAreaViewSet(SecuredViewSet):
    """Missions' areas of responsibility and sectors over time (unclassified; read-only here: define and
    change them with ``peaceops areas``, which checks the shape and re-assigns the incidents covered)."""

    secured = False
    http_method_names = ["get", "head", "options"]
    queryset = models.MissionArea.objects.select_related("mission", "parent").prefetch_related("admin_areas")
    serializer_class = serializers.MissionAreaSerializer
    filterset_fields = {"mission__acronym": ["exact"], "kind": ["exact"], "valid_from": ["lte"], "valid_to": ["gte"]}
    ordering_fields = ["valid_from", "name"]


ROUTES = [
    ("countries", CountryViewSet),
    ("admin-areas", AdminAreaViewSet),
    ("regions", RegionViewSet),
    ("organisations", OrganisationViewSet),
    ("resolutions", ResolutionViewSet),
    ("missions", MissionViewSet),
    ("mission-areas", MissionAreaViewSet),
    ("components", ComponentViewSet),
    ("posts", PostViewSet),
    ("hats", HatViewSet),
    ("people", PersonViewSet),
    ("assignments", AssignmentViewSet),
    ("reporting-lines", ReportingLineViewSet),
]
