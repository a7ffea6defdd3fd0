from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from peaceops.coordination import models


@admin.register(models.Sector)
class SectorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name_en", "name_fr", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["code", "name_en", "name_fr"]


@admin.register(models.Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "sector", "country", "admin1_name", "admin2_name", "start_date", "end_date",
                    "status", "dataset"]
    list_filter = ["kind", "dataset", "sector", "country", "classification"]
    search_fields = ["title", "admin1_name", "admin2_name", "external_id"]
    raw_id_fields = ["organisation", "admin_area"]


class ComponentInline(admin.TabularInline):
    model = models.ProgrammeComponent
    extra = 0


@admin.register(models.Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "sector", "country", "start_date", "end_date", "owning_mission"]
    inlines = [ComponentInline]


@admin.register(models.FundingStream)
class FundingStreamAdmin(SimpleHistoryAdmin):
    list_display = ["kind", "source", "channel", "programme", "component", "amount", "currency", "start_date",
                    "end_date"]
    list_filter = ["kind", "currency"]


@admin.register(models.IntegrationAssessment)
class IntegrationAssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["mission", "sector", "model", "assessed_on"]
    list_filter = ["mission", "model"]


@admin.register(models.Need)
class NeedAdmin(SimpleHistoryAdmin):
    list_display = ["sector", "admin1_pcode", "admin2_pcode", "people_in_need", "severity", "start_date", "end_date",
                    "humanitarian", "shared_with_military"]
    list_filter = ["sector", "country", "humanitarian", "shared_with_military", "classification"]
    raw_id_fields = ["admin_area"]


@admin.register(models.MandatedTaskArea)
class MandatedTaskAreaAdmin(SimpleHistoryAdmin):
    list_display = ["owning_mission", "task", "sector", "admin1_pcode", "admin2_pcode", "start_date", "end_date"]
    list_filter = ["owning_mission", "sector"]
    raw_id_fields = ["admin_area"]


@admin.register(models.MilitarySide)
class MilitarySideAdmin(SimpleHistoryAdmin):
    list_display = ["user", "note"]


@admin.register(models.HumanitarianProposal)
class HumanitarianProposalAdmin(SimpleHistoryAdmin):
    list_display = ["kind", "title", "owning_mission", "status", "submitted_at", "decided_by", "decided_at"]
    list_filter = ["kind", "status", "owning_mission"]
    readonly_fields = ["status", "decided_by", "decided_at", "decision_reason"]  # decided on the page, by approve


@admin.register(models.MilitaryAssetUse)
class MilitaryAssetUseAdmin(SimpleHistoryAdmin):
    list_display = ["asset_kind", "task", "owning_mission", "start_date", "status", "decided_by"]
    list_filter = ["asset_kind", "status", "owning_mission"]
    readonly_fields = ["status", "decided_by", "decided_at", "decision_reason"]
