"""Submitting a report through the portal form, with and without JavaScript's help."""

import io
import uuid

import pytest
from django.core import mail
from django.urls import reverse
from PIL import Image

from conftest import A_SLEMAN_VILLAGE
from layani.intake.models import PrivacyTier, Report

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    # A real picture: uploads are decoded and re-encoded, so header-only fakes are refused.
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 50, 50)).save(out, "PNG")
    return out.getvalue()


PNG = _png()


def _form(**overrides):
    data = {
        "type": "pengaduan",
        "description": "Jalan berlubang besar di depan SD Negeri 3, sudah dua minggu.",
        "title": "",
        "category": "jalan-rusak",
        "province": "34",
        "regency": "34.04",
        "district": "34.04.07",
        "village": A_SLEMAN_VILLAGE,
        "privacy": "biasa",
        "name": "Sri Lestari",
        "phone": "081234567890",
        "email": "",
        "idempotency_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


@pytest.fixture
def setup(regions, categories):
    return None


def test_the_form_renders_grouped_categories_provinces_and_a_fresh_idempotency_key(client, setup):
    response = client.get(reverse("portal:submit"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<optgroup" in html and 'value="jalan-rusak"' in html
    assert 'name="province"' in html and ">Daerah Istimewa Yogyakarta<" in html
    assert 'name="idempotency_key"' in html
    other = client.get(reverse("portal:submit")).content.decode()
    key = html.split('name="idempotency_key" value="')[1].split('"')[0]
    assert key not in other
    uuid.UUID(key)


def test_a_guest_report_is_created_and_the_receipt_shows_both_codes(
    client, setup, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("portal:submit"), _form(email="sri@example.org"))
    assert response.status_code == 302 and response["Location"] == reverse("portal:submitted")
    report = Report.objects.get()
    assert report.region_id == A_SLEMAN_VILLAGE and report.category.code == "jalan-rusak"
    assert report.identity.name == "Sri Lestari" and report.channel == "web"
    page = client.get(response["Location"]).content.decode()
    assert report.display_tracking_id in page
    code = page.split("data-access-code>")[1].split("<")[0]
    assert len(code) >= 8
    assert len(mail.outbox) == 1 and code in mail.outbox[0].body
    # The session may follow the report straight away.
    assert client.get(reverse("portal:my-report", args=[report.tracking_id])).status_code == 200


def test_a_retry_with_the_same_key_returns_the_first_report(client, setup):
    data = _form()
    first = client.post(reverse("portal:submit"), data, HTTP_ACCEPT="application/json")
    second = client.post(reverse("portal:submit"), data, HTTP_ACCEPT="application/json")
    assert first.status_code == 201 and second.status_code == 200
    assert first.json()["tracking_id"] == second.json()["tracking_id"]
    assert first.json()["access_code"] == second.json()["access_code"]
    assert Report.objects.count() == 1


def test_the_same_key_with_other_content_asks_before_making_a_new_report(client, setup):
    data = _form()
    client.post(reverse("portal:submit"), data)
    changed = client.post(
        reverse("portal:submit"), {**data, "description": "Lain sama sekali, lampu mati."}
    )
    assert changed.status_code == 400
    html = changed.content.decode()
    assert "sudah pernah dikirim" in html or "already sent" in html
    assert data["idempotency_key"] not in html  # a new key for a new report
    assert Report.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field_id", "label"),
    [
        ({"description": "  "}, "id_description", "Apa yang terjadi?"),
        ({"regency": "", "district": "", "village": ""}, "id_regency", "Kabupaten / kota"),
        ({"village": "99.99.99.9999"}, "id_village", "Desa / kelurahan"),
        ({"name": "", "phone": ""}, "id_name", "Nama Anda"),
        ({"email": "bukan-email", "phone": ""}, "id_email", "E-mail"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_in_indonesian_and_keeps_the_rest(
    client, setup, overrides, field_id, label
):
    response = client.post(reverse("portal:submit"), _form(**overrides))
    assert response.status_code == 400
    html = response.content.decode()
    assert f'href="#{field_id}"' in html
    assert label in html
    assert 'aria-invalid="true"' in html
    assert "Sri Lestari" in html or "name" in overrides
    assert Report.objects.count() == 0


def test_a_file_that_is_not_an_image_or_pdf_is_refused_beside_the_field(client, setup):
    fake = io.BytesIO(b"MZ\x90\x00 this is a program")
    fake.name = "foto.jpg"
    response = client.post(reverse("portal:submit"), {**_form(), "attachments": [fake]})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#id_attachments"' in html and "foto.jpg" in html
    assert Report.objects.count() == 0


def test_an_oversized_file_is_refused(client, setup, settings):
    big = io.BytesIO(b"%PDF-" + b"0" * (10 * 1024 * 1024 + 1))
    big.name = "besar.pdf"
    response = client.post(reverse("portal:submit"), {**_form(), "attachments": [big]})
    assert response.status_code == 400
    assert "10 MB" in response.content.decode()


def test_a_photo_is_stored_with_its_real_type(client, setup):
    photo = io.BytesIO(PNG)
    photo.name = "lubang.png"
    response = client.post(reverse("portal:submit"), {**_form(), "attachments": [photo]})
    assert response.status_code == 302
    attachment = Report.objects.get().attachments.get()
    assert attachment.content_type == "image/png" and attachment.original_name == "lubang.png"


def test_continue_without_javascript_fills_the_next_region_select_and_keeps_the_text(client, setup):
    data = _form(regency="", district="", village="", step="region")
    response = client.post(reverse("portal:submit"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="regency"' in html and 'value="34.04"' in html
    assert 'name="district"' not in html
    assert "Jalan berlubang besar" in html
    assert Report.objects.count() == 0


def test_category_questions_are_asked_and_checked(client, setup):
    step = client.post(reverse("portal:submit"), _form(category="bansos", step="category"))
    assert "Program bantuan yang dimaksud" in step.content.decode()
    missing = client.post(reverse("portal:submit"), _form(category="bansos"))
    assert missing.status_code == 400
    assert 'href="#id_q_program_0"' in missing.content.decode()
    ok = client.post(reverse("portal:submit"), _form(category="bansos", q_program=["pkh", "blt"]))
    assert ok.status_code == 302
    assert Report.objects.get().answers == {"program": ["pkh", "blt"]}


def test_htmx_fragments_for_regions_questions_and_region_search(client, setup):
    regions = client.get(
        reverse("portal:submit-regions"), {"province": "34"}, HTTP_HX_REQUEST="true"
    )
    assert 'name="regency"' in regions.content.decode()
    picked = client.get(reverse("portal:submit-regions"), {"pick": A_SLEMAN_VILLAGE})
    assert f'value="{A_SLEMAN_VILLAGE}" selected' in picked.content.decode()
    questions = client.get(reverse("portal:submit-questions"), {"category": "lampu-jalan"})
    assert "Berapa lampu yang mati?" in questions.content.decode()
    found = client.get(reverse("portal:submit-region-search"), {"q": "Sleman"})
    assert "34.04" in found.content.decode()
    assert "Kabupaten Sleman, Daerah Istimewa Yogyakarta" in found.content.decode()


def test_a_signed_in_citizen_reports_without_typing_contact_details(
    client, setup, django_user_model
):
    user = django_user_model.objects.create_user(
        username="ani@example.org", email="ani@example.org", password="x", first_name="Ani"
    )
    client.force_login(user)
    response = client.post(
        reverse("portal:submit"), _form(name="", phone="", privacy=PrivacyTier.ANONIM)
    )
    assert response.status_code == 302
    identity = Report.objects.get().identity
    assert identity.user == user and identity.email == "ani@example.org"


def test_the_service_worker_is_served_from_the_root(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"


def test_checking_without_javascript_suggests_a_category_and_lists_similar_public_reports(
    client, setup
):
    client.post(reverse("portal:submit"), _form(category=""))  # a public report nearby
    response = client.post(
        reverse("portal:submit"),
        _form(category="", step="check", idempotency_key=str(uuid.uuid4())),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="use_category"' in html  # the router's suggestion, usable without JavaScript
    assert "Apakah ini masalah yang sama?" in html
    assert "/laporan/" in html.split("Apakah ini masalah yang sama?")[1]
