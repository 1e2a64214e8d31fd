"""The whole-run report, the base class of the reporters that render it, and the exit-code
contract."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Iterator, TextIO

from ..findings import Finding, Outcome, Severity
from .results import AgreementSummary, FindingStore, Tally, decode_findings, reload_agreement

if TYPE_CHECKING:
    from ..model.agreement import Agreement
    from .engine import RuleCrash
    from .policy import ResolvedPolicy


class ExitCode:
    """The exit-code contract. No flag changes what a code means."""

    #: No finding at or above --fail-on.
    OK = 0
    #: Findings at or above --fail-on, including agreements that failed to load (DPA0xx).
    FINDINGS = 1
    #: The run could not be set up: bad flag, invalid policy, plugin failure, nothing to check.
    SETUP_ERROR = 2
    #: Internal error: a rule crashed, or dpa-policy itself failed.
    INTERNAL_ERROR = 3


#: Per-agreement verdicts, strongest first: a crashed rule beats everything (the agreement was
#: not fully checked), a violation at or above --fail-on beats a question for a person, and
#: only an agreement with neither passes.
INCOMPLETE, FAIL, NEEDS_REVIEW, PASS = "incomplete", "fail", "needs review", "pass"
VERDICTS = (PASS, FAIL, NEEDS_REVIEW, INCOMPLETE)


class AgreementResult:
    """One agreement's outcome in a run.

    Made two ways: with everything in memory, ``AgreementResult(path, findings, agreement,
    policy)`` (tests, embedding code), or compact, as a run makes it (:meth:`stored`): a
    :class:`~.results.AgreementSummary`, a :class:`~.results.Tally` and the findings in the
    run's :class:`~.results.FindingStore` (see :mod:`.results` for why). Either way:

    - ``findings`` is the list of findings; a stored result reads them back on first use and
      keeps them, so changes to the list stick. Code that only reads them, one agreement at a
      time, uses :meth:`iter_findings`, which keeps nothing;
    - ``agreement`` is the full model, or None when the file did not load; a compact result
      reads its file again (the last few are kept), refusing a file whose
      bytes are no longer those that were checked;
    - ``summary`` (id, vendor) and the verdict methods need neither.
    """

    __slots__ = ("path", "policy", "summary", "_findings", "_store", "_where", "_tally", "_agreement")

    def __init__(self, path: str, findings: "list[Finding] | None" = None, agreement: "Agreement | None" = None,
                 policy: "ResolvedPolicy | None" = None, *, summary: AgreementSummary | None = None) -> None:
        self.path = path
        self._findings: list[Finding] | None = findings if findings is not None else []
        self._agreement = agreement  # None when the file failed to load, or when the result is compact
        #: The policy applied to this agreement (its governing state's), None when it did not load.
        self.policy = policy
        if summary is None and agreement is not None:
            summary = AgreementSummary.of(agreement)
        #: id and vendor of the agreement, None when it did not load.
        self.summary = summary
        # A stored result's findings: its store, where in it, and its tally's counts (a tuple
        # shared by every result with the same counts): a few dozen bytes per agreement.
        self._store: FindingStore | None = None
        self._where = 0
        self._tally: tuple[int, ...] = ()

    @classmethod
    def stored(cls, path: str, summary: AgreementSummary | None, policy: "ResolvedPolicy | None",
               store: FindingStore, where: int, tally: Tally) -> "AgreementResult":
        """A compact result whose (sorted) findings are in ``store`` at ``where``."""
        result = cls(path, None, None, policy, summary=summary)
        result._findings, result._store, result._where, result._tally = None, store, where, tally.shared()
        return result

    @property
    def findings(self) -> list[Finding]:
        if self._findings is None:
            self._findings = decode_findings(self._store.read(self._where), self.path)  # type: ignore[union-attr]
        return self._findings

    @findings.setter
    def findings(self, findings: list[Finding]) -> None:
        self._findings = findings

    def iter_findings(self) -> "list[Finding]":
        """The findings, without keeping a stored result's in memory afterwards."""
        if self._findings is not None:
            return self._findings
        return decode_findings(self._store.read(self._where), self.path)  # type: ignore[union-attr]

    @property
    def tally(self) -> Tally:
        return Tally.of(self._findings) if self._findings is not None else Tally(self._tally)

    @property
    def finding_count(self) -> int:
        return len(self._findings) if self._findings is not None else sum(self._tally)

    def sort_findings(self) -> None:
        if self._findings is not None:  # a stored result's findings were stored sorted
            self._findings.sort(key=Finding.sort_key)

    @property
    def agreement(self) -> "Agreement | None":
        if self._agreement is not None or self.summary is None or self.summary.digest is None:
            return self._agreement
        return reload_agreement(self.path, self.summary)

    @property
    def loaded(self) -> bool:
        return self.summary is not None

    def passed(self, fail_on: Severity) -> bool:
        return not self.tally.count(at_least=fail_on)

    def fails(self, fail_on: Severity) -> bool:
        """A counted (not waived) violation at or above ``fail_on``."""
        return self.tally.count(at_least=fail_on, outcome=Outcome.VIOLATION) > 0

    def needs_review(self, fail_on: Severity) -> bool:
        """A counted (not waived) finding at or above ``fail_on`` that needs a person's review.
        Below ``fail_on`` (a policy's ``review: {severity: warning}``) it is shown, like any
        warning, and does not decide the verdict."""
        return self.tally.count(at_least=fail_on, outcome=Outcome.REVIEW) > 0

    def __repr__(self) -> str:
        return f"AgreementResult({self.path!r}, {self.finding_count} findings, loaded={self.loaded})"


@dataclass
class RunReport:
    policy: "ResolvedPolicy"
    fail_on: Severity
    results: list[AgreementResult] = field(default_factory=list)
    crashes: list["RuleCrash"] = field(default_factory=list)
    tool_version: str = ""
    #: Findings about the waivers file itself (DPA901-DPA904), located in that file.
    waiver_findings: list[Finding] = field(default_factory=list)
    #: The waivers file used, if any.
    waivers_source: str | None = None
    #: The configuration file the run's settings came from (.dpa-policy.yaml), if any.
    config_source: str | None = None
    #: The date every date judgement of the run was made as of (--as-of, default today).
    as_of: datetime.date | None = None

    def __post_init__(self) -> None:
        self.sort()

    def sort(self) -> None:
        """Deterministic order everywhere: results by path, findings by position."""
        self.results.sort(key=lambda r: r.path)
        for result in self.results:
            result.sort_findings()
        self.crashes.sort(key=lambda c: (c.file, c.code))

    def rules_run(self) -> list:
        """Every rule evaluated on some agreement (state packs included), sorted by code."""
        rules = {r.code: r for r in self.policy.rules}
        for result in self.results:
            if result.policy is not None:
                rules.update({r.code: r for r in result.policy.rules})
        return [rules[code] for code in sorted(rules)]

    @property
    def findings(self) -> list[Finding]:
        """Every finding, waived ones included, agreements' first, then the waiver file's.
        A large run's findings do not fit in memory at once: reporters use
        :meth:`iter_findings`."""
        return list(self.iter_findings())

    def iter_findings(self) -> Iterator[Finding]:
        """:attr:`findings`, one agreement's at a time, keeping none in memory."""
        for result in self.results:
            yield from result.iter_findings()
        yield from self.waiver_findings

    def tally(self) -> Tally:
        """Every finding counted by severity, outcome and waived or not (waiver file's included)."""
        totals = list(Tally.of(self.waiver_findings).as_tuple())
        for result in self.results:
            for index, n in enumerate(result.tally.as_tuple()):
                totals[index] += n
        return Tally(totals)

    def counts(self) -> dict[str, int]:
        """Findings that count (not waived), by severity."""
        tally = self.tally()
        return {str(s): tally.count(severity=s) for s in sorted(Severity, reverse=True)}

    def incomplete_paths(self) -> set[str]:
        """Agreements on which a rule crashed: not fully checked, so never a pass."""
        return {c.file for c in self.crashes}

    def verdict(self, result: AgreementResult, incomplete: set[str] | None = None) -> str:
        """"incomplete" when a rule crashed on the agreement (whatever else it found); else
        "fail" for a counted violation at or above --fail-on; else "needs review" for a counted
        review finding at or above --fail-on (the tool could not decide: never a pass); else
        "pass"."""
        if result.path in (self.incomplete_paths() if incomplete is None else incomplete):
            return INCOMPLETE
        if result.fails(self.fail_on):
            return FAIL
        if result.needs_review(self.fail_on):
            return NEEDS_REVIEW
        return PASS

    def verdicts(self) -> dict[str, int]:
        """Agreements per verdict, every verdict present."""
        incomplete = self.incomplete_paths()
        by = Counter(self.verdict(r, incomplete) for r in self.results)
        return {v: by.get(v, 0) for v in VERDICTS}

    def summary(self) -> dict[str, int]:
        verdicts = self.verdicts()
        tally = self.tally()
        return {
            "agreements": len(self.results),
            "passed": verdicts[PASS],
            "failed": verdicts[FAIL],
            "needs_review": verdicts[NEEDS_REVIEW],
            "incomplete": verdicts[INCOMPLETE],
            "findings": tally.count(),
            "review_findings": tally.count(outcome=Outcome.REVIEW),
            "waived": tally.count(counted=False),
            "internal_errors": len(self.crashes),
        }

    def exit_code(self) -> int:
        """3 if any rule crashed; else 1 if any finding that is not waived is at or above
        --fail-on, violation or review alike (the waiver file's own findings included); else 0.
        A review finding fails the run unless the policy lowers its severity below --fail-on."""
        if self.crashes:
            return ExitCode.INTERNAL_ERROR
        if self.tally().count(at_least=self.fail_on):
            return ExitCode.FINDINGS
        return ExitCode.OK


def crashed_rules(crashes: "list[RuleCrash]") -> list[str]:
    """Each rule that crashed, once, as "DPA101 [district-data-ownership]", by code: what
    every summary names when the run is incomplete."""
    return [f"{code} [{slug}]" for code, slug in sorted({(c.code, c.slug) for c in crashes})]


def incomplete_note(crashes: "list[RuleCrash]") -> str:
    """The sentence every summary carries when a rule crashed (empty when none did)."""
    if not crashes:
        return ""
    rules = crashed_rules(crashes)
    return (f"Run incomplete: rule{'s' if len(rules) > 1 else ''} {', '.join(rules)} crashed, "
            "so the results are not a pass.")


class Reporter:
    """Base class of output formats ("reporters").

    A reporter renders the *whole* run report to text at once, so every format is a complete
    document (JSON, SARIF, JUnit...) and can be written atomically. It lives here, beside the
    report it renders, so that the hook specifications can name it without importing the
    reporters (:mod:`dpa_policy.reporters` re-exports it for plugins).
    """

    #: The name users pass to --format.
    name: ClassVar[str]
    #: One line for --help.
    description: ClassVar[str] = ""

    def render(self, report: RunReport) -> str:
        raise NotImplementedError

    def write(self, report: RunReport, out: TextIO) -> None:
        """Write what :meth:`render` returns to ``out``. A reporter that can write its
        document piece by piece overrides this, so that a large run's output is never in
        memory whole (the command line writes through this method)."""
        out.write(self.render(report))
