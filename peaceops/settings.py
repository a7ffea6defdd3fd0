"""Django settings for peaceops.

Everything a deployment changes comes from the environment:

- ``PEACEOPS_HOME``: the data folder (default ``./var``): SQLite database, secret key, uploads.
- ``DATABASE_URL``: e.g. ``postgres://user:pass@host/db`` switches from SQLite to PostgreSQL.
- ``PEACEOPS_PRODUCTION=1``: HTTPS-only cookies, HSTS and the rest of ``check --deploy``.
- ``PEACEOPS_SECRET_KEY``, ``PEACEOPS_ALLOWED_HOSTS`` (comma separated).
- ``PEACEOPS_TODAY=YYYY-MM-DD``: run as of a scenario's date (peaceops.core.clock); empty: the real date.
"""

import datetime as dt
import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from peaceops.core.private_files import open_private, private_folder

PACKAGE_DIR = Path(__file__).resolve().parent
HOME = Path(os.environ.get("PEACEOPS_HOME", "var")).resolve()
# --- private data folder: it holds the database, the secret key and backups (peaceops.core.private_files) ---
private_folder(HOME)
# --- end private data folder ---

PRODUCTION = os.environ.get("PEACEOPS_PRODUCTION", "") not in ("", "0", "false")
DEBUG = os.environ.get("PEACEOPS_DEBUG", "") not in ("", "0", "false") and not PRODUCTION


def _secret_key() -> str:
    """A key from the environment, else one generated once and kept in the data folder."""
    if os.environ.get("PEACEOPS_SECRET_KEY"):
        return os.environ["PEACEOPS_SECRET_KEY"]
    key_file = HOME / "secret_key"
    if not key_file.exists():
        with open(open_private(key_file), "w") as out:  # 0600 from the first byte, not chmod'ed after
            out.write(secrets.token_urlsafe(64))
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = os.environ.get("PEACEOPS_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "peaceops.core",
    "peaceops.registry",
    "peaceops.incidents",
    "peaceops.cooperation",
    "peaceops.coordination",
    "peaceops.analysis",
    "peaceops.mandates",
    "peaceops.leadership",
    "peaceops.assets",
    "peaceops.reports",
    "peaceops.notifications",
    "peaceops.accounts",
    "peaceops.jobs",
    "peaceops.web",
    "peaceops.demo",  # last: the demo loads every other app's data (and brings the `peaceops demo` command)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # Content-Security-Policy: see CONTENT_SECURITY_POLICY below
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "peaceops.core.page_marking.PageMarkingMiddleware",  # the classification banner, top and bottom of each page
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "peaceops.core.middleware.BusyStoreMiddleware",  # a locked SQLite answers 503 "try again", never 500
]

ROOT_URLCONF = "peaceops.urls"
WSGI_APPLICATION = "peaceops.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "peaceops.web.context.shell",
                "peaceops.notifications.context.unread",
                "peaceops.web.context.scenario",
            ],
        },
    }
]

# SQLite by default (WAL, see peaceops.core.apps), PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{HOME / 'peaceops.sqlite3'}",
        conn_max_age=int(os.environ.get("PEACEOPS_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background jobs (imports started from the web pages) are queued in the database itself, so the
# embedded SQLite default needs no other server; `peaceops serve` starts a worker (docs/operations.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2 first: the strongest hasher Django ships (needs argon2-cffi).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"

# Login throttling (django-axes): five failures lock the user name and address for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25
# --- deployment hardening: logins, tokens, API schema (see docs/operations.md) ---
# Also by address alone, so one password tried across many user names is stopped too; that limit is
# higher because colleagues behind one proxy or NAT share an address (peaceops.accounts.throttling).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "peaceops.accounts.throttling.AddressAwareHandler"
PEACEOPS_LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("PEACEOPS_LOGIN_FAILURES_PER_ADDRESS", "20"))
# Behind a reverse proxy every client arrives from the proxy's address: the address locks would then
# lock everyone at once. PEACEOPS_BEHIND_PROXY=1 takes the address the proxy last added to X-Forwarded-For.
PEACEOPS_BEHIND_PROXY = os.environ.get("PEACEOPS_BEHIND_PROXY", "") not in ("", "0", "false")
AXES_CLIENT_IP_CALLABLE = "peaceops.accounts.throttling.client_address"
# API tokens live this many days unless created with another lifetime.
PEACEOPS_TOKEN_DAYS = int(os.environ.get("PEACEOPS_TOKEN_DAYS", "30"))
# Notifications are e-mailed only when a mail server is named (closed networks often have none): docs/notifications.md.
EMAIL_HOST = os.environ.get("PEACEOPS_EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("PEACEOPS_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("PEACEOPS_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("PEACEOPS_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("PEACEOPS_EMAIL_TLS", "") not in ("", "0", "false")
DEFAULT_FROM_EMAIL = os.environ.get("PEACEOPS_EMAIL_FROM", "peaceops@localhost")
# The OpenAPI schema and its docs need a login unless this opens them.
PEACEOPS_PUBLIC_API_SCHEMA = os.environ.get("PEACEOPS_PUBLIC_API_SCHEMA", "") not in ("", "0", "false")
# --- end deployment hardening ---

# --- Content-Security-Policy (django-csp 4) ---
# Scripts only from this server's own files: no inline <script>, no onclick= handlers, no eval.
# A name that slipped into HTML unescaped then cannot run. Data reaches scripts through
# json_script (type="application/json", not executed) and data- attributes. Inline styles stay
# allowed: templates and Leaflet set style attributes, and CSS cannot run script.
PEACEOPS_TILE_URL = os.environ.get("PEACEOPS_TILE_URL", "")  # a tile server on the mission network, if any


def _tile_origin(url: str) -> list[str]:
    from urllib.parse import urlsplit

    parts = urlsplit(url.replace("{s}.", "*."))
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme and parts.netloc else []


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", *_tile_origin(PEACEOPS_TILE_URL)],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# --- end Content-Security-Policy ---
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "web/locked_out.html"  # a page in the shell saying why and for how long

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = HOME / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns on every request without it
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "peaceops.accounts.tokens.TokenAuthentication",  # hashed, expiring tokens (accounts.ApiToken)
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "peaceops.core.api_plumbing.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "peaceops.core.api_plumbing.FilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "peaceops.core.api_plumbing.exception_handler",
    "DEFAULT_VERSIONING_CLASS": None,
    "DEFAULT_THROTTLE_RATES": {"anon": "60/minute"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "peaceops API",
    "DESCRIPTION": "Versioned REST API of peaceops. Authenticate with `Authorization: Token <key>`.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI served from the installed sidecar package: missions run on closed networks.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ActivityStatusEnum": "peaceops.coordination.models.Activity.Status",
        "IncidentStatusEnum": "peaceops.incidents.models.Incident.Status",
        "IntegrationModelEnum": "peaceops.registry.models.Mission.Integration",
    },
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-less meta tag; keep default
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = os.environ.get("PEACEOPS_SSL_REDIRECT", "1") != "0"
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- uploads and imported workbooks (peaceops.core.uploads, peaceops.core.workbooks) ---
# Uploads larger than this are refused in the form; bigger files (a whole-world GED or ACLED export)
# are imported from the command line. Above FILE_UPLOAD_MAX_MEMORY_SIZE an upload is spooled to a
# temporary file, never held in memory, and the capped handler stops writing past the limit.
PEACEOPS_MAX_UPLOAD_MB = float(os.environ.get("PEACEOPS_MAX_UPLOAD_MB", "100"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # 2.5 MB, Django's default, stated because the handlers rely on it
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # the form fields of a request, files excluded
FILE_UPLOAD_HANDLERS = ["django.core.files.uploadhandler.MemoryFileUploadHandler",
                        "peaceops.core.uploads.CappedTemporaryFileUploadHandler"]
# A workbook (.xlsx), uploaded or imported from the command line, may unpack to at most this many MB,
# and no large part of it may inflate more than this many times (zip bombs do by design).
PEACEOPS_MAX_WORKBOOK_MB = float(os.environ.get("PEACEOPS_MAX_WORKBOOK_MB", "250"))
PEACEOPS_MAX_WORKBOOK_RATIO = float(os.environ.get("PEACEOPS_MAX_WORKBOOK_RATIO", "100"))
# --- end uploads and imported workbooks ---

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}

TESTING = bool(os.environ.get("PEACEOPS_TESTING") or os.environ.get("PYTEST_VERSION"))
if TESTING:
    # Tests create many users; a fast hasher keeps the suite within its time budget.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The day the application lives on (peaceops.core.clock). The environment decides when it names
# PEACEOPS_TODAY at all (empty: the real date); else the day ``peaceops demo`` wrote into the data
# folder, so that ``peaceops serve`` after ``peaceops demo`` reopens the scenario on its own date.
# Tests ignore the folder's file: a developer's demo must not move the date under the suite.
SCENARIO_TODAY_FILE = HOME / "scenario_today"
if "PEACEOPS_TODAY" in os.environ:
    PEACEOPS_TODAY = os.environ["PEACEOPS_TODAY"].strip()
elif not TESTING and SCENARIO_TODAY_FILE.is_file():
    PEACEOPS_TODAY = SCENARIO_TODAY_FILE.read_text().strip()
else:
    PEACEOPS_TODAY = ""
if PEACEOPS_TODAY:
    try:
        dt.date.fromisoformat(PEACEOPS_TODAY)
    except ValueError:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"PEACEOPS_TODAY={PEACEOPS_TODAY!r}: give a date as YYYY-MM-DD") from None

# The risk register (peaceops.mandates.risks): a risk whose likelihood x impact reaches this score goes to the
# mission's leadership (docs/mandates.md).
PEACEOPS_RISK_THRESHOLD = int(os.environ.get("PEACEOPS_RISK_THRESHOLD", "15"))
