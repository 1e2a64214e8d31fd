"""Same input, same bytes: a second import, and an import with --jobs 3, write identical drafts."""

from __future__ import annotations

from pathlib import Path

from dpa_policy.ingest import format_report, run_import


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_reimport_and_parallel_import_write_identical_bytes(corpus, imported, tmp_path):
    report, first = imported  # jobs=2
    folder = next(iter(corpus.values())).parent
    again = run_import([folder], tmp_path / "serial", jobs=1)
    parallel = run_import([folder], tmp_path / "parallel", jobs=3)
    assert _files(first) == _files(tmp_path / "serial") == _files(tmp_path / "parallel")
    strip = lambda text, out: text.replace(str(out), "OUT")  # noqa: E731
    assert strip(format_report(again), tmp_path / "serial") == strip(format_report(parallel), tmp_path / "parallel")
    assert len(_files(first)) == 10
