"""Workbooks are measured from the zip's table of contents before openpyxl reads them; uploads are capped."""

import io
import zipfile

import pytest

from peaceops.core import workbooks
from peaceops.core.tests.zip_bombs import small_workbook, zip_bomb
from peaceops.core.workbooks import MB, WorkbookLimits, WorkbookRefused, check_workbook, open_workbook

ROWS = [["Date", "Value"], ["2024-01-01", 3]]


def test_a_workbook_that_inflates_a_thousand_times_is_refused_unopened(tmp_path, monkeypatch):
    bomb = zip_bomb(tmp_path / "bomb.xlsx", ROWS, inflated_mb=3)
    assert bomb.stat().st_size < 50_000
    opened = []
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: opened.append(a))
    with pytest.raises(WorkbookRefused, match=r"xl/worksheets/sheet1.xml inflates .* times .*zip bomb"):
        open_workbook(bomb)
    assert opened == []  # refused from the central directory alone


def test_the_sum_of_unpacked_sizes_has_a_limit(tmp_path):
    bomb = zip_bomb(tmp_path / "big.xlsx", ROWS, inflated_mb=3)
    limits = WorkbookLimits(max_unpacked_bytes=2 * MB, max_ratio=1e9)
    with pytest.raises(WorkbookRefused, match=r"unpacks to 3\.\d MB, more than the 2\.0 MB allowed"):
        check_workbook(bomb, limits)


def test_a_directory_of_too_many_parts_is_refused(tmp_path):
    path = tmp_path / "parts.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(30):
            archive.writestr(f"part{number}.xml", "<a/>")
    with pytest.raises(WorkbookRefused, match="30 parts"):
        check_workbook(path, WorkbookLimits(max_members=20))


def test_an_ordinary_workbook_opens_read_only_and_closes_its_file(tmp_path):
    book = open_workbook(small_workbook(tmp_path / "ok.xlsx", ROWS))
    assert book.read_only
    assert [list(row) for row in book.worksheets[0].iter_rows(values_only=True)] == ROWS
    book.close()


def test_not_a_zip_is_left_to_the_importer_to_name(tmp_path):
    path = tmp_path / "text.xlsx"
    path.write_text("date,value\n")
    with pytest.raises(zipfile.BadZipFile):
        open_workbook(path)


def test_the_real_workbooks_are_within_the_default_limits(shared_data):
    for path in [*sorted((shared_data / "threew").glob("*.xlsx")), *sorted((shared_data / "incidents").glob("*.xlsx"))]:
        check_workbook(path, WorkbookLimits())


def test_configure_sets_the_process_wide_limits():
    before = workbooks.current_limits()
    try:
        workbooks.configure(max_unpacked_mb=5, max_ratio=20)
        assert (workbooks.current_limits().max_unpacked_bytes, workbooks.current_limits().max_ratio) == (5 * MB, 20)
    finally:
        workbooks._limits = before


@pytest.mark.django_db
def test_the_settings_reach_the_limits(settings):
    settings.PEACEOPS_MAX_WORKBOOK_MB = 7
    assert workbooks.current_limits().max_unpacked_bytes == 7 * MB
    settings.PEACEOPS_MAX_WORKBOOK_RATIO = 42
    assert workbooks.current_limits().max_ratio == 42


def test_the_upload_handler_writes_no_more_than_the_limit(settings):
    from peaceops.core.uploads import CappedTemporaryFileUploadHandler

    settings.PEACEOPS_MAX_UPLOAD_MB = 1
    handler = CappedTemporaryFileUploadHandler()
    handler.new_file("file", "huge.csv", "text/csv", 5 * MB)
    chunk = b"x" * (64 * 1024)
    for start in range(0, 5 * MB, len(chunk)):
        handler.receive_data_chunk(chunk, start)
    upload = handler.file_complete(5 * MB)
    try:
        assert upload.size == 5 * MB  # what was sent, so the form refuses it by its real size
        upload.file.seek(0, io.SEEK_END)
        assert upload.file.tell() <= 1 * MB + len(chunk)  # what was written to disk
    finally:
        upload.close()
