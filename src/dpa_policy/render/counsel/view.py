"""The counsel report as plain data: what a lawyer reads, computed once from a run.

:func:`build` turns a :class:`~dpa_policy.core.report.RunReport` into a
:class:`~.view_models.CounselReport` (the shapes are in :mod:`.view_models`):
portfolio numbers, then one section per agreement with its verdict, its findings grouped by
clause (the clause's citation and the contract's own words beside the value that fails, the
rule's rationale and legal basis, what would fix it), its waivers, what it shares and its
term. The renderers (:mod:`dpa_policy.render.counsel.render`) only lay this out: every text here
is plain, unescaped text, and each renderer escapes it for its format.

Everything is computed against ``as_of`` (never "today" inside this module), so the same run
and date give the same report, byte for byte.
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any, Iterator, Sequence

from pydantic import BaseModel

from ...core.report import AgreementResult, RunReport
from ...findings import INPUT_CODES, Finding, Severity
from ...model.vocabulary import ELEMENTS, LAWS, SUBJECT_LABELS, SUBJECTS
from ..dates import long_date
from .notes import Facts, portfolio_notes
from .plain import basis_text, finding_text, us_dates, value_text
from .provenance import imported_from, review_status, source_view
from .view_models import (
    CLAUSE_LABELS,
    CURRENT,
    EXPIRED,
    EXPIRING,
    FAIL,
    INCOMPLETE,
    MODEL_LABELS,
    NEEDS_REVIEW,
    OPEN_ENDED,
    OTHER_CLAUSE,
    OTHER_LABEL,
    PASS,
    PASS_WAIVED,
    TERM_LABELS,
    UNREADABLE,
    VERDICT_LABELS,
    AgreementRow,
    AgreementView,
    Block,
    ClauseView,
    CounselReport,
    ElementView,
    FindingView,
    RuleCount,
    RuleFindings,
    SubjectView,
    TermView,
    WaiverView,
)


# --------------------------------------------------------------------------- rule prose
def prose(text: str) -> tuple[Block, ...]:
    """Split a rule's documentation section into paragraphs and bullet lists: blank lines
    separate paragraphs, "- " starts a bullet, other lines continue the one before."""
    blocks: list[Block] = []
    para: list[str] = []
    items: list[list[str]] = []

    def flush() -> None:
        if para:
            blocks.append(Block(text=" ".join(para)))
            para.clear()
        if items:
            blocks.append(Block(items=tuple(" ".join(i) for i in items)))
            items.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("- "):
            if para:
                flush()
            items.append([line[2:].strip()])
        elif items:
            items[-1].append(line)
        else:
            para.append(line)
    flush()
    return tuple(blocks)


# --------------------------------------------------------------------------- the view
def build(report: RunReport, as_of: datetime.date, expiring_within_days: int = 90) -> CounselReport:
    """The counsel view of a run, judged as of ``as_of``. One pass over the agreements
    counts what the portfolio summary shows and keeps a line per agreement; the full view
    of each is built again, one at a time, when its section is written
    (:class:`AgreementViews`), so memory does not grow with the size of the run."""
    views = AgreementViews(report, as_of, expiring_within_days)
    verdicts: Counter[str] = Counter()
    terms: Counter[str] = Counter()
    rule_agreements: Counter[str] = Counter()
    rule_findings: Counter[str] = Counter()
    rule_info: dict[str, tuple[str, str]] = {}
    rows = []
    facts = []
    for index, result in enumerate(report.results, start=1):
        row, failing = _row(result, index, report.fail_on, as_of, expiring_within_days, views.crashes_of(result))
        rows.append(row)
        if result.summary is not None:  # read now, while the row's reading of the file is cached
            facts.append(Facts.of(result))
        verdicts[row.verdict] += 1
        if row.term is not None:
            terms[row.term.status] += 1
        for code, found in failing.items():
            rule_agreements[code] += 1
            rule_findings[code] += len(found)
            if code not in rule_info:
                rule_info[code] = _rule_identity(code, found[0].slug, result)
    top = sorted(rule_agreements, key=lambda code: (-rule_agreements[code], -rule_findings[code], code))
    expiring = sorted((a for a in rows if a.term is not None and a.term.status in (EXPIRED, EXPIRING)),
                      key=lambda a: (a.term.expires, a.path))
    return CounselReport(
        as_of=as_of,
        expiring_within_days=expiring_within_days,
        policy=report.policy.name,
        fail_on=str(report.fail_on),
        tool_version=report.tool_version,
        waivers_source=report.waivers_source,
        agreements=views,
        rows=tuple(rows),
        verdicts={v: verdicts.get(v, 0) for v in VERDICT_LABELS},
        terms={t: terms.get(t, 0) for t in TERM_LABELS},
        top_rules=tuple(RuleCount(code, *rule_info[code], rule_agreements[code], rule_findings[code]) for code in top),
        expiring=tuple(expiring),
        waiver_file_findings=tuple(_finding(f, None, report.fail_on, as_of, 0) for f in report.waiver_findings),
        crashes=tuple(f"rule {c.code} ({c.slug}) crashed on {c.file}: {c.error}" for c in report.crashes),
        waived_findings=sum(row.waived_count for row in rows),
        notes=portfolio_notes(facts),
    )


class AgreementViews(Sequence[AgreementView]):
    """The :class:`AgreementView` of each agreement of a run, in order, built from the run's
    compact results (and the agreement's file, read again) each time one is asked for."""

    def __init__(self, report: RunReport, as_of: datetime.date, expiring_within_days: int) -> None:
        self._report = report
        self._as_of = as_of
        self._expiring_within_days = expiring_within_days
        self._crashed: dict[str, list[str]] = {}
        for crash in report.crashes:
            self._crashed.setdefault(crash.file, []).append(f"rule {crash.code} ({crash.slug}) crashed: {crash.error}")

    def __len__(self) -> int:
        return len(self._report.results)

    def crashes_of(self, result: AgreementResult) -> tuple[str, ...]:
        return tuple(self._crashed.get(result.path, ()))

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        result = self._report.results[index]  # IndexError past the end, as a sequence should
        return _agreement(result, index + 1, self._report.fail_on, self._as_of, self._expiring_within_days,
                          self.crashes_of(result))

    def __iter__(self) -> Iterator[AgreementView]:
        return (self[index] for index in range(len(self)))


def _row(result: AgreementResult, index: int, fail_on: Severity, as_of: datetime.date, expiring_within_days: int,
         crashes: tuple[str, ...]) -> tuple[AgreementRow, dict[str, list[Finding]]]:
    """An agreement's line in the portfolio's lists, and its failing findings by rule: what
    :func:`_agreement` would show of it, without building its view."""
    findings = result.iter_findings()
    failing = [f for f in findings if _fails(f, fail_on) and not f.needs_review]  # a question is not a failure
    waived = sum(1 for f in findings if f.waiver is not None)
    agreement = result.agreement
    if agreement is None:
        return AgreementRow(f"agreement-{index}", result.path, UNREADABLE, None, None, None, len(failing), waived), {}
    by_code: dict[str, list[Finding]] = {}
    for finding in failing:
        by_code.setdefault(finding.code, []).append(finding)
    summary = result.summary
    row = AgreementRow(f"agreement-{index}", result.path, _verdict(result, findings, fail_on, crashes),
                       summary.id if summary is not None else agreement.id,
                       summary.vendor if summary is not None else agreement.parties.vendor.name,
                       _term(agreement.term, as_of, expiring_within_days), len(failing), waived)
    return row, by_code


def _rule_identity(code: str, slug: str, result: AgreementResult) -> tuple[str, str]:
    """(slug, summary) of a rule as its section in the report names it."""
    resolved = next((r for r in result.policy.rules if r.code == code), None) if result.policy is not None else None
    if resolved is None:  # not a rule of the policy: an input problem or a stranger
        return slug, INPUT_CODES.get(code, ("", ""))[1]
    return resolved.slug, us_dates(resolved.registered.rule.summary())


def _fails(finding: Finding, fail_on: Severity) -> bool:
    return finding.counts and finding.severity >= fail_on


def _verdict(result: AgreementResult, findings: list[Finding], fail_on: Severity, crashes: tuple[str, ...]) -> str:
    if crashes:
        return INCOMPLETE
    if result.fails(fail_on):
        return FAIL
    if result.needs_review(fail_on):
        return NEEDS_REVIEW
    if any(f.waiver is not None for f in findings):
        return PASS_WAIVED
    return PASS


def _agreement(result: AgreementResult, index: int, fail_on: Severity, as_of: datetime.date,
               expiring_within_days: int, crashes: tuple[str, ...]) -> AgreementView:
    anchor = f"agreement-{index}"
    agreement = result.agreement
    findings = result.iter_findings()  # read from the run's store, not kept on the result
    if agreement is None:
        problems = tuple(_finding(f, None, fail_on, as_of, 0) for f in findings)
        return AgreementView(anchor, result.path, UNREADABLE, input_problems=problems, crashes=crashes)
    policy = result.policy
    rules = {r.code: r for r in policy.rules} if policy is not None else {}
    warn_days = policy.waivers.warn_days_before_expiry if policy is not None else 30

    by_clause: dict[str, dict[str, list[FindingView]]] = {}
    for finding in findings:
        resolved = rules.get(finding.code)
        rule_cls = resolved.registered.rule if resolved is not None else None
        clause = (rule_cls.clause if rule_cls is not None else None) or _clause_of(finding.pointer)
        key = clause if clause in CLAUSE_LABELS else OTHER_CLAUSE
        view = _finding(finding, agreement, fail_on, as_of, warn_days)
        by_clause.setdefault(key, {}).setdefault(finding.code, []).append(view)

    clauses = []
    for key in (*CLAUSE_LABELS, OTHER_CLAUSE):
        if key not in by_clause:
            continue
        model = getattr(agreement.clauses, key, None) if key != OTHER_CLAUSE else None
        groups = []
        for code in sorted(by_clause[key]):
            resolved = rules.get(code)
            groups.append(_rule_findings(code, resolved, tuple(by_clause[key][code])))
        clauses.append(ClauseView(
            key=key,
            label=CLAUSE_LABELS.get(key, OTHER_LABEL),
            present=model is not None or key == OTHER_CLAUSE,
            citation=getattr(model, "citation", None),
            text=getattr(model, "text", None),
            rules=tuple(groups),
            page=getattr(model, "page", None),
        ))

    verdict = _verdict(result, findings, fail_on, crashes)
    with_findings = {f.code for f in findings}
    passed_rules = tuple((r.code, r.slug, us_dates(r.registered.rule.summary()))
                         for r in sorted(rules.values(), key=lambda r: r.code) if r.code not in with_findings)
    laws = ()
    if agreement.clauses.legal_compliance is not None:
        lc = agreement.clauses.legal_compliance
        laws = tuple(LAWS.get(law, law) for law in lc.laws) + tuple(lc.other_laws)
    vendor = agreement.parties.vendor
    district = agreement.parties.district
    return AgreementView(
        anchor=anchor,
        path=result.path,
        verdict=verdict,
        id=agreement.id,
        title=agreement.title,
        vendor=vendor.name,
        district=district.name,
        district_state=district.state,
        products=tuple((p.name, p.description) for p in agreement.products),
        policy=policy.name if policy is not None else None,
        term=_term(agreement.term, as_of, expiring_within_days),
        data=_data(agreement.data),
        laws=laws,
        clauses=tuple(clauses),
        passed_rules=passed_rules,
        crashes=crashes,
        imported_from=imported_from(agreement),
        review_status=review_status(agreement, long_date),
    )


def _rule_findings(code: str, resolved: Any, findings: tuple[FindingView, ...]) -> RuleFindings:
    if resolved is None:  # not a rule of the policy: an input problem or a stranger
        summary = INPUT_CODES.get(code, ("", ""))[1]
        return RuleFindings(code, findings[0].slug, summary, (), (), None, findings)
    rule_cls = resolved.registered.rule
    sections = rule_cls.doc_sections()
    return RuleFindings(
        code=code,
        slug=resolved.slug,
        summary=us_dates(rule_cls.summary()),
        why=prose(basis_text(sections.get("Why it matters", ""))),
        legal_basis=prose(basis_text(sections.get("Legal basis", ""))),
        # Built from this agreement's resolved policy: its state's window, triggers, levels...
        model_clause=resolved.rule.model_clause(resolved.options),
        findings=findings,
    )


def _finding(finding: Finding, agreement: Any, fail_on: Severity, as_of: datetime.date, warn_days: int) -> FindingView:
    waiver = None
    if finding.waiver is not None:
        entry = finding.waiver.entry
        days = (entry.expires - as_of).days
        waiver = WaiverView(entry.approver, entry.expires, entry.justification, days, finding.waiver.source,
                            days <= warn_days)
    return FindingView(
        code=finding.code,
        slug=finding.slug,
        severity=str(finding.severity),
        message=finding_text(finding.message),
        location=f"{finding.file}:{finding.line}:{finding.column}",
        pointer=finding.pointer,
        observed=value_text(finding.observed),
        required=value_text(finding.required),
        citation=_citation(agreement, finding.pointer) if agreement is not None else None,
        layer=finding.layer,
        fails=_fails(finding, fail_on),
        waiver=waiver,
        review=finding.needs_review,
        source=source_view(agreement, finding.pointer, _clause_text(agreement, finding.pointer)),
    )


def _clause_text(agreement: Any, pointer: str) -> str | None:
    """The text of the clause the pointer is in: what the report quotes above its findings."""
    clause = _clause_of(pointer)
    return getattr(getattr(agreement.clauses, clause, None), "text", None) if clause and agreement else None


def _pointer_parts(pointer: str) -> list[str]:
    if not pointer.startswith("/"):
        return []
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer[1:].split("/")]


def _clause_of(pointer: str) -> str | None:
    parts = _pointer_parts(pointer)
    return parts[1] if len(parts) > 1 and parts[0] == "clauses" else None


def _citation(agreement: Any, pointer: str) -> str | None:
    """The deepest citation on the way to the value the pointer names: a disposal window's
    own "Section 9(a)" rather than its clause's "Section 9"."""
    found = None
    node: Any = agreement
    for part in _pointer_parts(pointer):
        if isinstance(node, BaseModel):
            node = getattr(node, part, None)
        elif isinstance(node, (list, tuple)) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            break
        citation = getattr(node, "citation", None)
        if isinstance(node, BaseModel) and isinstance(citation, str) and citation:
            found = citation
    return found


def _term(term: Any, as_of: datetime.date, expiring_within_days: int) -> TermView:
    days = (term.expires - as_of).days if term.expires is not None else None
    if days is None:
        status = OPEN_ENDED
    elif days < 0:
        status = EXPIRED
    elif days <= expiring_within_days:
        status = EXPIRING
    else:
        status = CURRENT
    return TermView(term.effective, term.expires, days, status, term.governing_state,
                    MODEL_LABELS.get(term.model, term.model), term.model_version)


def _data(data: Any) -> tuple[SubjectView, ...]:
    subjects = []
    for subject in SUBJECTS:
        group = getattr(data, subject, None)
        if group is None:
            continue
        elements = tuple(
            ElementView(key, ELEMENTS[key].category_label, ELEMENTS[key].label, ELEMENTS[key].sensitive)
            if key in ELEMENTS else ElementView(key, "", key, False)
            for key in group.elements
        )
        subjects.append(SubjectView(subject, SUBJECT_LABELS[subject], elements,
                                    tuple(group.other_elements), tuple(group.purposes)))
    return tuple(subjects)


__all__ = ["AgreementView", "Block", "ClauseView", "CounselReport", "FindingView", "RuleFindings", "build", "prose"]
