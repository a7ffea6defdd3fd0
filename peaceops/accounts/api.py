"""Accounts endpoints: who am I, and grants (administrators only)."""

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.response import Response

from peaceops.accounts.access import access_for
from peaceops.accounts.models import Grant
from peaceops.accounts.roles import Action
from peaceops.core.api import SecuredViewSet


class GrantSerializer(serializers.ModelSerializer):
    user = serializers.SlugRelatedField(slug_field="username", queryset=get_user_model().objects.all())
    mission = serializers.SlugRelatedField(slug_field="acronym", read_only=False, allow_null=True, required=False,
                                           queryset=Grant._meta.get_field("mission").related_model.objects.all())
    region = serializers.SlugRelatedField(slug_field="name", allow_null=True, required=False,
                                          queryset=Grant._meta.get_field("region").related_model.objects.all())

    class Meta:
        model = Grant
        fields = ["id", "user", "role", "mission", "region", "clearance"]

    def validate(self, attrs):
        if attrs.get("mission") and attrs.get("region"):
            raise serializers.ValidationError({"region": "A grant covers a mission or a region, not both."})
        return attrs


class GrantViewSet(SecuredViewSet):
    """Grants of roles to users. Only system-wide administrators list or change them."""

    secured = False
    write_action = Action.ADMINISTER
    queryset = Grant.objects.select_related("user", "mission", "region")
    serializer_class = GrantSerializer
    filterset_fields = ["role", "mission", "region", "clearance"]

    def get_queryset(self):
        if not access_for(self.request.user).can(Action.ADMINISTER):
            return Grant.objects.none()
        return super().get_queryset()

    def perform_create(self, serializer):
        self._check_write(None)
        super().perform_create(serializer)


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    is_superuser = serializers.BooleanField()
    grants = GrantSerializer(many=True)


@extend_schema(responses=MeSerializer)
@api_view(["GET"])
def me(request):
    """The authenticated user and the grants that decide what they see."""
    user = request.user
    return Response(MeSerializer({"username": user.get_username(), "is_superuser": user.is_superuser,
                                  "grants": user.grants.select_related("mission", "region")}).data)
