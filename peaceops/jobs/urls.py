"""Background jobs' pages, mounted at /jobs/ (namespace "jobs")."""

from peaceops.jobs.views import app_name, urlpatterns  # noqa: F401
