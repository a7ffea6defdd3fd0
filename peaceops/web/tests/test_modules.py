"""The module list of DESIGN.md (pure: no database)."""

import pytest

from peaceops.web import modules

DESIGN_MODULES = {"registry", "mandates", "incidents", "analysis", "coordination", "cooperation", "reports"}


def test_every_module_of_the_design_brief_is_listed_with_the_shell_pages():
    slugs = [module.slug for module in modules.MODULES]
    assert DESIGN_MODULES <= set(slugs)
    assert {"dashboard", "map", "api"} <= set(slugs)
    assert len(slugs) == len(set(slugs))


def test_a_module_not_built_yet_says_what_it_will_hold_and_where_it_comes_from():
    for module in modules.not_built():
        assert len(module.summary) > 60
        assert module.seeds, module.slug
        for number, _passages, title in modules.seed_titles(module):
            assert title, f"{module.slug}: seed {number} is not one of the five seed documents"


def test_registry_links_name_the_registry_list_pages():
    names = [link.url_name for link in modules.by_slug("registry").links]
    assert names == ["registry:mission-list", "registry:organisation-list", "registry:place-list",
                     "registry:people-list"]


def test_a_link_needs_exactly_one_target():
    with pytest.raises(ValueError):
        modules.Link("Nowhere")
    with pytest.raises(ValueError):
        modules.Link("Both", url_name="web:home", path="/")


def test_unknown_slug():
    assert modules.by_slug("astrology") is None


def test_seed_passages_are_grouped_by_document():
    module = modules.Module("x", "X", "Summary", seeds=("000 §III.C", "000 §IV.A", "004"))
    assert modules.seed_titles(module) == [("000", "§III.C, §IV.A", modules.SEEDS["000"]), ("004", "", modules.SEEDS["004"])]
