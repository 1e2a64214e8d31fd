"""Smoke test: bench/bench.py still runs end to end (it measures; this only checks it works)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench.py"


def test_bench_runs_and_prints_the_ratio():
    result = subprocess.run(
        [sys.executable, str(BENCH), "--count", "20", "--repeat", "1"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^ratio full check / libyaml load: \d+\.\d+x", result.stdout, re.MULTILINE), result.stdout
    assert re.search(r"^target full check <= 1\.5x libyaml load alone: (MET|NOT MET)", result.stdout, re.MULTILINE)
    assert "input errs  0 " in result.stdout
