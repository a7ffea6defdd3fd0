"""The domain's errors: one hierarchy with stable codes, mapped once to the API body and to form errors.

Services raise these (or Django's ``ValidationError`` for field problems, which the same mappings
read); ``peaceops.core.api_plumbing.exception_handler`` turns them into the API's one error body and
:func:`add_to_form` into form errors, so no view or viewset translates errors of its own.

``Denied`` subclasses Django's ``PermissionDenied``: code that catches the latter, and Django's own
403 handling of pages, keep working.
"""

from django.core.exceptions import PermissionDenied, ValidationError


class DomainError(Exception):
    """A refusal the user can act on; ``code`` is stable and machine-readable, ``status`` the HTTP answer."""

    code = "error"
    status = 400

    def __init__(self, message: str = "", *, field: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message or self.__class__.__doc__.strip().splitlines()[0]
        self.field = field
        if code:
            self.code = code

    def __str__(self) -> str:
        return str(self.message)


class Denied(DomainError, PermissionDenied):
    """You may not do this."""

    code = "permission_denied"
    status = 403


class Conflict(DomainError):
    """The record changed since you read it: reload it and apply your change again."""

    code = "conflict"
    status = 409

    def __init__(self, message: str = "", *, current: dict | None = None, etag: str = "", **kwargs):
        super().__init__(message, **kwargs)
        self.current = current or {}
        self.etag = etag


class PreconditionFailed(Conflict):
    """The record changed since the version your If-Match names."""

    code = "precondition_failed"
    status = 412


class Busy(DomainError):
    """The store is busy with a long write: try again in a moment."""

    code = "busy"
    status = 503


def add_to_form(form, error: Exception) -> None:
    """Show a service's refusal on the form that made the request, field by field where it names one."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    elif isinstance(error, ValidationError):
        form.add_error(None, error.messages)
    elif isinstance(error, DomainError):
        form.add_error(error.field if error.field in form.fields else None, error.message)
    elif isinstance(error, PermissionDenied):
        form.add_error(None, str(error) or "You may not do this.")
    else:
        raise error
