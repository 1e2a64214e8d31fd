"""From options to a run, for every command that checks agreements (check, report, publish):
the policy set, the --as-of date, the run itself with its waivers applied, and the plan of
which format goes to which file.

``args`` is whatever carries the options by name (an argparse namespace from the command
line, or any object with the same attributes): nothing here parses a command line, prints or
exits. Bad options raise :class:`~dpa_policy.errors.UsageError`, which the command line
reports with exit code 2.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any

from ..errors import PluginError, UsageError
from .policy import PolicySet, collect_presets, default_policy_path
from .policy_file import InlinePolicy
from .report import RunReport


def load_policy_set(policy_arg: "str | InlinePolicy | None", pm: Any, registry: Any) -> PolicySet:
    """The policy file given (or written inline in the configuration file), or the shipped
    NDPA baseline, with every plugin's presets."""
    presets = collect_presets(pm)
    if isinstance(policy_arg, InlinePolicy):
        return PolicySet(policy_arg, registry, presets)
    if policy_arg:
        policy_path = Path(policy_arg)
        if not os.path.lexists(policy_path):  # a FIFO or a broken link: the loader says what it is
            raise UsageError(f"policy file not found: {policy_arg}")
        return PolicySet(policy_path, registry, presets)
    return PolicySet(default_policy_path(), registry, presets, display="default policy (NDPA baseline)")


def checked_report(args: Any, pm: Any, policy_set: PolicySet, progress: Any = None) -> RunReport:
    """The check pipeline `check`, `report` and `publish` share: run every agreement, check
    them against each other (duplicate ids), then apply the waivers. ``args`` needs paths,
    fail_on, allow_empty, waivers and as_of; config_source (the configuration file used),
    jobs (None: 1) and no_cache are optional. ``progress(done, total)`` follows the run."""
    from ..findings import Severity
    from ..version import tool_version
    from .run import RunConfig, run

    as_of = parse_as_of(args.as_of)
    waiver_set = None
    if args.waivers:
        from .waivers import load_waivers

        waiver_set = load_waivers(Path(args.waivers), policy_set.registry)
    config = RunConfig(paths=tuple(args.paths), fail_on=Severity.parse(args.fail_on), allow_empty=args.allow_empty,
                       as_of=as_of, jobs=parse_jobs(getattr(args, "jobs", None)))
    cache = None
    if not getattr(args, "no_cache", False):
        from .cache import CacheSettings, default_folder

        cache = CacheSettings(default_folder(), policy_set, pm, policy_set.registry, tool_version(), as_of,
                              _file_bytes(args.waivers))
    report = run(config, policy_set, pm, tool_version=tool_version(), cache=cache, progress=progress)
    report.config_source = getattr(args, "config_source", None)
    from .integrity import report_duplicate_ids

    report_duplicate_ids(report)
    if waiver_set is not None:
        from .waivers import apply

        apply(report, waiver_set, report.policy.waivers, policy_set.selector_codes, as_of,
              folders_checked(config.paths))
        report.waivers_source = waiver_set.source
    return report


def folders_checked(paths: tuple[str, ...]) -> tuple[str, ...]:
    """The folders a run searches whole: those among the paths given (or the default folder)."""
    from .discover import DEFAULT_PATH

    return tuple(Path(p).as_posix() for p in paths or (DEFAULT_PATH,) if os.path.isdir(p))


def parse_jobs(value: "int | str | None") -> int:
    """Worker processes for ``--jobs`` (or the configuration file's ``jobs``): a whole number
    of at least 1, or ``auto`` for one per core; None (not given) is 1."""
    if value is None:
        return 1
    if isinstance(value, str) and value.strip().lower() == "auto":
        from .parallel import available_cores

        return available_cores()
    try:
        jobs = int(value)
    except (TypeError, ValueError):
        jobs = 0
    if isinstance(value, bool) or jobs < 1:
        raise UsageError(f"--jobs must be a whole number of at least 1, or auto, got {value!r}")
    return jobs


def _file_bytes(path: str | None) -> bytes | None:
    if not path:
        return None
    from .reading import LoadFailed, read_bytes

    try:
        return read_bytes(Path(path))
    except LoadFailed:  # it was read a moment ago; if it is gone now, key the run by its absence
        return None


def parse_as_of(text: str | None) -> datetime.date:
    if text is None:
        from .. import rule  # the clock, read through the module: tests pin it in one place

        return rule.today()
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--as-of must be a date like 2026-07-01, got {text!r}") from None


def collect_reporters(pm: Any) -> dict:
    """Format name -> reporter class, from every plugin; a name offered twice names both."""
    reporters: dict = {}
    owners: dict[str, str] = {}
    for impl in pm.hook.dpa_policy_reporters.get_hookimpls():
        for name, reporter in (impl.function() or {}).items():
            if name in reporters:
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
