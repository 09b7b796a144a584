"""Layani's semgrep rules do what they say (``.semgrep/``; `make lint` runs them over layani/).

`semgrep --test` checks every ``# ruleid:`` line of each rule's fixture is found and every
``# ok:`` line is not. Test mode ignores the rules' ``paths``, so the allow-lists are checked here
by scanning a small tree where the same code sits in allowed and in forbidden places.
"""

from __future__ import annotations

import json
import shutil
import subprocess  # nosec B404 - runs semgrep with a fixed argv
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
RULES = ROOT / ".semgrep" / "rules"
FIXTURES = ROOT / ".semgrep" / "tests"
OFFLINE = ["--metrics=off", "--disable-version-check"]


def _semgrep() -> str:
    beside = Path(sys.executable).with_name("semgrep")
    found = str(beside) if beside.exists() else shutil.which("semgrep")
    if found is None:
        pytest.skip("semgrep is not installed (pip install -e '.[dev]' installs it)")
    return found


def test_every_rule_has_a_fixture_and_all_fixtures_pass():
    rules = sorted(p.stem for p in RULES.glob("*.yml"))
    fixtures = sorted(p.stem for p in FIXTURES.iterdir() if p.is_file())
    assert rules == fixtures and 5 <= len(rules) <= 12
    done = subprocess.run(  # noqa: S603  # nosec B603 - fixed argv
        [_semgrep(), "--test", *OFFLINE, "--config", str(RULES), str(FIXTURES)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(rules)}/{len(rules)}: ✓ All tests passed" in done.stdout + done.stderr


# (file in the scanned tree, code) → the rule ids expected to fire there.
PLACED = {
    "layani/portal/views.py": (
        "from django.views.decorators.csrf import csrf_exempt\n"
        "from django.http import FileResponse\n"
        "from layani.intake.models import Report, ReporterIdentity\n"
        "@csrf_exempt\n"
        "def v(request, a):\n"
        "    Report.objects.filter(pk=1)\n"
        "    ReporterIdentity.objects.all()\n"
        "    return FileResponse(a.file.open('rb'))\n",
        {
            "csrf-exempt-outside-allowlist",
            "report-queryset-in-adapter",
            "reporter-identity-outside-home",
            "attachment-served-outside-downloads",
        },
    ),
    "layani/messaging/views.py": (
        "from django.views.decorators.csrf import csrf_exempt\n"
        "from layani.intake.models import Report\n"
        "@csrf_exempt\n"
        "def inbound(request):\n"
        "    return Report.objects.filter(pk=1)\n",
        {"report-queryset-in-adapter"},  # messaging may be csrf-exempt, not read all reports
    ),
    "layani/console/views/lists.py": (
        "from layani.intake.models import Report\nReport.objects.filter(pk=1)\n",
        set(),  # the console is not in the adapter list: it goes through staff permission checks
    ),
    "layani/transparency/facts.py": (
        "from layani.intake.models import Report\nReport.objects.filter(pk=1)\n",
        set(),  # aggregate statistics: counts, never rows
    ),
    "layani/privacy/export.py": (
        "from layani.intake.models import ReporterIdentity\nReporterIdentity.objects.all()\n",
        set(),
    ),
    "layani/security/downloads.py": (
        "from django.http import FileResponse\ndef r(a):\n    return FileResponse(a.file)\n",
        set(),
    ),
    "layani/portal/templates/portal/page.html": (
        "<p>{{ body|safe }}</p>\n",
        {"template-safe-filter"},
    ),
    "layani/portal/templates/portal/mail.txt": (
        "{% autoescape off %}{{ body }}{% endautoescape %}\n",
        set(),
    ),
    "layani/console/templates/console/inbox.html": (
        "<td>{{ report.title }}</td>\n",
        {"raw-report-text-template"},
    ),
    "layani/portal/templates/portal/my_report.html": (
        "<h1>{{ report.title }}</h1>\n",
        set(),  # the reporter's own report
    ),
    "layani/console/rows.py": (
        "def title(report):\n    return report.title\n",
        {"raw-report-text"},
    ),
    "layani/cases/presentation.py": (
        "def title(report):\n    return report.title\n",
        set(),  # the domain's one rule for what each audience reads
    ),
    "layani/cli.py": ("print('usage')\n", set()),
    "layani/portal/forms.py": ("print('debug')\n", {"print-or-log-request-body"}),
}


def test_allow_lists_and_scopes(tmp_path):
    for name, (code, _) in PLACED.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(code)
    done = subprocess.run(  # noqa: S603  # nosec B603 - fixed argv
        [
            _semgrep(),
            "scan",
            *OFFLINE,
            "--project-root",
            ".",
            "--json",
            "--config",
            str(RULES),
            "layani",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    results = json.loads(done.stdout)["results"]
    found: dict[str, set[str]] = {name: set() for name in PLACED}
    for result in results:
        found[result["path"]].add(result["check_id"].rsplit(".", 1)[-1])
    assert found == {name: expected for name, (_, expected) in PLACED.items()}
