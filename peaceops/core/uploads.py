"""Files uploaded through the web pages: a size limit, and bounded memory and disk while they arrive.

Django keeps an upload of up to ``FILE_UPLOAD_MAX_MEMORY_SIZE`` in memory and spools anything
larger to a temporary file. :class:`CappedTemporaryFileUploadHandler` stops writing that file
once it passes ``PEACEOPS_MAX_UPLOAD_MB`` (the rest of the request is read and dropped, so the
browser still gets an answer), and the upload forms' :func:`validate_upload_size` then refuses
the file by name in the form, instead of an import starting on it. Workbooks also get a limit
on what they unpack to (peaceops.core.workbooks).
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.utils.translation import gettext as _

MB = 1024 * 1024


def max_upload_bytes() -> int:
    return int(float(settings.PEACEOPS_MAX_UPLOAD_MB) * MB)


def _size(count: int) -> str:
    return f"{count / MB:,.1f} MB" if count >= MB // 10 else f"{count / 1024:,.0f} KB"


def validate_upload_size(upload) -> None:
    """Refuse a file larger than PEACEOPS_MAX_UPLOAD_MB, naming it (a form field validator)."""
    limit = max_upload_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("%(name)s is %(size)s; uploads are limited to %(limit)s (setting PEACEOPS_MAX_UPLOAD_MB). "
              "Larger files can be imported from the command line.")
            % {"name": upload.name, "size": _size(upload.size), "limit": _size(limit)},
            code="file_too_large")


def write_upload(upload, path) -> Path:
    """Copy an upload to ``path`` chunk by chunk, so a large file never sits in memory whole."""
    path = Path(path)
    with path.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return path


class CappedTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Spools to disk like Django's, but writes no more than the upload limit (plus one chunk).

    The size the form sees is still the size that was sent, so ``validate_upload_size`` refuses it.
    """

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.written = 0

    def receive_data_chunk(self, raw_data, start):
        if self.written <= max_upload_bytes():
            self.written += len(raw_data)
            self.file.write(raw_data)
