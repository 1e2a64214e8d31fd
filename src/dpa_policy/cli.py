"""Command line: argv -> run -> reporters -> exit code.

Exit codes (also in --help and README):
  0  no finding at or above --fail-on
  1  findings at or above --fail-on (agreements that fail to load are findings, DPA001-DPA007)
  2  the run could not be set up: bad flag, unreadable or invalid policy, plugin failure,
     path not found, or no agreement files found (unless --allow-empty)
  3  internal error: a rule crashed, or dpa-policy itself failed
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Sequence, TextIO

from .errors import DpaPolicyError, SetupError, UsageError
from .report import ExitCode

EPILOG = """\
exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on (agreements that fail to load are findings too)
  2  the run could not be set up: bad flag, invalid policy, plugin failure,
     path not found, or no agreement files found (unless --allow-empty)
  3  internal error: a rule crashed, or dpa-policy itself failed
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 itself; route it through our handler
        raise UsageError(f"{message}\n{self.format_usage().strip()}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="dpa-policy",
        description="Check student data privacy agreements (YAML) against a policy.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--debug", action="store_true", help="print a traceback on internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", help="check agreements against a policy", epilog=EPILOG,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="agreement files or folders (default: agreements/)")
    check.add_argument("--policy", metavar="FILE", help="policy file (default: the shipped NDPA baseline)")
    check.add_argument("--format", default="text", metavar="FORMAT", help="output format: text (default) or json")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--fail-on", default="error", choices=("error", "warning"),
                       help="lowest severity that fails the run (default: error)")
    check.add_argument("--allow-empty", action="store_true",
                       help="exit 0 instead of 2 when no agreement files are found")

    sub.add_parser("rules", help="list every available rule")
    explain = sub.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", metavar="RULE", help="rule code (DPA201) or slug (breach-notice-window)")
    schema_cmd = sub.add_parser("schema", help="print the agreement JSON Schema")
    schema_cmd.add_argument("--generate", action="store_true",
                            help="generate it from the models instead of printing the packaged file "
                                 "(for maintainers regenerating the packaged schema)")
    return parser


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        args = build_parser().parse_args(argv)
        return _dispatch(args, out)
    except SetupError as exc:
        print(f"dpa-policy: error: {exc}", file=err)
        return ExitCode.SETUP_ERROR
    except DpaPolicyError as exc:  # pragma: no cover - every DpaPolicyError is a SetupError today
        print(f"dpa-policy: error: {exc}", file=err)
        return ExitCode.SETUP_ERROR
    except KeyboardInterrupt:
        print("dpa-policy: interrupted", file=err)
        return 130
    except BrokenPipeError:  # `dpa-policy check | head`: not our failure
        return ExitCode.OK
    except Exception as exc:  # noqa: BLE001 - the contract: anything unexpected is exit 3
        print(f"dpa-policy: internal error: {exc.__class__.__name__}: {exc}", file=err)
        if debug:
            traceback.print_exc(file=err)
        else:
            print("dpa-policy: run with --debug for a traceback, and please report it", file=err)
        return ExitCode.INTERNAL_ERROR


def _dispatch(args: argparse.Namespace, out: TextIO) -> int:
    if args.version:
        out.write(version_text())
        return ExitCode.OK
    if args.command is None:
        raise UsageError("a command is required: check, rules, explain or schema (see --help)")
    if args.command == "schema":
        from . import schema

        out.write(schema.dumps(schema.generate() if args.generate else schema.packaged()))
        return ExitCode.OK

    from .plugins import get_plugin_manager
    from .registry import RuleRegistry

    pm = get_plugin_manager()
    registry = RuleRegistry.from_plugins(pm)
    if args.command == "rules":
        from .explain import rules_table

        out.write(rules_table(registry))
        return ExitCode.OK
    if args.command == "explain":
        from .explain import explain

        out.write(explain(registry, args.rule))
        return ExitCode.OK
    return _check(args, pm, registry, out)


def _check(args: argparse.Namespace, pm, registry, out: TextIO) -> int:
    from . import __version__
    from .app import RunConfig, run
    from .findings import Severity
    from .policy import default_policy_path, load_policy

    reporters = {}
    for found in pm.hook.dpa_policy_reporters():
        reporters.update(found)
    if args.format not in reporters:
        raise UsageError(f"unknown format {args.format!r}; available: {', '.join(sorted(reporters))}")
    if args.policy:
        policy_path = Path(args.policy)
        if not policy_path.is_file():
            raise UsageError(f"policy file not found: {args.policy}")
        policy = load_policy(policy_path, registry)
    else:
        policy = load_policy(default_policy_path(), registry, display="default policy (NDPA baseline)")

    config = RunConfig(paths=tuple(args.paths), fail_on=Severity.parse(args.fail_on), allow_empty=args.allow_empty)
    report = run(config, policy, pm, tool_version=__version__)
    text = reporters[args.format]().render(report)
    if args.output:
        write_atomic(Path(args.output), text)
    else:
        out.write(text)
    return report.exit_code()


def write_atomic(path: Path, text: str) -> None:
    """Write whole or not at all: a temporary file beside the target, then rename."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


def version_text() -> str:
    from . import __version__
    from .loader import LIBYAML

    return (f"dpa-policy {__version__} (Python {sys.version.split()[0]}, "
            f"YAML parser: {'libyaml' if LIBYAML else 'pure Python'})\n")
