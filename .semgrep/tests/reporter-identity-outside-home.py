from layani.intake import models
from layani.intake.models import Report, ReporterIdentity


def leak(report):
    # ruleid: reporter-identity-outside-home
    identity = ReporterIdentity.objects.get(report=report)
    # ruleid: reporter-identity-outside-home
    phones = models.ReporterIdentity.objects.values_list("phone", flat=True)
    # ruleid: reporter-identity-outside-home
    by_nik = Report.objects.public().filter(identity__nik="3404074107900001")
    # ok: reporter-identity-outside-home
    mine = Report.objects.public().filter(identity__user_id=7)
    return identity, phones, by_nik, mine
