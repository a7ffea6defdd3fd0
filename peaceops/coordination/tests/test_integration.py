"""The integration matrix: one cell per mission sector, written by coordinators, read by clearance."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from peaceops.coordination.selectors import integration_matrix
from peaceops.coordination.services import integration_assessment_record
from peaceops.core.classification import Classification

pytestmark = pytest.mark.django_db


def test_matrix_shows_every_mission_sector_and_what_was_recorded(world):
    admin = world.users["admin"]
    integration_assessment_record(user=admin, mission=world.minurcat, sector_code="HUM", model="separate",
                                  reason="Humanitarian space: OCHA stays outside the mission (seed 003 §2.5).")
    integration_assessment_record(user=admin, mission=world.minurcat, sector_code="DDR", model="full",
                                  reason="DDR spans assessed and voluntary budgets (seed 003 §2.4.2).",
                                  classification=Classification.CONFIDENTIAL)
    integration_assessment_record(user=admin, mission=world.minurcat, sector_code="HUM", model="partial")  # revised
    cells = {cell.sector_code: cell.model for cell in integration_matrix(world.users["minurcat"], world.minurcat)}
    assert cells == {"POL": "", "SEC": "", "DDR": "full", "SSR": "", "ROL": "", "HR": "", "HUM": "partial",
                     "DEV": ""}
    # the UNAMID user is not cleared for MINURCAT's confidential cell
    assert {c.sector_code: c.model for c in integration_matrix(world.users["unamid"], world.minurcat)}["DDR"] == ""


def test_only_coordinators_of_the_mission_record_and_the_model_is_checked(world):
    with pytest.raises(PermissionDenied):
        integration_assessment_record(user=world.users["minurcat"], mission=world.minurcat, sector_code="SSR",
                                      model="full")
    with pytest.raises(ValidationError):
        integration_assessment_record(user=world.users["admin"], mission=world.minurcat, sector_code="SSR",
                                      model="total")
