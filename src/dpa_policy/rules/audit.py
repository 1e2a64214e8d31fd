"""DPA3xx: the district's right to audit the vendor."""

from __future__ import annotations

from typing import Iterator

from pydantic import Field

from ..findings import Violation
from ..model.agreement import Agreement
from ..model.duration import parse_duration
from ..model.contract_words import in_words, number_words
from ..rule import DurationOption, Rule, RuleOptions, clause_absent, clause_path, term_not_stated

CLAUSE = "audit"


class AuditRights(Rule):
    """The district must be able to audit the vendor, often enough and on short enough notice.

    What it checks
        ``clauses.audit`` is present and states ``district_may_audit: true``; if it limits
        how often (``per_year``), the limit allows at least ``min_per_year`` audits; if
        ``require_after_unauthorized_access`` is set, ``after_unauthorized_access: true``;
        if it requires notice before an audit, the notice fits within ``max_notice``
        (compared conservatively, as durations are everywhere: 10 business days fits a 10
        business day maximum, 14 calendar days does not, since 10 business days can be as
        short as 12 calendar days). A clause that sets no frequency limit or no notice
        period places no restriction on the district and passes those checks.

    Why it matters
        Without an audit right the district can only take the vendor's word that the other
        clauses are honoured.

    Legal basis (confidence as in DOMAIN.md §1.3, §2.8)
        - NDPA Art. V §2: no more than once a year, or after unauthorized access, on at
          least 10 business days' notice and a confidentiality agreement; failure to
          cooperate is a material breach [V].
        - Utah 53E-9-309: contracts must give the education entity an audit right [P].

    Options
        ``min_per_year`` (default 1), ``max_notice`` (default "10 business days"),
        ``require_after_unauthorized_access`` (default true).

    Passing example::

        audit:
          citation: Article V, Section 2
          text: Once a year, or after unauthorized access, on 10 business days' notice...
          district_may_audit: true
          per_year: 1
          after_unauthorized_access: true
          notice: 10 business days

    Failing example (notice longer than the policy allows, no audit after an incident)::

        audit:
          citation: Section 9
          text: The district may audit once a year on thirty days' notice.
          district_may_audit: true
          per_year: 1
          notice: 30 calendar days
    """

    code = "DPA301"
    slug = "audit-rights"
    clause = CLAUSE
    tags = ("audit", "ndpa")

    class Options(RuleOptions):
        min_per_year: int = Field(default=1, ge=0)
        max_notice: DurationOption = parse_duration("10 business days")
        require_after_unauthorized_access: bool = True

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.audit
        if clause is None:
            yield clause_absent(CLAUSE, "the district may audit the vendor")
            return
        if clause.district_may_audit is None:
            yield term_not_stated(CLAUSE, "district_may_audit", "that the district may audit",
                                  "the district may audit the vendor")
            return
        if clause.district_may_audit is False:
            yield Violation(clause_path(CLAUSE, "district_may_audit"),
                            "the audit clause does not let the district audit the vendor",
                            observed="false", required="the district may audit the vendor")
            return
        if clause.per_year is not None and clause.per_year < options.min_per_year:
            yield Violation(
                clause_path(CLAUSE, "per_year"),
                f"the district may audit {clause.per_year} time(s) a year; the policy requires at "
                f"least {options.min_per_year}",
                observed=str(clause.per_year),
                required=f"at least {options.min_per_year} a year",
            )
        if options.require_after_unauthorized_access and clause.after_unauthorized_access is not True:
            stated = clause.after_unauthorized_access is not None
            yield Violation(
                clause_path(CLAUSE, "after_unauthorized_access"),
                "the audit clause "
                + ("excludes" if stated else "does not state")
                + " an audit after unauthorized access",
                observed="false" if stated else "not stated",
                required="an audit after unauthorized access",
            )
        if clause.notice is not None and not clause.notice.within(options.max_notice):
            yield Violation(
                clause_path(CLAUSE, "notice"),
                f"audit notice of {clause.notice} is longer than the policy maximum of {options.max_notice}",
                observed=str(clause.notice),
                required=f"notice of at most {options.max_notice}",
            )

    def model_clause(self, options: Options) -> str:
        notice = options.max_notice
        unit = notice.unit.value[:-1] if notice.amount == 1 else notice.unit.value
        possessive = f"{number_words(notice.amount)} ({notice.amount}) {unit}" + ("'s" if notice.amount == 1 else "'")
        how_often = ""
        if options.min_per_year:
            times = "time" if options.min_per_year == 1 else "times"
            how_often = f" up to {in_words(options.min_per_year)} {times} in each year of this Agreement"
        after = (", and in addition after any unauthorized access to Student Data,"
                 if options.require_after_unauthorized_access else "")
        return (f"The LEA, or a third party it designates, may audit Provider's measures to protect Student Data"
                f"{how_often}{after} on no more than {possessive} written notice. Provider shall cooperate with "
                "each audit and give reasonable access to its facilities, staff, and records as they relate to "
                "Student Data.")


RULES = [AuditRights]
