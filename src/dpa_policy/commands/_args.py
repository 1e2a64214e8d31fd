"""What the commands share on the command line: the argparse parser class, the parent parsers
(options several commands take) and the first steps of every command that loads plugins.

Not a command itself; every command may import it. Light by design: the command line imports
it on every run, before it knows which command runs.
"""

from __future__ import annotations

import argparse
from typing import Any, NamedTuple

from ..errors import UsageError
from ..plugins import AUTOLOAD_ENV

EPILOG = """\
exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on (agreements that fail to load are findings too)
  2  the run could not be set up: bad flag, invalid policy, plugin failure,
     path not found, no agreement files found (unless --allow-empty), or an
     output that would overwrite an input (nothing is written then)
  3  internal error: a rule crashed, or dpa-policy itself failed
"""


class ArgumentError(UsageError):
    """argparse's complaint, with the usage line printed after it."""

    def __init__(self, message: str, usage: str) -> None:
        super().__init__(message)
        self.usage = usage


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 itself; route it through our handler
        raise ArgumentError(message, self.format_usage().strip())


class Parents(NamedTuple):
    """The parent parsers a command lists in ``parents=`` to take their options."""

    #: What every subcommand takes after its name: `dpa-policy check --disable-plugin ny`.
    common: argparse.ArgumentParser
    #: --policy FILE.
    with_policy: argparse.ArgumentParser
    #: What every command that runs the check takes: check, report and publish.
    run_options: argparse.ArgumentParser


def parents() -> Parents:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--disable-plugin", action="append", default=[], metavar="NAME",
                        help="do not load the installed plugin NAME (repeatable); "
                             f"{AUTOLOAD_ENV}=1 loads none")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    with_policy = argparse.ArgumentParser(add_help=False)
    with_policy.add_argument("--policy", metavar="FILE",
                             help="policy file (default: the shipped NDPA baseline, policies/default.yaml)")

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
    return Parents(common, with_policy, run_options)


def load_plugins(args: argparse.Namespace) -> tuple[Any, Any]:
    """The plugin manager (minus --disable-plugin) and the rule registry built from it."""
    from ..plugins import plugin_manager
    from ..registry import RuleRegistry

    pm = plugin_manager(args.disable_plugin)
    return pm, RuleRegistry.from_plugins(pm)


def load_policy(args: argparse.Namespace, pm: Any, registry: Any) -> Any:
    """The policy set of --policy, or the shipped NDPA baseline."""
    from ..core.options import load_policy_set

    return load_policy_set(args.policy, pm, registry)
