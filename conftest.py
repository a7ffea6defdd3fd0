"""Fixtures shared by every module's tests."""

import os
from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parent.parent / "shared" / "data"


@pytest.fixture
def world(db):
    from peaceops.testing import make_world

    return make_world()


@pytest.fixture
def api_as():
    """``api_as(user)``: a DRF client authenticated with the user's token (as an API client would be)."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    def client_for(user):
        client = APIClient()
        if user is not None:
            token, _ = Token.objects.get_or_create(user=user)
            client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return client_for


@pytest.fixture
def shared_data():
    """The folder ../shared/data; tests skip without it, except under CI where it must be there."""
    if not SHARED_DATA.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED_DATA} is missing under CI=true")
        pytest.skip(f"real data not found at {SHARED_DATA} (a fresh clone has none)")
    return SHARED_DATA
