"""Model selection by cross-validation, and the retrain that only replaces a better model."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from layani.directory.models import Category
from layani.routing.classifier import Router, TaxonomyEntry
from layani.routing.evaluation import Baseline
from layani.routing.models import ModelVersion, RoutingDecision, TrainingSource
from layani.routing.retraining import retrain_if_better
from layani.routing.selection import BASELINE_CONFIG, CANDIDATES, select_config
from layani.routing.services import record_final_decision
from layani.routing.training import Examples, history_examples, train_model_version


@pytest.fixture(autouse=True)
def _fresh_router_cache():
    """Versions are cached by primary key, and SQLite reuses keys after a test's rollback."""
    from layani.routing import selectors

    selectors._router_cache.clear()
    yield
    selectors._router_cache.clear()


def _coded_examples(n_per_class: int = 20) -> tuple[list[str], list[str]]:
    """Texts where the class is only in a digit code: normalisation drops numbers, so the
    normalised router is blind to it while the plain baseline reads it."""
    rng = random.Random(1)
    filler = ["mohon", "ditindaklanjuti", "pak", "terima", "kasih", "laporan", "warga", "desa"]
    texts, labels = [], []
    for label, code in (("a", "kode 1111"), ("b", "kode 2222"), ("c", "kode 3333")):
        for _ in range(n_per_class):
            texts.append(" ".join(rng.sample(filler, 5)) + f" {code}")
            labels.append(label)
    return texts, labels


def test_selection_picks_the_baseline_when_it_is_better():
    texts, labels = _coded_examples()
    selection = select_config(texts, labels, [TaxonomyEntry("a", "Jalan rusak")])
    table = selection.candidates
    assert table["baseline"]["macro_f1"] > table["router"]["macro_f1"]
    assert selection.chosen.startswith("baseline")
    assert selection.config.normalise is False


def test_the_baseline_candidate_is_the_plain_baseline():
    texts, labels = _coded_examples(6)
    mine = Router((), BASELINE_CONFIG).fit(texts[::2], labels[::2]).predict(texts[1::2])
    plain = Baseline().fit(texts[::2], labels[::2]).predict(texts[1::2])
    assert mine == plain


def test_too_little_history_keeps_the_default_router():
    selection = select_config(["jalan rusak", "sampah"], ["a", "b"])
    assert selection.chosen == next(iter(CANDIDATES))
    assert selection.reason


@pytest.mark.django_db
def test_training_records_the_comparison_with_the_version(categories):
    texts, labels = _coded_examples()
    version = train_model_version(Examples(texts, labels), source=TrainingSource.CSV)
    selection = version.metrics["selection"]
    assert set(selection["candidates"]) == set(CANDIDATES)
    assert selection["chosen"].startswith("baseline")


ROAD = "jalan rusak berlubang parah di depan sekolah, aspal ngelupas, motor sering jatuh"
RUBBISH = "sampah numpuk di pinggir kali, bau busuk, tidak diangkut petugas kebersihan"


def _decide(make_report, cast, text: str, code: str, n: int, when) -> None:
    for i in range(n):
        report = make_report(f"{text} nomor {i}", category=code, status="verified")
        record_final_decision(report, Category.objects.get(code=code), None, cast.coordinator)
        RoutingDecision.objects.filter(report=report).update(decided_at=when)


@pytest.mark.django_db
def test_retrain_builds_a_version_only_when_it_beats_the_active_one(make_report, cast):
    # The active version knows only the taxonomy: "odong-odong" means nothing to it.
    old = train_model_version(Examples([], []), source=TrainingSource.TAXONOMY)
    before = timezone.now() - timedelta(days=2)
    # Coordinators taught, before and after that version, that these texts are public transport.
    odong = "odong-odong ugal-ugalan tanpa izin trayek"
    _decide(make_report, cast, odong, "angkutan-umum", 20, before)
    ModelVersion.objects.filter(pk=old.pk).update(created_at=before + timedelta(hours=1))
    later = timezone.now()
    _decide(make_report, cast, odong, "angkutan-umum", 20, later)
    _decide(make_report, cast, ROAD, "jalan-rusak", 10, later)
    _decide(make_report, cast, RUBBISH, "sampah", 10, later)
    _decide(make_report, cast, ROAD, "jalan-rusak", 10, before)
    _decide(make_report, cast, RUBBISH, "sampah", 10, before)

    outcome = retrain_if_better(min_decisions=30)
    assert outcome.built is not None, outcome.summary
    assert outcome.built.is_active
    figures = outcome.built.metrics["compared_with_active"]
    assert figures["candidate"]["macro_f1"] > figures["active"]["macro_f1"]
    assert outcome.built.example_count == len(history_examples())
    # Calibrated on the 40 people's decisions the candidate was trained without.
    calibration = outcome.built.metrics["calibration"]
    assert calibration["decisions"] == 40
    assert calibration["measured_on"].startswith("decisions held out from the candidate")
    assert "auto-disposition off: needs 160 more" in outcome.summary

    # Right after, no decision is newer than the new version: nothing to compare, nothing built.
    again = retrain_if_better(min_decisions=30)
    assert again.built is None
    assert ModelVersion.objects.get(is_active=True) == outcome.built


@pytest.mark.django_db
def test_retrain_keeps_the_active_version_when_the_candidate_is_no_better(make_report, cast):
    before = timezone.now() - timedelta(days=2)
    _decide(make_report, cast, ROAD, "jalan-rusak", 20, before)
    _decide(make_report, cast, RUBBISH, "sampah", 20, before)
    active = train_model_version(history_examples(), source=TrainingSource.HISTORY)
    ModelVersion.objects.filter(pk=active.pk).update(created_at=before + timedelta(hours=1))
    # New decisions say what the active version already knows perfectly.
    _decide(make_report, cast, ROAD, "jalan-rusak", 20, timezone.now())
    _decide(make_report, cast, RUBBISH, "sampah", 20, timezone.now())

    outcome = retrain_if_better(min_decisions=30)
    assert outcome.built is None
    assert outcome.summary.startswith(f"kept v{active.pk}")
    # The kept version is recalibrated on the 40 decisions made since it was built.
    assert ModelVersion.objects.get(pk=active.pk).metrics["calibration"]["decisions"] == 40
    assert ModelVersion.objects.get(is_active=True).pk == active.pk
    assert ModelVersion.objects.count() == 1


@pytest.mark.django_db
def test_the_retrain_command_says_why_it_kept_the_model(categories):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("routing", "retrain", stdout=out)
    assert out.getvalue().strip() == "kept: 0 new decisions, 30 needed to compare"
    assert not ModelVersion.objects.exists()
