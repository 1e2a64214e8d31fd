"""Import benchmark: per-field precision and recall over the generated corpus, and pages/s.

    python bench/import_bench.py [--jobs N] [--repeat R] [--show-mistakes]

Generates the corpus (tests/ingest/make_corpus.py) into a temporary folder, imports it with
``dpa_policy.ingest.run_import`` and scores every draft against the corpus's expected values
(tests/ingest/fields.py: a value read where the contract states none, or a wrong value, is a
false positive; an expected value not read is a false negative). Aim: precision >= 0.95 and
recall >= 0.80 over all fields. Speed is pages per second of the whole import (reading,
extraction, YAML, one child process per source), the best of R runs. Prints numbers and
asserts nothing (tests/ingest/test_bench_runs.py only checks that it runs).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.ingest import fields, make_corpus  # noqa: E402
from tests.ingest.corpus import clearinghouse  # noqa: E402


def expectations() -> dict[str, dict]:
    """Draft file name -> expected values."""
    wanted = {f"{m.NAME}.yaml": m.EXPECTED for m in make_corpus.CONTRACTS}
    for vendor, expected in clearinghouse.EXPECTED_BY_VENDOR.items():
        slug = "-".join("".join(ch if ch.isalnum() else " " for ch in vendor.lower()).split())
        wanted[f"{clearinghouse.NAME}--{slug}.yaml"] = expected
    return wanted


def run(jobs: int, repeat: int, show: bool) -> int:
    from dpa_policy.ingest import run_import
    from dpa_policy.loader import load_text

    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus.build(Path(tmp) / "corpus")
        best = None
        for attempt in range(repeat):
            out = Path(tmp) / f"out{attempt}"
            start = time.perf_counter()
            report = run_import([Path(tmp) / "corpus"], out, jobs=jobs)
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        pages = sum(s.pages for s in report.sources)
        totals: dict[str, list[int]] = {}
        for name, expected in sorted(expectations().items()):
            path = out / name
            if not path.exists():
                print(f"missing draft: {name}")
                continue
            draft = load_text(path.read_text(encoding="utf-8")).data
            if draft.get("id") == path.stem.replace("--", "-"):
                draft["__fallback_id__"] = draft["id"]
            for field, counts in fields.score(draft, expected).items():
                total = totals.setdefault(field, [0, 0, 0])
                for i in range(3):
                    total[i] += counts[i]
            if show:
                wrong, missed = fields.mistakes(draft, expected)
                for field, value in sorted(wrong):
                    print(f"  {name}: WRONG   {field} = {value}")
                for field, value in sorted(missed):
                    print(f"  {name}: MISSED  {field} = {value}")
    print(f"{'field':58} {'prec':>6} {'recall':>6}  tp fp fn")
    for field in sorted(totals):
        tp, fp, fn = totals[field]
        print(f"{field:58} {_ratio(tp, tp + fp):>6} {_ratio(tp, tp + fn):>6}  {tp:2} {fp:2} {fn:2}")
    tp, fp, fn = (sum(t[i] for t in totals.values()) for i in range(3))
    print(f"{'ALL FIELDS':58} {_ratio(tp, tp + fp):>6} {_ratio(tp, tp + fn):>6}  {tp} {fp} {fn}")
    print(f"sources {len(corpus)}, pages {pages}, best of {repeat}: {best:.2f} s, "
          f"{pages / best:.1f} pages/s (--jobs {jobs}, one process per source)")
    return 0


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--show-mistakes", action="store_true")
    args = parser.parse_args(argv)
    return run(args.jobs, args.repeat, args.show_mistakes)


if __name__ == "__main__":
    sys.exit(main())
