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
import importlib
import os
import sys
import traceback
from typing import Any, Sequence, TextIO

from .commands._args import EPILOG, ArgumentError, Parser, apply_config, parents
from .core.report import ExitCode
from .errors import DpaPolicyError, SetupError, UsageError
from .reporters.inert import lines

#: Command name -> the module (in dpa_policy.commands) whose ``run(args, out)`` carries it out,
#: in the order --help lists them. Modules are imported when their command is used.
COMMANDS = {
    "check": "check",
    "rules": "info",
    "explain": "info",
    "schema": "info",
    "plugins": "info",
    "policy": "info",
    "verify": "verify",
    "diff": "diff",
    "publish": "publish",
    "report": "report",
    "import": "import_drafts",
    "init": "init",
}


def command_module(name: str) -> Any:
    return importlib.import_module(f"{__package__}.commands.{COMMANDS[name]}")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser. Given the arguments, and when they name a command, only that
    command's parser is built: a one-file check (what pre-commit runs) neither imports nor
    builds the others. Without a known command (--help, a typo) every command is there."""
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
    wanted = _command_named(argv)
    modules = [wanted] if wanted is not None else list(dict.fromkeys(COMMANDS.values()))
    for module_name in modules:
        module = importlib.import_module(f"{__package__}.commands.{module_name}")
        # info adds several commands (rules, explain, schema, plugins, policy); it checks the rest.
        (module.add_parsers if hasattr(module, "add_parsers") else module.add_parser)(sub, shared)
    return parser


def _command_named(argv: Sequence[str] | None) -> str | None:
    """The module of the command ``argv`` names (its first word that is not an option)."""
    words = list(sys.argv[1:] if argv is None else argv)
    for word in words:
        if word == "--":
            return None
        if not word.startswith("-"):
            return COMMANDS.get(word)
    return None


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    # Pydantic plugins (observability hooks another package may install) would watch the
    # validation of dpa-policy's own models, and finding them costs a scan of every installed
    # distribution at start-up. The command line does without them unless the environment
    # says otherwise; dpa-policy used as a library leaves the setting alone.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # Messages name files and quote values: each is made inert (reporters.inert.lines), so a
    # file name cannot forge a line that a CI runner reads as a command.
    try:
        args = build_parser(argv).parse_args(argv)
        args.stderr = err  # where a command draws its progress line (a terminal only)
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
        out.write(importlib.import_module(f"{__package__}.commands.info").version_text())
        return ExitCode.OK
    if args.command is None:
        raise UsageError("a command is required: check, report, publish, diff, import, rules, explain, policy, "
                         "plugins, verify, schema or init (see --help)")
    apply_config(args)  # flags, else the discovered .dpa-policy.yaml, else defaults
    return command_module(args.command).run(args, out)
