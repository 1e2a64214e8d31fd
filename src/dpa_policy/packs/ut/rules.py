"""UTSxxx: Utah's Student Data Protection Act, Utah Code 53E-9-309 (third-party contractors).

53E-9-309 lists what a contract with a third-party contractor must include; the version in
effect from 1 July 2026 adds the duty to terminate for privacy violations with no termination
fee [P] (the prior version is the one in force for older contracts). The optional ban on
secondary use is the district's choice and is not required. Not checked: the education
entity's own 30-day duty after discovering unauthorized use (53E-9-309(2)(a)(ii), text cut
off) and its reports to the Superintendent or the state board (R277-487-3(3) [P];
53G-8-903(2)(a) [S]), which are the district's duties. Facts and confidence come from
DOMAIN.md §0 and §2.8.
"""

from __future__ import annotations

import datetime
from typing import Iterator

from ...findings import Violation
from ...model.agreement import Agreement
from ...rule import Rule, RuleOptions, clause_absent, clause_path, term_not_stated
from .._common import DisposalTermRule, Term, TermsRequiredRule, disclosure_violations
from ...rules import drafting

STATE = "UT"
STATUTE = "Utah Code 53E-9-309"


class UtTerminationForPrivacyViolation(Rule):
    """Utah: the district may end the contract for a privacy violation, with no termination fee.

    What it checks
        For an agreement that takes effect on or after ``applies_from`` (default
        2026-07-01, when the amended section took effect), ``clauses.termination`` lets the
        district terminate when the contractor breaches the agreement
        (``for_material_breach: true``, or ``by_district_for_convenience: true``, which
        covers it) and states ``no_termination_fee: true``. Each gap is its own finding; an
        absent clause is one finding. Older agreements are not checked.

    Why it matters
        The 2026 amendment makes termination the response to a contractor's privacy
        violation; a fee for leaving would make the district pay to protect its students.

    Legal basis (confidence as in DOMAIN.md §2.8)
        - Utah Code 53E-9-309(2)(a)(i) as in effect from 1 July 2026: the contract includes
          the statutory duty to terminate for privacy violations, with no termination fee
          [P, the section's text read in a statute service; new in this version].
        - The agreement format records termination "for material breach", not for a privacy
          violation as such; a violation of the agreement's privacy terms is a breach of it.
          Whether every such violation is *material* under a given contract is for counsel.

    Options
        ``applies_from`` (default 2026-07-01): the first effective date checked.

    Passing example::

        termination:
          citation: Article VII, Section 1
          text: The LEA may terminate this DPA if the Provider breaches its privacy terms, and
            owes no termination fee when it does so.
          for_material_breach: true
          no_termination_fee: true

    Failing example (termination allowed, but a fee is owed)::

        termination:
          citation: Section 12
          text: Either party may terminate for material breach; early termination fees apply.
          for_material_breach: true
          no_termination_fee: false
    """

    code = "UTS101"
    slug = "ut-termination-for-privacy-violation"
    clause = "termination"
    tags = ("ut",)

    class Options(RuleOptions):
        applies_from: datetime.date = datetime.date(2026, 7, 1)

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        if agreement.term.effective < options.applies_from:
            return
        basis = f"{STATUTE}(2)(a)(i) (from 1 July 2026)"
        clause = agreement.clauses.termination
        if clause is None:
            yield clause_absent("termination", "termination for a privacy violation, with no termination fee")
            return
        may_end = [clause.for_material_breach, clause.by_district_for_convenience]
        if True not in may_end:
            stated = any(value is not None for value in may_end)
            yield Violation(clause_path("termination", "for_material_breach"),
                            "the termination clause " + ("does not let" if stated else "does not state that")
                            + f" the district terminate when the contractor breaches the agreement; {basis} "
                            "requires the duty to terminate for privacy violations",
                            observed="false" if stated else "not stated",
                            required="the district may terminate for a privacy violation")
        if clause.no_termination_fee is None:
            yield term_not_stated("termination", "no_termination_fee", "that no termination fee is owed",
                                  "no termination fee")
        elif clause.no_termination_fee is False:
            yield Violation(clause_path("termination", "no_termination_fee"),
                            f"the termination clause lets the contractor charge a termination fee; {basis} requires "
                            "termination with no fee", observed="false", required="no termination fee")

    def model_clause(self, options: Options) -> str:
        return drafting.terms("termination", ["for_material_breach", "no_termination_fee"])


class UtAuditRight(TermsRequiredRule):
    """Utah: the contract gives the district (or its designee) the right to audit the contractor.

    What it checks
        ``clauses.audit`` is present and states ``district_may_audit: true``. How often and
        on what notice are the default policy's DPA301 checks; Utah sets no number.

    Why it matters
        The audit right is how the district checks that the contract's other limits are kept.

    Legal basis (confidence as in DOMAIN.md §2.8)
        - Utah Code 53E-9-309(2)(a)(i): the contract includes a provision that allows the
          education entity, or its designee, to audit the third-party contractor [P].
        - Auditing by a designee has no term in the agreement format and is not checked.

    Options
        none.

    Passing example::

        audit:
          citation: Article V, Section 2
          text: The LEA or its designee may audit the Provider's compliance with this DPA.
          district_may_audit: true

    Failing example::

        audit:
          citation: Section 9
          text: Vendor will provide a summary of its latest SOC 2 report on request.
          district_may_audit: false
    """

    code = "UTS301"
    slug = "ut-audit-right"
    clause = "audit"
    tags = ("ut",)

    TERMS = (Term("district_may_audit", "that the district may audit the contractor",
                  "the district may not audit the contractor", "the district (or its designee) may audit"),)
    BASIS = f"{STATUTE}(2)(a)(i)"
    ABSENT_REQUIRED = "the district (or its designee) may audit the contractor"


class UtUseAndSharingLimits(Rule):
    """Utah: the contract limits use to its purposes and says with whom data may be shared.

    What it checks
        ``clauses.data_use`` is present; ``permitted_purposes`` lists at least one purpose
        (the contracted uses); and ``redisclosure`` bars sharing without consent
        (``prohibited_without_consent``, or ``to_subprocessors_only`` with subprocessors
        bound by terms no less stringent). Each gap is its own finding; an absent clause is
        one finding.

    Why it matters
        Utah contractors may use personally identifiable student data strictly for the
        contracted purposes; a contract that does not name those purposes, or lets the data
        go to anyone, cannot hold them to it.

    Legal basis (confidence as in DOMAIN.md §2.8)
        - Utah Code 53E-9-309: contractors use personally identifiable student data strictly
          for the contracted purposes; the contract includes restrictions on collection,
          use, storage and sharing, and who the data may be shared with [P].
        - Storage restrictions have their own clause in the format (``storage``) but no
          required content in DOMAIN.md, so they are not checked.

    Options
        none.

    Passing example::

        data_use:
          citation: Article IV, Sections 2 and 4
          text: Provider uses Student Data only to provide the Services and discloses it to
            no one without the LEA's consent.
          permitted_purposes: [Provide the reading service to the LEA's schools.]
          redisclosure: prohibited_without_consent

    Failing example (no purposes listed; sharing allowed)::

        data_use:
          citation: Section 4
          text: Vendor may use and share data as described in its privacy policy.
          redisclosure: permitted
    """

    code = "UTS401"
    slug = "ut-use-and-sharing-limits"
    clause = "data_use"
    tags = ("ut",)

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        clause = agreement.clauses.data_use
        if clause is None:
            yield clause_absent("data_use", "use limited to the contracted purposes, and sharing limited")
            return
        if not clause.permitted_purposes:
            yield Violation(clause_path("data_use", "permitted_purposes"),
                            f"the data use clause lists no permitted purposes; {STATUTE} limits the contractor's use "
                            "to the contracted purposes, so the contract must say what they are",
                            observed="none listed", required="the contracted purposes listed")
        yield from disclosure_violations(agreement, STATUTE)

    def model_clause(self, options: RuleOptions) -> str:
        return ("Provider shall use Student Data only for the purposes this Agreement lists in Exhibit A, and "
                "for no other purpose. " + drafting.disclosure(allow_subprocessors=True))


class UtDeletionOnRequest(DisposalTermRule):
    """Utah: the contract provides for deleting student data at the district's request.

    What it checks
        ``clauses.disposal.on_request`` is present. Utah sets no number of days, so by
        default any ``on_request`` passes; a policy that sets ``max_within`` requires a
        stated period that fits it.

    Why it matters
        Deletion on request is how the district ends a contractor's hold on data it no
        longer needs to share.

    Legal basis (confidence as in DOMAIN.md §0, §2.8)
        - Utah Code 53E-9-309(2)(a)(i): the contract includes provisions on deleting student
          data at the education entity's request [P]. No number of days.

    Options
        ``max_within`` (default none): a district's own maximum, as a duration.

    Passing example::

        disposal:
          citation: Article IV, Section 6
          text: Within sixty (60) days of the LEA's written request Provider deletes the data.
          on_request: {within: 60 calendar days}

    Failing example (deletion only at the end)::

        disposal:
          citation: Section 9
          text: Vendor deletes all data when the contract ends.
          at_termination: {within: 60 calendar days}
    """

    code = "UTS501"
    slug = "ut-deletion-on-request"
    tags = ("ut",)
    WHEN = "on the district's request"
    BASIS = f"{STATUTE}(2)(a)(i)"


RULES = [UtTerminationForPrivacyViolation, UtAuditRight, UtUseAndSharingLimits, UtDeletionOnRequest]
