"""The classification a drafted section needs: the highest level among the records it was drafted from.

A section that summarises confidential incidents is confidential, even when it names none of them: counts,
admin-1 areas and deaths are what the incidents say. Each provider (``peaceops.<app>.report_sections``)
passes :func:`highest` the querysets and records it read, so a section can never be stored below them.
"""

from collections.abc import Iterable

from django.db.models import Max, QuerySet


def highest(*sources) -> int:
    """The highest classification among querysets (one aggregate each), records, levels and iterables of them."""
    top = 0
    for source in sources:
        if source is None:
            continue
        if isinstance(source, QuerySet):
            level = source.order_by().aggregate(top=Max("classification"))["top"]
        elif isinstance(source, int):
            level = source
        elif hasattr(source, "classification"):
            level = source.classification
        elif isinstance(source, Iterable):
            level = highest(*source)
        else:
            raise TypeError(f"cannot tell the classification of {source!r}")
        top = max(top, level or 0)
    return top
