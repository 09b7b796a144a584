"""Number formatting for the statistics pages: a missing figure shows as a dash, never as 0."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def pct(value: float | None) -> str:
    """0.8333 → "83.3%" (localised decimal separator); None → "—"."""
    if value is None:
        return "—"
    # number_format cuts digits off; round first so 66.67 shows as 66.7, not 66.6.
    return f"{number_format(round(value * 100, 1), 1)}%"


@register.filter
def num(value: float | None, places: int = 1) -> str:
    """A figure to ``places`` decimals; None → "—"."""
    if value is None:
        return "—"
    return number_format(round(value, places), places)
