"""Orchestration: discover agreement files, check each one, build the whole-run report.

Pure apart from reading files: no printing, no exit codes (that is the CLI's job).
"""

from __future__ import annotations

import gc
import os
import stat
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pluggy

from .document import load_agreement
from .engine import evaluate, input_findings
from .errors import NothingToCheck, UsageError
from .findings import InputProblem, Position, Severity
from .policy import PolicySet, ResolvedPolicy
from .reading import os_reason
from .report import AgreementResult, RunReport

AGREEMENT_SUFFIXES = (".yaml", ".yml")
DEFAULT_PATH = "agreements"


@dataclass(frozen=True)
class RunConfig:
    paths: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    allow_empty: bool = False


def discover(paths: tuple[str, ...]) -> list[str]:
    """Files named explicitly are checked whatever their suffix; folders are searched for
    *.yaml / *.yml, skipping hidden folders. The result is sorted and free of duplicates."""
    return sorted(_discover(paths))


def _discover(paths: tuple[str, ...]) -> dict[str, InputProblem | None]:
    """Every path to check, with the problem already found for it (a folder that cannot be
    listed). Whatever is not a folder is kept, FIFOs and broken links included: reading it
    reports why it is not an agreement, where skipping it would pass it in silence."""
    found: dict[str, InputProblem | None] = {}
    for given in paths or (DEFAULT_PATH,):
        path = Path(given)
        try:
            is_folder = stat.S_ISDIR(os.stat(path).st_mode)
        except (FileNotFoundError, NotADirectoryError):
            if not os.path.islink(path):  # a broken link named explicitly is read, and reported
                hint = " (no path given, so the default folder 'agreements' was used)" if not paths else ""
                raise UsageError(f"path not found: {given}{hint}") from None
            is_folder = False
        except OSError:  # a link loop, a path too long: reading it says so
            is_folder = False
        if is_folder:
            _search(path, found)
        else:
            found.setdefault(path.as_posix(), None)
    return found


def _search(top: Path, found: dict[str, InputProblem | None]) -> None:
    """Walk ``top`` without recursion (a tree can be thousands of levels deep) and without
    following symbolic links to folders (they can loop)."""
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted((entry.name, entry) for entry in listing)
        except OSError as exc:
            found[folder.as_posix()] = InputProblem("DPA006", f"cannot list folder: {os_reason(exc, folder)}",
                                                    Position(1, 1))
            continue
        for name, entry in entries:
            if name.startswith("."):
                continue
            child = folder / name
            if _is_folder(entry, follow_symlinks=False):
                pending.append(child)
            elif Path(name).suffix in AGREEMENT_SUFFIXES and not _is_folder(entry, follow_symlinks=True):
                found.setdefault(child.as_posix(), None)


def _is_folder(entry: os.DirEntry, *, follow_symlinks: bool) -> bool:
    try:
        return entry.is_dir(follow_symlinks=follow_symlinks)
    except OSError:  # cannot tell (a link loop, a path too long): treat it as a file, and report it
        return False


def run(config: RunConfig, policy: "PolicySet | ResolvedPolicy", pm: pluggy.PluginManager | None = None,
        tool_version: str = "") -> RunReport:
    """Check every discovered agreement. With a :class:`PolicySet`, each agreement is checked
    against the policy resolved for its governing state (state packs included)."""
    files = _discover(config.paths)
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
