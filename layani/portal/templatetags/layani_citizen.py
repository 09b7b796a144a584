"""Filters and tags for citizen pages.

* ``{{ when|zoned:report }}``: a time in the report region's zone with its name ("… 15:41 WIB");
  the argument may also be a region or a zone name. ``{{ when|zoned_date:report }}``: the date only.
* ``{% status_badge report %}``: the status as a coloured badge whose text says it (colour is never
  the only signal).
"""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from layani.portal.localtime import zoned as _zoned

register = template.Library()


@register.filter
def zoned(value: datetime | None, where: object = None) -> str:
    return _zoned(value, where)


@register.filter
def zoned_date(value: datetime | None, where: object = None) -> str:
    return _zoned(value, where, with_time=False)


@register.simple_tag
def status_badge(report: object) -> SafeString:
    status = getattr(report, "status", "")
    label = report.get_status_display() if hasattr(report, "get_status_display") else status
    return format_html(
        '<span class="badge badge-{}" data-status="{}">{}</span>', status, status, label
    )


@register.simple_tag(takes_context=True)
def receipt_delivery(context: template.Context, report: object) -> dict[str, str]:
    """What the receipt says about copies of the codes, given the contact the reporter left."""
    from layani.portal.receipt import delivery

    request = context.get("request")
    user = getattr(request, "user", None)
    return delivery(report, user)  # type: ignore[arg-type]
