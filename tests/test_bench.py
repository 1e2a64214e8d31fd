"""Smoke test: bench/bench.py still runs end to end and prints every target beside its measured
value (it measures; this only checks that it works, never how fast anything is)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench.py"
TARGETS = (
    r"honest ratio, check / floor, 40, wall +\d+\.\d+x +target <= 1\.2x +(MET|NOT MET)",
    r"peak RSS, check --format json, 40 +\d+ MB +target < 150 MB +(MET|NOT MET)",
    r"peak RSS, check --format json, 120 +\d+ MB +target < 150 MB +(MET|NOT MET)",
    r"peak RSS, report --html, 10 +\d+ MB +target < 150 MB +(MET|NOT MET)",
    r"peak RSS, report --markdown, 40 +\d+ MB +target < 150 MB +(MET|NOT MET)",
    r"peak RSS, publish, 40 +\d+ MB +target < 150 MB +(MET|NOT MET)",
    r"speed-up, --jobs 2 / --jobs 1, 40, wall +\d+\.\d+x +target >= 1\.8x +(MET|NOT MET)",
    r"warm / cold, 40, wall +\d+\.\d+x +target <= 0\.1x +(MET|NOT MET)",
    r"one-file check / bare import, wall +\d+\.\d+x +target <= 1\.2x +(MET|NOT MET)",
)


def test_bench_runs_and_prints_each_target_beside_its_measurement():
    result = subprocess.run(
        [sys.executable, str(BENCH), "--count", "40", "--repeat", "1", "--startup-runs", "1", "--formats", "json",
         "--big", "--big-count", "120", "--report-small", "10"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^ratio full check / libyaml load: \d+\.\d+x", result.stdout, re.MULTILINE), result.stdout
    assert "input errs  0 " in result.stdout
    summary = result.stdout.split("Targets (")[1]
    for target in TARGETS:
        assert re.search(target, summary), (target, summary)
