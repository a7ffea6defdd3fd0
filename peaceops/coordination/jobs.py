"""The coordination module's background jobs: a 3W file uploaded from the upload page."""

from pathlib import Path

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from peaceops.coordination import services
from peaceops.coordination.importers import guess_format, ocha_xlsx
from peaceops.core.background import register
from peaceops.core.workbooks import open_workbook


@register("import-3w", label=_("3W import"), result_url=lambda job: reverse("coordination:activities"))
def import_3w_job(job, path, progress):
    params = job.params
    fmt = params.get("format") or guess_format(path)
    total = estimated_rows(path, fmt)

    def report_progress(rows_read: int, rows_total: int = 0, errors: int = 0) -> None:
        progress(rows_read, rows_total or total, errors)

    return services.activities_import(path, fmt, country=params.get("country", ""), user=job.owner,
                              skip_bad=params.get("skip_bad", False), dry_run=params.get("dry_run", False),
                              humanitarian=params.get("humanitarian", False), display_name=job.file_name,
                              progress=report_progress)


def estimated_rows(path, fmt: str) -> int:
    """The rows a 3W file holds as far as it tells without being parsed, for the progress bar; 0 if unknown.

    A workbook's 3W sheets by their stated dimensions, a CSV by its lines less the header: blank separator
    rows and an HXL tag row count too, so the bar may stop a little short of the end before the job ends.
    """
    path = Path(path)
    try:
        if fmt == "ocha-xlsx":
            workbook = open_workbook(path)  # the size limits first, as the import itself
            try:
                sheets = (ocha_xlsx.CHAD_OPERATIONAL, ocha_xlsx.CHAD_PHYSICAL, ocha_xlsx.DRC_SHEET)
                return sum(max(0, (workbook[name].max_row or 1) - 1) for name in sheets if name in workbook.sheetnames)
            finally:
                workbook.close()
        with path.open("rb") as handle:
            return max(0, sum(1 for _line in handle) - 1)
    except Exception:  # a file the import will refuse with its own message: no estimate, no second message
        return 0
