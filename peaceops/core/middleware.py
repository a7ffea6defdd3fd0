"""A store busy with a long write answers "try again", never a server error.

SQLite has one writer at a time: while a large import holds the lock, another write waits for the
busy timeout (settings: 30 s) and then fails with "database is locked". The API's views map that to
its JSON error body (api_plumbing.exception_handler); this catches what happens outside a view
(sessions, authentication, the history middleware) and pages, so no write answers 500.
"""

from django.db import OperationalError
from django.http import JsonResponse
from django.shortcuts import render

from peaceops.core.errors import Busy


def is_locked(error: BaseException) -> bool:
    return isinstance(error, OperationalError) and "locked" in str(error).lower()


class BusyStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except OperationalError as error:
            if not is_locked(error):
                raise
            return self.busy(request)

    def process_exception(self, request, exception):
        return self.busy(request) if is_locked(exception) else None

    @staticmethod
    def busy(request):
        busy = Busy()
        if request.path.startswith("/api/"):
            response = JsonResponse({"code": busy.code, "message": busy.message, "field": None, "errors": []},
                                    status=busy.status)
        else:
            response = render(request, "core/busy.html", {"message": busy.message}, status=busy.status)
        response["Retry-After"] = "5"
        return response
