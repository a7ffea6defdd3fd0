from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "peaceops.incidents"
    verbose_name = "JOC incidents"

    def ready(self):
        from peaceops.incidents.membership import on_mission_areas_changed
        from peaceops.registry.signals import mission_areas_changed

        # Incidents follow their mission areas: a change of area re-assigns what it covers.
        mission_areas_changed.connect(on_mission_areas_changed, dispatch_uid="incidents-reassign")
