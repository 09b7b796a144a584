"""A point is enough: intake places a report by its pin, and flags a pin that disagrees."""

from __future__ import annotations

import pytest

from layani.audit.models import AuditEntry
from layani.intake.models import Channel, PrivacyTier
from layani.intake.services import Identity, ReportSubmission, SubmissionError, submit_report

pytestmark = pytest.mark.django_db

#: Tugu Yogyakarta, the city's landmark: Kota Yogyakarta, Kec. Jetis, Kel. Gowongan.
TUGU = ("-7.782889", "110.367083")
#: Candi Borobudur: Kabupaten Magelang, Jawa Tengah — outside the demo's province.
BOROBUDUR = ("-7.607874", "110.203751")
#: The Indian Ocean south of Gunungkidul.
AT_SEA = ("-8.600000", "110.500000")


def _submit(region_code="", point=None, **extra):
    lat, lng = point or (None, None)
    return submit_report(
        ReportSubmission(
            description="Lampu jalan mati di depan toko, gelap sekali malam hari.",
            region_code=region_code,
            channel=Channel.OPEN311,
            privacy=PrivacyTier.BIASA,
            latitude=lat,
            longitude=lng,
            identity=Identity(email="warga@example.org"),
            **extra,
        )
    ).report


def test_a_point_alone_places_the_report_in_its_village(boundaries, categories):
    report = _submit(point=TUGU)
    assert report.region_id.startswith("34.71.")  # Kota Yogyakarta
    assert report.region.level == 4 and report.pin_region is None
    assert report.location_label.startswith(("Kel. ", "Desa "))
    assert report.location_label.endswith("Kota Yogyakarta")
    assert "Kec. " in report.location_label


def test_a_region_alone_is_kept_and_labelled(boundaries, categories):
    report = _submit("34.04.07.2001")
    assert report.region_id == "34.04.07.2001" and report.pin_region is None
    assert report.location_label.endswith("Kab. Sleman") and "Kec. " in report.location_label


def test_a_pin_inside_the_named_region_raises_no_flag(boundaries, categories):
    report = _submit("34.71", TUGU)  # the city named, the pin in one of its villages
    assert (report.region_id, report.pin_region) == ("34.71", None)
    assert report.location_label == "Kota Yogyakarta"


def test_a_pin_that_disagrees_is_flagged_not_trusted(boundaries, categories):
    report = _submit("34.04.07.2001", TUGU)  # a Sleman village named, the pin in the city
    assert report.region_id == "34.04.07.2001"  # the named region is kept...
    assert report.pin_region_id.startswith("34.71.")  # ...and the disagreement kept for review
    entry = AuditEntry.objects.get(action="report.submitted", object_ref=report.tracking_id)
    assert entry.payload["pin_region"] == report.pin_region_id


def test_a_pin_outside_the_covered_area_next_to_a_named_region_is_not_flagged(
    boundaries, categories
):
    report = _submit("34.04.07.2001", BOROBUDUR)
    assert report.pin_region is None


@pytest.mark.parametrize(
    ("point", "code", "named"),
    [
        (BOROBUDUR, "outside_area", "Jawa Tengah"),  # names the province the point lies in
        (AT_SEA, "outside_indonesia", ""),
        (("95", "110"), "invalid_point", ""),
    ],
)
def test_points_without_a_region_are_refused_with_the_reason(
    boundaries, categories, point, code, named
):
    with pytest.raises(SubmissionError) as refused:
        _submit(point=point)
    assert (refused.value.code, refused.value.field) == (code, "location")
    assert named in refused.value.message and refused.value.message


def test_neither_region_nor_point_is_refused(boundaries, categories):
    with pytest.raises(SubmissionError) as refused:
        _submit()
    assert (refused.value.code, refused.value.field) == ("location_required", "region")
