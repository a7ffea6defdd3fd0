"""Accounts endpoints: who am I, API tokens, and grants (administrators only)."""

from django.contrib.auth import authenticate, get_user_model
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view, authentication_classes, permission_classes, throttle_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from peaceops.accounts import api_docs, services
from peaceops.accounts.access import access_for
from peaceops.accounts.models import ApiToken, Grant
from peaceops.accounts.roles import Action
from peaceops.accounts.viewsets import SecuredViewSet


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


class LoginSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=4096, trim_whitespace=False, style={"input_type": "password"})
    name = serializers.CharField(max_length=64, required=False, allow_blank=True,
                                 help_text="what the token is for, shown in token lists")


class NewTokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="shown once: only its digest is stored")
    prefix = serializers.CharField()
    expires = serializers.DateTimeField()


class TokenSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApiToken
        fields = ["prefix", "name", "created", "expires", "last_used", "revoked"]


class RevokeSerializer(serializers.Serializer):
    prefix = serializers.CharField(min_length=8, max_length=8, help_text="the token's prefix, as listed")


@extend_schema(request=LoginSerializer, responses={200: NewTokenSerializer})
@api_view(["POST"])
@authentication_classes([])
@permission_classes([AllowAny])
@throttle_classes([AnonRateThrottle])
def obtain_token(request):
    """A new API token for a user name and password.

    Logins here count toward the same lock-outs as the web login (django-axes), by user name and by address.
    """
    form = LoginSerializer(data=request.data)
    form.is_valid(raise_exception=True)
    # The Django request, not DRF's wrapper: django-axes marks it, and its middleware answers a lock-out.
    user = authenticate(request._request, username=form.validated_data["username"],
                        password=form.validated_data["password"])
    if user is None:
        if getattr(request._request, "axes_locked_out", False):
            return Response({"detail": "Too many failed log-in attempts; try again later."},
                            status=status.HTTP_429_TOO_MANY_REQUESTS)
        raise serializers.ValidationError({"non_field_errors": ["Unable to log in with the given credentials."]})
    token, key = services.token_create(user, actor=user, name=form.validated_data.get("name") or "api")
    return Response(NewTokenSerializer({"token": key, "prefix": token.prefix, "expires": token.expires}).data)


@extend_schema(responses=TokenSerializer(many=True))
@api_view(["GET"])
def tokens(request):
    """The caller's own API tokens (prefixes only: the keys are not stored)."""
    return Response(TokenSerializer(ApiToken.objects.filter(user_id=request.user.pk), many=True).data)


@extend_schema(request=RevokeSerializer, responses={200: TokenSerializer})
@api_view(["POST"])
def revoke_token(request):
    """Revoke one of the caller's own tokens by its prefix; it stops working at once."""
    form = RevokeSerializer(data=request.data)
    form.is_valid(raise_exception=True)
    revoked = services.tokens_revoke_by_prefix(form.validated_data["prefix"], actor=request.user, user=request.user)
    if not revoked:
        return Response({"detail": "You have no token with this prefix."}, status=status.HTTP_404_NOT_FOUND)
    return Response(TokenSerializer(revoked[0]).data)


# Mounted under /api/v1/ by peaceops.urls (declared in accounts/plugin.py): the schema and its documentation,
# signing in for a token, the caller's tokens and grants.
ROUTES: list[tuple] = [("grants", GrantViewSet)]
PATHS: list = [
    path("schema/", api_docs.SchemaView.as_view(), name="schema"),
    path("docs/", api_docs.DocsView.as_view(url_name="api-v1:schema"), name="docs"),
    path("token/", obtain_token, name="token"),
    path("tokens/", tokens, name="tokens"),
    path("tokens/revoke/", revoke_token, name="revoke-token"),
    path("me/", me, name="me"),
]
