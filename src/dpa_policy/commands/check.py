"""``dpa-policy check``: check agreements against a policy and report in one or more formats.

Every format is rendered before anything is written, and each file is written atomically,
so a reporter that fails leaves no half set of outputs.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ._args import EPILOG, Parents, load_plugins, load_policy


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
    return parser


def run(args: argparse.Namespace, out: TextIO) -> int:
    """The ``dpa-policy check`` command, from parsed arguments to exit code."""
    from ..core.options import checked_report, collect_reporters, plan_outputs
    from ..output.atomic import write_atomic

    pm, registry = load_plugins(args)
    policy_set = load_policy(args, pm, registry)
    outputs = plan_outputs(args.format, args.output, collect_reporters(pm))
    files = [(destination, flag) for _, destination, flag in outputs if destination is not None]
    if files:
        from ..output.guard import run_inputs

        inputs = run_inputs(args.paths, policy_set, args.waivers)
        for destination, flag in files:
            inputs.refuse_file(destination, flag)
    report = checked_report(args, pm, policy_set)
    # Render everything before writing anything: a reporter that fails leaves no half set.
    rendered = [(destination, reporter().render(report)) for reporter, destination, _ in outputs]
    for destination, text in rendered:
        if destination is None:
            out.write(text)
        else:
            write_atomic(destination, text)
    return report.exit_code()
