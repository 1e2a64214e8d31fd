"""Both versions checked with the same policy (each resolved for its own governing state):
the rules whose verdict flipped between pass and fail, and the whole :class:`DiffReport`
with its exit code."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from ..core.report import ExitCode
from .changes import compare
from .classify import Change, Impact

if TYPE_CHECKING:  # pragma: no cover
    from ..core.document import AgreementDocument
    from ..core.engine import RuleCrash
    from ..core.policy import PolicySet
    from ..findings import Finding, InputProblem, Severity


class Flip(NamedTuple):
    """A rule whose verdict changed between the two versions."""

    code: str
    slug: str
    was: str  # "pass", "fail" or "not applied"
    now: str
    #: The new version's findings when the rule now fails; the old one's when it now passes.
    findings: tuple["Finding", ...]

    @property
    def to_fail(self) -> bool:
        return self.now == "fail"

    @property
    def severity(self) -> "Severity":
        return max(f.severity for f in self.findings)


class DiffReport:
    def __init__(self, old: str, new: str, policy: str, fail_on: "Severity") -> None:
        self.old, self.new, self.policy, self.fail_on = old, new, policy, fail_on
        self.changes: list[Change] = []
        self.flips: list[Flip] = []
        self.still_failing: list[str] = []
        #: (display, problem) for a file that could not be loaded: nothing is compared then.
        self.problems: list[tuple[str, "InputProblem"]] = []
        self.crashes: list["RuleCrash"] = []
        #: The policy's ``diff: {sensitive_data_added: ...}`` for the new version: True
        #: ("fail", the default) makes an added sensitive data element fail the run.
        self.sensitive_additions_fail = True

    def count(self, impact: Impact) -> int:
        return sum(1 for c in self.changes if c.impact is impact)

    def sensitive_additions(self) -> list[Change]:
        """Data in a sensitive category the vendor now receives (health, disability...)."""
        return [c for c in self.changes if c.impact is Impact.EXPANDED and c.note.startswith("sensitive")]

    def failing_flips(self) -> list[Flip]:
        """Rules that now fail at or above --fail-on: these fail the run."""
        return [f for f in self.flips if f.to_fail and f.severity >= self.fail_on]

    def exit_code(self) -> int:
        if self.crashes:
            return ExitCode.INTERNAL_ERROR
        if self.problems or self.count(Impact.WEAKENED) or self.count(Impact.REVIEW) or self.failing_flips():
            return ExitCode.FINDINGS
        if self.sensitive_additions_fail and self.sensitive_additions():
            return ExitCode.FINDINGS
        return ExitCode.OK


def verdict_flips(old: "AgreementDocument", new: "AgreementDocument", policy_set: "PolicySet",
                  old_display: str, new_display: str,
                  as_of: "datetime.date | None" = None) -> tuple[list[Flip], list[str], list["RuleCrash"]]:
    """Check both versions, each with the policy for its governing state and both as of the
    same date (default today); return the rules whose verdict flipped (newly failing first,
    then by code), the rules failing in both, and any rule crashes (a crashed rule has no
    verdict and is never a flip)."""
    from ..core.engine import evaluate
    from ..rule import RunContext, today

    context = RunContext(as_of=as_of or today(), states_with_packs=policy_set.pack_states())
    sides = []
    crashes = []
    for doc, display in ((old, old_display), (new, new_display)):
        policy = policy_set.for_agreement(doc.agreement)
        findings, crashed = evaluate(doc, policy, display, context)
        crashes.extend(crashed)
        by_code: dict[str, list] = {r.code: [] for r in policy.rules}
        for finding in findings:
            by_code[finding.code].append(finding)
        slugs = {r.code: r.slug for r in policy.rules}
        sides.append((by_code, slugs, {c.code for c in crashed}))
    (before, old_slugs, old_crashed), (after, new_slugs, new_crashed) = sides

    def verdict(by_code: dict[str, list], code: str) -> str:
        if code not in by_code:
            return "not applied"
        return "fail" if by_code[code] else "pass"

    flips, still = [], []
    for code in sorted(set(before) | set(after)):
        if code in old_crashed or code in new_crashed:
            continue
        was, now = verdict(before, code), verdict(after, code)
        slug = new_slugs.get(code) or old_slugs[code]
        if was == "fail" and now == "fail":
            still.append(code)
        elif now == "fail":
            flips.append(Flip(code, slug, was, now, tuple(sorted(after[code], key=lambda f: f.sort_key()))))
        elif was == "fail":
            flips.append(Flip(code, slug, was, now, tuple(sorted(before[code], key=lambda f: f.sort_key()))))
    flips.sort(key=lambda f: (not f.to_fail, f.code))
    return flips, still, sorted(crashes, key=lambda c: (c.file, c.code))


def build_report(old: "AgreementDocument | list[InputProblem]", new: "AgreementDocument | list[InputProblem]",
                 old_display: str, new_display: str, policy_set: "PolicySet", fail_on: "Severity",
                 as_of: "datetime.date | None" = None) -> DiffReport:
    report = DiffReport(old_display, new_display, policy_set.name, fail_on)
    for loaded, display in ((old, old_display), (new, new_display)):
        if isinstance(loaded, list):
            report.problems.extend((display, p) for p in sorted(loaded))
    if report.problems:
        return report
    report.changes = compare(old.agreement, new.agreement)
    report.sensitive_additions_fail = sensitive_additions_fail(policy_set, new.agreement)
    report.flips, report.still_failing, report.crashes = verdict_flips(old, new, policy_set, old_display, new_display,
                                                                       as_of)
    return report


def sensitive_additions_fail(policy_set: "PolicySet", agreement: Any) -> bool:
    """The policy's ``diff: {sensitive_data_added: fail|allow}`` for ``agreement``: the last
    of its layers (as ``check`` resolves them for the agreement) that sets it wins; "fail"
    when none does."""
    value = "fail"
    for doc in policy_set.layers_for(*policy_set.resolution_key(agreement)):
        setting = doc.policy.diff
        if setting is not None and setting.sensitive_data_added is not None:
            value = setting.sensitive_data_added
    return value == "fail"
