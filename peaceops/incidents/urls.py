"""The incidents module's pages: the log and entry form, imports, and the daily situation report."""

from peaceops.incidents import views_import, views_log, views_sitrep

app_name = "incidents"

urlpatterns = [*views_log.urlpatterns, *views_import.urlpatterns, *views_sitrep.urlpatterns]
