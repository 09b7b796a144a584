"""Submitting reports: validation, identity kept apart, idempotent retries, attachments on disk."""

import io
import os
import threading

import pytest
from django.db import connection
from PIL import Image

from conftest import A_SLEMAN_VILLAGE
from layani.audit.selectors import public_timeline
from layani.intake.models import Attachment, Channel, PrivacyTier, Report, ReporterIdentity
from layani.intake.services import (
    Identity,
    ReportSubmission,
    SubmissionError,
    UploadedAttachment,
    submit_report,
)
from layani.intake.tracking import access_code_matches, normalize_tracking_id

pytestmark = pytest.mark.django_db

IDENTITY = Identity(
    name="Siti Rahayu", nik="3404074107900001", phone="081234567890", email="siti@example.org"
)


def _submission(**overrides):
    values = {
        "description": "Jalan di depan balai desa berlubang besar, sudah 3 minggu belum diperbaiki.",
        "region_code": A_SLEMAN_VILLAGE,
        "channel": Channel.WEB,
        "category_code": "jalan-rusak",
        "identity": IDENTITY,
    }
    values.update(overrides)
    return ReportSubmission(**values)


def test_submission_issues_a_valid_tracking_id_and_a_working_access_code(categories, regions):
    receipt = submit_report(_submission())
    report = receipt.report
    assert receipt.created
    assert normalize_tracking_id(report.tracking_id) == report.tracking_id
    assert access_code_matches(receipt.access_code, report.access_code_hash)
    assert report.title.startswith("Jalan di depan balai desa")
    timeline = public_timeline("report", report.tracking_id)
    assert [e.action for e in timeline] == ["report.submitted"]
    assert timeline[0].payload["category"] == "jalan-rusak"
    assert IDENTITY.name not in str(timeline[0].payload)


def test_report_row_holds_no_personal_data(categories, regions):
    report = submit_report(_submission()).report
    report_columns = {f.column for f in Report._meta.concrete_fields}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(sorted(report_columns))} FROM intake_report WHERE id = %s",  # noqa: S608
            [report.pk],
        )
        row_text = " ".join(str(v) for v in cursor.fetchone())
    for secret in (IDENTITY.name, IDENTITY.nik, IDENTITY.phone, IDENTITY.email):
        assert secret not in row_text
    identity = ReporterIdentity.objects.get(report=report)
    assert identity.nik == IDENTITY.nik
    assert IDENTITY.name not in str(identity)


def test_only_regular_reports_may_show_the_name_publicly(categories, regions):
    shown = Identity(name="Budi", show_name_publicly=True)
    regular = submit_report(_submission(identity=shown)).report
    anonymous = submit_report(_submission(identity=shown, privacy=PrivacyTier.ANONIM)).report
    assert regular.identity.show_name_publicly
    assert not anonymous.identity.show_name_publicly


def test_retry_with_same_key_returns_the_same_report_and_code(categories, regions):
    first = submit_report(_submission(idempotency_key="c0ffee-1"))
    again = submit_report(_submission(idempotency_key="c0ffee-1"))
    assert again.report.pk == first.report.pk
    assert not again.created
    assert again.access_code == first.access_code
    assert Report.objects.count() == 1


def test_reused_key_with_different_content_is_refused(categories, regions):
    submit_report(_submission(idempotency_key="k-2"))
    with pytest.raises(SubmissionError) as err:
        submit_report(_submission(idempotency_key="k-2", description="Something else entirely"))
    assert err.value.code == "idempotency_conflict"
    assert Report.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"description": "   "}, "description", "required"),
        ({"description": "x" * 10_001}, "description", "too_long"),
        ({"title": "y" * 201}, "title", "too_long"),
        ({"region_code": "99.99"}, "region", "unknown_region"),
        ({"category_code": "no-such"}, "category", "unknown_category"),
        ({"privacy": "public"}, "privacy", "invalid_choice"),
        ({"channel": "pigeon"}, "channel", "invalid_choice"),
        ({"type": "gossip"}, "type", "invalid_choice"),
        ({"latitude": "-7.7"}, "location", "incomplete_point"),
        ({"latitude": "abc", "longitude": "110.3"}, "location", "invalid_point"),
        ({"latitude": "91", "longitude": "110.3"}, "location", "invalid_point"),
    ],
)
def test_bad_input_names_the_field(categories, regions, overrides, field, code):
    with pytest.raises(SubmissionError) as err:
        submit_report(_submission(**overrides))
    assert (err.value.field, err.value.code) == (field, code)
    assert err.value.message
    assert Report.objects.count() == 0


def test_point_is_stored_rounded_to_six_decimals(categories, regions):
    report = submit_report(_submission(latitude=-7.7160123456, longitude="110.3555")).report
    report.refresh_from_db()
    assert str(report.latitude) == "-7.716012"
    assert str(report.longitude) == "110.355500"


def test_attachments_are_stored_under_generated_names(categories, regions, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 50, 50)).save(out, "JPEG")  # a real picture: it is re-encoded
    upload = UploadedAttachment(
        name="../../etc/passwd.jpg", content=out.getvalue(), content_type="image/jpeg"
    )
    report = submit_report(_submission(attachments=(upload,))).report
    attachment = Attachment.objects.get(report=report)
    assert attachment.original_name == "passwd.jpg"
    assert "passwd" not in attachment.file.name
    assert os.path.realpath(attachment.file.path).startswith(str(tmp_path))
    with open(attachment.file.path, "rb") as fh:
        stored = fh.read()
    assert stored.startswith(b"\xff\xd8\xff") and attachment.size == len(stored)
    with Image.open(io.BytesIO(stored)) as picture:
        assert picture.size == (4, 4)


@pytest.mark.django_db(transaction=True)
def test_concurrent_retries_make_one_report(categories, regions, audit_purged):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers are exercised on PostgreSQL")
    results, errors = [], []

    def submit():
        try:
            results.append(submit_report(_submission(idempotency_key="same-key")).report.pk)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(set(results)) == 1
    assert Report.objects.count() == 1


def test_answers_are_checked_against_the_category_questions(categories, regions):
    water = {"description": "Air PDAM mati tiga hari", "category_code": "air-minum"}
    report = submit_report(
        _submission(**water, answers={"nomor_pelanggan": " 12-345 ", "sejak": "2026-11-20"})
    ).report
    assert report.answers == {"nomor_pelanggan": "12-345", "sejak": "2026-11-20"}
    with pytest.raises(SubmissionError) as err:
        submit_report(_submission(**water, answers={"sejak": "kemarin"}))
    assert (err.value.field, err.value.code) == ("answers.sejak", "invalid_date")
    with pytest.raises(SubmissionError) as err:
        submit_report(_submission(**water, answers={"warna_air": "coklat"}))
    assert err.value.code == "unknown_question"


def test_required_and_choice_questions(categories, regions):
    aid = {"description": "Bantuan tidak cair", "category_code": "bansos"}
    with pytest.raises(SubmissionError) as err:
        submit_report(_submission(**aid))
    assert (err.value.field, err.value.code) == ("answers.program", "required")
    with pytest.raises(SubmissionError) as err:
        submit_report(_submission(**aid, answers={"program": ["pkh", "kartu-sakti"]}))
    assert err.value.code == "invalid_choice"
    report = submit_report(_submission(**aid, answers={"program": ["pkh", "blt"]})).report
    assert report.answers == {"program": ["pkh", "blt"]}
    lamps = submit_report(
        _submission(
            description="PJU mati", category_code="lampu-jalan", answers={"jumlah_lampu": "3"}
        )
    ).report
    assert lamps.answers == {"jumlah_lampu": 3.0}


def test_support_counts_once_per_person_and_only_on_public_reports(categories, regions):
    from layani.intake.supports import Outcome, Supporter, support_report

    report = submit_report(_submission()).report
    assert support_report(report, Supporter.account(1)) is Outcome.COUNTED
    assert support_report(report, Supporter.account(1)) is Outcome.ALREADY
    assert support_report(report, Supporter.account(2)) is Outcome.COUNTED
    report.refresh_from_db()
    assert report.support_count == 2
    secret = submit_report(_submission(privacy=PrivacyTier.RAHASIA)).report
    with pytest.raises(SubmissionError):
        support_report(secret, Supporter.account(1))


@pytest.mark.parametrize(
    ("identity", "field", "code"),
    [
        (Identity(phone="0812"), "phone", "invalid_phone"),
        (Identity(phone="0812345678901234567890"), "phone", "invalid_phone"),
        (Identity(email="bukan-email"), "email", "invalid_email"),
        (Identity(nik="12345"), "nik", "invalid_nik"),
        (Identity(name="x" * 151), "name", "too_long"),
    ],
)
def test_unusable_contact_details_are_refused_by_field(categories, regions, identity, field, code):
    with pytest.raises(SubmissionError) as err:
        submit_report(_submission(identity=identity))
    assert (err.value.field, err.value.code) == (field, code)


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-inf", "1e999"])
def test_non_finite_coordinates_are_a_clear_error(categories, regions, bad):
    with pytest.raises(SubmissionError) as err:
        submit_report(_submission(latitude=bad, longitude="110.3"))
    assert err.value.code == "invalid_point"


def test_control_characters_are_dropped_but_text_is_kept(categories, regions):
    report = submit_report(
        _submission(title="Jalan\x00 rusak", description="Baris satu\nbaris\x00 dua\x07")
    ).report
    report.refresh_from_db()
    assert report.title == "Jalan rusak"
    assert report.description == "Baris satu\nbaris dua"
