"""Command line: argv -> run -> reporters -> exit code.

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
import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Sequence, TextIO

from .errors import DpaPolicyError, SetupError, UsageError
from .plugins import AUTOLOAD_ENV
from .report import ExitCode
from .reporters.inert import lines

EPILOG = """\
exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on (agreements that fail to load are findings too)
  2  the run could not be set up: bad flag, invalid policy, plugin failure,
     path not found, no agreement files found (unless --allow-empty), or an
     output that would overwrite an input (nothing is written then)
  3  internal error: a rule crashed, or dpa-policy itself failed
"""


class _ArgumentError(UsageError):
    """argparse's complaint, with the usage line printed after it."""

    def __init__(self, message: str, usage: str) -> None:
        super().__init__(message)
        self.usage = usage


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 itself; route it through our handler
        raise _ArgumentError(message, self.format_usage().strip())


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="dpa-policy",
        description="Check student data privacy agreements (YAML) against a policy.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the version and loaded plugins, and exit")
    parser.add_argument("--debug", action="store_true", help="print a traceback on internal errors")

    # Options every subcommand takes, after its name: `dpa-policy check --disable-plugin ny`.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--disable-plugin", action="append", default=[], metavar="NAME",
                        help="do not load the installed plugin NAME (repeatable); "
                             f"{AUTOLOAD_ENV}=1 loads none")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    with_policy = argparse.ArgumentParser(add_help=False)
    with_policy.add_argument("--policy", metavar="FILE",
                             help="policy file (default: the shipped NDPA baseline, policies/default.yaml)")

    # What every command that runs the check takes: check, report and publish.
    run_options = argparse.ArgumentParser(add_help=False)
    run_options.add_argument("paths", nargs="*", metavar="PATH",
                             help="agreement files or folders (default: agreements/)")
    run_options.add_argument("--fail-on", default="error", choices=("error", "warning"),
                             help="lowest severity that fails an agreement and the run (default: error)")
    run_options.add_argument("--allow-empty", action="store_true",
                             help="exit 0 instead of 2 when no agreement files are found")
    run_options.add_argument("--waivers", metavar="FILE",
                             help="a reviewed waivers file: findings it accepts are reported as waived "
                                  "and do not fail the run")
    run_options.add_argument("--as-of", metavar="YYYY-MM-DD",
                             help="judge expiry (of waivers, and of agreements in reports) as of this date "
                                  "instead of today, for reproducible runs")

    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    check = sub.add_parser("check", help="check agreements against a policy", epilog=EPILOG,
                           parents=[common, with_policy, run_options],
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("--format", action="append", default=[], metavar="FORMAT[:FILE]",
                       help="output format: text, json, sarif, junit, github, markdown, or one a plugin adds; "
                            "repeat for several outputs, FORMAT:FILE writes one to a file (default: text, "
                            "or github when GITHUB_ACTIONS=true)")
    check.add_argument("--output", "-o", metavar="FILE",
                       help="write the format given without :FILE to FILE instead of standard output")

    sub.add_parser("rules", help="list every available rule", parents=[common])
    explain = sub.add_parser("explain", help="print a rule's documentation", parents=[common])
    explain.add_argument("rule", metavar="RULE", help="rule code (DPA201) or slug (breach-notice-window)")
    schema_cmd = sub.add_parser("schema", help="print the agreement JSON Schema")
    schema_cmd.add_argument("--generate", action="store_true",
                            help="generate it from the models instead of printing the packaged file "
                                 "(for maintainers regenerating the packaged schema)")
    sub.add_parser("plugins", help="list loaded plugins with their versions and what they provide",
                   parents=[common])
    policy_cmd = sub.add_parser("policy", help="inspect a policy")
    policy_sub = policy_cmd.add_subparsers(dest="policy_command", metavar="ACTION", parser_class=_Parser)
    show = policy_sub.add_parser("show", help="print the resolved policy and the layer that set each value",
                                 parents=[common, with_policy])
    show.add_argument("--state", metavar="XX", help="resolve for agreements governed by this state's law (adds its packs)")
    verify = sub.add_parser("verify", help="run rule packs' golden cases", parents=[common])
    verify.add_argument("targets", nargs="*", metavar="PACK_OR_FOLDER",
                        help="plugin names or folders of case files (default: every loaded plugin)")
    from .diff import add_parser as add_diff_parser  # light: diff.py defers its heavy imports

    add_diff_parser(sub, parents=[common, with_policy])
    from .publish import add_parser as add_publish_parser  # light: publish.py defers Jinja2 and the models

    add_publish_parser(sub, parents=[common, with_policy, run_options])
    from .counsel.cli import add_parser as add_report_parser  # light: defers Jinja2 and the models

    add_report_parser(sub, parents=[common, with_policy, run_options])
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
        if isinstance(exc, _ArgumentError):
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
        out.write(version_text())
        return ExitCode.OK
    if args.command is None:
        raise UsageError("a command is required: check, report, publish, diff, rules, explain, policy, plugins, "
                         "verify or schema (see --help)")
    if args.command == "schema":
        from . import schema

        out.write(schema.dumps(schema.generate() if args.generate else schema.packaged()))
        return ExitCode.OK
    if args.command == "policy" and args.policy_command is None:
        raise UsageError("policy needs an action: show")

    from .registry import RuleRegistry

    pm = plugin_manager(args.disable_plugin)
    registry = RuleRegistry.from_plugins(pm)
    if args.command == "rules":
        from .explain import rules_table

        out.write(rules_table(registry))
        return ExitCode.OK
    if args.command == "explain":
        from .explain import explain

        out.write(explain(registry, args.rule))
        return ExitCode.OK
    if args.command == "plugins":
        from .explain import plugins_table

        out.write(plugins_table(pm, registry))
        return ExitCode.OK
    if args.command == "verify":
        from .verify import verify

        text, ok = verify(pm, registry, args.targets)
        out.write(text)
        return ExitCode.OK if ok else ExitCode.FINDINGS
    policy_set = load_policy_set(args.policy, pm, registry)
    if args.command == "policy":
        from .explain import policy_show

        state = args.state.upper() if args.state else None
        from .model.vocabulary import US_STATES

        if state is not None and state not in US_STATES:
            raise UsageError(f"--state must be a two-letter US state code, got {args.state!r}")
        out.write(policy_show(policy_set, state))
        return ExitCode.OK
    if args.command == "diff":
        from .diff import run_diff

        return run_diff(args, policy_set, out)
    if args.command == "publish":
        from .publish import run_publish

        return run_publish(args, pm, policy_set, out)
    if args.command == "report":
        from .counsel.cli import run_report

        return run_report(args, pm, policy_set, out)
    return _check(args, pm, policy_set, out)


def plugin_manager(disabled: list[str]):
    from .plugins import get_plugin_manager

    autoload = os.environ.get(AUTOLOAD_ENV, "").strip().lower() not in ("1", "true", "yes")
    return get_plugin_manager(autoload=autoload, blocked=tuple(disabled))


def load_policy_set(policy_arg: str | None, pm, registry):
    from .policy import PolicySet, collect_presets, default_policy_path

    presets = collect_presets(pm)
    if policy_arg:
        policy_path = Path(policy_arg)
        if not os.path.lexists(policy_path):  # a FIFO or a broken link: the loader says what it is
            raise UsageError(f"policy file not found: {policy_arg}")
        return PolicySet(policy_path, registry, presets)
    return PolicySet(default_policy_path(), registry, presets, display="default policy (NDPA baseline)")


def _check(args: argparse.Namespace, pm, policy_set, out: TextIO) -> int:
    outputs = plan_outputs(args.format, args.output, collect_reporters(pm))
    files = [(destination, flag) for _, destination, flag in outputs if destination is not None]
    if files:
        from .output_guard import run_inputs

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


def checked_report(args: argparse.Namespace, pm, policy_set):
    """The check pipeline `check` and `publish` share: run every agreement, then apply the
    waivers. ``args`` needs paths, fail_on, allow_empty, waivers and as_of."""
    from . import __version__
    from .app import RunConfig, run
    from .findings import Severity

    as_of = parse_as_of(args.as_of)
    waiver_set = None
    if args.waivers:
        from .waivers import load_waivers

        waiver_set = load_waivers(Path(args.waivers), policy_set.registry)
    config = RunConfig(paths=tuple(args.paths), fail_on=Severity.parse(args.fail_on), allow_empty=args.allow_empty)
    report = run(config, policy_set, pm, tool_version=__version__)
    if waiver_set is not None:
        from .waivers import apply

        apply(report, waiver_set, report.policy.waivers, policy_set.selector_codes, as_of)
        report.waivers_source = waiver_set.source
    return report


def parse_as_of(text: str | None):
    import datetime

    if text is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--as-of must be a date like 2026-07-01, got {text!r}") from None


def collect_reporters(pm) -> dict:
    reporters: dict = {}
    owners: dict[str, str] = {}
    for impl in pm.hook.dpa_policy_reporters.get_hookimpls():
        for name, reporter in (impl.function() or {}).items():
            if name in reporters:
                from .errors import PluginError

                raise PluginError(f"format {name!r} is provided twice: by plugin {owners[name]!r} "
                                  f"and by plugin {impl.plugin_name!r}")
            reporters[name], owners[name] = reporter, impl.plugin_name
    return reporters


def plan_outputs(formats: list[str], output: str | None, reporters: dict) -> list[tuple[type, Path | None, str]]:
    """Each --format as (reporter, destination, the flag that named it); destination None is
    standard output."""
    if not formats:
        formats = ["github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"]
    plan: list[tuple[type, Path | None, str]] = []
    to_stdout = []
    for spec in formats:
        name, sep, path = spec.partition(":")
        if name not in reporters:
            raise UsageError(f"unknown format {name!r}; available: {', '.join(sorted(reporters))}")
        if sep and not path:
            raise UsageError(f"--format {spec!r} names no file after ':'")
        if sep:
            plan.append((reporters[name], Path(path), f"--format {name}:FILE"))
        else:
            to_stdout.append(name)
            plan.append((reporters[name], Path(output) if output else None, "--output"))
    if len(to_stdout) > 1:
        raise UsageError(f"formats {', '.join(to_stdout)} would all go to {'--output' if output else 'standard output'}; "
                         "give all but one a file: --format NAME:FILE")
    if output and not to_stdout:
        raise UsageError("--output names a file for the format given without ':FILE', but every --format has its own file")
    # However each is spelled (./r.json, a symlink to it): one file is one file.
    destinations = [os.path.realpath(d) for _, d, _ in plan if d is not None]
    if len(set(destinations)) != len(destinations):
        raise UsageError("two formats would write the same file")
    return plan


def write_atomic(path: Path, text: str) -> None:
    """Write whole or not at all: a temporary file beside the target, then rename."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        # backslashreplace: a file name that is not UTF-8 (a lone surrogate) is written as an
        # escape instead of failing the whole report.
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as handle:
            handle.write(text)
        # mkstemp creates 0600; a report should get the mode any new file would (or keep
        # the mode of the file it replaces), so CI can upload and others can read it.
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


def version_text() -> str:
    from . import __version__
    from .loader import LIBYAML

    text = (f"dpa-policy {__version__} (Python {sys.version.split()[0]}, "
            f"YAML parser: {'libyaml' if LIBYAML else 'pure Python'})\n")
    try:
        from .plugins import list_plugins

        pm = plugin_manager([])
        packs = [p for p in list_plugins(pm) if not p.builtin]
    except SetupError as exc:
        return text + f"plugins: failed to load: {exc}\n"
    if packs:
        text += "plugins: " + ", ".join(f"{p.name} ({p.distribution} {p.version})" for p in packs) + "\n"
    return text
