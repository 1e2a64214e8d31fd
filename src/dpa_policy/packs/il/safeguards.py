"""ILS5xx/6xx: Illinois SOPPA (105 ILCS 85) on deleting covered information and on security.

Split from :mod:`.rules` (which lists every Illinois rule) to keep each module small; the
facts and their confidence are as that module's docstring says.
"""

from __future__ import annotations

from typing import Iterator

from ...findings import Violation
from ...model.agreement import Agreement
from ...model.contract_words import duration_words
from ...rule import DurationOption, Rule, RuleOptions, clause_absent, clause_path
from ...rules import drafting
from .._common import DisposalTermRule, disposal_term_violations


# ------------------------------------------------------------------------------ ILS5xx
class IlDeletionOnRequest(DisposalTermRule):
    """Illinois: the operator deletes a student's data when the school asks.

    What it checks
        ``clauses.disposal.on_request`` is present: the agreement provides for deletion at
        the school's request. SOPPA sets no number of days ("within a reasonable time
        period"), so by default any ``on_request`` passes; a policy that sets ``max_within``
        requires a stated period that fits it.

    Why it matters
        A school that cannot make the operator delete a student's data cannot answer the
        parent who asks, or stop sharing what it no longer needs to share.

    Legal basis (confidence as in DOMAIN.md §2.2)
        - 105 ILCS 85/15(2): the operator deletes a student's covered information within a
          reasonable time period if the school requests it, unless the student or parent
          consents to keeping it [P]. No number of days.

    Options
        ``max_within`` (default none): a district's own maximum, as a duration.

    Passing example::

        disposal:
          citation: Section 8.1
          text: Within thirty (30) days of the District's request the Operator deletes the data.
          on_request: {within: 30 calendar days}

    Failing example (deletion only when the agreement ends)::

        disposal:
          citation: Section 8
          text: When the agreement ends the Operator deletes all data.
          at_termination: {within: 60 calendar days}
    """

    code = "ILS501"
    slug = "il-deletion-on-request"
    tags = ("il",)
    WHEN = "on the school's request"
    BASIS = "105 ILCS 85/15(2)"


class IlDeletionTimePeriod(Rule):
    """Illinois: the agreement states the period within which data no longer needed is deleted.

    What it checks
        ``clauses.disposal.at_termination`` is present and its ``within`` is stated: the
        agreement says how long after the data is no longer needed (the agreement's end)
        the operator has to delete or transfer it. SOPPA asks for the period to be stated,
        not for a particular number, so any stated period passes by default; a policy that
        sets ``max_within`` requires one that fits it.

    Why it matters
        "Promptly" or "when no longer needed" cannot be checked or enforced; a number of days
        can.

    Legal basis (confidence as in DOMAIN.md §2.2)
        - 105 ILCS 85/15(4)(E): the agreement states the operator's duty to delete or
          transfer covered information when it is no longer needed for the agreement's
          purposes, with the time period specified [S; unconfirmed in the primary text,
          which was cut off before this subsection].
        - "Transfer" is recorded in the format only as ``return_before_disposal`` and is not
          required here.

    Options
        ``max_within`` (default none): a district's own maximum, as a duration.

    Passing example::

        disposal:
          citation: Section 8.2
          text: Within sixty (60) days after the agreement ends the Operator deletes the data.
          at_termination: {within: 60 calendar days}

    Failing example (no period)::

        disposal:
          citation: Section 8.2
          text: When the data is no longer needed the Operator deletes it.
          at_termination: {citation: Section 8.2}
    """

    code = "ILS502"
    slug = "il-deletion-time-period"
    clause = "disposal"
    tags = ("il",)

    class Options(RuleOptions):
        max_within: DurationOption | None = None

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        yield from disposal_term_violations(agreement, "at_termination", "when the data is no longer needed",
                                            options.max_within, "105 ILCS 85/15(4)(E)", days_required=True)

    def model_clause(self, options: Options) -> str:
        period = duration_words(options.max_within) if options.max_within is not None else drafting.BLANK_PERIOD
        return (f"Within {period} after Student Data is no longer needed for the purposes of this Agreement, and in "
                "any case after this Agreement terminates or expires, Provider shall delete it and keep no copy.")


# ------------------------------------------------------------------------------ ILS6xx
class IlSecurityIndustryStandards(Rule):
    """Illinois: the operator's security meets or exceeds industry standards.

    What it checks
        ``clauses.security`` is present and names at least one security framework
        (``frameworks``, any the format knows: NIST CSF, NIST SP 800-53 or 800-171, ISO
        27001, SCF, CIS Controls, CMMC). "Reasonable security" with no framework is a
        finding, and so is an absent clause. Encryption is checked by the default policy's
        DPA601, not here.

    Why it matters
        A named industry framework is how a contract shows what "industry standard" means
        for this operator; without one the standard cannot be checked.

    Legal basis (confidence as in DOMAIN.md §2.2)
        - 105 ILCS 85/15(1): the operator implements and maintains reasonable security
          procedures and practices that meet or exceed industry standards [P].
        - Reading a named framework as the evidence of an industry standard is this
          checker's, not the statute's.

    Options
        none.

    Passing example::

        security:
          citation: Section 5
          text: The Operator's security program follows NIST SP 800-53.
          frameworks: [nist_800_53]

    Failing example (no framework named)::

        security:
          citation: Section 5
          text: The Operator uses reasonable security measures.
          encryption_in_transit: true
    """

    code = "ILS601"
    slug = "il-security-industry-standards"
    clause = "security"
    tags = ("il",)

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        required = "a security program meeting an industry standard (a named framework)"
        clause = agreement.clauses.security
        if clause is None:
            yield clause_absent("security", required)
        elif not clause.frameworks:
            yield Violation(clause_path("security", "frameworks"),
                            "the data security clause names no security framework; 105 ILCS 85/15(1) requires "
                            "security that meets or exceeds industry standards",
                            observed="not stated", required=required)

    def model_clause(self, options: RuleOptions) -> str:
        return ("Provider shall implement and maintain security procedures and practices that meet or exceed "
                "industry standards, following a recognized security framework that this Agreement names (for "
                "example, the NIST Cybersecurity Framework or ISO/IEC 27001).")
