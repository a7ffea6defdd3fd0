from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from peaceops.cooperation.models import Meeting


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "level", "starts_on", "ends_on", "place", "organiser", "classification"]
    list_filter = ["level", "classification", "organiser"]
    search_fields = ["title", "place", "outcome_summary"]
    filter_horizontal = ["attending_missions"]
    date_hierarchy = "starts_on"
