"""Evaluate one agreement against the resolved policy.

Rules say *what* is wrong and *where* in the data; the engine stamps identity (code, slug),
severity and the file position. A rule that raises is recorded as a crash, which makes the
run exit 3: a crashed rule is never a pass.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass

from ..findings import INPUT_CODES, Finding, InputProblem, Severity, json_pointer
from .document import AgreementDocument
from .policy import ResolvedPolicy


@dataclass(frozen=True)
class RuleCrash:
    code: str
    slug: str
    file: str
    error: str
    traceback: str


def evaluate(doc: AgreementDocument, policy: ResolvedPolicy, display: str) -> tuple[list[Finding], list[RuleCrash]]:
    findings: list[Finding] = []
    crashes: list[RuleCrash] = []
    for resolved in policy.rules:
        try:
            violations = list(resolved.rule.check(doc.agreement, resolved.options))
        except Exception as exc:  # noqa: BLE001 - any rule failure must surface, never pass
            crashes.append(RuleCrash(resolved.code, resolved.slug, display,
                                     f"{exc.__class__.__name__}: {exc}", traceback.format_exc()))
            continue
        for violation in violations:
            path = tuple(violation.path)
            position = doc.source_map.locate(path)
            findings.append(Finding(
                file=display,
                line=position.line,
                column=position.column,
                code=resolved.code,
                slug=resolved.slug,
                severity=resolved.severity,
                message=violation.message,
                pointer=json_pointer(path),
                observed=violation.observed,
                required=violation.required,
                layer=_layer(resolved, violation),
            ))
    return findings, crashes


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
