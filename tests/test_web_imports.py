"""A web worker serves common requests without the router's numeric stack (issue #23).

numpy, scipy, scikit-learn and joblib cost about 110 MB per process; only the queue worker, which
computes routing suggestions, needs them. The probe (tests/web_imports_probe.py) runs in a fresh
interpreter, since this one has imported them for other tests: it imports every URL module and
serves the home page, the report form, the public list, an Open311 POST, the coordinator's queue
and a case page, then looks at `sys.modules`.
"""

from __future__ import annotations

import os
import subprocess  # nosec B404 - runs this repository's own test in a fresh interpreter
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_web_requests_do_not_import_the_numeric_stack():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "layani.config.settings.test"}
    probe = subprocess.run(  # nosec B603 - fixed arguments, our own interpreter
        [
            sys.executable, "-m", "pytest", "-p", "no:xdist", "-p", "no:cacheprovider", "-q",
            "--no-header", str(ROOT / "tests" / "web_imports_probe.py"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stdout[-6000:] + probe.stderr[-2000:]
    assert "1 passed" in probe.stdout, probe.stdout[-2000:]
