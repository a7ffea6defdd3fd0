from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from peaceops.registry import models

for model in (models.Country, models.AdminArea, models.Region, models.Organisation, models.Resolution,
              models.Mission, models.MissionResolution, models.Component, models.Post, models.Hat, models.Person,
              models.Assignment, models.ReportingLine):
    admin.site.register(model, SimpleHistoryAdmin)
