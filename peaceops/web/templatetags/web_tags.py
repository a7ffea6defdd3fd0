"""Small filters for the shell's templates."""

from django import template

register = template.Library()


@register.filter
def minutes(delta) -> int:
    """A timedelta as whole minutes, rounded up (a lock-out of 15 minutes reads "15")."""
    seconds = delta.total_seconds() if delta else 0
    return int(-(-seconds // 60))
