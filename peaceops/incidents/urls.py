"""The incidents module's pages: the log and entry form, exports, imports, and the daily situation report."""

from peaceops.incidents import views_export, views_import, views_log, views_sitrep

app_name = "incidents"

urlpatterns = [*views_log.urlpatterns, *views_export.urlpatterns, *views_import.urlpatterns,
               *views_sitrep.urlpatterns]
