"""``dpa-policy check``: check agreements against a policy and report in one or more formats.

Every format is rendered before anything is written, and each file is written atomically,
so a reporter that fails leaves no half set of outputs.
"""

from __future__ import annotations

import argparse
import os
from typing import Any, TextIO

from ..errors import UsageError
from ._args import EPILOG, Parents, load_plugins, load_policy, run_with_progress, terminal_text


def add_parser(sub: Any, parents: Parents) -> argparse.ArgumentParser:
    """Register ``check`` on the command line's subcommand parsers."""
    parser = sub.add_parser("check", help="check agreements against a policy", epilog=EPILOG,
                            parents=[parents.common, parents.with_policy, parents.run_options],
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--format", action="append", default=[], metavar="FORMAT[:FILE]",
                        help="output format: text, json, sarif, junit, github, markdown, or one a plugin adds; "
                             "repeat for several outputs, FORMAT:FILE writes one to a file (default: text, "
                             "or github when GITHUB_ACTIONS=true)")
    parser.add_argument("--output", "-o", metavar="FILE",
                        help="write the format given without :FILE to FILE instead of standard output")
    parser.add_argument("--sarif-root", metavar="DIR",
                        help="the repository root SARIF locations are relative to (default: GITHUB_WORKSPACE, "
                             "else the git work tree, else the current folder)")
    return parser


def run(args: argparse.Namespace, out: TextIO) -> int:
    """The ``dpa-policy check`` command, from parsed arguments to exit code."""
    from ..core.options import checked_report, collect_reporters, plan_outputs
    from ..output.atomic import Staged

    if args.sarif_root is not None and not os.path.isdir(args.sarif_root):
        raise UsageError(f"--sarif-root {args.sarif_root}: not a folder")
    pm, registry = load_plugins(args)
    policy_set = load_policy(args, pm, registry)
    outputs = plan_outputs(args.format, args.output, collect_reporters(pm))
    files = [(destination, flag) for _, destination, flag in outputs if destination is not None]
    if files:
        from ..output.guard import run_inputs

        inputs = run_inputs(args.paths, policy_set, args.waivers)
        for destination, flag in files:
            inputs.refuse_file(destination, flag)
    report = run_with_progress(args, lambda progress: checked_report(args, pm, policy_set, progress))
    # Write every output in full (to temporary files, or held for standard output) before
    # any is put in place: a reporter that fails leaves no half set. Reporters write piece
    # by piece, so a large run's output is never in memory whole.
    staged: list[tuple[Staged, Any, str]] = []
    try:
        for reporter, destination, _ in outputs:
            writer = _reporter(reporter, args)
            if destination is None and args.quiet and reporter.name in ("text", "github"):
                writer = _SummaryLine()  # --quiet: the one line, instead of a line per finding
            staged.append((Staged(destination), writer, reporter.name))
            writer.write(report, staged[-1][0])
        for output, _, name in staged:
            output.commit(terminal_text(args, out) if output.path is None and name == "text" else out)
    finally:
        for output, _, _ in staged:
            output.discard()
    return report.exit_code()


class _SummaryLine:
    """What --quiet prints instead of the text (or GitHub) report: its summary line."""

    def write(self, report: Any, out: Any) -> None:
        from ..reporters.text import summary_line

        out.write(summary_line(report) + "\n")


def _reporter(reporter: type, args: argparse.Namespace) -> Any:
    """An instance of ``reporter`` for this run: SARIF's locates files from --sarif-root."""
    from ..reporters.sarif import SarifReporter

    return reporter(root=args.sarif_root) if issubclass(reporter, SarifReporter) else reporter()
