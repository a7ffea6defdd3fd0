"""The 3W job's estimate of a file's rows, which gives its progress bar a share to fill."""

from peaceops.coordination.jobs import estimated_rows


def test_a_csv_counts_its_lines_less_the_header(tmp_path):
    path = tmp_path / "threew.csv"
    path.write_text("Organisation,Sector\n#org,#sector\nUNICEF,WASH\nWFP,Food\n")
    assert estimated_rows(path, "hxl") == 3  # the HXL tag row counts: an estimate


def test_a_file_that_cannot_be_read_has_no_estimate(tmp_path):
    assert estimated_rows(tmp_path / "missing.csv", "hxl") == 0
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    assert estimated_rows(broken, "ocha-xlsx") == 0


def test_the_drc_workbook_is_counted_exactly(shared_data):
    assert estimated_rows(shared_data / "threew" / "ocha_3w_drc_2025-05.xlsx", "ocha-xlsx") == 4343
