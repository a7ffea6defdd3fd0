"""services.framework_import stores the seed 004 library the app ships: every item by its ref, idempotent."""

import pytest

from peaceops.accounts.access import SYSTEM
from peaceops.mandates import services
from peaceops.mandates.framework_library import load_library
from peaceops.mandates.models import FrameworkItem, GuidanceItem, GuidanceSection

pytestmark = pytest.mark.django_db


def test_the_seed_library_is_stored_once_by_ref():
    library = load_library()
    counts = services.framework_import(library, actor=SYSTEM)
    assert counts == {"objectives": 4, "outputs": 20, "items": len(library.items()),
                      "guidance_sections": 24, "guidance_items": len(library.guidance_items())}
    section = GuidanceSection.objects.get(number="2.1.3")
    assert (section.parent.number, section.kind, section.items.filter(kind="guidance").count()) == (
        "2.1", "cross_cutting", 7)  # seed 004 §2.1.3, seven guidance sentences (test_leadership.py)
    assert FrameworkItem.objects.count() == len(library.items())
    stored = FrameworkItem.objects.get(ref=library.items()[0].ref)
    assert stored.source.startswith("seed 004 §") and "line" in stored.source
    benchmarks = [i for i in library.items() if i.kind == "benchmark"]
    assert FrameworkItem.objects.filter(kind="benchmark").count() == len(benchmarks)
    assert FrameworkItem.objects.filter(kind="benchmark", horizon="").count() == 0
    before = list(FrameworkItem.objects.order_by("ref").values_list("id", "ref", "text", "source"))
    assert services.framework_import(library, actor=SYSTEM) == counts
    assert list(FrameworkItem.objects.order_by("ref").values_list("id", "ref", "text", "source")) == before
    assert GuidanceItem.objects.count() == len(library.guidance_items())
