"""Activities as CSV with an HXL hashtag row, streamed (https://hxlstandard.org: the tags OCHA's tools read).

The caller passes a queryset already narrowed by ``visible`` and the user's filters, so the
export holds exactly what the list shows. The tags are the ones HXL 3W tools read
(#org, #sector, #adm1+name, #adm1+code, #date+start, #reached...), so the file imports back
through ``import-3w --format hxl``.
"""


from peaceops.core.classification import Classification
from peaceops.core.hxl_csv import hxl_csv_lines


def _area_code(activity, level: int) -> str:
    """The registry's P-code at ``level`` when the activity is linked to an area, else the file's code."""
    area = activity.admin_area
    while area is not None and area.level > level:
        area = area.parent
    if area is not None and area.level == level:
        return area.pcode
    return activity.admin1_pcode if level == 1 else activity.admin2_pcode


COLUMNS = [
    ("id", "#activity+id", lambda a: a.pk),
    ("organisation", "#org+name", lambda a: a.organisation.name),
    ("organisation_acronym", "#org+acronym", lambda a: a.organisation.acronym),
    ("organisation_type", "#org+type", lambda a: a.organisation_type),
    ("sector_code", "#sector+code", lambda a: a.sector.code if a.sector else ""),
    ("sector", "#sector+name", lambda a: a.sector.name_en if a.sector else ""),
    ("title", "#activity+name", lambda a: a.title),
    ("kind", "#activity+type", lambda a: a.kind),
    ("country_iso3", "#country+code", lambda a: a.country.iso3),
    ("country", "#country+name", lambda a: a.country.name),
    ("admin1", "#adm1+name", lambda a: a.admin1_name),
    ("admin1_pcode", "#adm1+code", lambda a: _area_code(a, 1)),
    ("admin2", "#adm2+name", lambda a: a.admin2_name),
    ("admin2_pcode", "#adm2+code", lambda a: _area_code(a, 2)),
    ("location", "#loc+name", lambda a: a.location),
    ("location_pcode", "#loc+code", lambda a: a.location_pcode),
    ("start_date", "#date+start", lambda a: a.start_date.isoformat() if a.start_date else ""),
    ("end_date", "#date+end", lambda a: a.end_date.isoformat() if a.end_date else ""),
    ("status", "#status", lambda a: a.status),
    ("targeted", "#targeted", lambda a: "" if a.beneficiaries_targeted is None else a.beneficiaries_targeted),
    ("reached", "#reached", lambda a: "" if a.beneficiaries_reached is None else a.beneficiaries_reached),
    ("beneficiary_type", "#beneficiary+type", lambda a: a.beneficiary_type),
    ("budget", "#value+budget", lambda a: "" if a.budget is None else a.budget),
    ("currency", "#currency", lambda a: a.currency),
    ("donor", "#org+funder", lambda a: a.donor),
    ("funding_source", "#meta+funding_source", lambda a: a.funding_source),
    ("dataset", "#meta+dataset", lambda a: a.dataset),
    ("classification", "#meta+classification", lambda a: str(Classification(a.classification).label)),
    ("owning_mission", "#org+mission", lambda a: a.owning_mission.acronym if a.owning_mission else ""),
]
HEADERS = [name for name, _tag, _read in COLUMNS]
HXL_TAGS = [tag for _name, tag, _read in COLUMNS]


def csv_lines(queryset):
    """Yield the CSV: the header row, the HXL hashtag row, then one row per activity (in chunks)."""
    rows = queryset.select_related("organisation", "sector", "country", "admin_area__parent", "owning_mission")
    return hxl_csv_lines(HEADERS, HXL_TAGS, rows.iterator(chunk_size=2000),
                         lambda activity: [read(activity) for _name, _tag, read in COLUMNS])
