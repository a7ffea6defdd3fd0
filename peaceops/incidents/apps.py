from django.apps import AppConfig

from peaceops.registry.signals import mission_areas_changed


class IncidentsConfig(AppConfig):
    name = "peaceops.incidents"
    verbose_name = "JOC incidents"

    def ready(self):
        # import here: the membership rules read models, which are not loaded when this module is read
        from peaceops.incidents.membership import on_mission_areas_changed

        # Incidents follow their mission areas: a change of area re-assigns what it covers.
        mission_areas_changed.connect(on_mission_areas_changed, dispatch_uid="incidents-reassign")
