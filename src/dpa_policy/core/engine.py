"""Evaluate one agreement against the resolved policy.

Rules say *what* is wrong and *where* in the data; the engine stamps identity (code, slug),
severity, outcome (violation or review) and the file position. A rule that raises is recorded
as a crash, which makes the run exit 3: a crashed rule is never a pass.

A rule whose ``check`` declares a third parameter receives the run's
:class:`~dpa_policy.rule.RunContext` (the as-of date, the states with packs); the signature is
inspected once per rule class.
"""

from __future__ import annotations

import inspect
import traceback
from dataclasses import dataclass
from functools import lru_cache

from ..findings import INPUT_CODES, Finding, InputProblem, Outcome, Severity, json_pointer
from ..rule import RunContext
from .document import AgreementDocument
from .policy import ResolvedPolicy, ResolvedRule


@dataclass(frozen=True)
class RuleCrash:
    code: str
    slug: str
    file: str
    error: str
    traceback: str


def evaluate(doc: AgreementDocument, policy: ResolvedPolicy, display: str,
             context: RunContext | None = None) -> tuple[list[Finding], list[RuleCrash]]:
    """Every rule of ``policy`` on one agreement. ``context`` defaults to a run as of today
    with no state packs known."""
    if context is None:
        context = RunContext()
    findings: list[Finding] = []
    crashes: list[RuleCrash] = []
    agreement, locate = doc.agreement, doc.source_map.locate
    for resolved in policy.rules:
        rule = resolved.rule
        try:
            if takes_context(type(rule)):
                violations = list(rule.check(agreement, resolved.options, context))
            else:
                violations = list(rule.check(agreement, resolved.options))
        except Exception as exc:  # noqa: BLE001 - any rule failure must surface, never pass
            crashes.append(RuleCrash(resolved.code, resolved.slug, display,
                                     f"{exc.__class__.__name__}: {exc}", traceback.format_exc()))
            continue
        for violation in violations:
            path = tuple(violation.path)
            line, column = locate(path)
            outcome = _outcome(resolved, violation, policy)
            severity = (policy.review_severity if outcome is Outcome.REVIEW and policy.review_severity is not None
                        else resolved.severity)
            # Positional, in Finding's field order: a run makes one per finding.
            findings.append(Finding(display, line, column, resolved.code, resolved.slug, severity, violation.message,
                                    json_pointer(path), violation.observed, violation.required,
                                    _layer(resolved, violation), None, outcome))
    return findings, crashes


@lru_cache(maxsize=None)
def takes_context(rule_class: type) -> bool:
    """True when the rule's check() accepts a third argument (the run context)."""
    parameters = list(inspect.signature(rule_class.check).parameters.values())[1:]  # without self
    if any(p.kind is inspect.Parameter.VAR_POSITIONAL for p in parameters):
        return True
    positional = [p for p in parameters if p.kind in (inspect.Parameter.POSITIONAL_ONLY,
                                                      inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    return len(positional) >= 3


def _outcome(resolved: ResolvedRule, violation, policy: ResolvedPolicy) -> Outcome:
    """Review when the rule cannot decide (the violation or the rule says so), or when the
    policy sends findings of rules with an unconfirmed legal basis to review."""
    rule = resolved.registered.rule
    if violation.review or rule.outcome == "review":
        return Outcome.REVIEW
    if policy.review_unconfirmed and rule.confidence == "unconfirmed":
        return Outcome.REVIEW
    return Outcome.VIOLATION


def _layer(resolved, violation) -> str:
    """The layer that required what the violation enforces: the one that set its option, if
    the rule names one and a layer set it, else the one that enabled the rule."""
    if violation.option is not None:
        return dict(resolved.provenance).get(f"options.{violation.option}", resolved.required_by)
    return resolved.required_by


def input_findings(problems: list[InputProblem], display: str) -> list[Finding]:
    """Input problems become error findings with their reserved codes."""
    return [
        Finding(display, p.position.line, p.position.column, p.code, INPUT_CODES[p.code][0],
                Severity.ERROR, p.message)
        for p in problems
    ]
