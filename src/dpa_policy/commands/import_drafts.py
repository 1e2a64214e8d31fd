"""`dpa-policy import`: signed agreements (PDF, DOCX, text, clearinghouse HTML) -> draft YAML.

A draft is never a verdict: it records its source and `review: {status: draft}`, so `check`
gives it the needs-review outcome until a person confirms it. This module only turns the
command line into a call of :func:`dpa_policy.ingest.run_import` and its summary into an exit
code; the importer itself (readers, extractors, limits) lives in :mod:`dpa_policy.ingest`.

Exit codes follow the contract: 0 every source was read and every draft written; 1 a source
could not be read (scanned, encrypted, hostile, broken) or a draft was not written (it exists
and --force was not given); 2 the run could not be set up (no sources, --out is a file, bad
--jobs); 3 an importer bug.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any, TextIO

from ..core.report import ExitCode
from ..errors import UsageError
from ._args import Parents

DESCRIPTION = """\
Read signed agreements and write one draft agreement (YAML) per agreement found into --out.
Every value carries the section, page and exact words it was read from; a term the document
does not state stays absent. Drafts need a person's review before they can pass `check`.
"""


def add_parser(sub: Any, parents: Parents) -> argparse.ArgumentParser:
    """Register ``import`` on the command line's subcommand parsers."""
    parser = sub.add_parser(
        "import", help="turn signed agreements (PDF, DOCX, text, HTML) into draft agreements",
        description=DESCRIPTION, parents=[parents.common],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="PDF (text layer), DOCX, .txt or clearinghouse .html files, or folders of them")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder the drafts are written to")
    parser.add_argument("--force", action="store_true", help="replace drafts that already exist in --out")
    parser.add_argument("--jobs", default="1", metavar="N",
                        help="read N sources at once in separate processes, or 'auto' for one per core "
                             "(the output is the same for any N)")
    return parser


def jobs_from(value: str) -> int:
    if value == "auto":
        return os.cpu_count() or 1
    try:
        jobs = int(value)
    except ValueError:
        raise UsageError(f"--jobs takes a whole number or 'auto', got {value!r}") from None
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, got {jobs}")
    return jobs


def run(args: argparse.Namespace, out: TextIO) -> int:
    """The ``dpa-policy import`` command, from parsed arguments to exit code."""
    from ..ingest import format_report, run_import

    report = run_import([Path(s) for s in args.sources], Path(args.out), force=args.force,
                        jobs=jobs_from(args.jobs))
    out.write(format_report(report) + "\n")
    if report.internal_error:
        return ExitCode.INTERNAL_ERROR
    return ExitCode.FINDINGS if report.failed else ExitCode.OK
