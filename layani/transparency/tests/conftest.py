"""A small hand-computed dataset: eight reports in Sleman (WIB) in the week of Mon 7 Sep 2026.

Every figure the tests expect is worked out by hand in the comments below (working days: office
hours 08:00-16:00, 8 hours = 1.0 day; 7-11 Sep 2026 has no holiday).

| report | tier | category (main) | submitted | first follow-up | closed | rating | reopened |
|---|---|---|---|---|---|---|---|
| r1 | biasa | jalan (infrastruktur) | Mon 10:00 | Tue 10:00 = 1.0 | Thu 10:00 = 3.0 | 5 | 0 |
| r2 | anonim | jalan | Mon 12:00 | Thu 12:00 = 3.0 | Fri 12:00 = 4.0 | 3 | 1 |
| r3 | rahasia | faskes (kesehatan) | Mon 08:00 | Mon 12:00 = 0.5 | Tue 08:00 = 1.0 | 4 | 0 |
| r4 | biasa | faskes | Tue 10:00 | — (due Thu 16:00: overdue) | — | — | — |
| r5 | biasa | jalan | Fri 10:00 | — (due Tue 15: not yet) | — | — | — |
| r6 | biasa | jalan, archived (not counted) | Mon 09:00 | — | — | — | — |
| r7 | biasa | jalan | Fri 14 Aug 10:00 | — | — | — | — |

Tasks (settled at "now" = Fri 11 Sep 12:00): PU on r1 (on time), PU on r2 (late), Dinkes co-handling
r1 (on time), Dinkes on r3 (on time), Dinkes on r4 (overdue); PU on r5 is not settled yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 9, 11, 12, tzinfo=WIB)
SECRET = "RAHASIA-WHISTLE-TEXT"


@pytest.fixture(autouse=True)
def fresh_cache():
    """The statistics page caches its figures; each test starts without them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def at(day: int, hour: int, month: int = 9) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=WIB)


@dataclass
class Dataset:
    reports: dict[str, object]
    cast: object


@pytest.fixture
def dataset(cast, make_report):
    from layani.cases.models import Case, Task, TaskRole, TaskStatus
    from layani.directory.models import Category
    from layani.intake.models import PrivacyTier, Report, ReportStatus

    faskes = Category.objects.get(code="layanan-faskes")
    pu, dinkes = cast.dinas_pu, cast.dinkes

    def report(name, privacy, submitted, *, status=ReportStatus.SUBMITTED, closed=None, **extra):
        r = make_report(privacy)
        Report.objects.filter(pk=r.pk).update(
            submitted_at=submitted,
            status=status,
            closed_at=closed,
            title=f"Laporan {name}",
            description=f"Laporan {name}, hubungi saya di 081234567890.",
            **extra,
        )
        r.refresh_from_db()
        return r

    def case(r, lead, *, rating=None, reopen=0, proposed=None):
        c, _ = Case.objects.get_or_create(report=r)
        c.lead_agency, c.rating, c.reopen_count, c.closure_proposed_at = (
            lead,
            rating,
            reopen,
            proposed,
        )
        c.save()
        return c

    def task(c, agency, created, due, follow_up=None, *, role=TaskRole.LEAD, status=None):
        return Task.objects.create(
            case=c,
            agency=agency,
            role=role,
            status=status or (TaskStatus.DONE if follow_up else TaskStatus.ACCEPTED),
            created_at=created,
            due_at=due,
            first_follow_up_at=follow_up,
        )

    closed = ReportStatus.CLOSED
    r1 = report(
        "r1",
        PrivacyTier.BIASA,
        at(7, 10),
        status=closed,
        closed=at(10, 10),
        latitude=Decimal("-7.712345"),
        longitude=Decimal("110.412345"),
    )
    r2 = report(
        "r2",
        PrivacyTier.ANONIM,
        at(7, 12),
        status=closed,
        closed=at(11, 12),
        latitude=Decimal("-7.712345"),
        longitude=Decimal("110.412345"),
    )
    r3 = report(
        "r3", PrivacyTier.RAHASIA, at(7, 8), status=closed, closed=at(8, 8), category=faskes
    )
    Report.objects.filter(pk=r3.pk).update(title=SECRET, description=SECRET)
    r4 = report(
        "r4", PrivacyTier.BIASA, at(8, 10), status=ReportStatus.IN_PROGRESS, category=faskes
    )
    r5 = report("r5", PrivacyTier.BIASA, at(11, 10), status=ReportStatus.IN_PROGRESS)
    r6 = report("r6", PrivacyTier.BIASA, at(7, 9), status=ReportStatus.ARCHIVED)
    r7 = report("r7", PrivacyTier.BIASA, at(14, 10, month=8))

    c1 = case(r1, pu, rating=5, proposed=at(9, 10))
    task(c1, pu, at(7, 11), at(9, 16), at(8, 10))
    task(c1, dinkes, at(7, 11), at(9, 16), at(8, 12), role=TaskRole.CO_HANDLER)
    c2 = case(r2, pu, rating=3, reopen=1, proposed=at(11, 9))
    task(c2, pu, at(7, 13), at(9, 16), at(10, 12))
    c3 = case(r3, dinkes, rating=4, proposed=at(7, 14))
    task(c3, dinkes, at(7, 9), at(8, 16), at(7, 12))
    c4 = case(r4, dinkes)
    task(c4, dinkes, at(8, 11), at(10, 16))
    c5 = case(r5, pu)
    task(c5, pu, at(11, 11), at(15, 16))
    # An archived report's task never counts, even when overdue.
    task(case(r6, pu), pu, at(7, 10), at(8, 16), status=TaskStatus.WITHDRAWN)
    names = ["r1", "r2", "r3", "r4", "r5", "r6", "r7"]
    # The rows were written behind the services' back (no audit entries): rebuild the rollups
    # the public pages read, as an operator would after a bulk import.
    from layani.transparency.rollups import rebuild

    rebuild()
    return Dataset(dict(zip(names, [r1, r2, r3, r4, r5, r6, r7], strict=True)), cast)
