"""The `layani` console command wraps Django's management commands."""

import subprocess
import sys
from pathlib import Path

from layani.cli import main


def test_cli_runs_a_management_command(capsys):
    main(["help", "load_regions"])
    assert "Kemendagri" in capsys.readouterr().out


def test_installed_console_script_exists_and_answers():
    script = str(Path(sys.executable).with_name("layani"))
    result = subprocess.run(
        [script, "help", "seed_demo"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "demo" in result.stdout.lower()
