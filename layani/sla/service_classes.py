"""Service classes (klasifikasi layanan): how much time resolving a report may take.

Defaults follow SP4N-LAPOR!'s published rules; deployments change the number of working days in data.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceClass(models.TextChoices):
    RINGAN = "ringan", _("Light (ringan)")
    NORMATIF = "normatif", _("Normative (normatif)")
    TIDAK_BERKADAR_PENGAWASAN = "tidak_berkadar", _("Not requiring inspection")
    BERKADAR_PENGAWASAN = "berkadar", _("Requiring field inspection")


#: Default working days to resolve a report, per service class.
DEFAULT_RESOLUTION_DAYS: dict[str, int] = {
    ServiceClass.RINGAN: 2,
    ServiceClass.NORMATIF: 5,
    ServiceClass.TIDAK_BERKADAR_PENGAWASAN: 14,
    ServiceClass.BERKADAR_PENGAWASAN: 60,
}
