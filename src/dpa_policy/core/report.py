"""The whole-run report, the base class of the reporters that render it, and the exit-code
contract."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from ..findings import Finding, Severity

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


@dataclass
class AgreementResult:
    path: str
    findings: list[Finding]
    agreement: "Agreement | None" = None  # None when the file failed to load
    #: The policy applied to this agreement (its governing state's), None when it did not load.
    policy: "ResolvedPolicy | None" = None

    @property
    def loaded(self) -> bool:
        return self.agreement is not None

    def passed(self, fail_on: Severity) -> bool:
        return not any(f.severity >= fail_on and f.counts for f in self.findings)


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

    def __post_init__(self) -> None:
        self.sort()

    def sort(self) -> None:
        """Deterministic order everywhere: results by path, findings by position."""
        self.results.sort(key=lambda r: r.path)
        for result in self.results:
            result.findings.sort(key=Finding.sort_key)
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
        """Every finding, waived ones included, agreements' first, then the waiver file's."""
        return [f for r in self.results for f in r.findings] + self.waiver_findings

    def counts(self) -> dict[str, int]:
        """Findings that count (not waived), by severity."""
        by = Counter(str(f.severity) for f in self.findings if f.counts)
        return {str(s): by.get(str(s), 0) for s in sorted(Severity, reverse=True)}

    def incomplete_paths(self) -> set[str]:
        """Agreements on which a rule crashed: not fully checked, so never a pass."""
        return {c.file for c in self.crashes}

    def verdict(self, result: AgreementResult) -> str:
        """"incomplete" when a rule crashed on the agreement (whatever else it found),
        else "pass" or "fail" at --fail-on."""
        if result.path in self.incomplete_paths():
            return "incomplete"
        return "pass" if result.passed(self.fail_on) else "fail"

    def summary(self) -> dict[str, int]:
        incomplete = self.incomplete_paths()
        passed = sum(1 for r in self.results if r.path not in incomplete and r.passed(self.fail_on))
        failed = sum(1 for r in self.results if r.path not in incomplete and not r.passed(self.fail_on))
        return {
            "agreements": len(self.results),
            "passed": passed,
            "failed": failed,
            "incomplete": sum(1 for r in self.results if r.path in incomplete),
            "findings": sum(1 for f in self.findings if f.counts),
            "waived": sum(1 for f in self.findings if not f.counts),
            "internal_errors": len(self.crashes),
        }

    def exit_code(self) -> int:
        """3 if any rule crashed; else 1 if any finding that is not waived is at or above
        --fail-on (the waiver file's own findings included); else 0."""
        if self.crashes:
            return ExitCode.INTERNAL_ERROR
        if any(f.severity >= self.fail_on and f.counts for f in self.findings):
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
