"""The API schema is generated once and served from memory; the docs page links back to the application."""

import pytest
from django.contrib.auth import get_user_model
from drf_spectacular.generators import SchemaGenerator

from peaceops.accounts import api_docs

pytestmark = pytest.mark.django_db
JSON = "application/vnd.oai.openapi+json"


@pytest.fixture
def reader(client):
    user = get_user_model().objects.create_user("docs-reader", password="docs-reader-pass-9x!")
    client.force_login(user)
    return client


@pytest.fixture
def generations(monkeypatch):
    """How many times the schema generator runs (the real generator, counted)."""
    api_docs.clear_schema_cache()
    calls = []
    original = SchemaGenerator.get_schema

    def counted(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(SchemaGenerator, "get_schema", counted)
    yield calls
    api_docs.clear_schema_cache()


def test_the_schema_is_generated_once_and_then_served_from_memory(reader, generations):
    first = reader.get("/api/v1/schema/", HTTP_ACCEPT=JSON)
    second = reader.get("/api/v1/schema/", HTTP_ACCEPT=JSON)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content and "/api/v1/incidents/" in second.json()["paths"]
    assert second["Content-Type"].startswith(JSON) and "filename" in second["Content-Disposition"]
    assert len(generations) == 1
    yaml = reader.get("/api/v1/schema/")  # another format is its own entry, generated once too
    assert yaml.status_code == 200 and yaml.content.startswith(b"openapi:")
    reader.get("/api/v1/schema/")
    assert len(generations) == 2


def test_a_cached_schema_is_still_refused_to_anonymous_callers(reader, generations):
    from django.test import Client

    assert reader.get("/api/v1/schema/", HTTP_ACCEPT=JSON).status_code == 200
    assert Client().get("/api/v1/schema/", HTTP_ACCEPT=JSON).status_code in (401, 403)


def test_the_docs_page_links_back_to_the_application(reader):
    page = reader.get("/api/v1/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="back-to-app" href="/"' in html and 'id="swagger-ui"' in html
    assert "<script>" not in html  # the start-up script stays a file of its own (CSP)
