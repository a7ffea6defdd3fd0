from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    """Inter-mission cooperation (DESIGN.md: shared assets, meetings, focal points; seed 000 §III-IV)."""

    name = "peaceops.cooperation"
    verbose_name = _("Inter-mission cooperation")

    def ready(self):
        # Information-sharing agreements and neighbour warnings open data through the permission layer
        # (seed 000 §III.C.1: "systematic forms of information sharing across missions"): access.visible()
        # asks this source once per request.
        # import here: both modules read models, which are not loaded when this module is read
        from peaceops.accounts.access import register_sharing_source, register_sharing_subject
        from peaceops.cooperation.selectors import sharing_grants

        register_sharing_source(sharing_grants)
        # Incident rows are shared by category (incidents.Category codes), e.g. only "armed_clash", and
        # only once verified or published unless the agreement includes drafts (SharingAgreement.include_drafts).
        register_sharing_subject("incidents.incident", "incidents", "category",
                                 verified={"status__in": ["verified", "published"]})
        # Threat assessments are the approved reports of that kind (seed 000 §IV.C.3), and their sections.
        register_sharing_subject("reports.report", "threat_assessments",
                                 only={"kind": "threat_assessment", "status": "approved"})
        register_sharing_subject("reports.reportsection", "threat_assessments",
                                 only={"report__kind": "threat_assessment", "report__status": "approved"})
        # The JMAC's analyses: armed groups and security levels (seed 000 §III.C.1-2).
        for label in ("analysis.armedgroup", "analysis.securitylevel"):
            register_sharing_subject(label, "analyses")
