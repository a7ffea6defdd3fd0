"""Fixtures shared by every module's tests."""

import fcntl
import hashlib
import os
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parent.parent / "shared" / "data"
SHARED_SEEDS = SHARED_DATA.parent / "seeds"
CHROMIUM = Path("/usr/bin/chromium")  # Debian's; never `playwright install` (closed networks)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def _migrations_key() -> str:
    """A digest of everything the migrated schema depends on: every migration file, Django and SQLite."""
    import django
    from django.db.migrations.loader import MigrationLoader

    digest = hashlib.sha256(f"{django.__version__} {sqlite3.sqlite_version} {sys.version_info[:2]}".encode())
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for key in sorted(loader.disk_migrations):
        digest.update(repr(key).encode())
        digest.update(Path(sys.modules[loader.disk_migrations[key].__module__].__file__).read_bytes())
    return digest.hexdigest()[:24]


def _migrated_template() -> Path:
    """Where the migrated schema of this code is kept between runs (private to the account)."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "peaceops-tests"
    cache.mkdir(parents=True, exist_ok=True, mode=0o700)
    return cache / f"migrated-{_migrations_key()}.sqlite3"


@pytest.fixture(scope="session")
def _test_database_from_template(django_db_use_migrations):
    """Running the ~90 migrations takes about a minute of CPU (Django renders the related models again at
    each step), and every xdist worker of every run paid it. The first run migrates as Django always does
    and keeps a copy of the result; later workers load that copy into their in-memory test database, and
    Django's own migrate then finds nothing to apply. A changed migration file gives a new copy.

    Yields the function that puts ``call_command`` back once the test databases exist."""
    from django.core import management
    from django.db import connections

    migrate_as_usual = management.call_command

    def migrate_or_load(name, *args, **options):
        connection = connections[options.get("database", "default")]
        if name != "migrate" or connection.vendor != "sqlite" or not connection.is_in_memory_db():
            return migrate_as_usual(name, *args, **options)
        template = _migrated_template()
        with open(template.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # one worker migrates, the other waits and loads its copy
            connection.ensure_connection()
            if template.is_file():
                with closing(sqlite3.connect(template)) as source:
                    source.backup(connection.connection)
                return migrate_as_usual(name, *args, **options)
            result = migrate_as_usual(name, *args, **options)
            partial = template.with_suffix(f".{os.getpid()}.part")
            with closing(sqlite3.connect(partial)) as copy:
                connection.connection.backup(copy)
            partial.replace(template)
            return result

    def put_back():
        management.call_command = migrate_as_usual

    if django_db_use_migrations:
        management.call_command = migrate_or_load
    yield put_back
    put_back()


@pytest.fixture(scope="session")
def django_db_setup(_test_database_from_template, django_db_setup):
    """pytest-django's test databases, migrated through the kept copy (_test_database_from_template)."""
    _test_database_from_template()  # a test's own call_command("migrate") is never redirected
    yield


@pytest.fixture(scope="session")
def fresh_installation_database(django_db_setup):
    """``fresh_installation_database(home)``: put a freshly migrated SQLite database into the data folder
    ``home`` (the kept copy of _test_database_from_template), for tests that run ``peaceops`` processes on a
    folder of their own; their ``peaceops migrate`` then finds nothing to apply instead of taking a minute.
    Without a kept copy (``--no-migrations``) it puts nothing, and their migrate does the work."""
    import shutil

    template = _migrated_template()

    def put(home: Path) -> None:
        if template.is_file():
            home.mkdir(mode=0o700, parents=True, exist_ok=True)
            shutil.copyfile(template, home / "peaceops.sqlite3")
            (home / "peaceops.sqlite3").chmod(0o600)

    return put


@pytest.fixture
def world(db):
    from peaceops.testing import make_world

    return make_world()


@pytest.fixture
def api_as():
    """``api_as(user)``: a DRF client authenticated with the user's token (as an API client would be)."""
    from rest_framework.test import APIClient

    from peaceops.accounts.access import SYSTEM
    from peaceops.accounts.services import token_create

    def client_for(user):
        client = APIClient()
        if user is not None:
            _token, key = token_create(user, actor=SYSTEM, name="test")
            client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return client

    return client_for


def absent(message: str):
    """A real-data test whose data is missing: skip on a fresh clone, fail under CI=true.

    Real data and seeds are never committed, so a clone without them may skip; CI has them, and a
    test that skipped there would pass without checking anything.
    """
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (required under CI=true)")
    pytest.skip(f"{message} (a fresh clone has none)")


@pytest.fixture
def shared_data():
    """The folder ../shared/data; tests skip without it, except under CI where it must be there."""
    if not SHARED_DATA.is_dir():
        absent(f"real data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def shared_seeds():
    """The folder ../shared/seeds; tests skip without it, except under CI where it must be there."""
    if not SHARED_SEEDS.is_dir():
        absent(f"seeds not found at {SHARED_SEEDS}")
    return SHARED_SEEDS


@pytest.fixture(scope="session")
def seed_file(shared_seeds):
    """``seed_file("004")``: the seed whose file name starts with that number (skip or fail as above)."""

    def find(number: str) -> Path:
        found = sorted(shared_seeds.glob(f"{number}_*.txt"))
        if not found:
            absent(f"seed {number} not found in {shared_seeds}")
        return found[0]

    return find


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; skips without it, except under CI=true where it fails."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (required under CI=true)")
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; Django then refuses ORM calls unless told.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser page; ``page.base`` is the live server's address."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base = live_server.url
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _english_between_tests():
    """A request in French leaves French active in the thread; later tests expect the default language."""
    yield
    from django.utils import translation

    translation.activate("en")


@pytest.fixture(autouse=True)
def _scenario_day_between_tests():
    """``peaceops demo`` sets the scenario day for its process (core.clock); later tests expect the real date."""
    from django.conf import settings

    before = getattr(settings, "PEACEOPS_TODAY", "")
    yield
    settings.PEACEOPS_TODAY = before
