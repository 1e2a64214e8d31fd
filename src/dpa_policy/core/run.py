"""Orchestration: discover agreement files, check each one, build the whole-run report.

Each file is checked by a :class:`~.checking.FileChecker`, in this process or in ``--jobs``
worker processes (:mod:`.parallel`), reading from the cache when it can (:mod:`.cache`); what
comes back is kept compact (:mod:`.results`), in the files' order, whatever the number of
processes. Pure apart from reading files and the cache: no printing, no exit codes (that is
the commands' job).
"""

from __future__ import annotations

import datetime
import gc
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import pluggy

from ..errors import NothingToCheck
from ..findings import InputProblem, Severity
from ..rule import RunContext
from .checking import FileChecker
from .discover import DEFAULT_PATH, discover_with_problems
from .parallel import ordered_map
from .policy import PolicySet, ResolvedPolicy
from .report import AgreementResult, RunReport
from .results import FindingStore, Tally


@dataclass(frozen=True)
class RunConfig:
    paths: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    allow_empty: bool = False
    #: The date every date judgement is made as of (--as-of); None: today.
    as_of: datetime.date | None = None
    #: Worker processes (--jobs); the output is the same for any number.
    jobs: int = 1


#: ``progress(done, total)``, called after each agreement (the command line draws a bar).
Progress = Callable[[int, int], None]


def run(config: RunConfig, policy: "PolicySet | ResolvedPolicy", pm: pluggy.PluginManager | None = None,
        tool_version: str = "", *, cache: Any = None, progress: Progress | None = None) -> RunReport:
    """Check every discovered agreement. With a :class:`PolicySet`, each agreement is checked
    against the policy resolved for its governing state (state packs included). ``cache`` (a
    :class:`~.cache.CacheSettings`) skips agreements checked before under the same settings."""
    files = discover_with_problems(config.paths)
    if not files and not config.allow_empty:
        raise NothingToCheck(
            "no agreement files (*.yaml, *.yml) found in " + ", ".join(config.paths or (DEFAULT_PATH,))
            + "; a run that checks nothing is not a pass (use --allow-empty to accept it)"
        )
    context = run_context(config, policy)
    if isinstance(policy, PolicySet):  # values a policy writes by date resolve as of the run's date
        policy = policy.at(context.as_of)
    policy_for = policy.for_agreement if isinstance(policy, PolicySet) else (lambda agreement: policy)
    report = RunReport(policy=policy_for(None), fail_on=config.fail_on, tool_version=tool_version,
                       as_of=context.as_of)
    checker = FileChecker(policy, context, cache.open(len(files)) if cache is not None else None)
    try:
        with _relaxed_gc():
            _check_files(files, checker, config.jobs, report, progress)
    finally:
        if checker.cache is not None:
            checker.cache.close()
    report.sort()
    return report


def run_context(config: RunConfig, policy: "PolicySet | ResolvedPolicy") -> RunContext:
    """What date-aware and environment-aware rules see: the as-of date and the states a pack checks."""
    states = policy.pack_states() if isinstance(policy, PolicySet) else frozenset()
    from .. import rule  # the clock, read through the module: tests pin it in one place

    return RunContext(as_of=config.as_of or rule.today(), states_with_packs=states)


@contextmanager
def _relaxed_gc() -> Iterator[None]:
    """Checking an agreement allocates thousands of short-lived containers (nodes, dicts,
    models), so the cyclic collector would run every few hundred allocations, each time also
    scanning what the run keeps. Collect less often while checking; restore the thresholds
    afterwards."""
    thresholds = gc.get_threshold()
    gc.freeze()  # what exists before the run (modules, models, the policy) is never scanned
    gc.set_threshold(max(thresholds[0], 50_000), thresholds[1], thresholds[2])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _check_files(files: dict[str, InputProblem | None], checker: FileChecker, jobs: int, report: RunReport,
                 progress: Progress | None) -> None:
    """Check every file (in ``jobs`` processes), keeping of each only a compact result: its
    findings go to a store on disk as they arrive, in order."""
    store = FindingStore()
    policy = checker.policy
    items = sorted(files.items())
    for done, checked in enumerate(ordered_map(checker, items, jobs), start=1):
        if checked.summary is None:
            applied = None
        elif checked.policy_key is None:
            applied = policy
        else:
            applied = policy.for_state(*checked.policy_key)
        report.results.append(AgreementResult.stored(checked.path, checked.summary, applied, store,
                                                     store.append(checked.findings), Tally(checked.tally)))
        report.crashes.extend(checked.crashes)
        if checker.cache is not None and checked.fresh and not checked.crashes:  # a crash is never remembered
            checker.cache.add(checked.digest, checked)
        if progress is not None:
            progress(done, len(items))
