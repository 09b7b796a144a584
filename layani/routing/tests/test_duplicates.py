"""Duplicate detection: same problem in other words, nearby, recently — and nothing else."""

import pytest

from conftest import A_SLEMAN_VILLAGE
from layani.routing.duplicates import find_duplicates
from layani.routing.selectors import likely_duplicates, similar_public_reports

pytestmark = pytest.mark.django_db

SPOT = (-7.7501, 110.3901)
NEAR = (-7.7510, 110.3905)  # about 110 m away
FAR = (-7.8000, 110.4500)  # about 8 km away
OTHER_VILLAGE = "34.04.07.2002"


@pytest.fixture
def original(make_report):
    return make_report(
        "Jalan di depan SD Negeri 2 berlubang besar, aspal mengelupas, bahaya untuk motor",
        title="Jalan berlubang depan SD",
        point=SPOT,
        days_ago=3,
    )


def _found(results):
    return [c.report for c in results]


def test_a_reworded_report_nearby_is_found_with_its_evidence(make_report, original):
    new = make_report(
        "jln dpn sekolah SD bolong2 gede, aspalnya ngelupas. bahaya bgt buat motor", point=NEAR
    )
    (candidate,) = find_duplicates(new)
    assert candidate.report == original
    assert candidate.text_similarity > 0.3
    assert 50 < candidate.distance_m < 200
    assert 2.9 < candidate.days_apart < 3.1


def test_far_old_and_different_reports_are_not_duplicates(make_report, original):
    text = "Jalan depan SD berlubang besar, aspal mengelupas"
    make_report(text, point=FAR)
    make_report(text, point=NEAR, days_ago=90)
    make_report("Sampah menumpuk di depan SD, bau sekali", point=NEAR)
    make_report(text, point=NEAR, status="merged")
    new = make_report("Jalan berlubang di depan SD, aspalnya mengelupas", point=SPOT)
    assert _found(find_duplicates(new)) == [original]


def test_without_a_point_the_same_village_is_searched(make_report):
    earlier = make_report("Lampu PJU di gang masjid mati sudah seminggu, gelap")
    make_report("Lampu PJU di gang masjid mati sudah seminggu, gelap", region=OTHER_VILLAGE)
    new = make_report("lampu jalan gang masjid mati, gelap bgt")
    assert _found(find_duplicates(new)) == [earlier]


def test_intake_sees_only_public_reports(make_report, original):
    make_report(
        "Jalan di depan SD berlubang besar, aspal mengelupas", point=NEAR, privacy="rahasia"
    )
    found = similar_public_reports(
        text="jalan depan SD berlubang, aspal rusak",
        region_code=A_SLEMAN_VILLAGE,
        latitude=SPOT[0],
        longitude=SPOT[1],
    )
    assert _found(found) == [original]


def test_the_queue_selector_ranks_the_closest_match_first(make_report, original):
    make_report("Jalan depan SD agak rusak sedikit", point=NEAR, days_ago=20)
    new = make_report("Jalan depan SD berlubang besar, aspal mengelupas, bahaya", point=SPOT)
    found = likely_duplicates(new)
    assert found[0].report == original
    assert found == sorted(found, key=lambda c: c.score, reverse=True)
