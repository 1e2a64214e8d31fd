"""``dpa-policy report``: the counsel report, as one self-contained HTML and/or Markdown file.

It runs exactly the check ``dpa-policy check`` runs (:func:`dpa_policy.core.options.checked_report`:
same discovery, policy, state packs and waivers), so its exit code keeps the same contract.
This module is imported when the command line is built, so it imports nothing heavy at the
top: the view, Jinja2 and the templates load only when a report is made
(:mod:`dpa_policy.render.counsel` builds and lays out the report).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from ..errors import UsageError
from ._args import Parents, load_plugins, load_policy, run_with_progress, terminal_text

DESCRIPTION = """\
Write a report for counsel: a portfolio summary (verdicts, terms expiring or expired, the
rules that fail most, as charts), then for each agreement its verdict, its findings grouped
by clause beside the contract's own words with each rule's rationale, legal basis and what
would fix it, its waivers, the data it shares and its term. --html writes one self-contained
page (no scripts, no network, prints to PDF); --markdown writes the same in Markdown."""

EPILOG = """\
exit codes (as for check):
  0  no finding at or above --fail-on
  1  findings at or above --fail-on (agreements that fail to load are findings too)
  2  the run could not be set up: bad flag, no --html or --markdown, invalid policy,
     plugin failure, path not found, no agreement files found, or --html/--markdown
     would overwrite an input (an agreement, the policy, the waivers, a folder checked)
  3  internal error: a rule crashed, or dpa-policy itself failed
"""


def add_parser(sub: Any, parents: Parents) -> argparse.ArgumentParser:
    """Register ``report`` on the command line's subcommand parsers."""
    parser = sub.add_parser(
        "report", help="write a report for counsel (HTML and/or Markdown)", description=DESCRIPTION,
        epilog=EPILOG, parents=[parents.common, parents.with_policy, parents.run_options],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # PATH..., --fail-on, --allow-empty, --waivers and --as-of come from the shared run options.
    parser.add_argument("--html", metavar="FILE", help="write the report as one self-contained HTML file")
    parser.add_argument("--markdown", metavar="FILE", help="write the report as Markdown")
    parser.add_argument("--expiring-within", metavar="DAYS", type=_days, default=90,
                        help="call out agreements expiring within DAYS days (default: 90)")
    return parser


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number of days, got {text!r}") from None
    if days < 0:
        raise argparse.ArgumentTypeError(f"must not be negative, got {days}")
    return days


def run(args: argparse.Namespace, out: TextIO) -> int:
    """The ``dpa-policy report`` command, from parsed arguments to exit code."""
    import os

    from ..core.options import checked_report, parse_as_of
    from ..core.report import incomplete_note
    from ..output.atomic import write_together
    from ..output.guard import run_inputs
    from ..reporters.inert import text

    pm, registry = load_plugins(args)
    policy_set = load_policy(args, pm, registry)
    if not args.html and not args.markdown:
        raise UsageError("report needs an output: --html FILE and/or --markdown FILE")
    if args.html and args.markdown and os.path.realpath(args.html) == os.path.realpath(args.markdown):
        raise UsageError("--html and --markdown name the same file")
    outputs = [(Path(path), flag) for path, flag in ((args.html, "--html"), (args.markdown, "--markdown")) if path]
    inputs = run_inputs(args.paths, policy_set, args.waivers)
    for path, flag in outputs:  # before the run: nothing the user wrote is ever overwritten
        inputs.refuse_file(path, flag)
    as_of = parse_as_of(args.as_of)
    report = run_with_progress(args, lambda progress: checked_report(args, pm, policy_set, progress))

    from ..render.counsel import build, write_html, write_markdown

    view = build(report, report.as_of or as_of, args.expiring_within)  # the date the run judged as of
    # Each report is written as it is rendered, one agreement at a time, to a temporary file
    # beside its target; only when every one is complete are they put in place, so a
    # renderer that fails leaves no half set.
    writers = [(Path(path), write) for path, write in ((args.html, write_html), (args.markdown, write_markdown)) if path]
    write_together([(path, lambda out, write=write: write(view, out)) for path, write in writers])
    summary = report.summary()
    incomplete = f", {summary['incomplete']} incomplete" if summary["incomplete"] else ""
    if summary["needs_review"]:
        incomplete = f", {summary['needs_review']} need{'s' if summary['needs_review'] == 1 else ''} review" + incomplete
    note = incomplete_note(report.crashes)
    from ..render.settings import policy_and_config

    terminal_text(args, out).write(text(f"{summary['agreements']} agreement{'s' if summary['agreements'] != 1 else ''}: "
                   f"{summary['passed']} passed, {summary['failed']} failed{incomplete}; report written to "
                   + ", ".join(path.as_posix() for path, _ in writers) + (f". {note}" if note else ".")
                   + f" {policy_and_config(report)}") + "\n")
    return report.exit_code()
