"""What no single agreement shows: integrity across the documents of one run.

DPA008 duplicate-agreement-id: two files with the same agreement ``id``. Waivers, reports and
the published clearinghouse name agreements by id, so a second copy makes each of them
ambiguous (parents would see the vendor twice). Both files get the finding, an error located
at the id, naming the other files; like the input problems (DPA001-DPA007) it cannot be waived.
One file reached under two names (a symbolic link beside its target) is one agreement, not two.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..findings import INPUT_CODES, Finding, Position, Severity
from .loader import LoadFailed, load_file
from .report import AgreementResult, RunReport

DUPLICATE_ID = "DPA008"


def report_duplicate_ids(report: RunReport) -> None:
    """Add a DPA008 finding to every agreement of ``report`` whose id another one has too."""
    by_id: dict[str, list[AgreementResult]] = {}
    for result in report.results:
        if result.summary is not None:
            by_id.setdefault(result.summary.id, []).append(result)
    for agreement_id, results in by_id.items():
        files = {_identity(r.path): r for r in results}
        if len(files) < 2:  # one file, reached under two names (a link): one agreement, not two
            continue
        for result in results:
            others = sorted(r.path for r in results if _identity(r.path) != _identity(result.path))
            position = _id_position(result.path)
            result.findings.append(Finding(
                result.path, position.line, position.column, DUPLICATE_ID, INPUT_CODES[DUPLICATE_ID][0],
                Severity.ERROR,
                f"agreement id {agreement_id!r} is also the id of {', '.join(others)}: waivers, reports and the "
                "published page name agreements by id, so each file needs its own",
                pointer="/id", observed=agreement_id))
    report.sort()


def _identity(path: str) -> tuple[int, int] | str:
    """The file itself (device and inode), whatever name reached it."""
    try:
        found = os.stat(path)
    except OSError:
        return path
    return found.st_dev, found.st_ino


def _id_position(path: str) -> Position:
    """Where the file writes its id. The run keeps no source maps (they are most of a parsed
    document's memory), so the rare duplicate is read again to be located; if the file
    changed in between and no longer loads, the finding points at its first line."""
    try:
        return load_file(Path(path)).source_map.locate(("id",))
    except LoadFailed:
        return Position(1, 1)
