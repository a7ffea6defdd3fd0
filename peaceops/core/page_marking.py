"""The classification banner of every page: the highest level of the records the page was drawn from.

UN practice marks a document at the top and the bottom with the highest classification of what it holds
(ST/SGB/2007/6, the UN's information sensitivity bulletin, which the reports and sitreps already follow).
A page is marked the same way. While a request runs, every record with a ``classification`` that is loaded
raises the page's level (a ``post_init`` receiver on each classified model); the layout leaves two
slots, top and bottom, that this middleware fills in once the page is drawn and the level is known.

A page may be drawn from aggregates that load no record (a count over confidential incidents): its view
calls ``notice(level)`` with the level of what it counted. A record loaded and then refused raises the level
too: over-marking is the safe side.
"""

from contextvars import ContextVar

from django.apps import apps
from django.db.models.signals import post_init
from django.utils.html import escape

from peaceops.core.classification import Classification

SLOTS = {"top": b"<!--page-marking:top-->", "bottom": b"<!--page-marking:bottom-->"}

# [level] while a request is drawn, None outside requests (imports, commands, tests of services)
_page_level: ContextVar[list | None] = ContextVar("page_level", default=None)


def notice(level: int) -> None:
    """The page being drawn shows content at ``level`` (for content that loads no record)."""
    current = _page_level.get()
    if current is not None and level > current[0]:
        current[0] = int(level)


def _record_loaded(sender, instance, **kwargs) -> None:
    level = instance.__dict__.get("classification")  # absent when deferred with .only()
    if level is not None:
        notice(level)


def _watch_classified_models() -> None:
    for model in apps.get_models():
        if any(field.name == "classification" for field in model._meta.concrete_fields):
            post_init.connect(_record_loaded, sender=model, dispatch_uid=f"page-marking-{model._meta.label}")


def banner(level: int, where: str) -> bytes:
    label = str(Classification(level).label).upper()
    return (f'<p class="classification-banner level-{level}" data-marking="{where}" role="note">'
            f'{escape(label)}</p>').encode()


class PageMarkingMiddleware:
    """Fills the layout's two marking slots with the highest level the page was drawn from."""

    def __init__(self, get_response):
        self.get_response = get_response
        _watch_classified_models()

    def __call__(self, request):
        token = _page_level.set([0])
        try:
            response = self.get_response(request)
            level = _page_level.get()[0]
        finally:
            _page_level.reset(token)
        if not response.streaming and response.get("Content-Type", "").startswith("text/html") \
                and SLOTS["top"] in response.content:
            content = response.content
            for where, slot in SLOTS.items():
                content = content.replace(slot, banner(level, where), 1)
            response.content = content
            response["X-Classification"] = str(level)
        return response
