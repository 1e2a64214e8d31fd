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
  2  the run could not be set up: bad flag, invalid policy or configuration
     file, plugin failure, path not found, no agreement files found (unless --allow-empty), or an
     output that would overwrite an input (nothing is written then)
  3  internal error: a rule crashed, or dpa-policy itself failed
"""


class ArgumentError(UsageError):
    """argparse's complaint, with the usage line printed after it."""

    def __init__(self, message: str, usage: str) -> None:
        super().__init__(message)
        self.usage = usage


class Parser(argparse.ArgumentParser):
    """argparse's parser, with its complaints raised for our handler (exit 2, then the usage
    of the command that was typed) and a "did you mean" for a misspelt command, choice or
    option (`chek`, `--formt`)."""

    def error(self, message: str):  # argparse exits 2 itself; route it through our handler
        raise ArgumentError(message, self.format_usage().strip())

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[override]
        # Each parser rejects what it does not know itself: left to argparse, a subcommand's
        # unknown option reaches the top-level parser, which shows its own usage instead.
        namespace, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(_unrecognized(extras, [o for o in self._option_string_actions if o.startswith("--")]))
        return namespace, extras

    def _check_value(self, action: argparse.Action, value: Any) -> None:  # argparse's choices check
        try:
            super()._check_value(action, value)
        except argparse.ArgumentError as exc:
            close = _closest(str(value), [str(choice) for choice in action.choices or ()])
            if close is None or "did you mean" in str(exc):
                raise
            raise argparse.ArgumentError(action, f"{exc.message} (did you mean {close!r}?)") from None


def _closest(word: str, candidates: list[str]) -> str | None:
    import difflib

    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


def _unrecognized(extras: list[str], options: list[str]) -> str:
    shown = []
    for extra in extras:
        close = _closest(extra.split("=", 1)[0], options) if extra.startswith("-") else None
        shown.append(f"{extra} (did you mean {close}?)" if close else extra)
    return "unrecognized arguments: " + " ".join(shown)


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
                             help="policy file (default: the configuration file's, else the shipped NDPA "
                                  "baseline, policies/default.yaml)")
    with_policy.add_argument("--no-config", action="store_true",
                             help="ignore the configuration file (.dpa-policy.yaml or dpa-policy.yaml in this "
                                  "folder or the nearest parent up to the repository root)")

    run_options = argparse.ArgumentParser(add_help=False)
    run_options.add_argument("paths", nargs="*", metavar="PATH",
                             help="agreement files or folders (default: the configuration file's paths, "
                                  "else agreements/)")
    # Defaults are None, not the value: a flag left out lets the configuration file decide
    # (apply_config fills in the default last).
    run_options.add_argument("--fail-on", choices=("error", "warning"),
                             help="lowest severity that fails an agreement and the run (default: error)")
    run_options.add_argument("--allow-empty", action="store_true",
                             help="exit 0 instead of 2 when no agreement files are found")
    run_options.add_argument("--waivers", metavar="FILE",
                             help="a reviewed waivers file: findings it accepts are reported as waived "
                                  "and do not fail the run")
    run_options.add_argument("--as-of", metavar="YYYY-MM-DD",
                             help="judge every date (agreements in effect or expiring, disposal certificates "
                                  "due, waiver expiry, reports, the published page) as of this date instead of "
                                  "today, for reproducible runs")
    run_options.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                             help="check in N processes, or 'auto' for one per core (default: 1, or the "
                                  "configuration file's jobs); the output is the same for any N")
    run_options.add_argument("--no-cache", action="store_true",
                             help="check every agreement afresh: neither read nor write the cache of earlier "
                                  "results ($XDG_CACHE_HOME/dpa-policy, else ~/.cache/dpa-policy)")
    run_options.add_argument("--color", "--colour", choices=("auto", "always", "never"), default="auto",
                             dest="color",
                             help="colour severities and verdicts: auto (default) on a terminal unless NO_COLOR "
                                  "is set, always, or never")
    run_options.add_argument("--quiet", "-q", action="store_true",
                             help="print only the summary line (files named with FORMAT:FILE are written whole)")
    return Parents(common, with_policy, run_options)


def _jobs(text: str) -> "int | str":
    if text.strip().lower() == "auto":
        return "auto"
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, or auto, got {text!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {jobs}")
    return jobs


#: Each setting the configuration file may hold: the option that overrides it on the command
#: line, and its value when neither sets it.
CONFIGURABLE: dict[str, tuple[str, Any]] = {
    "policy": ("--policy", None), "paths": ("PATH", ()), "waivers": ("--waivers", None),
    "fail_on": ("--fail-on", "error"), "as_of": ("--as-of", None), "jobs": ("--jobs", None),
}


def apply_config(args: argparse.Namespace) -> None:
    """Settle each option the configuration file may set: the flag when the command line gives
    it, else the discovered configuration file's value, else the default. Records every
    setting with where it came from (``args.settings``, for ``policy show``) and the file used
    (``args.config_source``, which the run's summary names). Commands without ``--no-config``
    take no configuration and are left as parsed."""
    if not hasattr(args, "no_config"):
        return
    from ..core.config import Setting, find_config, load_config, resolve

    found = None if args.no_config else find_config()
    config = load_config(found) if found is not None else None
    flags = {}
    for key, (flag, _) in CONFIGURABLE.items():
        value = getattr(args, key, None)
        if value is not None and value != []:
            flags[key] = Setting(tuple(value) if key == "paths" else value, f"command line {flag}")
    settings = resolve(flags, config, {key: default for key, (_, default) in CONFIGURABLE.items()})
    for key, setting in settings.items():
        if hasattr(args, key):  # a command takes only its own options (policy show: --policy)
            setattr(args, key, list(setting.value) if key == "paths" else setting.value)
    args.settings = settings
    args.config_source = config.shown if config is not None else None


def run_with_progress(args: argparse.Namespace, run: Any) -> Any:
    """``run(progress)``, with a progress line on standard error while it runs (a terminal
    only, not in CI, not with --quiet; see :mod:`dpa_policy.output.terminal`)."""
    import sys

    from ..output.terminal import Progress

    progress = Progress(getattr(args, "stderr", None) or sys.stderr)
    progress.enabled = progress.enabled and not getattr(args, "quiet", False)
    try:
        return run(progress)
    finally:
        progress.finish()


def terminal_text(args: argparse.Namespace, out: Any) -> Any:
    """``out``, colouring severities and verdicts line by line when --color says so."""
    from ..output.terminal import ColouredText, use_colour

    return ColouredText(out) if use_colour(getattr(args, "color", "auto"), out) else out


def load_plugins(args: argparse.Namespace) -> tuple[Any, Any]:
    """The plugin manager (minus --disable-plugin) and the rule registry built from it."""
    from ..plugins import plugin_manager
    from ..registry import RuleRegistry

    _check_plugin_names(args.disable_plugin)
    pm = plugin_manager(args.disable_plugin)
    return pm, RuleRegistry.from_plugins(pm)


def _check_plugin_names(names: list[str]) -> None:
    """Every --disable-plugin NAME must name a plugin, shipped or installed (loaded or not):
    a misspelt one would otherwise leave the plugin it meant running, silently."""
    if not names:
        return
    from importlib import metadata

    from ..plugins import BUILTIN_PACKS, BUILTIN_PLUGINS, ENTRY_POINT_GROUP

    packs = set(BUILTIN_PACKS) | {ep.name for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)}
    for name in names:
        if name not in packs and name not in BUILTIN_PLUGINS:  # built-ins: the manager says they can't be
            close = _closest(name, sorted(packs))
            raise UsageError(f"--disable-plugin {name!r}: no plugin has that name"
                             + (f" (did you mean {close!r}?)" if close else "")
                             + f"; plugins: {', '.join(sorted(packs))}")


def load_policy(args: argparse.Namespace, pm: Any, registry: Any) -> Any:
    """The policy set of --policy, or the shipped NDPA baseline."""
    from ..core.options import load_policy_set

    return load_policy_set(args.policy, pm, registry)
