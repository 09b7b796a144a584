"""Indonesia's three time zones and the zone of each province (by Kemendagri province code).

WIB (UTC+7): Sumatra, Java, West and Central Kalimantan. WITA (UTC+8): Bali, Nusa Tenggara, South,
East and North Kalimantan, Sulawesi. WIT (UTC+9): Maluku and Papua.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndonesianTimeZone(models.TextChoices):
    WIB = "Asia/Jakarta", _("WIB (UTC+7)")
    WITA = "Asia/Makassar", _("WITA (UTC+8)")
    WIT = "Asia/Jayapura", _("WIT (UTC+9)")


_WITA_PROVINCES = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT_PROVINCES = {"81", "82", "91", "92", "93", "94", "95", "96"}


def timezone_for_province(province_code: str) -> IndonesianTimeZone:
    """The time zone of a province, from the first two digits of any region code inside it."""
    prefix = province_code[:2]
    if prefix in _WIT_PROVINCES:
        return IndonesianTimeZone.WIT
    if prefix in _WITA_PROVINCES:
        return IndonesianTimeZone.WITA
    return IndonesianTimeZone.WIB
