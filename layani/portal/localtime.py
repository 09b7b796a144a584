"""Times as citizens read them: in the report region's own zone, always with its name.

Indonesia has three zones (WIB, WITA, WIT; `directory.timezones`). A time without its zone misleads
a reader in Makassar about a report in Yogyakarta, so every time a citizen page prints goes
through `zoned`: "3 Des 2026 15:41 WIB" (English: "3 Dec 2026 15:41 WIB").
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import dateformat, timezone

from layani.directory.timezones import IndonesianTimeZone

#: The zone's short name, the same in both languages (it is how Indonesians write it).
ABBREVIATIONS = {
    IndonesianTimeZone.WIB.value: "WIB",
    IndonesianTimeZone.WITA.value: "WITA",
    IndonesianTimeZone.WIT.value: "WIT",
}


def zone_of(where: object) -> str:
    """The IANA zone of a report (its region), a region, or a zone name; the site's by default."""
    if isinstance(where, str) and where:
        return where
    region = getattr(where, "region", where)
    name = getattr(region, "timezone", "") or ""
    return name or settings.TIME_ZONE


def zoned(value: datetime | None, where: object = None, *, with_time: bool = True) -> str:
    """``value`` in the zone of ``where``, as "3 Des 2026 15:41 WIB"; "" for no value."""
    if value is None:
        return ""
    name = zone_of(where)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, ZoneInfo(settings.TIME_ZONE))
    local = value.astimezone(ZoneInfo(name))
    text = dateformat.format(local, "j M Y H:i" if with_time else "j M Y")
    if not with_time:
        return text
    return f"{text} {ABBREVIATIONS.get(name) or local.tzname() or name}"
