"""Learning: versions from history and CSV, corrections as labels, the evaluate command."""

import csv
import json
import random

import pytest
from django.core.management import call_command

from layani.demo.texts import generate_report_text
from layani.directory.models import Category
from layani.routing.models import ModelVersion, TrainingSource
from layani.routing.services import record_final_decision, suggest_for_report
from layani.routing.training import history_examples, train_model_version

pytestmark = pytest.mark.django_db

# A word the default taxonomy does not know: only history can teach it.
ODONG = "odong-odong ugal-ugalan tanpa izin trayek"


def test_only_verified_reports_with_a_category_are_history(make_report):
    make_report("Jalan rusak", category="jalan-rusak", status="verified")
    make_report("Jalan rusak lagi", category="jalan-rusak")  # still submitted
    make_report("spam", category="jalan-rusak", status="archived")
    make_report("tanpa kategori", status="verified")
    assert history_examples().labels == ["jalan-rusak"]


def test_a_coordinators_correction_is_the_training_label(make_report, cast):
    report = make_report("odong-odong ugal-ugalan", category="kemacetan", status="verified")
    record_final_decision(
        report, Category.objects.get(code="angkutan-umum"), None, cast.coordinator
    )
    assert history_examples().labels == ["angkutan-umum"]


def test_training_creates_an_active_version_that_new_suggestions_use(make_report):
    assert suggest_for_report(make_report(ODONG), save=False).category.code != "angkutan-umum"
    for i in range(6):
        make_report(f"{ODONG} nomor {i}", category="angkutan-umum", status="verified")
    version = train_model_version(history_examples(), source=TrainingSource.HISTORY)
    assert version.is_active
    assert version.example_count == 6
    after = suggest_for_report(make_report(ODONG), save=False)
    assert after.model_version == version
    assert after.model_label == f"v{version.pk}"
    assert after.category.code == "angkutan-umum"


def test_a_new_version_deactivates_the_old_one_and_versions_are_kept(categories):
    first = train_model_version(_examples(), source=TrainingSource.CSV)
    second = train_model_version(_examples(), source=TrainingSource.CSV)
    assert list(ModelVersion.objects.filter(is_active=True)) == [second]
    call_command("routing", "activate", str(first.pk), verbosity=0)
    assert ModelVersion.objects.get(is_active=True) == first


def _examples():
    from layani.routing.training import Examples

    return Examples(
        ["jalan rusak", "sampah numpuk", "jalan berlubang", "sampah bau"],
        ["jalan-rusak", "sampah"] * 2,
    )


@pytest.fixture
def small_csv(tmp_path):
    rng = random.Random(3)
    path = tmp_path / "history.csv"
    with path.open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["isi", "kategori"])
        for code in ("jalan-rusak", "sampah", "air-minum", "ktp-el"):
            for _ in range(6):
                title, description = generate_report_text(rng, code, "Desa Sumberadi", "pengaduan")
                writer.writerow([f"{title}. {description}", code])
    return path


def test_evaluate_prints_layani_and_baseline_figures_as_json(categories, small_csv, capsys):
    call_command(
        "routing", "evaluate", "--csv", str(small_csv), "--text-col", "isi",
        "--label-col", "kategori", "--folds", "2", "--json",
    )  # fmt: skip
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {"layani", "baseline"}
    for figures in result.values():
        assert set(figures) == {"accuracy", "macro_f1", "per_class"}
        assert 0 <= figures["accuracy"] <= 1
        assert set(figures["per_class"]) == {"jalan-rusak", "sampah", "air-minum", "ktp-el"}


def test_train_command_from_csv_stores_a_version(categories, small_csv, capsys):
    call_command(
        "routing", "train", "--csv", str(small_csv), "--text-col", "isi",
        "--label-col", "kategori", "--note", "test", verbosity=0,
    )  # fmt: skip
    version = ModelVersion.objects.get(is_active=True)
    assert (version.source, version.example_count, version.note) == ("csv", 24, "test")
    call_command("routing", "versions")
    assert f"* v{version.pk}" in capsys.readouterr().out


def test_evaluate_rejects_unknown_columns(categories, small_csv):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="nope"):
        call_command("routing", "evaluate", "--csv", str(small_csv), "--text-col", "nope", "--json")
