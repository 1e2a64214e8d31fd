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
from .report import RunReport


def load_policy_set(policy_arg: str | None, pm: Any, registry: Any) -> PolicySet:
    """The policy file given, or the shipped NDPA baseline, with every plugin's presets."""
    presets = collect_presets(pm)
    if policy_arg:
        policy_path = Path(policy_arg)
        if not os.path.lexists(policy_path):  # a FIFO or a broken link: the loader says what it is
            raise UsageError(f"policy file not found: {policy_arg}")
        return PolicySet(policy_path, registry, presets)
    return PolicySet(default_policy_path(), registry, presets, display="default policy (NDPA baseline)")


def checked_report(args: Any, pm: Any, policy_set: PolicySet) -> RunReport:
    """The check pipeline `check`, `report` and `publish` share: run every agreement, then
    apply the waivers. ``args`` needs paths, fail_on, allow_empty, waivers and as_of."""
    from ..findings import Severity
    from ..version import tool_version
    from .run import RunConfig, run

    as_of = parse_as_of(args.as_of)
    waiver_set = None
    if args.waivers:
        from .waivers import load_waivers

        waiver_set = load_waivers(Path(args.waivers), policy_set.registry)
    config = RunConfig(paths=tuple(args.paths), fail_on=Severity.parse(args.fail_on), allow_empty=args.allow_empty)
    report = run(config, policy_set, pm, tool_version=tool_version())
    if waiver_set is not None:
        from .waivers import apply

        apply(report, waiver_set, report.policy.waivers, policy_set.selector_codes, as_of)
        report.waivers_source = waiver_set.source
    return report


def parse_as_of(text: str | None) -> datetime.date:
    if text is None:
        return datetime.date.today()
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
