"""The classifier's public names after the split: cheap to import, old artefacts still load."""

import io
import pickle
import subprocess  # nosec B404 - runs this venv's own Python on a fixed snippet
import sys

from layani.routing import classifier
from layani.routing.features import TaxonomyEntry

TAXONOMY = [
    TaxonomyEntry("jalan-rusak", "Jalan rusak", keywords=("jalan berlubang", "aspal")),
    TaxonomyEntry("sampah", "Sampah", keywords=("sampah menumpuk", "bau sampah")),
]


def test_importing_the_classifier_module_loads_no_numeric_library():
    snippet = (
        "import sys; import layani.routing.classifier, layani.routing.features; "
        "print(sorted(m for m in ('numpy', 'scipy', 'sklearn', 'joblib') if m in sys.modules))"
    )
    out = subprocess.run(  # noqa: S603  # nosec B603 - fixed arguments, no shell
        [sys.executable, "-c", snippet], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_an_artefact_pickled_under_the_old_module_path_loads():
    router = classifier.Router(TAXONOMY).fit([], [])
    data = router.dumps()
    # What an artefact written before the split holds: the class named under `classifier`.
    from layani.routing.router import Router

    assert b"layani.routing.router" in pickle.dumps(router)
    Router.__module__ = "layani.routing.classifier"
    try:
        buffer = io.BytesIO()
        import joblib

        joblib.dump(router, buffer)
        old = buffer.getvalue()
    finally:
        Router.__module__ = "layani.routing.router"
    assert b"layani.routing.classifier" in old
    texts = ["jalan berlubang aspal", "sampah menumpuk bau"]
    expected = router.predict_proba(texts)
    for artefact in (old, data):
        loaded = classifier.Router.loads(artefact)
        assert type(loaded) is Router
        assert (loaded.predict_proba(texts) == expected).all()
