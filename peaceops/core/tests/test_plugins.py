"""Apps plug themselves in (peaceops.core.plugins): a new app adds a page, a report section, a command and a
search provider by declaring them in its own plugin.py, and the shell shows them without any other app edited.

``plugin_app`` (in this folder) is installed only inside these tests.
"""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import modify_settings, override_settings

from peaceops import cli
from peaceops.core import plugins, search
from peaceops.reports import services
from peaceops.web import modules

APP = "peaceops.core.tests.plugin_app"
with_the_app = modify_settings(INSTALLED_APPS={"append": APP})


@pytest.fixture
def installed():
    with with_the_app, override_settings(ROOT_URLCONF=f"{APP}.project_urls"):
        yield


def test_the_app_is_absent_until_installed():
    assert APP not in dict(plugins.declarations())
    assert modules.by_slug("almanac") is None
    assert "almanac" not in cli._usage()


def test_the_menu_shows_its_module_and_the_page_it_adds_to_another(installed, world, client):
    almanac = modules.by_slug("almanac")
    assert [link.title for link in almanac.links] == ["Almanac days"]
    slugs = [module.slug for module in modules.MODULES]
    assert slugs.index("reports") < slugs.index("almanac") < slugs.index("map")  # by its declared order
    assert [link.title for link in modules.by_slug("reports").links] == ["Reports", "Almanac for reports"]
    client.force_login(world.users["minurcat"], backend="django.contrib.auth.backends.ModelBackend")
    page = client.get("/registry/missions/").content.decode()
    # a module of one page is one entry named after the module; the page added to the reports' module shows by name
    assert '<a href="/almanac/">Almanac</a>' in page and '<a href="/almanac/">Almanac for reports</a>' in page
    assert client.get("/almanac/").content == b"almanac days"


def test_its_pages_and_api_are_mounted_from_its_declaration(installed, world, client):
    assert [pages.prefix for pages in plugins.page_mounts()][-2:] == ["almanac/", ""]  # the root pages stay last
    assert "peaceops.core.tests.plugin_app.api" in plugins.api_modules()
    client.force_login(world.users["minurcat"], backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/api/v1/almanac/").json() == {"days": 1}
    assert client.get("/api/v1/incidents/").status_code == 200  # the other apps' routes are still there


def test_without_it_the_project_has_no_almanac_urls(world, client):
    assert "peaceops.core.tests.plugin_app.api" not in plugins.api_modules()
    assert client.get("/almanac/").status_code in (302, 404) and client.get("/api/v1/almanac/").status_code in (
        401,
        403,
        404,
    )


def test_a_drafted_report_holds_its_section(installed, world):
    report = services.report_draft(
        user=world.users["minurcat"],
        kind="threat_assessment",
        owning_mission=world.minurcat,
        start=dt.date(2010, 1, 1),
        end=dt.date(2010, 3, 31),
    )
    section = report.sections.get(key="almanac.days")
    assert section.title == "Almanac" and section.body == "Days from 2010-01-01 to 2010-03-31."


def test_the_console_lists_and_runs_its_command(installed):
    assert "  almanac " in cli._usage() and "print the almanac's days" in cli._usage()
    out = StringIO()
    call_command("almanac", stdout=out)
    assert out.getvalue().strip() == "almanac: 1 day"


def test_the_global_search_asks_its_provider(installed, world):
    _words, groups = search.search(world.users["minurcat"], "almanac")
    assert [group.key for group in groups][-1] == "almanac"


def test_every_declared_command_is_a_management_command():
    from django.core.management import get_commands

    known = get_commands()
    for command in plugins.commands():
        assert command.name.replace("-", "_") in known, command.name


def test_every_declared_provider_and_demo_part_imports():
    for kind in ("report_sections", "demo_parts", "search"):
        assert plugins.provider_modules(kind), kind
    parts = [module.__name__.rsplit(".", 1)[1] for module in plugins.provider_modules("demo_parts")]
    # by their declared order, whatever the order of INSTALLED_APPS; the reports, drafted from all others, last
    known = ["part_analysis", "part_cooperation", "part_assets", "part_mandates", "part_plans", "part_reports"]
    assert [part for part in parts if part in known] == known and parts[-1] == "part_reports"


def test_a_module_declared_twice_or_links_for_no_module_are_refused(monkeypatch):
    twice = plugins.Plugin(modules=(plugins.NavModule("registry", "Again", "", order=1),))
    monkeypatch.setattr(
        plugins, "declarations", lambda: (*plugins._declared(plugins.installed_packages()), ("peaceops.twice", twice))
    )
    with pytest.raises(ValueError, match="declared twice"):
        plugins.nav_modules()
    orphan = plugins.Plugin(links=(plugins.NavLinks("nowhere", (plugins.Link("x", path="/x/"),)),))
    monkeypatch.setattr(plugins, "declarations", lambda: (("peaceops.orphan", orphan),))
    with pytest.raises(ValueError, match="nowhere"):
        plugins.nav_modules()
