"""Public reports: only public tiers, redacted text, no identity, one support per person."""

from decimal import Decimal

import pytest
from django.urls import reverse

from conftest import A_SLEMAN_VILLAGE
from layani.intake.models import Channel, PrivacyTier, Report, ReportStatus
from layani.intake.services import Identity, ReportSubmission, submit_report

pytestmark = pytest.mark.django_db


def _report(title, privacy=PrivacyTier.BIASA, show_name=False, point=True, category="sampah"):
    return submit_report(
        ReportSubmission(
            title=title,
            description=f"{title}. Hubungi saya di 081299990000, NIK 3404074107900001.",
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.WEB,
            category_code=category,
            privacy=privacy,
            latitude=Decimal("-7.7512345") if point else None,
            longitude=Decimal("110.3612345") if point else None,
            identity=Identity(
                name="Rahasia Pelapor Nama",
                phone="081299990000",
                email="pelapor@example.org",
                show_name_publicly=show_name,
            ),
        )
    ).report


@pytest.fixture
def reports(regions, categories):
    return {
        "biasa": _report("Sampah menumpuk di pasar"),
        "anonim": _report("Tumpukan sampah dekat sekolah", privacy=PrivacyTier.ANONIM),
        "rahasia": _report("Pungli di kantor desa", privacy=PrivacyTier.RAHASIA),
        "whistle": _report("Pungli bansos", privacy=PrivacyTier.ANONIM_RAHASIA),
        "road": _report("Jalan rusak parah", category="jalan-rusak", point=False),
    }


def test_the_list_shows_public_tiers_only_with_personal_data_masked(client, reports):
    html = client.get(reverse("portal:report-list")).content.decode()
    assert "Sampah menumpuk di pasar" in html and "Tumpukan sampah dekat sekolah" in html
    assert "Pungli" not in html
    assert "081299990000" not in html and "3404074107900001" not in html
    assert "Rahasia Pelapor Nama" not in html and "pelapor@example.org" not in html


def test_filters_and_search_narrow_the_list(client, reports):
    url = reverse("portal:report-list")
    by_category = client.get(url, {"category": "jalan-rusak"}).content.decode()
    assert "Jalan rusak parah" in by_category and "Sampah menumpuk" not in by_category
    by_search = client.get(url, {"q": "sekolah"}).content.decode()
    assert "Tumpukan sampah dekat sekolah" in by_search and "Sampah menumpuk" not in by_search
    by_region = client.get(url, {"province": "34", "regency": "34.71"}).content.decode()
    assert "Sampah menumpuk" not in by_region
    reports["road"].status = ReportStatus.CLOSED
    reports["road"].save()
    closed = client.get(url, {"status": "closed", "period": "7"}).content.decode()
    assert "Jalan rusak parah" in closed and "Sampah menumpuk" not in closed
    pungli = client.get(url, {"q": "Pungli"}).content.decode()
    assert "Pungli" not in pungli.split("</form>", 2)[-1]


def test_the_map_has_public_points_only_and_coarsens_anonymous_ones(client, reports):
    points = client.get(reverse("portal:report-map-data")).json()["markers"]
    ids = {p["id"] for p in points}
    assert ids == {reports["biasa"].tracking_id, reports["anonim"].tracking_id}
    anonymous = next(p for p in points if p["id"] == reports["anonim"].tracking_id)
    assert anonymous["lat"] == -7.751 and anonymous["lng"] == 110.361
    assert client.get(reverse("portal:report-map")).status_code == 200


def test_a_public_report_page_shows_redacted_text_and_no_identity(client, reports):
    response = client.get(reverse("portal:report-detail", args=[reports["biasa"].tracking_id]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sampah menumpuk di pasar" in html and "Laporan diterima" in html
    assert "081299990000" not in html and "3404074107900001" not in html
    assert "Rahasia Pelapor Nama" not in html and "pelapor@example.org" not in html


def test_a_name_is_shown_only_when_the_reporter_of_a_regular_report_opted_in(
    client, regions, categories
):
    shown = _report("Lampu jalan mati", show_name=True)
    html = client.get(reverse("portal:report-detail", args=[shown.tracking_id])).content.decode()
    assert "Rahasia Pelapor Nama" in html and "081299990000" not in html


@pytest.mark.parametrize("tier", ["rahasia", "whistle"])
def test_confidential_reports_have_no_public_page(client, reports, tier):
    tracking_id = reports[tier].tracking_id
    assert client.get(reverse("portal:report-detail", args=[tracking_id])).status_code == 404
    support = client.post(reverse("portal:report-support", args=[tracking_id]))
    assert support.status_code == 404
    assert Report.objects.get(tracking_id=tracking_id).support_count == 0


def _with_proof(browser, report):
    """What support.js sends: the server's challenge, solved (layani.intake.supports)."""
    from layani.intake.supports import Challenge, solve

    issued = browser.get(reverse("portal:report-support-challenge", args=[report.tracking_id]))
    proof = solve(Challenge(**issued.json()))
    return {"proof_token": proof.token, "proof_counter": proof.counter}


def test_a_guest_supports_once_and_another_guest_counts_too(client, reports, settings):
    from django.test import Client

    settings.LAYANI_SUPPORT_PROOF_BITS = 8
    report = reports["biasa"]
    url = reverse("portal:report-support", args=[report.tracking_id])
    assert client.post(url, _with_proof(client, report)).status_code == 302
    assert client.post(url, _with_proof(client, report)).status_code == 302
    report.refresh_from_db()
    assert report.support_count == 1
    page = client.get(reverse("portal:report-detail", args=[report.tracking_id])).content.decode()
    assert "Anda mendukung laporan ini" in page
    other = Client()
    assert other.post(url, _with_proof(other, report)).status_code == 302
    report.refresh_from_db()
    assert report.support_count == 2
    key = report.supports.first().supporter_key
    assert key.startswith("guest:") and client.cookies["layani_supporter"].value not in key


def test_a_signed_in_citizen_supports_once_across_browsers(client, reports, django_user_model):
    from django.test import Client

    user = django_user_model.objects.create_user(username="budi@example.org", password="x")
    report = reports["anonim"]
    url = reverse("portal:report-support", args=[report.tracking_id])
    for browser in (client, Client()):
        browser.force_login(user)
        browser.post(url)
    report.refresh_from_db()
    assert report.support_count == 1
    assert report.supports.get().supporter_key == f"user:{user.pk}"


def test_the_list_total_is_counted_once_a_minute_and_again_after_a_new_report(client, reports):
    from django.core.cache import cache

    cache.clear()
    url = reverse("portal:report-list")
    first = client.get(url)
    assert first.context["page"].paginator.count == 3  # biasa, anonim, road; not the secret ones
    reports["road"].status = ReportStatus.ARCHIVED  # leaves the public list
    reports["road"].save()
    second = client.get(url)
    assert second.context["page"].paginator.count == 3  # the remembered total (up to a minute)
    assert len(second.context["page"].object_list) == 2  # the rows are always fresh
    _report("Got tersumbat di pasar")
    third = client.get(url)
    assert third.context["page"].paginator.count == 3  # a new report: counted again (2 + 1)
    assert len(third.context["page"].object_list) == 3
    cache.clear()
    assert client.get(url, {"category": "sampah"}).context["page"].paginator.count == 3


def test_list_texts_are_masked_like_single_ones_and_follow_the_plates_policy(db):
    from layani.cases.presentation import Audience, public_texts, text
    from layani.routing.models import RoutingSettings

    texts = ["Mobil AB 1234 CD parkir di trotoar, hubungi 081299990000", "", "Lampu jalan mati"]
    masked = public_texts(texts)
    assert masked == [text(Audience.PUBLIC, "biasa", t) for t in texts]
    assert "081299990000" not in masked[0] and masked[1] == "" and masked[2] == texts[2]
    policy = RoutingSettings.current()
    plates_before = "AB 1234 CD" in masked[0]
    policy.redact_plates = plates_before  # flip it: shown plates become masked and the reverse
    policy.save()
    again = public_texts(texts)
    assert again[0] == text(Audience.PUBLIC, "biasa", texts[0])
    assert ("AB 1234 CD" in again[0]) is not plates_before
