"""No text reaches a reader not cleared for the record it was written in: pages, exports, reports, sitreps, API.

Every free-text field of every classified record gets a unique canary (``CNY`` + record id + model and field
numbers + ``Q``), the records of MINURCAT and UNAMID are spread over the three classifications, the demo's
threat assessment is redrafted from the planted data, and then every GET route the URL resolver and the API
router publish is read as every demo role. A canary found in an answer must come from a record the reader may
read (``can_read_record``, or the model's own documented read rule for the asset pool and agreements).
"""

import datetime as dt
import io
import re
import zipfile
from collections import defaultdict

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models.functions import Cast, Concat, LPad, Mod
from django.test import Client, TestCase
from django.urls import URLPattern, URLResolver, get_resolver

from peaceops.accounts.access import can_read_record
from peaceops.demo import part_reports
from peaceops.demo.loader import load_demo
from peaceops.registry.models import AdminArea, Mission, Region
from peaceops.reports import services as report_services
from peaceops.reports.models import Report
from peaceops.urls import router
from peaceops.web import modules, scope

CANARY = re.compile(r"CNY(\d{6})(\d{2})(\d{2})Q")
TOKEN_LENGTH = 14
MISSIONS = ("MINURCAT", "UNAMID")
READERS = ("joc.minurcat", "jmac.unamid", "planner.region", "leader.unmis", "viewer", "guest")  # admin reads all
# Fields whose value is a code the software matches on, not text a person wrote: no unique text fits there.
CODE_FIELDS = {"key", "pcode", "admin1_pcode", "admin2_pcode", "iso3", "iso2", "numeric", "external_id", "dataset",
               "category", "kind", "function", "sector_code", "unit", "currency"}
SITREP_DAY = "2009-06-14"

# Pages that take an id, by URL name: which model the id is of.
PAGE_IDS = {
    "registry:mission-detail": "registry.Mission",
    "incidents:detail": "incidents.Incident", "incidents:edit": "incidents.Incident",
    "incidents:transition": "incidents.Incident",
    "cooperation:meeting": "cooperation.Meeting", "cooperation:withdraw": "cooperation.SharingAgreement",
    "cooperation:close-action": "cooperation.ActionItem",
    "analysis:group": "analysis.ArmedGroup",
    "mandates:isf": "mandates.Isf", "mandates:assessment": "mandates.Isf", "mandates:dashboard": "mandates.Isf",
    "mandates:transition": "mandates.Isf", "mandates:measurements": "mandates.Indicator",
    "mandates:output-plan": "mandates.IsfOutput",
    "assets:asset": "assets.Asset", "assets:request": "assets.AssetRequest",
    "assets:request-assign": "assets.AssetRequest", "assets:loan": "assets.Loan",
    "reports:detail": "reports.Report", "reports:redraft": "reports.Report", "reports:approve": "reports.Report",
    "notifications:detail": "notifications.Notification", "notifications:acknowledge": "notifications.Notification",
    "notifications:ask": "notifications.Notification", "notifications:request": "notifications.InformationRequest",
    "notifications:release": "notifications.InformationRequest",
    "notifications:decline": "notifications.InformationRequest",
    "registry:hat-terms": "registry.Hat", "mandates:checklist": "registry.Mission",
    "leadership:strategy": "registry.Mission", "leadership:decisions": "registry.Mission",
}
# Routes left out, with the reason.
SKIPPED_PREFIXES = ("admin/", "i18n/", "api/v1/schema/", "api/v1/docs/", "login/", "logout/", "api/v1/token",
                    "registry/<slug:model>/<int:pk>/history/")  # history rows predate the planting

# Leaks in code outside the reports' scope, each to be fixed there: (URL pattern, model label) -> what leaks.
# The test fails if one of them no longer occurs, so the list shrinks as they are fixed.
KNOWN_LEAKS: dict[tuple[str, str], str] = {}


def _text_fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField) and not f.choices and not f.primary_key
            and f.name not in CODE_FIELDS and not isinstance(f, models.SlugField | models.EmailField | models.URLField)
            and (f.max_length is None or f.max_length >= TOKEN_LENGTH)]


def classified_models() -> list:
    return [model for model in apps.get_models()
            if not model.__name__.startswith("Historical")
            and "classification" in {f.name for f in model._meta.concrete_fields}]


def plant() -> dict[tuple[int, int], list]:
    """Spread the two missions' records over the levels and write a canary in every free-text field.

    Returns ``(model number, field number) -> [model, field]``; the record id is in the canary itself.
    """
    planted = {}
    mission_ids = list(Mission.objects.filter(acronym__in=MISSIONS).values_list("id", flat=True))
    for model_number, model in enumerate(classified_models()):
        mission_field = getattr(model, "MISSION_FIELD", "owning_mission")
        # every level in each of the two missions, whatever the demo gave them
        model.objects.filter(**{f"{mission_field}__in": mission_ids}).update(classification=Mod("pk", 3))
        fields = _text_fields(model)
        if not fields:
            continue
        values = {}
        for field_number, field in enumerate(fields):
            planted[(model_number, field_number)] = (model, field)
            values[field.attname] = Concat(models.Value("CNY"), LPad(Cast("pk", models.CharField()), 6,
                                                                      models.Value("0")),
                                           models.Value(f"{model_number:02d}{field_number:02d}Q"),
                                           output_field=models.CharField())
        model.objects.update(**values)
    return planted


def _own_rule(model):
    """The read rule of models whose readers are not only their mission's (docs/assets.md, docs/cooperation.md,
    docs/analysis.md)."""
    from peaceops.analysis import selectors as analysis
    from peaceops.assets import selectors as assets
    from peaceops.cooperation import selectors as cooperation
    from peaceops.reports import selectors as reports
    from peaceops.reports.models import ReportSection

    return {"assets.asset": assets.assets_for, "assets.assetrequest": assets.requests_for,
            "assets.loan": assets.loans_for, "cooperation.sharingagreement": cooperation.agreements_received,
            "reports.report": reports.reports_for,
            # unclassified security levels are shared along the borders (docs/analysis.md, seed 000 §III.C.2)
            "analysis.securitylevel": analysis.levels_shared_with,
            "reports.reportsection": lambda user: reports.visible_sections(ReportSection.objects.all(), user),
            }.get(model._meta.label_lower)


def _through_a_joint_report(user, record) -> bool:
    """A joint report carries what its sections were drawn from to every contributing mission's readers cleared
    for those sections (docs/reports.md, "Reading"): a section the reader may read, drawn from the records of
    the canary's mission at or above its level."""
    from peaceops.accounts.access import mission_id_of
    from peaceops.reports import selectors as reports
    from peaceops.reports.models import ReportSection

    mission_id = mission_id_of(record)
    if mission_id is None:
        return False
    drawn = ReportSection.objects.filter(read_from=mission_id, classification__gte=record.classification)
    return reports.visible_sections(drawn, user).exists()


def _body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:4] == b"%PDF":
        return ""  # compressed streams: the Markdown and DOCX exports carry the same text
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return " ".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
                            if name.endswith(".xml"))
    return content.decode("utf-8", "replace")


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else entry.namespace or namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), f"{namespace}:{entry.name}" if namespace else entry.name


class TestCanaries(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()
        cls.planted = plant()
        report = Report.objects.get(title__startswith="CNY")  # the demo's assessment, its title planted
        drafter = get_user_model().objects.get(username=part_reports.DRAFTER)
        report_services.report_redraft(report, drafter)  # its sections drafted from the planted data
        # a regional draft by a reader of all seven missions, stored as UNAMID's: other missions' text inside
        planner = get_user_model().objects.get(username="planner.region")
        report_services.report_draft(user=planner, kind="sg_report", owning_mission=Mission.objects.get(
            acronym="UNAMID"), region=Region.objects.first(), start=dt.date(2009, 4, 1), end=dt.date(2009, 6, 30))

    def _ids(self, label) -> list[int]:
        """Up to one record per mission and level of the two missions, and one outside them."""
        model = apps.get_model(label)
        if model is Mission:
            return list(Mission.objects.filter(acronym__in=MISSIONS).values_list("id", flat=True))
        mission_field = getattr(model, "MISSION_FIELD", "owning_mission")
        ids = []
        for acronym in MISSIONS:
            for level in range(3):
                ids += model.objects.filter(**{f"{mission_field}__acronym": acronym, "classification": level}) \
                    .order_by("pk").values_list("pk", flat=True)[:1]
        return ids + list(model.objects.exclude(pk__in=ids).order_by("pk").values_list("pk", flat=True)[:1])

    def page_urls(self) -> list[tuple[str, str]]:
        """Every GET page of the resolver with its parameters filled from the planted records: (pattern, URL)."""
        urls = []
        reports = list(Report.objects.values_list("pk", flat=True))
        for route, name in _walk(get_resolver().url_patterns):
            if route.startswith("api/") or route.startswith(SKIPPED_PREFIXES):
                continue
            params = re.findall(r"<(?:(\w+):)?(\w+)>", route)
            if "(?P<" in route or route.startswith("^"):
                continue  # regex routes: Django admin and REST framework's format suffixes
            fill = [{}]
            for converter, param in params:
                fill = [{**f, param: v} for f in fill for v in self._values(name, converter, param, reports, f)]
            for values in fill:
                url = "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m, v=values: str(v[m.group(1)]), route)
                urls.append((route, url))
        region = Region.objects.first()
        for where in [f"mission={acronym}" for acronym in MISSIONS] + [f"region={region.name}"]:
            for fmt in ("json", "md", "html"):
                urls.append(("incidents/sitrep/", f"/incidents/sitrep/?{where}&date={SITREP_DAY}&format={fmt}"))
        return urls

    def _values(self, name, converter, param, reports, filled):
        if name == "reports:section-edit":
            if param == "report_id":
                return reports
            return list(Report.objects.get(pk=filled["report_id"]).sections.values_list("pk", flat=True))
        if name == "reports:approve-part":  # POST only: its GET answers 405, asked to be sure
            return reports if param == "report_id" else self._ids("registry.Mission")
        if name == "reports:export":
            return reports if param == "report_id" else ["md", "docx"]
        if name == "registry:country-detail":
            return ["TCD", "SDN"]
        if name == "registry:area-detail":
            return list(AdminArea.objects.order_by("pk").values_list("pcode", flat=True)[:2])
        if name == "web:module" or param == "slug":
            return [module.slug for module in modules.MODULES]
        if name.startswith("jobs:"):  # jobs carry no classification: each is its owner's (peaceops/jobs/tests)
            return list(apps.get_model("jobs.Job").objects.order_by("pk").values_list("pk", flat=True)[:2]) or [1]
        label = PAGE_IDS.get(name)
        assert label, f"{name} ({converter}:{param}): say which model its id is of in PAGE_IDS"
        return self._ids(label)

    def api_urls(self) -> list[tuple[str, str]]:
        urls = []
        for prefix, viewset, _basename in router.registry:
            urls.append((f"api/v1/{prefix}/", f"/api/v1/{prefix}/?page_size=500"))
            model = viewset.queryset.model
            detail_actions = [a for a in viewset.get_extra_actions() if a.detail and "get" in a.mapping]
            list_actions = [a for a in viewset.get_extra_actions() if not a.detail and "get" in a.mapping]
            for action in list_actions:
                urls.append((f"api/v1/{prefix}/{action.url_path}/", f"/api/v1/{prefix}/{action.url_path}/"))
            ids = self._ids(model._meta.label) if "classification" in {f.name for f in model._meta.fields} \
                else list(model.objects.order_by("pk").values_list("pk", flat=True)[:3])
            for pk in ids:
                urls.append((f"api/v1/{prefix}/<pk>/", f"/api/v1/{prefix}/{pk}/"))
                for action in detail_actions:
                    if action.url_path == "history":
                        continue  # history rows predate the planting
                    query = "?output=md" if action.url_path == "export" else ""
                    urls.append((f"api/v1/{prefix}/<pk>/{action.url_path}/",
                                 f"/api/v1/{prefix}/{pk}/{action.url_path}/{query}"))
        for route, _name in _walk(get_resolver().url_patterns):
            if route.startswith("api/v1/") and "<" not in route and "^" not in route \
                    and not route.startswith(SKIPPED_PREFIXES) and route != "api/v1/":
                urls.append((route, "/" + route))
        region = Region.objects.first()
        for acronym in MISSIONS:
            urls.append(("api/v1/sitrep/", f"/api/v1/sitrep/?mission={acronym}&date={SITREP_DAY}"))
        urls.append(("api/v1/sitrep/", f"/api/v1/sitrep/?region={region.name}&date={SITREP_DAY}"))
        return urls

    def crawl(self, username, urls) -> dict:
        user = get_user_model().objects.get(username=username)
        client = Client(raise_request_exception=False)  # a crash is no leak; listed in self.errors
        client.force_login(user)
        region = Region.objects.first()
        session = client.session
        session[scope.SESSION_KEY] = {"kind": scope.REGION, "id": region.id}  # the widest scope they may hold
        session.save()
        verdicts, leaks = {}, defaultdict(set)
        for route, url in urls:
            response = client.get(url)
            if response.status_code >= 500:
                self.errors.add(f"{response.status_code} {url}")
            if response.status_code != 200:
                continue
            for match in set(CANARY.findall(_body(response))):
                if match not in verdicts:
                    verdicts[match] = self._may_read(user, match)
                if verdicts[match] is not True:
                    model, field = self.planted[(int(match[1]), int(match[2]))]
                    leaks[(route, model._meta.label)].add(f"{url} {model._meta.label}#{int(match[0])}.{field.name} "
                                                          f"({verdicts[match]})")
        return leaks

    def _may_read(self, user, match):
        model, _field = self.planted[(int(match[1]), int(match[2]))]
        record = model.objects.filter(pk=int(match[0])).first()
        if record is None:
            return "no such record"
        if can_read_record(user, record):
            return True
        rule = _own_rule(model)
        if rule is not None and rule(user).filter(pk=record.pk).exists():
            return True
        if _through_a_joint_report(user, record):
            return True
        return f"level {record.classification}"

    def test_no_canary_reaches_a_reader_not_cleared_for_it(self):
        urls = self.page_urls() + self.api_urls()
        self.errors = set()
        found = defaultdict(set)
        for username in READERS:
            for key, where in self.crawl(username, urls).items():
                found[key] |= {f"{username}: {w}" for w in where}
        unexpected = {key: sorted(where)[:3] for key, where in found.items() if key not in KNOWN_LEAKS}
        fixed = [key for key in KNOWN_LEAKS if key not in found]
        assert not unexpected, "canaries reached readers not cleared for them:\n" + "\n".join(
            f"{route} {label}: {where}" for (route, label), where in sorted(unexpected.items()))
        assert not fixed, f"no longer leaking, remove from KNOWN_LEAKS: {fixed}"
        if self.errors:  # not leaks, but a crashing page hides what it would show
            print("\nanswers with a server error:", *sorted(self.errors), sep="\n  ")

    def test_the_canaries_are_planted_and_read_by_those_cleared(self):
        # the crawl would pass vacuously if nothing were planted or nothing answered
        assert len(self.planted) > 50
        body = _body(Client().get("/"))  # anonymous: the login page
        assert not CANARY.search(body)
        client = Client()
        client.force_login(get_user_model().objects.get(username="jmac.unamid"))
        report = Report.objects.get(title__startswith="CNY")
        assert CANARY.search(_body(client.get(f"/reports/{report.pk}/export.md")))
