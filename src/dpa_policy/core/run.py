"""Orchestration: discover agreement files, check each one, build the whole-run report.

Pure apart from reading files: no printing, no exit codes (that is the commands' job).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pluggy

from ..errors import NothingToCheck
from ..findings import InputProblem, Severity
from .discover import DEFAULT_PATH, discover_with_problems
from .document import load_agreement
from .engine import evaluate, input_findings
from .policy import PolicySet, ResolvedPolicy
from .report import AgreementResult, RunReport


@dataclass(frozen=True)
class RunConfig:
    paths: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    allow_empty: bool = False


def run(config: RunConfig, policy: "PolicySet | ResolvedPolicy", pm: pluggy.PluginManager | None = None,
        tool_version: str = "") -> RunReport:
    """Check every discovered agreement. With a :class:`PolicySet`, each agreement is checked
    against the policy resolved for its governing state (state packs included)."""
    files = discover_with_problems(config.paths)
    if not files and not config.allow_empty:
        raise NothingToCheck(
            "no agreement files (*.yaml, *.yml) found in " + ", ".join(config.paths or (DEFAULT_PATH,))
            + "; a run that checks nothing is not a pass (use --allow-empty to accept it)"
        )
    policy_for = policy.for_agreement if isinstance(policy, PolicySet) else (lambda agreement: policy)
    report = RunReport(policy=policy_for(None), fail_on=config.fail_on, tool_version=tool_version)
    with _relaxed_gc():
        _check_files(files, policy_for, report)
    report.sort()
    return report


@contextmanager
def _relaxed_gc() -> Iterator[None]:
    """The report keeps every parsed agreement, so the heap only grows during a run and the
    cyclic collector keeps rescanning objects that can never be garbage (about 15% of a
    large run). Collect less often while checking; restore the thresholds afterwards."""
    thresholds = gc.get_threshold()
    gc.freeze()  # what exists before the run (modules, models, the policy) is never scanned
    gc.set_threshold(max(thresholds[0], 50_000), thresholds[1], thresholds[2])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _check_files(files: dict[str, InputProblem | None], policy_for, report: RunReport) -> None:
    for display in sorted(files):
        problem = files[display]
        loaded = [problem] if problem is not None else load_agreement(Path(display))
        if isinstance(loaded, list):
            report.results.append(AgreementResult(display, input_findings(loaded, display)))
            continue
        applied = policy_for(loaded.agreement)
        findings, crashes = evaluate(loaded, applied, display)
        report.results.append(AgreementResult(display, findings, loaded.agreement, applied))
        report.crashes.extend(crashes)
