"""Citizens' downloads: the reporter's own attachments, and reviewed ones of public reports.

Expected cells (public): only a reviewed attachment of a regular or anonymous report downloads;
confidential tiers and unreviewed attachments are 404. The reporter downloads all of their own,
after unlocking the report with tracking ID + access code; nobody else does.
"""

from __future__ import annotations

import io
import itertools

import pytest
from django.urls import reverse
from PIL import Image

from conftest import A_SLEMAN_VILLAGE
from layani.cases import services
from layani.intake.models import Attachment, Channel, PrivacyTier
from layani.intake.services import Identity, ReportSubmission, UploadedAttachment, submit_report

pytestmark = pytest.mark.django_db

GPS_IFD, MAKE = 0x8825, 0x010F
#: (tier, reviewed) → may the public download it?
PUBLIC_CELLS = {
    (PrivacyTier.BIASA, True): True,
    (PrivacyTier.BIASA, False): False,
    (PrivacyTier.ANONIM, True): True,
    (PrivacyTier.ANONIM, False): False,
    (PrivacyTier.RAHASIA, True): False,
    (PrivacyTier.RAHASIA, False): False,
    (PrivacyTier.ANONIM_RAHASIA, True): False,
    (PrivacyTier.ANONIM_RAHASIA, False): False,
}


def _gps_photo() -> bytes:
    exif = Image.Exif()
    exif[MAKE] = "Xiaomi"
    exif[GPS_IFD] = {1: "S", 2: (7.0, 42.0, 57.6), 3: "E", 4: (110.0, 21.0, 19.8)}
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (90, 90, 200)).save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _submit(privacy=PrivacyTier.BIASA, name="Siti Rahayu - lubang.jpg"):
    return submit_report(
        ReportSubmission(
            description="Jalan berlubang di depan balai padukuhan, sudah 3 minggu.",
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.WEB,
            category_code="jalan-rusak",
            privacy=privacy,
            identity=Identity(name="Siti Rahayu", phone="081234567890"),
            attachments=(UploadedAttachment(name=name, content=_gps_photo(), content_type=""),),
        )
    )


def _public_url(attachment: Attachment) -> str:
    return reverse("portal:report-attachment", args=[attachment.report.tracking_id, attachment.pk])


def _my_url(attachment: Attachment) -> str:
    return reverse("portal:my-attachment", args=[attachment.report.tracking_id, attachment.pk])


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(("privacy", "reviewed"), list(PUBLIC_CELLS))
def test_public_download_cells(client, categories, regions, privacy, reviewed):
    attachment = _submit(privacy).report.attachments.get()
    Attachment.objects.filter(pk=attachment.pk).update(reviewed=reviewed)
    response = client.get(_public_url(attachment))
    allowed = PUBLIC_CELLS[(privacy, reviewed)]
    assert response.status_code == (200 if allowed else 404)


def test_the_table_covers_every_tier_with_and_without_review():
    assert set(PUBLIC_CELLS) == set(itertools.product(PrivacyTier.values, (True, False)))


def test_a_public_download_has_no_exif_and_a_neutral_name(client, categories, regions):
    report = _submit(PrivacyTier.BIASA).report
    attachment = report.attachments.get()
    Attachment.objects.filter(pk=attachment.pk).update(reviewed=True)
    response = client.get(_public_url(attachment))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="lampiran-1.jpg"'
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "public, no-cache"  # kept only if asked again each time
    assert response["ETag"] == f'"{attachment.sha256}"'
    body = _body(response)
    with Image.open(io.BytesIO(body)) as served:
        assert served.size == (32, 24)
        assert dict(served.getexif()) == {} and "exif" not in served.info
    assert b"Xiaomi" not in body and b"Siti" not in body


def test_the_public_page_links_reviewed_attachments_only(client, categories, regions):
    report = _submit(PrivacyTier.BIASA).report
    shown = report.attachments.get()
    hidden = Attachment.objects.create(
        report=report, file=shown.file.name, content_type="image/jpeg", size=1, sha256="y"
    )
    Attachment.objects.filter(pk=shown.pk).update(reviewed=True)
    page = client.get(reverse("portal:report-detail", args=[report.tracking_id])).content.decode()
    assert f'href="{_public_url(shown)}"' in page
    assert _public_url(hidden) not in page
    assert "Siti Rahayu - lubang" not in page  # the sender's file name stays private


def _unlock(client, receipt) -> None:
    response = client.post(
        reverse("portal:track"),
        {"tracking_id": receipt.report.tracking_id, "access_code": receipt.access_code},
    )
    assert response.status_code == 302


@pytest.mark.parametrize("privacy", PrivacyTier.values)
def test_the_reporter_downloads_their_own_attachments_in_every_tier(
    client, categories, regions, privacy
):
    receipt = _submit(privacy)
    attachment = receipt.report.attachments.get()  # unreviewed: the reporter sent it
    assert client.get(_my_url(attachment)).status_code == 404  # not unlocked yet
    _unlock(client, receipt)
    response = client.get(_my_url(attachment))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert {"private", "no-store"} <= {p.strip() for p in response["Cache-Control"].split(",")}
    with attachment.file.open("rb") as fh:
        assert _body(response) == fh.read()
    page = client.get(reverse("portal:my-report", args=[receipt.report.tracking_id]))
    assert f'href="{_my_url(attachment)}"' in page.content.decode()


def test_a_reporter_cannot_reach_another_reports_attachment(client, categories, regions):
    mine, theirs = _submit(PrivacyTier.RAHASIA), _submit(PrivacyTier.RAHASIA)
    _unlock(client, mine)
    foreign = theirs.report.attachments.get()
    guesses = [
        reverse("portal:my-attachment", args=[mine.report.tracking_id, foreign.pk]),
        _my_url(foreign),
        reverse("portal:my-attachment", args=[mine.report.tracking_id, foreign.pk + 1000]),
        reverse("portal:report-attachment", args=[theirs.report.tracking_id, foreign.pk]),
    ]
    assert [client.get(url).status_code for url in guesses] == [404, 404, 404, 404]


# --- a withdrawn review takes the file off shared caches at once (issue 16) ---------------------


class _SharedCache:
    """A shared HTTP cache in front of the test client, as RFC 9111 has one behave for the few
    directives Layani sends: a stored 200 is served without asking while it is fresh (``max-age``,
    no ``no-cache``/``no-store``/``private``); otherwise it is revalidated with its ``ETag``, and
    a 304 serves the stored body while any other answer replaces it. The clock does not move, so a
    lifetime of any length is still running when the test withdraws the review."""

    def __init__(self, client) -> None:
        self.client = client
        self.stored: dict[str, tuple[dict[str, str], bytes]] = {}
        self.asked_origin = 0

    def get(self, url: str) -> tuple[int, bytes]:
        held = self.stored.get(url)
        if held is not None and _fresh(held[0]):
            return 200, held[1]
        extra = {"HTTP_IF_NONE_MATCH": held[0]["ETag"]} if held and "ETag" in held[0] else {}
        self.asked_origin += 1
        response = self.client.get(url, **extra)
        if response.status_code == 304 and held is not None:
            return 200, held[1]
        self.stored.pop(url, None)
        if response.status_code != 200:
            return response.status_code, b""
        body = _body(response)
        directives = _directives(response)
        if not directives & {"no-store", "private"}:
            self.stored[url] = (
                {k: response[k] for k in ("Cache-Control", "ETag") if k in response},
                body,
            )
        return 200, body


def _directives(response_or_headers) -> set[str]:
    return {p.strip() for p in response_or_headers.get("Cache-Control", "").split(",") if p.strip()}


def _fresh(headers: dict[str, str]) -> bool:
    directives = _directives(headers)
    if "no-cache" in directives:
        return False
    ages = [int(d.split("=", 1)[1]) for d in directives if d.startswith(("max-age=", "s-maxage="))]
    return bool(ages) and max(ages) > 0


def _approved(cast, privacy=PrivacyTier.BIASA) -> Attachment:
    attachment = _submit(privacy).report.attachments.get()
    return services.review_attachment(attachment, actor=cast.coordinator, approved=True)


def test_after_withdrawal_the_public_url_is_404_at_once_even_through_a_shared_cache(client, cast):
    attachment = _approved(cast)
    url = _public_url(attachment)
    cache = _SharedCache(client)
    status, body = cache.get(url)
    assert status == 200 and body.startswith(b"\xff\xd8")
    services.review_attachment(attachment, actor=cast.coordinator, approved=False)
    assert cache.get(url) == (404, b"")
    assert cache.asked_origin == 2  # the cache asked again instead of serving its copy
    assert client.get(url).status_code == 404
    page = client.get(reverse("portal:report-detail", args=[attachment.report.tracking_id]))
    assert url not in page.content.decode()


def test_a_cache_revalidating_a_withdrawn_file_gets_404_not_304(client, cast):
    attachment = _approved(cast)
    url = _public_url(attachment)
    first = client.get(url)
    tag = first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=tag)
    assert again.status_code == 304  # still approved: the cache's copy is current, no body sent
    assert (again["ETag"], again["Cache-Control"]) == (tag, "public, no-cache")
    services.review_attachment(attachment, actor=cast.coordinator, approved=False)
    withdrawn = client.get(url, HTTP_IF_NONE_MATCH=tag)
    assert withdrawn.status_code == 404
    assert "public" not in withdrawn.get("Cache-Control", "")
    # Approved again: the same file under the same URL, downloadable again at once.
    services.review_attachment(attachment, actor=cast.coordinator, approved=True)
    assert client.get(url).status_code == 200


def test_a_public_download_never_carries_a_lifetime(client, cast):
    response = client.get(_public_url(_approved(cast)))
    directives = _directives(response)
    assert directives == {"public", "no-cache"}
    assert not any(d.startswith(("max-age", "s-maxage", "stale-")) for d in directives)
    assert "Expires" not in response


def test_the_reporters_download_stays_private_and_unstored_even_when_public(client, cast):
    receipt = _submit(PrivacyTier.BIASA)
    attachment = services.review_attachment(
        receipt.report.attachments.get(), actor=cast.coordinator, approved=True
    )
    _unlock(client, receipt)
    response = client.get(_my_url(attachment))
    assert response.status_code == 200
    assert {"private", "no-store"} <= _directives(response) and "public" not in _directives(
        response
    )
    assert "ETag" not in response
