"""API settings-level plumbing: pagination, filtering by id, and the one error format.

Imported by DRF's settings, so it must not import viewsets (that would be circular).

Errors always look like ``{"code": "...", "message": "...", "field": "..." | null, "errors": [...]}``
where ``errors`` lists every field problem as ``{"field", "code", "message"}``.
"""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError, models
from django.http import Http404
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from peaceops.core.errors import Busy, Conflict, DomainError
from peaceops.core.middleware import is_locked

MAX_ID = 2**63 - 1  # the range of a 64-bit primary key on SQLite and PostgreSQL


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


def _flatten(detail, prefix=""):
    """Turn DRF's nested error detail into a flat list of (field, code, message)."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = key if key != "non_field_errors" else ""
            yield from _flatten(value, f"{prefix}.{name}" if prefix and name else (name or prefix))
    elif isinstance(detail, list):
        for index, value in enumerate(detail):
            if isinstance(value, (dict, list)) and not isinstance(value, exceptions.ErrorDetail):
                yield from _flatten(value, f"{prefix}[{index}]" if prefix else str(index))
            else:
                yield from _flatten(value, prefix)
    else:
        yield prefix or None, getattr(detail, "code", "invalid"), str(detail)


def error_body(code: str, message: str, field: str | None = None, errors: list | None = None) -> dict:
    return {"code": code, "message": message, "field": field, "errors": errors or []}


def exception_handler(exc, context):
    """Render every API error in the one format; Django's and the domain's errors are mapped first."""
    if isinstance(exc, Conflict):
        response = Response(error_body(exc.code, str(exc), exc.field) | {"current": exc.current}, status=exc.status)
        if exc.etag:
            response["ETag"] = exc.etag
        return response
    if is_locked(exc):
        exc = Busy()
    if isinstance(exc, DomainError):
        response = Response(error_body(exc.code, str(exc), exc.field), status=exc.status)
        if isinstance(exc, Busy):
            response["Retry-After"] = "5"
        return response
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    elif isinstance(exc, (OverflowError, DataError)):
        # A number beyond the database's range in a filter or body: the client's error, not ours.
        exc = exceptions.ValidationError({"non_field_errors": ["A number is out of the range the store accepts."]})
    elif isinstance(exc, IntegrityError):
        exc = exceptions.ValidationError({"non_field_errors": ["The change conflicts with an existing record."]})
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = [{"field": f, "code": c, "message": m} for f, c, m in _flatten(exc.detail)]
        first = errors[0] if errors else {"field": None, "message": "Invalid input."}
        message = f"{first['field']}: {first['message']}" if first["field"] else first["message"]
        response.data = error_body("invalid", message, first["field"], errors)
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        code = detail.code if hasattr(detail, "code") else getattr(exc, "default_code", "error")
        response.data = error_body(str(code), str(detail))
    return response


class IdFilter(django_filters.NumberFilter):
    """A whole number within the database's integer range (a larger one would crash the query)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class _IdFilterSet(django_filters.rest_framework.FilterSet):
    """Filter relations by id as plain numbers.

    django-filter's default checks that the related id exists, which would tell a user apart
    "exists but hidden" (empty list) from "does not exist" (error): an inference channel.
    """

    FILTER_DEFAULTS = {
        **django_filters.rest_framework.FilterSet.FILTER_DEFAULTS,
        models.ForeignKey: {"filter_class": IdFilter},
        models.OneToOneField: {"filter_class": IdFilter},
    }


class FilterBackend(django_filters.rest_framework.DjangoFilterBackend):
    """django-filter's backend with id filters, and each view's FilterSet class built once.

    The stock backend builds a new FilterSet class (model introspection included) on every
    request, a fixed cost of about a millisecond per API call.
    """

    filterset_base = _IdFilterSet
    _classes: dict = {}

    def get_filterset_class(self, view, queryset=None):
        key = (type(view), queryset.model if queryset is not None else None)
        if key not in self._classes:
            self._classes[key] = super().get_filterset_class(view, queryset)
        return self._classes[key]
