"""``GET /api/v1/analysis/fusion/``: the regional fusion view (seed 000 §IV.C.1) as JSON, read-only.

The same read as the page (selectors_fusion): 403 for a reader who covers no region, 404 for a region
not among the reader's (unknown and forbidden look alike).
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.decorators import api_view
from rest_framework.response import Response

from peaceops.analysis import selectors_fusion
from peaceops.analysis.selectors_alerts import AnalysisInputError
from peaceops.core import query


@extend_schema(parameters=[OpenApiParameter("region", str, description="region id or name (default: your first)"),
                           OpenApiParameter("as_of", str, description="YYYY-MM-DD (default: the scenario's today)")])
@api_view(["GET"])
def fusion(request):
    """Alerts, border areas with incidents on both sides, divergent levels, open requests for information and
    late joint products of one region's missions, as the reader may read them."""
    if not selectors_fusion.may_fuse(request.user):
        raise exceptions.PermissionDenied(_("The regional fusion view is for readers who cover a region."))
    try:
        region = selectors_fusion.region_for(request.user, request.query_params.get("region") or None)
    except AnalysisInputError:
        raise exceptions.NotFound(_("No such region among yours.")) from None
    try:
        as_of = query.query_date(request.query_params, "as_of")  # within the sane window (core.query)
    except query.BadQuery as bad:
        raise exceptions.ValidationError({"as_of": bad.message}) from None
    return Response(selectors_fusion.fusion_json(selectors_fusion.fusion_for(request.user, region, as_of)))
