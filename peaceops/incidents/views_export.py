"""The incident log's XLSX download (CSV and GeoJSON are beside the list in views_log).

Same selection as the list: ``incidents_for`` (only what the user may read) narrowed by the
list's filters; an invalid filter answers 400 with the errors rather than a workbook.
"""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET

from peaceops.incidents import export, selectors_log
from peaceops.incidents.filters import IncidentFilter


@login_required
@require_GET
def export_xlsx(request):
    filterset = IncidentFilter(request.GET, queryset=selectors_log.incidents_for(request.user))
    if not filterset.is_valid():
        return JsonResponse({"errors": filterset.errors}, status=400)
    return export.streaming_export(filterset.qs, request.user, "xlsx")


urlpatterns = [
    path("export.xlsx", export_xlsx, name="export-xlsx"),
]
