"""Every write route refuses an actor without the right, and writes nothing.

The walk makes every record of the test world readable to the region's viewer (all unclassified),
then, as that viewer and as a user with no grant, sends every write the API publishes (create,
change, replace, delete, and every extra action that takes POST) with a body copied from what the
viewer can read, and POSTs to every page. Whatever the answer, the store must be byte for byte as
before; the API must answer with a refusal (4xx), never a success or a server error.

The services are walked too: every public function of every ``services`` module that writes takes
the acting principal as an argument without a default (so no caller can forget it), and the import
services refuse a viewer before reading a line.
"""

import functools
import hashlib
import importlib
import inspect
import pkgutil
import re

import pytest
from django.apps import apps
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver

import peaceops
from peaceops.accounts.tests.test_api_security import hidden  # noqa: F401 - the fixture
from peaceops.core.errors import Denied
from peaceops.testing import make_user
from peaceops.urls import router

pytestmark = pytest.mark.django_db

WRITE_METHODS = ("post", "put", "patch", "delete")
# A reader's own marks on what they read (read, acknowledged): any reader of the record may make them, and they
# change no mission's record (NotificationState is left out of the fingerprint below).
OWN_READING_STATE = {"/read/", "/acknowledge/"}


@functools.cache
def _fingerprinted_queries() -> tuple:
    """(label, SQL, parameters) reading every row of every table the fingerprint covers, compiled once: the
    walks take hundreds of fingerprints, and building the ORM queries anew each time was most of their time."""
    queries = []
    for model in sorted(apps.get_models(), key=lambda m: m._meta.label):
        if model._meta.app_label in ("sessions", "axes", "admin"):
            continue  # logging in writes here by design
        if model._meta.label in ("accounts.ApiToken", "notifications.NotificationState"):
            continue  # last-used stamps of the walk's own tokens; a reader's own read/acknowledged marks
        sql, params = model._default_manager.order_by("pk").values_list().query.sql_with_params()
        queries.append((model._meta.label, sql, params))
    return tuple(queries)


def store_fingerprint() -> str:
    """A digest of every row of every table the project's models hold, as the database stores them."""
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for label, sql, params in _fingerprinted_queries():
            cursor.execute(sql, params)
            digest.update(label.encode())
            digest.update(repr(cursor.fetchall()).encode())
    return digest.hexdigest()


def test_the_fingerprint_sees_a_row_changed_or_removed(world):
    start = store_fingerprint()
    world.chad.name = "Tchad"
    world.chad.save()
    changed = store_fingerprint()
    person = world.records["minurcat_unclassified"]["person"]
    person.delete()
    removed = store_fingerprint()
    assert len({start, changed, removed}) == 3
    assert store_fingerprint() == removed  # reading alone changes nothing


@pytest.fixture
def open_world(world, hidden):  # noqa: F811 - the imported fixture
    """Every record unclassified, so the region's viewer reads it and every write meets a real record."""
    for model in apps.get_models():
        if any(f.name == "classification" for f in model._meta.concrete_fields):
            model._default_manager.update(classification=0)
    return hidden


def _body(client, prefix, record) -> dict:
    """What the viewer reads of the record, as the body of a write (the most plausible change there is)."""
    answer = client.get(f"/api/v1/{prefix}/{record.pk}/")
    if answer.status_code != 200:
        return {}
    body = answer.json()
    body.pop("id", None)
    return body


def _extra_actions(viewset):
    for extra in viewset.get_extra_actions():
        methods = {m.lower() for m in extra.mapping}
        if methods & {"post", "put", "patch", "delete"}:
            yield extra.url_path, extra.detail, sorted(methods & set(WRITE_METHODS))


@pytest.mark.parametrize("who", ["regional", "nobody"])
def test_every_api_write_refuses_a_user_without_the_right(world, open_world, api_as, who):
    client = api_as(world.users[who])
    failures = []
    for prefix, viewset, _ in router.registry:
        record = open_world.get(prefix)
        body = _body(api_as(world.users["admin"]), prefix, record) if record is not None else {}
        targets = [("post", f"/api/v1/{prefix}/")]
        if record is not None:
            detail = f"/api/v1/{prefix}/{record.pk}/"
            targets += [("patch", detail), ("put", detail), ("delete", detail)]
        for url_path, is_detail, methods in _extra_actions(viewset):
            if is_detail and record is None:
                continue
            base = f"/api/v1/{prefix}/{record.pk}/" if is_detail else f"/api/v1/{prefix}/"
            targets += [(method, f"{base}{url_path}/") for method in methods]
        for method, url in targets:
            before = store_fingerprint()
            answer = getattr(client, method)(url, body, format="json")
            if not 400 <= answer.status_code < 500 and not (
                    prefix == "notifications" and any(url.endswith(end) for end in OWN_READING_STATE)):
                failures.append(f"{method.upper()} {url}: {answer.status_code}")
            if store_fingerprint() != before:
                failures.append(f"{method.upper()} {url}: the store changed ({answer.status_code})")
    assert not failures, "\n".join(failures)


def _page_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(("api/", "admin/", "i18n/")):
            continue
        if isinstance(entry, URLResolver):
            yield from _page_patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


def _fill(route: str, ids: list[int]) -> list[str]:
    """Concrete URLs for a route: each integer parameter filled with every id of the open world."""
    if "<" not in route:
        return ["/" + route]
    if re.search(r"<(?!int:)[^>]+>", route):
        return []  # string parameters (dates, keys): reached through their pages' links, not guessed here
    return ["/" + re.sub(r"<int:[^>]+>", str(pk), route) for pk in ids]


def test_every_page_post_as_a_viewer_writes_nothing(world, open_world, client):
    client.force_login(world.users["regional"])
    ids = sorted({record.pk for record in open_world.values()} | {1, 2})
    failures = []
    for route in _page_patterns():
        for url in _fill(route, ids):
            before = store_fingerprint()
            answer = client.post(url, {"name": "walk", "title": "walk", "description": "walk"})
            if answer.status_code >= 500:
                failures.append(f"POST {url}: {answer.status_code}")
            if store_fingerprint() != before:
                failures.append(f"POST {url}: the store changed ({answer.status_code})")
    assert not failures, "\n".join(failures)


def _service_functions():
    for module_info in pkgutil.walk_packages(peaceops.__path__, "peaceops."):
        name = module_info.name
        if not re.search(r"\.services(_\w+)?$", name) or ".tests" in name:
            continue
        module = importlib.import_module(name)
        for function_name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == name and not function_name.startswith("_"):
                yield name, function_name, function


# Public service functions that write nothing a user owns: pure helpers, reads, checks and
# computations that services and views share. Each says why it takes no actor.
NOT_WRITES = {
    "peaceops.accounts.services": {"user_create", "grant_create"},  # the console's (createuser); checked by the CLI
    "peaceops.analysis.services": {
        "matching_actors",
        "armed_group_link_actors",
    },  # read; armed_group_link_actors runs inside checked writes
    "peaceops.analysis.services_forecast": {"state_based_history"},  # a read of the incident log
    "peaceops.assets.services": {"required_consents", "may_decide"},  # computations used inside checked writes
    "peaceops.coordination.services": {"sectors_ensure", "sector_matcher"},  # reference vocabulary, idempotent
    "peaceops.incidents.imports.services": {"statistics_refresh", "actor_kind_guess"},  # planner statistics; pure
    "peaceops.incidents.log.services": {"estimates_fill"},  # pure
    # period_totals_refresh recomputes derived totals inside measurements_record, which checked its actor
    "peaceops.mandates.services": {
        "month_start",
        "measurement_check",
        "locked_periods",
        "sequencing_edges",
        "period_totals_refresh",
    },
    "peaceops.reports.services": {"sections_collect", "default_title"},  # assembly and naming, no write
    "peaceops.registry.services": {"countries_load"},  # ISO 3166 reference data, idempotent
}
ACTOR_NAMES = ("actor", "user")


def test_every_writing_service_takes_the_actor_without_a_default():
    missing = []
    for module, name, function in _service_functions():
        if name in NOT_WRITES.get(module, set()) or name[0].isupper():
            continue
        parameters = inspect.signature(function).parameters
        actor = next((parameters[p] for p in ACTOR_NAMES if p in parameters), None)
        if actor is None or actor.default is not inspect.Parameter.empty:
            missing.append(f"{module}.{name}{inspect.signature(function)}")
    assert not missing, "services that write must take the actor explicitly:\n" + "\n".join(missing)


@pytest.mark.parametrize(
    "service,args",
    [
        ("peaceops.incidents.imports.services.events_import", ("ucdp-ged",)),
        ("peaceops.coordination.services.activities_import", ("ocha-xlsx",)),
        ("peaceops.coordination.services.needs_import", ()),
        ("peaceops.mandates.services.measurements_import", ()),
    ],
)
def test_imports_refuse_a_viewer_before_reading(world, tmp_path, service, args):
    module, name = service.rsplit(".", 1)
    function = getattr(importlib.import_module(module), name)
    path = tmp_path / "never-read.csv"
    path.write_text("not a file any parser accepts\n")
    viewer = make_user("viewer.minurcat", "viewer", mission=world.minurcat)
    before = store_fingerprint()
    kwargs = {"mission": world.minurcat} if name != "measurements_import" else {}
    with pytest.raises(Denied):
        result = function(path, *args, user=viewer, **kwargs)
        # a service that reports per line rather than raising must refuse every line
        assert result.created == result.updated == 0
        raise Denied("every line refused")
    assert store_fingerprint() == before


@pytest.mark.parametrize(
    "command,args",
    [
        ("import_events", ["--format", "ucdp-ged", "--mission", "MINURCAT"]),
        ("import_3w", ["--format", "ocha-xlsx", "--mission", "MINURCAT"]),
    ],
)
def test_cli_imports_act_as_the_named_user_and_refuse_a_viewer(world, tmp_path, command, args):
    from django.core.management import call_command

    make_user("viewer.cli", "viewer", mission=world.minurcat)
    path = tmp_path / "file.csv"
    path.write_text("id\n1\n")
    before = store_fingerprint()
    with pytest.raises((Denied, SystemExit)):
        call_command(command, str(path), *args, "--user", "viewer.cli")
    assert store_fingerprint() == before
