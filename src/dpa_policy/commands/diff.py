"""``dpa-policy diff``: what changed between two versions of an agreement, and what it means.

The two versions come from files or git (:mod:`dpa_policy.compare.sources`), are compared
term by term and checked with the same policy (:mod:`dpa_policy.compare`), and the report is
laid out as text or Markdown (:mod:`dpa_policy.render.diff`).

The heavy modules (models, engine) are imported when a diff runs, not when the command line
is built, so ``dpa-policy --help`` stays fast.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from ..errors import UsageError
from ._args import Parents, load_plugins, load_policy

DESCRIPTION = """\
Compare two versions of an agreement: which obligations changed, and which rule verdicts
flipped. Give two files (OLD NEW), or --rev REV and one file to compare it with its version
at a git revision. Each change is one line, classified from the district's point of view:
WEAKENED, REVIEW (a clause's wording changes a number its recorded terms do not), EXPANDED
(more data shared), CHANGED (neutral), STRENGTHENED, NARROWED (less data); rules that went
from pass to fail are NOW-FAILS lines, the reverse NOW-PASSES."""

EPILOG = """\
exit codes:
  0  no obligation weakened, no number changed in a clause's wording alone, no sensitive
     data added, and no rule newly failing at or above --fail-on
  1  an obligation weakened; a clause's wording changes a number ("72 hours" -> "30 days")
     that no recorded term does; data in a sensitive category is added (a policy's
     `diff: {sensitive_data_added: allow}` lists it without failing); a rule now fails; or
     either file cannot be read, parsed or validated (its problems, DPA001-DPA007, are
     listed and nothing is compared)
  2  the run could not be set up: bad flag, file not found, invalid policy, plugin
     failure, git could not give the file at --rev, or --output would overwrite an
     input (either agreement or the policy)
  3  internal error: a rule crashed, or dpa-policy itself failed
"""


def add_parser(sub: Any, parents: Parents) -> argparse.ArgumentParser:
    """Register ``diff`` on the command line's subcommand parsers."""
    parser = sub.add_parser(
        "diff", help="compare two versions of an agreement: obligations changed, verdicts flipped",
        description=DESCRIPTION, epilog=EPILOG, parents=[parents.common, parents.with_policy],
        usage="dpa-policy diff [options] OLD NEW\n       dpa-policy diff [options] --rev REV PATH",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="OLD NEW: two agreement files; with --rev, the one file to compare")
    parser.add_argument("--rev", metavar="REV",
                        help="compare FILE with its version at git revision REV (HEAD, main, a1b2c3d...)")
    parser.add_argument("--format", default="text", choices=("text", "markdown"),
                        help="text (one change per line, default) or markdown (tables for a pull request)")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="judge both versions' dates (in effect, expiring, disposal due) as of this date "
                             "instead of today, for reproducible runs")
    parser.add_argument("--fail-on", choices=("error", "warning"),  # None: the configuration file's, else error
                        help="lowest severity of a newly failing rule that fails the run (default: error)")
    return parser


def run(args: argparse.Namespace, out: TextIO) -> int:
    """The ``dpa-policy diff`` command, from parsed arguments to exit code."""
    from ..compare.flips import build_report
    from ..compare.sources import existing_file, git_show, load_bytes, load_path
    from ..core.options import parse_as_of
    from ..findings import Severity
    from ..render.diff import render_markdown, render_text

    pm, registry = load_plugins(args)
    policy_set = load_policy(args, pm, registry)

    if args.rev is not None:
        if len(args.files) != 1:
            raise UsageError("diff --rev REV takes one agreement file: dpa-policy diff --rev REV PATH")
        new_path = existing_file(args.files[0])
        old_display, raw = git_show(args.rev, new_path)
        old = load_bytes(raw, old_display)
    else:
        if len(args.files) != 2:
            raise UsageError("diff takes two agreement files, OLD and NEW (or --rev REV and one file)")
        old_path, new_path = (existing_file(f) for f in args.files)
        old_display = old_path.as_posix()
        old = load_path(old_path)
    new_display = new_path.as_posix()
    if args.output:  # before anything is read or written: never overwrite what the user wrote
        from ..output.guard import Inputs

        inputs = Inputs().add_file(new_path, "the agreement being compared").add_policy(policy_set)
        if args.rev is None:
            inputs.add_file(old_path, "the agreement being compared")
        inputs.refuse_file(Path(args.output), "--output")
    new = load_path(new_path)

    report = build_report(old, new, old_display, new_display, policy_set, Severity.parse(args.fail_on),
                          parse_as_of(args.as_of))
    text = render_markdown(report) if args.format == "markdown" else render_text(report)
    if args.output:
        from ..output.atomic import write_atomic

        write_atomic(Path(args.output), text)
    else:
        out.write(text)
    return report.exit_code()
