"""The shapes of the counsel report: plain, frozen data that :func:`~.view.build` fills from a
run and the renderers lay out, and the labels counsel reads for clauses, verdicts and terms.
Every text is plain, unescaped text; each renderer escapes it for its format."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Sequence

from .notes import PortfolioNotes

CLAUSE_LABELS: dict[str, str] = {
    "ownership": "Data ownership",
    "breach_notification": "Breach notification",
    "audit": "Audit rights",
    "data_use": "Data use",
    "disposal": "Data disposal",
    "security": "Data security",
    "subprocessors": "Subprocessors",
    "legal_compliance": "Legal compliance",
    "precedence": "Order of precedence",
    "parent_access": "Parent access",
    "deidentified_data": "De-identified data",
    "storage": "Data storage",
    "confidentiality": "Staff confidentiality",
    "sale_or_merger": "Sale or merger",
    "termination": "Termination",
}
OTHER_CLAUSE = "other"
OTHER_LABEL = "Attachments and other terms"
MODEL_LABELS = {"ndpa": "SDPC National Data Privacy Agreement", "state_dpa": "State alliance DPA",
                "custom": "District's or vendor's own contract"}

# Verdicts, in the order the summary shows them.
PASS, PASS_WAIVED, FAIL, INCOMPLETE, UNREADABLE = "pass", "pass-waived", "fail", "incomplete", "unreadable"
#: The checker could not decide something and a person must: never a pass.
NEEDS_REVIEW = "needs-review"
VERDICT_LABELS = {
    PASS: "Pass",
    PASS_WAIVED: "Pass with waivers",
    NEEDS_REVIEW: "Needs legal review",
    FAIL: "Fail",
    INCOMPLETE: "Incomplete (internal error)",
    UNREADABLE: "Could not be read",
}
# Term status, in the order the summary shows them.
EXPIRED, EXPIRING, CURRENT, OPEN_ENDED = "expired", "expiring", "current", "open-ended"
TERM_LABELS = {EXPIRED: "Expired", EXPIRING: "Expiring soon", CURRENT: "Current", OPEN_ENDED: "No expiry date"}

# How firm each legal basis's source is, in the words the report uses (render.counsel.plain).
CONFIDENCE_KEY = (
    ("primary source", "the official text was read"),
    ("verbatim contract text", "a contract's own words, as a clause collection gives them"),
    ("secondary source", "a lead, not authority"),
    ("unconfirmed source", "not confirmed; do not rely on it without reading the law"),
)


# --------------------------------------------------------------------------- rule prose
@dataclass(frozen=True)
class Block:
    """A paragraph (``items`` empty) or a bulleted list (``text`` empty) of rule prose."""

    text: str = ""
    items: tuple[str, ...] = ()


# --------------------------------------------------------------------------- the view
@dataclass(frozen=True)
class WaiverView:
    approver: str
    expires: datetime.date
    justification: str
    days_left: int
    source: str
    #: Within the policy's warning window (DPA903 says so too).
    expiring_soon: bool


@dataclass(frozen=True)
class WaiverRow:
    code: str
    slug: str
    waiver: WaiverView
    findings: int


@dataclass(frozen=True)
class FindingView:
    code: str
    slug: str
    severity: str
    message: str
    location: str
    pointer: str
    #: What the contract says, as the rule read it ("7 calendar days", "absent", "not stated").
    observed: str | None
    #: What the policy requires ("notice within 72 hours").
    required: str | None
    #: The nearest citation on the way to the failing value ("Section 9(a)").
    citation: str | None
    #: The policy layer that required the rule.
    layer: str
    #: False when the finding is waived or below --fail-on: shown, but it does not fail.
    fails: bool
    waiver: WaiverView | None = None
    #: The checker could not decide: a person must (outcome "review").
    review: bool = False
    #: For an imported agreement: where in the source document the term was read.
    source: "SourceView | None" = None


@dataclass(frozen=True)
class SourceView:
    """Where an imported agreement's term came from: a page of the document, the citation
    printed there and the words read, so counsel can check the record against the contract."""

    #: The imported document's file name ("acme-dpa.pdf").
    document: str
    #: The page the term was read from; None when the importer recorded none.
    page: int | None
    citation: str | None
    #: The contract's words for the term, when they are not the clause text shown above it.
    words: str | None = None


@dataclass(frozen=True)
class RuleFindings:
    code: str
    slug: str
    summary: str
    why: tuple[Block, ...]
    legal_basis: tuple[Block, ...]
    #: Contract language that meets the rule under the resolved policy (Rule.model_clause);
    #: None when the rule supplies none.
    model_clause: str | None
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class ClauseView:
    key: str
    label: str
    present: bool
    citation: str | None
    text: str | None
    rules: tuple[RuleFindings, ...]
    #: The page of the imported document the clause was read from.
    page: int | None = None

    @property
    def findings(self) -> tuple[FindingView, ...]:
        return tuple(f for r in self.rules for f in r.findings)


@dataclass(frozen=True)
class ElementView:
    key: str
    category: str
    label: str
    sensitive: bool


@dataclass(frozen=True)
class SubjectView:
    key: str
    label: str
    elements: tuple[ElementView, ...]
    other_elements: tuple[str, ...]
    purposes: tuple[str, ...]


@dataclass(frozen=True, slots=True)  # one per agreement, kept for the portfolio's lists
class TermView:
    effective: datetime.date
    expires: datetime.date | None
    #: Days from as_of to expiry (negative once expired); None without an expiry date.
    days_to_expiry: int | None
    status: str
    #: None when the agreement names no governing state.
    governing_state: str | None
    model: str
    model_version: str | None


class _Named:
    """How an agreement is named and its verdict worded, in a row or a full view."""

    __slots__ = ()
    verdict: str
    vendor: str | None
    path: str

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS[self.verdict]

    @property
    def name(self) -> str:
        return self.vendor or self.path


@dataclass(frozen=True)
class AgreementView(_Named):
    anchor: str
    path: str
    verdict: str
    #: Everything below is None / empty for a file that could not be read.
    id: str | None = None
    title: str | None = None
    vendor: str | None = None
    district: str | None = None
    district_state: str | None = None
    products: tuple[tuple[str, str], ...] = ()
    policy: str | None = None
    term: TermView | None = None
    data: tuple[SubjectView, ...] = ()
    laws: tuple[str, ...] = ()
    clauses: tuple[ClauseView, ...] = ()
    #: Findings about the file itself (DPA001-DPA007) when it could not be read.
    input_problems: tuple[FindingView, ...] = ()
    #: Rules the agreement was checked against and passed: (code, slug, summary).
    passed_rules: tuple[tuple[str, str, str], ...] = ()
    crashes: tuple[str, ...] = ()
    #: For an imported agreement: the document it was read from, in words ("acme-dpa.pdf, a
    #: PDF of 12 pages"), and whether a person has confirmed the record against it.
    imported_from: str | None = None
    review_status: str | None = None


    @property
    def findings(self) -> tuple[FindingView, ...]:
        return tuple(f for c in self.clauses for f in c.findings) + self.input_problems

    @property
    def failing(self) -> int:
        """Findings that fail the agreement (those that need review are counted apart)."""
        return sum(1 for f in self.findings if f.fails and not f.review)

    @property
    def waived(self) -> tuple[FindingView, ...]:
        return tuple(f for f in self.findings if f.waiver is not None)

    @property
    def review_findings(self) -> tuple[FindingView, ...]:
        """Findings a person must decide (not waived), for the "Needs legal review" section."""
        return tuple(f for f in self.findings if f.review and f.waiver is None)

    @property
    def waivers(self) -> tuple[WaiverRow, ...]:
        """Each waiver that accepts findings here, once, with how many it accepts."""
        rows: dict[tuple, list[FindingView]] = {}
        for f in self.waived:
            rows.setdefault((f.code, f.waiver), []).append(f)
        return tuple(WaiverRow(code, found[0].slug, waiver, len(found)) for (code, waiver), found in rows.items())


@dataclass(frozen=True, slots=True)
class AgreementRow(_Named):
    """One line of the portfolio's lists (contents, the table of agreements, expiring terms):
    what they show of an agreement, kept for every agreement while the full
    :class:`AgreementView` of each is built only as its section is written."""

    anchor: str
    path: str
    verdict: str
    id: str | None
    vendor: str | None
    term: TermView | None
    failing: int
    waived_count: int



@dataclass(frozen=True)
class RuleCount:
    code: str
    slug: str
    summary: str
    agreements: int
    findings: int


@dataclass(frozen=True)
class CounselReport:
    as_of: datetime.date
    expiring_within_days: int
    policy: str
    fail_on: str
    tool_version: str
    waivers_source: str | None
    #: Each agreement's full view, built when asked for, one at a time (a sequence that
    #: builds on access: a report of 100,000 agreements never holds them all).
    agreements: Sequence[AgreementView]
    #: Each agreement's line in the portfolio's lists, in the same order.
    rows: tuple[AgreementRow, ...]
    #: verdict -> number of agreements, every verdict present (zero included), in order.
    verdicts: dict[str, int]
    #: term status -> number of agreements that loaded, every status present, in order.
    terms: dict[str, int]
    #: Rules failing in the most agreements, most first (then by code).
    top_rules: tuple[RuleCount, ...]
    #: Expired and expiring agreements, soonest expiry first.
    expiring: tuple[AgreementRow, ...]
    #: Findings about the waivers file itself (DPA901-DPA904).
    waiver_file_findings: tuple[FindingView, ...]
    #: "rule CODE crashed on FILE: error" lines; the run is incomplete when any.
    crashes: tuple[str, ...]
    waived_findings: int = 0
    confidence_key: tuple[tuple[str, str], ...] = CONFIDENCE_KEY
    #: Notes across agreements (subprocessor name variants, one vendor's conflicting terms).
    notes: PortfolioNotes = PortfolioNotes()

    @property
    def total(self) -> int:
        return len(self.rows)
