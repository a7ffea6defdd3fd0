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
