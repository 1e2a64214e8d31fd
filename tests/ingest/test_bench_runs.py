"""Smoke test: bench/import_bench.py runs and prints its scores (it measures; this checks it works)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "import_bench.py"


def test_import_bench_prints_precision_recall_and_pages_per_second():
    result = subprocess.run([sys.executable, str(BENCH), "--repeat", "1"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^ALL FIELDS +\d\.\d{3} +\d\.\d{3}", result.stdout, re.MULTILINE), result.stdout
    assert re.search(r"^clauses\.breach_notification\.window +\d\.\d{3} +\d\.\d{3}", result.stdout, re.MULTILINE)
    assert re.search(r"\d+\.\d pages/s", result.stdout)
