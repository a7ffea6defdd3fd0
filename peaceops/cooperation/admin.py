from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from peaceops.cooperation import models


@admin.register(models.Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "level", "series", "starts_on", "ends_on", "place", "organiser", "classification"]
    list_filter = ["level", "classification", "organiser"]
    search_fields = ["title", "place", "outcome_summary"]
    filter_horizontal = ["attending_missions"]
    date_hierarchy = "starts_on"


@admin.register(models.MeetingCadence)
class MeetingCadenceAdmin(SimpleHistoryAdmin):
    list_display = ["region", "level", "series", "every_months", "since", "until"]


@admin.register(models.Attendance)
class AttendanceAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "mission", "role", "present", "classification"]


@admin.register(models.MeetingDecision)
class MeetingDecisionAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "text", "classification"]


@admin.register(models.ActionItem)
class ActionItemAdmin(SimpleHistoryAdmin):
    list_display = ["text", "owner_mission", "owner_role", "due_on", "closed_on", "classification"]
    list_filter = ["owner_mission"]


@admin.register(models.SharingAgreement)
class SharingAgreementAdmin(SimpleHistoryAdmin):
    list_display = ["sharer", "receiver", "subject", "up_to", "include_drafts", "starts_on", "ends_on", "withdrawn_at"]
    list_filter = ["subject", "include_drafts", "sharer", "receiver"]


@admin.register(models.FocalPoint)
class FocalPointAdmin(SimpleHistoryAdmin):
    list_display = ["mission", "subject", "role", "name", "classification"]


@admin.register(models.Contract)
class ContractAdmin(SimpleHistoryAdmin):
    list_display = ["contractor", "mission", "service", "starts_on", "ends_on", "classification"]


@admin.register(models.ContractEvaluation)
class ContractEvaluationAdmin(SimpleHistoryAdmin):
    list_display = ["contract", "score", "evaluated_on", "evaluator", "classification"]


@admin.register(models.ContractorWarning)
class ContractorWarningAdmin(SimpleHistoryAdmin):
    list_display = ["contractor", "issued_by", "issued_on", "classification"]
