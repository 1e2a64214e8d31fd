"""Command line: build the parser from each command's ``add_parser``, dispatch to the command's
``run(args, out)``, and map what escapes to an exit code. The commands themselves live in
:mod:`dpa_policy.commands`, one module each.

Exit codes (also in --help and README):
  0  no finding at or above --fail-on
  1  findings at or above --fail-on (agreements that fail to load are findings, DPA001-DPA007)
  2  the run could not be set up: bad flag, unreadable or invalid policy, plugin failure,
     path not found, no agreement files found (unless --allow-empty), or an output that
     would overwrite an input (an agreement, the policy, the waivers, a folder checked)
  3  internal error: a rule crashed, or dpa-policy itself failed
"""

from __future__ import annotations

import argparse
import sys
import traceback
from typing import Sequence, TextIO

from .commands import check, diff, import_drafts, info, publish, report, verify
from .commands._args import EPILOG, ArgumentError, Parser, parents
from .core.report import ExitCode
from .errors import DpaPolicyError, SetupError, UsageError
from .reporters.inert import lines

#: Command name -> the module whose ``run(args, out)`` carries it out.
COMMANDS = {
    "check": check,
    "rules": info,
    "explain": info,
    "schema": info,
    "plugins": info,
    "policy": info,
    "verify": verify,
    "diff": diff,
    "publish": publish,
    "report": report,
    "import": import_drafts,
}


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="dpa-policy",
        description="Check student data privacy agreements (YAML) against a policy.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the version and loaded plugins, and exit")
    parser.add_argument("--debug", action="store_true", help="print a traceback on internal errors")
    shared = parents()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    # The order here is the order --help lists the commands in.
    check.add_parser(sub, shared)
    info.add_parsers(sub, shared)
    verify.add_parser(sub, shared)
    diff.add_parser(sub, shared)
    publish.add_parser(sub, shared)
    report.add_parser(sub, shared)
    import_drafts.add_parser(sub, shared)
    return parser


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    # Messages name files and quote values: each is made inert (reporters.inert.lines), so a
    # file name cannot forge a line that a CI runner reads as a command.
    try:
        args = build_parser().parse_args(argv)
        return _dispatch(args, out)
    except SetupError as exc:
        print(f"dpa-policy: error: {lines(exc)}", file=err)
        if isinstance(exc, ArgumentError):
            print(lines(exc.usage), file=err)
        return ExitCode.SETUP_ERROR
    except DpaPolicyError as exc:  # pragma: no cover - every DpaPolicyError is a SetupError today
        print(f"dpa-policy: error: {lines(exc)}", file=err)
        return ExitCode.SETUP_ERROR
    except KeyboardInterrupt:
        print("dpa-policy: interrupted", file=err)
        return 130
    except BrokenPipeError:  # `dpa-policy check | head`: not our failure
        return ExitCode.OK
    except Exception as exc:  # noqa: BLE001 - the contract: anything unexpected is exit 3
        print(f"dpa-policy: internal error: {exc.__class__.__name__}: {lines(exc)}", file=err)
        if debug:
            traceback.print_exc(file=err)
        else:
            print("dpa-policy: run with --debug for a traceback, and please report it", file=err)
        return ExitCode.INTERNAL_ERROR


def _dispatch(args: argparse.Namespace, out: TextIO) -> int:
    if args.version:
        out.write(info.version_text())
        return ExitCode.OK
    if args.command is None:
        raise UsageError("a command is required: check, report, publish, diff, import, rules, explain, policy, "
                         "plugins, verify or schema (see --help)")
    return COMMANDS[args.command].run(args, out)
