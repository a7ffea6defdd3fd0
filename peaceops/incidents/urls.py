"""The incidents module's pages: the log and entry form, exports, imports, and the daily situation report."""

from peaceops.incidents.imports import views as import_views
from peaceops.incidents.log import views as log_views
from peaceops.incidents.sitrep import views as sitrep_views

app_name = "incidents"

urlpatterns = [*log_views.urlpatterns, *import_views.urlpatterns,
               *sitrep_views.urlpatterns]
