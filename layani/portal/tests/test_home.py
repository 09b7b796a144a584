"""The home page shows live figures and only what the public may see."""

import pytest
from django.urls import reverse

from conftest import A_SLEMAN_VILLAGE
from layani.intake.models import Channel, PrivacyTier, ReportStatus
from layani.intake.services import Identity, ReportSubmission, submit_report

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_cached_counts():
    """The figures are cached between scheduler runs; each test starts without them."""
    from django.core.cache import cache

    from layani.intake.selectors import COUNTS_KEY

    cache.delete(COUNTS_KEY)
    yield
    cache.delete(COUNTS_KEY)


def _report(title, privacy=PrivacyTier.BIASA, status=None):
    report = submit_report(
        ReportSubmission(
            title=title,
            description=f"{title} — keterangan lengkap",
            region_code=A_SLEMAN_VILLAGE,
            channel=Channel.WEB,
            category_code="sampah",
            privacy=privacy,
            identity=Identity(name="Rahasia Pelapor Nama", phone="081299990000"),
        )
    ).report
    if status:
        report.status = status
        report.save()
    return report


def test_home_shows_real_counts_and_public_reports_only(client, regions, categories):
    _report("Sampah menumpuk di pasar")
    _report("Tumpukan sampah dekat sekolah", privacy=PrivacyTier.ANONIM)
    _report("Laporan rahasia soal pungli", privacy=PrivacyTier.RAHASIA)
    _report("Sampah lama sudah beres", status=ReportStatus.CLOSED)
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-figure="total">4<' in html
    assert 'data-figure="open">3<' in html
    assert 'data-figure="closed">1<' in html
    assert "Sampah menumpuk di pasar" in html
    assert "Tumpukan sampah dekat sekolah" in html
    assert "Laporan rahasia soal pungli" not in html
    assert "Rahasia Pelapor Nama" not in html
    assert "081299990000" not in html


def test_home_is_in_indonesian_by_default_and_english_on_request(client, regions, categories):
    indonesian = client.get(reverse("portal:home")).content.decode()
    assert '<html lang="id">' in indonesian
    assert "Laporkan" in indonesian
    english = client.get(reverse("portal:home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in english
    assert "Report it" in english


def test_empty_database_home_page_still_renders(client, db):
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert 'data-figure="total">0<' in response.content.decode()


def test_the_figures_wait_for_the_scheduled_count_and_then_show_new_reports(
    client, regions, categories
):
    from layani.escalation.tasks import refresh_report_counts

    _report("Sampah menumpuk di pasar")
    assert 'data-figure="total">1<' in client.get(reverse("portal:home")).content.decode()
    _report("Lampu jalan mati", status=ReportStatus.CLOSED)
    # Counted a moment ago: the page does not count a million reports on every view.
    assert 'data-figure="total">1<' in client.get(reverse("portal:home")).content.decode()
    refresh_report_counts.call()
    html = client.get(reverse("portal:home")).content.decode()
    assert 'data-figure="total">2<' in html and 'data-figure="closed">1<' in html
