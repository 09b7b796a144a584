"""``media_url``: the public download of a report's first checked photo, never an unchecked one."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile

from layani.intake.models import Attachment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _photo(report, *, reviewed: bool) -> Attachment:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, "JPEG")
    attachment = Attachment(
        report=report,
        original_name="foto_pelapor.jpg",
        content_type="image/jpeg",
        size=len(out.getvalue()),
        sha256="x",
        reviewed=reviewed,
    )
    attachment.file.save("f.jpg", ContentFile(out.getvalue()), save=True)
    return attachment


def _items(client):
    return {
        item["service_request_id"]: item for item in client.get("/open311/v2/requests.json").json()
    }


def test_media_url_is_the_first_checked_photo_and_downloads(client, reports):
    _photo(reports.public, reviewed=False)
    checked = _photo(reports.public, reviewed=True)
    _photo(reports.public, reviewed=True)  # a later checked photo: the first one stays the media
    _photo(reports.anonim, reviewed=False)
    items = _items(client)
    url = items[reports.public.display_tracking_id]["media_url"]
    assert url == (f"http://testserver/laporan/{reports.public.tracking_id}/lampiran/{checked.pk}/")
    assert items[reports.anonim.display_tracking_id]["media_url"] is None
    download = client.get(url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert "foto_pelapor" not in download["Content-Disposition"]


def test_a_confidential_reports_photo_never_appears(client, reports):
    _photo(reports.rahasia, reviewed=True)
    body = client.get("/open311/v2/requests.json").content.decode()
    assert reports.rahasia.tracking_id not in body
    assert "/lampiran/" not in body


def test_points_are_as_precise_as_the_public_may_see(client, reports):
    from .conftest import make_report

    anonymous = make_report("anonim", latitude="-7.7161234", longitude="110.3551234")
    regular = make_report(latitude="-7.7161234", longitude="110.3551234")
    items = _items(client)
    # Anonymous reports to about 100 m, as on the portal's map and in the open data.
    assert (
        items[anonymous.display_tracking_id]["lat"],
        items[anonymous.display_tracking_id]["long"],
    ) == (-7.716, 110.355)
    assert (
        items[regular.display_tracking_id]["lat"],
        items[regular.display_tracking_id]["long"],
    ) == (-7.7161, 110.3551)
