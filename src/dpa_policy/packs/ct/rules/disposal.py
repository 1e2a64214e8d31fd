"""CTS5xx: deletion on the board's request and no retention after the contract (C.G.S. 10-234bb(a)(2), (a)(7))."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ....findings import Violation
from ....rule import clause_absent, clause_path
from ..._common import DisposalTermRule

if TYPE_CHECKING:
    from ....model.agreement import Agreement
    from ....model.duration import Duration


def _disposal_term(agreement: Agreement, term: str, when: str, limit: Duration | None,
                   statute: str) -> Iterator[Violation]:
    """Shared check of CTS501/CTS502: the disposal clause provides for disposal ``when``,
    within ``limit`` if the policy sets one (the statute sets none)."""
    required = f"disposal {when}" + (f" within {limit}" if limit is not None else "")
    clause = agreement.clauses.disposal
    if clause is None:
        yield clause_absent("disposal", required)
        return
    window = getattr(clause, term)
    if window is None:
        yield Violation(
            clause_path("disposal", term),
            f"the disposal clause does not provide for disposal {when} ({term} is absent); "
            f"Connecticut {statute} requires it",
            observed="absent",
            required=required,
        )
    elif limit is None:
        return
    elif window.within is None:
        yield Violation(
            clause_path("disposal", term, "within"),
            f"the disposal clause sets no number of days for disposal {when} ({term}.within is absent), "
            f"and the policy sets a maximum of {limit}",
            observed="not stated",
            required=required,
        )
    elif not window.within.within(limit):
        yield Violation(
            clause_path("disposal", term, "within"),
            f"disposal {when} within {window.within.describe_bound()} is longer than the policy maximum of {limit}",
            observed=str(window.within),
            required=required,
        )


class _CtDisposalTermRule(DisposalTermRule):
    """CTS501/CTS502: the shared disposal check, with Connecticut's wording of the findings."""

    def term_violations(self, agreement: Agreement, limit: Duration | None) -> Iterator[Violation]:
        return _disposal_term(agreement, self.TERM, self.WHEN, limit, self.BASIS)


class CtDeletionOnRequest(_CtDisposalTermRule):
    """Connecticut: the contract must provide a way for the board to have student data deleted.

    What it checks
        ``clauses.disposal`` is present and has ``on_request``: the contract provides for
        deletion at the board's request. Connecticut sets no day count, so by default any
        ``on_request`` passes, with or without ``within``. When a policy sets
        ``max_within`` (the district's own number), ``on_request.within`` must be stated
        and fit within it.

    Why it matters
        Without a stated way to ask for deletion, the board cannot make the contractor
        delete data it no longer needs shared, or answer a parent who asks.

    Legal basis (confidence as in DOMAIN.md §0 and §2.4)
        - C.G.S. 10-234bb(a)(2): the contract describes the means by which the board may
          request deletion of student information, records or student-generated content
          [P]. Exceptions: data the contractor must keep by law, and disaster-recovery
          copies that stay inaccessible unless used to repopulate [P]; the agreement
          format cannot express them, so they are not checked.
        - C.G.S. 10-234cc: operators delete student data on the board's request [S].
        - No statutory day count: DOMAIN.md could not confirm any Connecticut rule of
          "deletion within 30 days of a request"; the statute asks for a described means.
          One district template uses "within two (2) business days" [V], a contract term,
          not statute. So the rule sets no number unless the policy does (the NDPA's
          60 days is the built-in DPA501's check).

    Options
        ``max_within`` (default none): a district's own maximum for disposal on request,
        as a duration ("30 calendar days"). None checks only that the means is there.

    Passing example::

        disposal:
          citation: Section 9
          text: On the Board's written request the Contractor deletes the student data it
            holds and confirms the deletion in writing.
          on_request: {citation: Section 9(a)}

    Failing example (deletion only when the contract ends)::

        disposal:
          citation: Section 9
          text: When the agreement ends the Contractor deletes all student data.
          at_termination: {within: 30 calendar days}
    """

    code = "CTS501"
    slug = "ct-deletion-on-request"
    tags = ("ct",)
    TERM = "on_request"
    WHEN = "on the board's request"
    BASIS = "C.G.S. 10-234bb(a)(2)"


class CtNoRetentionAfterContract(_CtDisposalTermRule):
    """Connecticut: the contractor may keep no student data after the contracted services end.

    What it checks
        ``clauses.disposal`` is present and has ``at_termination``: the contract provides
        for disposing of the data when the services end. Connecticut sets no day count for
        it, so by default any ``at_termination`` passes. When a policy sets ``max_within``,
        ``at_termination.within`` must be stated and fit within it.

    Why it matters
        Data a former vendor still holds is data the board can no longer protect, and a
        breach of it still touches the board's students.

    Legal basis (confidence as in DOMAIN.md §0 and §2.4)
        - C.G.S. 10-234bb(a)(7): the contract states that the contractor keeps no student
          information, records or student-generated content after the contracted services
          are complete, unless a student or parent keeps an account for student-generated
          content [P]. The agreement format cannot express that exception, so a contract
          that relies on it needs the rule disabled or a reviewed exception.
        - The statute sets no number of days; a disposal window after the end (the NDPA's
          "reasonable prior notice" [V], or v2.x's 60 days [S]) is how contracts carry out
          the duty, and the rule does not judge it unless ``max_within`` is set.

    Options
        ``max_within`` (default none): a district's own maximum for disposal after the
        contract ends, as a duration. None checks only that the duty is there.

    Passing example::

        disposal:
          citation: Section 9
          text: Within thirty (30) calendar days after the services end the Contractor
            deletes all student data and keeps no copy.
          at_termination: {within: 30 calendar days}

    Failing example (deletion only on request; nothing happens at the end)::

        disposal:
          citation: Section 9
          text: The Contractor deletes student data on the Board's written request.
          on_request: {within: 30 calendar days}
    """

    code = "CTS502"
    slug = "ct-no-retention-after-contract"
    tags = ("ct",)
    TERM = "at_termination"
    WHEN = "when the contracted services end"
    BASIS = "C.G.S. 10-234bb(a)(7)"

    def model_clause(self, options: DisposalTermRule.Options) -> str:
        return super().model_clause(options) + (
            " Provider shall not retain any Student Data after the contracted services end.")


RULES = [CtDeletionOnRequest, CtNoRetentionAfterContract]
