"""Citizen pages (issue 20): the home CTA, the tracking page's answer at a glance in words, times
with their zone, the receipt's promise about copies, the favicon and compression."""

import gzip
import re

import pytest
from django.urls import reverse
from django.utils import translation

from conftest import A_SLEMAN_VILLAGE
from layani.cases import services
from layani.intake.models import Channel, PrivacyTier
from layani.intake.services import Identity, ReportSubmission, submit_report
from layani.portal.localtime import zoned

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def receipt(categories, regions):
    return submit_report(
        ReportSubmission(
            description="Lampu jalan di depan masjid mati sejak seminggu.",
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.WEB,
            category_code="lampu-jalan",
            privacy=PrivacyTier.BIASA,
            identity=Identity(name="Budi Santoso", phone="081311112222"),
        )
    )


def _unlock(client, receipt):
    client.post(
        reverse("portal:track"),
        {"tracking_id": receipt.report.display_tracking_id, "access_code": receipt.access_code},
    )
    return reverse("portal:my-report", args=[receipt.report.tracking_id])


def test_home_has_the_call_to_action_and_linked_latest_reports(client, receipt):
    html = client.get("/", **EN).content.decode()
    assert re.search(
        r'<a class="button cta" href="/lapor/" data-cta>Report a problem now</a>', html
    )
    assert 'href="/lapor/">Make a report</a>' in html
    detail = reverse("portal:report-detail", args=[receipt.report.tracking_id])
    assert f'href="{detail}"' in html
    assert 'class="badge badge-submitted"' in html and ">Submitted</span>" in html
    assert len(client.get("/").content) < 100_000


def test_tracking_page_answers_where_who_when_and_next_in_words(client, receipt, team):
    report = receipt.report
    url = _unlock(client, receipt)
    html = client.get(url, **EN).content.decode()
    assert "Received: the coordinator is checking it" in html
    assert "The coordinator decides by" in html and re.search(r"\d{4} \d\d:\d\d WIB<", html)
    assert "Report received" in html  # the history in words
    assert "— report.submitted" not in html  # not the code as text
    assert "Street lights" in html or "lampu" in html.lower()  # the category
    assert "Kab. Sleman" in html or "Sleman" in html  # the location
    services.verify_report(report, actor=team.coordinator)
    services.dispose_report(report, actor=team.coordinator, lead=team.dinas_pu)
    html = client.get(url, **EN).content.decode()
    assert team.dinas_pu.name in html
    assert "Being handled by the responsible agency" in html or "Checked: being sent" in html
    assert "First answer from the agency due by" in html
    assert "Sent to the responsible agency" in html and "— report.disposed" not in html
    assert 'href="#reply-text">Write to the agency</a>' in html


def test_tracking_and_public_page_render_history_the_same_way(client, receipt):
    url = _unlock(client, receipt)
    mine = client.get(url, **EN).content.decode()
    public = client.get(
        reverse("portal:report-detail", args=[receipt.report.tracking_id]), **EN
    ).content.decode()
    history = re.compile(r"<ol class=\"timeline\" data-history>.*?</ol>", re.S)
    assert history.search(mine).group(0) == history.search(public).group(0)


def test_indonesian_tracking_page_shows_no_event_codes(client, receipt):
    url = _unlock(client, receipt)
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="id").content.decode()
    text = re.sub(r"<[^>]+>", " ", html)
    assert "report.submitted" not in text and "WIB" in text


def test_zoned_times_follow_the_region():
    from datetime import UTC, datetime

    moment = datetime(2026, 12, 3, 8, 41, tzinfo=UTC)
    with translation.override("id"):
        assert zoned(moment, "Asia/Jakarta") == "3 Des 2026 15:41 WIB"
        assert zoned(moment, "Asia/Makassar") == "3 Des 2026 16:41 WITA"
        assert zoned(moment, "Asia/Jayapura") == "3 Des 2026 17:41 WIT"
    with translation.override("en"):
        assert zoned(moment, "Asia/Jakarta") == "3 Dec 2026 15:41 WIB"


def test_receipt_says_no_sms_copy_comes_with_a_phone_only(client, categories, regions):
    from layani.portal.receipt import delivery

    phone_only = submit_report(
        ReportSubmission(
            description="Sampah menumpuk di pinggir jalan desa.",
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.WEB,
            category_code="sampah",
            identity=Identity(name="Budi", phone="081311112222"),
        )
    ).report
    with_email = submit_report(
        ReportSubmission(
            description="Sampah menumpuk di pinggir jalan desa lagi.",
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.WEB,
            category_code="sampah",
            identity=Identity(name="Ani", email="ani@example.org"),
        )
    ).report
    with translation.override("en"):
        assert delivery(with_email, None)["kind"] == "email"
        said = delivery(phone_only, None)
        assert said["kind"] in ("sms", "none") and "e-mail" not in said["text"].split("(")[0]


def test_favicon_is_a_cached_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO header
    assert "max-age" in response["Cache-Control"]


def test_public_pages_are_gzipped_but_pages_with_secrets_are_not(client, receipt):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    assert b"Layani" in gzip.decompress(response.content)
    assert "Content-Encoding" not in client.get("/")  # the browser did not ask
    url = _unlock(client, receipt)
    tracking = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert tracking.status_code == 200 and "Content-Encoding" not in tracking
    # Nothing answered to a request with credentials (the REST API's tokens) is compressed.
    with_token = client.get("/", HTTP_ACCEPT_ENCODING="gzip", HTTP_AUTHORIZATION="Bearer x")
    assert with_token.status_code == 200 and "Content-Encoding" not in with_token


def test_statistics_scroll_regions_are_keyboard_reachable(client, db):
    html = client.get(reverse("statistics:overview"), **EN).content.decode()
    regions = re.findall(r'<div class="table-scroll"[^>]*>', html)
    assert regions
    for tag in regions:
        assert 'tabindex="0"' in tag and 'role="region"' in tag and "aria-labelledby" in tag


@pytest.mark.parametrize(
    ("privacy", "reviewed", "shown"),
    [
        (PrivacyTier.BIASA, True, True),
        (PrivacyTier.BIASA, False, False),  # not yet cleared by the coordinator
        (PrivacyTier.RAHASIA, True, False),  # not a public tier
    ],
)
def test_home_thumbnail_only_for_a_cleared_photo_of_a_public_report(
    client, categories, regions, privacy, reviewed, shown
):
    import io

    from PIL import Image

    from layani.intake.services import UploadedAttachment

    out = io.BytesIO()
    Image.new("RGB", (32, 24), (90, 90, 200)).save(out, "JPEG")
    report = submit_report(
        ReportSubmission(
            description="Jalan berlubang di depan balai padukuhan, sudah 3 minggu.",
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.WEB,
            category_code="jalan-rusak",
            privacy=privacy,
            identity=Identity(name="Siti", phone="081234567890"),
            attachments=(
                UploadedAttachment(name="a.jpg", content=out.getvalue(), content_type=""),
            ),
        )
    ).report
    photo = report.attachments.get()
    photo.reviewed = reviewed
    photo.save(update_fields=["reviewed"])
    html = client.get("/").content.decode()
    url = reverse("portal:report-attachment", args=[report.tracking_id, photo.pk])
    assert (f'class="thumb" src="{url}"' in html) is shown
    if shown:
        assert client.get(url).status_code == 200  # the public download path serves it
