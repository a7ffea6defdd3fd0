"""Length limits of the incident log's free-text fields, told to the user before and when they bite.

A description of 112,000 characters was accepted and made a page 21,000 px tall; a place name of
300 characters widened the log for every reader. Each free-text field has a limit, the same in
the entry form and the API; the form says the limit of its long text boxes beside them, and a text
over the limit is refused with a message naming the field, the limit and the text's length (what
was typed stays in the form). The column sizes of the model (place 300, admin names 200,
category in the source 120) are the limits of those fields; description and follow-up are
database text without a size, limited here (no migration).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.formats import number_format
from django.utils.translation import gettext

# Characters. A field report of some 1,500 words fits in the description; a longer document is a
# source (its reference) rather than the log's text.
LIMITS = {
    "description": 10_000,
    "follow_up": 2_000,
    "location": 300,
    "admin1": 200,
    "admin2": 200,
    "source_category": 120,
    "source_name": 300,
    "side_a": 1_000,
    "side_b": 1_000,
    "targets": 1_000,
}
# Text boxes whose limit is said beside them (the short ones show it by stopping at their size).
TOLD = ("description", "follow_up")


def _grouped(number: int) -> str:
    return number_format(number, force_grouping=True)


class TextLimit:
    """Refuse a text longer than ``limit`` characters, naming the field (its label in a form, its name in the API)."""

    code = "max_length"

    def __init__(self, field: str, limit: int):
        self.field, self.limit = field, limit

    def __call__(self, value) -> None:
        if value is not None and len(value) > self.limit:
            raise ValidationError(
                gettext("%(field)s may hold at most %(limit)s characters; this text has %(length)s. "
                        "Shorten it (a long document can be cited as a source)."),
                code=self.code,
                params={"field": self.field, "limit": _grouped(self.limit), "length": _grouped(len(value))})

    def __eq__(self, other):
        return isinstance(other, TextLimit) and (self.field, self.limit) == (other.field, other.limit)


def limit_help(limit: int) -> str:
    return gettext("At most %(limit)s characters.") % {"limit": _grouped(limit)}


def _limit(field, label: str, limit: int) -> None:
    # Django's own length check would refuse the same text with a message that names no field.
    field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)] + [
        TextLimit(label, limit)]


def limit_form_fields(form) -> None:
    """Put the limits on a Django form's fields that have one (by field name)."""
    for name, limit in LIMITS.items():
        field = form.fields.get(name)
        if field is None:
            continue
        _limit(field, str(field.label or name), limit)
        if name in TOLD:
            told = limit_help(limit)
            field.help_text = f"{field.help_text} {told}" if field.help_text else told


def limit_serializer_fields(fields: dict) -> dict:
    """Put the limits on a DRF serializer's fields (``get_fields()``); the message names the API field."""
    for name, limit in LIMITS.items():
        field = fields.get(name)
        if field is not None and not getattr(field, "read_only", False):
            _limit(field, name, limit)
            field.max_length = limit
    return fields
