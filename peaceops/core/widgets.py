"""Form widgets whose values a browser reads as machine format, whatever the page's language."""

from django import forms


class IsoDateInput(forms.DateInput):
    """``<input type="date">`` with an ISO value. The HTML date input takes only YYYY-MM-DD; Django's
    localised default would write the French "01/07/2026" into it, which the browser drops (the field then
    shows blank and the date is lost). Input parses as before: Django always accepts ISO dates."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
