"""Smoke test: bench/startup.py still runs end to end (it measures; this only checks it works)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

STARTUP = Path(__file__).resolve().parent.parent / "bench" / "startup.py"


def test_startup_bench_runs_and_prints_the_ratio():
    result = subprocess.run(
        [sys.executable, str(STARTUP), "--runs", "1", "--importtime-runs", "1", "--top", "3"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^ratio one-file check / bare import: \d+\.\d+x$", result.stdout, re.MULTILINE), result.stdout
    for label in ("python -c pass", "bare import (yaml, pydantic, jsonschema, pluggy)", "dpa-policy --version",
                  "dpa-policy check <one agreement>"):
        assert re.search(rf"^{re.escape(label)} +\d+\.\d ms +\d+\.\d ms$", result.stdout, re.MULTILINE), result.stdout
    imports = re.search(r"^top 3 imports by cumulative time.*\n(?:.*\n){1}((?: +\d+\.\d ms +\d+\.\d ms +\S.*\n){3})",
                        result.stdout, re.MULTILINE)
    assert imports, result.stdout
    assert "dpa_policy" in imports.group(1)
