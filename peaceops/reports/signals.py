"""What the reports app tells the apps above it, which it may not import (docs/architecture.md).

Both are sent inside the approving transaction, after the approval is stored, with the approving user as
``actor``: a receiver that writes (the notifications app tells the other missions) writes in the same
transaction, so an approval and its notices are stored together or not at all.
"""

from django.dispatch import Signal

# A contributing mission's leadership approved its part of a joint report: report, mission, actor.
report_part_approved = Signal()
# The drafting mission's leadership approved the whole report, which is now locked: report, actor.
report_approved = Signal()
