"""Checking one agreement file, down to a compact, plain :class:`Checked` record.

The record is what a worker process sends back (:mod:`.parallel`), what the cache keeps
(:mod:`.cache`) and what the run turns into an :class:`~.report.AgreementResult`: one code
path whatever the number of processes or the state of the cache, so their output is the same
byte for byte.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from ..findings import Finding, InputProblem
from ..rule import RunContext
from .document import load_agreement_bytes
from .engine import RuleCrash, evaluate, input_findings
from .policy import PolicySet, ResolvedPolicy
from .reading import LoadFailed, read_bytes
from .results import AgreementSummary, Tally, encode_findings, file_digest


class Checked(NamedTuple):
    """One agreement, checked: everything the run keeps of it."""

    path: str
    #: id and vendor, None when the file did not load.
    summary: AgreementSummary | None
    #: Which of the policy set's resolutions applied (``PolicySet.for_state(*key)``); None
    #: when the file did not load, or when the run had one resolved policy for every file.
    policy_key: tuple | None
    #: The findings, sorted, as :func:`~.results.encode_findings` writes them.
    findings: bytes
    #: :meth:`~.results.Tally.as_tuple` of the findings.
    tally: tuple[int, ...]
    crashes: tuple[RuleCrash, ...] = ()
    #: :func:`~.results.file_digest` of the file's bytes, None when they could not be read.
    digest: bytes | None = None
    #: True when checked now, False when read from the cache (the main process caches the former).
    fresh: bool = False


class FileChecker:
    """Checks one file: read, load, evaluate, encode. The same object runs in the main process
    and, inherited through fork, in every worker process, so workers see the very plugins,
    rules and policy the run was set up with, including plugins registered in-process."""

    def __init__(self, policy: PolicySet | ResolvedPolicy, context: RunContext, cache: Any = None) -> None:
        self.policy = policy
        self.context = context
        #: A :class:`~.cache.FindingsCache` to read from, or None to evaluate every file.
        self.cache = cache

    def __call__(self, item: tuple[str, InputProblem | None]) -> Checked:
        display, problem = item
        if problem is not None:  # found while discovering (a folder that cannot be listed)
            return _not_loaded(display, [problem])
        try:
            raw = read_bytes(display)
        except LoadFailed as failed:  # not a regular file, unreadable: nothing to key a cache entry by
            return _not_loaded(display, failed.problems)
        digest = file_digest(raw)
        if self.cache is not None:
            hit = self.cache.get(digest)
            if hit is not None:
                return hit._replace(path=display)
        return self._check(display, raw, digest)._replace(digest=digest, fresh=True)

    def _check(self, display: str, raw: bytes, digest: bytes) -> Checked:
        loaded = load_agreement_bytes(raw, Path(display))
        if isinstance(loaded, list):
            return _not_loaded(display, loaded)
        if isinstance(self.policy, PolicySet):
            key: tuple | None = self.policy.resolution_key(loaded.agreement)
            applied = self.policy.for_state(*key)
        else:
            key, applied = None, self.policy
        findings, crashes = evaluate(loaded, applied, display, self.context)
        findings.sort(key=Finding.sort_key)
        return Checked(display, AgreementSummary.of(loaded.agreement, digest, self.context.as_of), key,
                       encode_findings(findings),
                       Tally.of(findings).as_tuple(), tuple(crashes))


def _not_loaded(display: str, problems: list[InputProblem]) -> Checked:
    findings = sorted(input_findings(problems, display), key=Finding.sort_key)
    return Checked(display, None, None, encode_findings(findings), Tally.of(findings).as_tuple())
