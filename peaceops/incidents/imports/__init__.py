"""Event imports: the file formats (UCDP GED, ACLED, HXL, Insecurity Insight), the import service and its page."""
