from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

WIB = ZoneInfo("Asia/Jakarta")
#: Monday 5 January 2026, 10:00 WIB: the lead's first follow-up is due Monday 12 January 16:00.
DISPOSED_AT = datetime(2026, 1, 5, 10, tzinfo=WIB)


@pytest.fixture
def staff_with_email(team):
    from layani.accounts.models import User

    for user in User.objects.all():
        user.email = f"{user.username}@example.go.id"
        user.save(update_fields=["email"])
    return team


@pytest.fixture
def disposed(staff_with_email, make_report):
    from layani.cases import services

    team = staff_with_email
    report = make_report()
    services.verify_report(report, actor=team.coordinator, now=DISPOSED_AT)
    services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu, now=DISPOSED_AT)
    return report
