"""API tokens: random keys of which the database keeps only a SHA-256 digest, with an expiry.

A plain hash (not a slow password hash) suffices: the key is 160 random bits, so nothing can be
guessed from the digest, and every API request must check it quickly.
"""

import datetime as dt
import hashlib
import secrets

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from peaceops.accounts.models import ApiToken

KEY_BYTES = 20  # 40 hexadecimal characters, the length clients of Django REST framework's tokens expect
PREFIX_LENGTH = 8
# last_used is written at most this often per token: a write per request would serialise SQLite readers.
TOUCH_SECONDS = 300


def record_from_legacy_token(record: dict) -> dict:
    """A plaintext token of an older backup (its key is its pk) as a digest that expires like a new token."""
    from django.conf import settings

    key, now = str(record["pk"]), timezone.now()
    expires = now + dt.timedelta(days=settings.PEACEOPS_TOKEN_DAYS)
    return {"model": "accounts.apitoken", "pk": None,
            "fields": {"user": record["fields"].get("user"), "name": "restored", "prefix": key[:PREFIX_LENGTH],
                       "digest": digest(key), "created": now.isoformat(), "expires": expires.isoformat(),
                       "last_used": None, "revoked": None, "revoked_by": None}}


def new_key() -> str:
    return secrets.token_hex(KEY_BYTES)


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class TokenAuthentication(BaseAuthentication):
    """``Authorization: Token <key>``, checked against the stored digests, expiry and revocation."""

    keyword = "Token"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Invalid token header: 'Token' followed by one key.")
        try:
            key = parts[1].decode("ascii")
        except UnicodeError:
            raise exceptions.AuthenticationFailed("Invalid token.") from None
        return self.authenticate_credentials(key)

    def authenticate_credentials(self, key: str):
        token = ApiToken.objects.select_related("user").filter(digest=digest(key)).first()
        now = timezone.now()
        if token is None or not token.is_usable(now):
            # One message for unknown, expired and revoked tokens: a caller learns nothing about other keys.
            raise exceptions.AuthenticationFailed("Invalid, expired or revoked token.")
        if token.last_used is None or (now - token.last_used).total_seconds() > TOUCH_SECONDS:
            ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        return token.user, token

    def authenticate_header(self, request):
        return self.keyword


class TokenScheme(OpenApiAuthenticationExtension):
    """Describes the token header in the OpenAPI schema (drf-spectacular knows only DRF's own class)."""

    target_class = "peaceops.accounts.tokens.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "Authorization",
                "description": 'Token authentication: "Token <key>" (POST /api/v1/token/ or `peaceops token create`)'}
