"""CTS1xx: whose data it is and which law governs (C.G.S. 10-234bb(a)(1), (a)(9))."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ....findings import Violation
from ....rule import Rule, RuleOptions, clause_absent, clause_path, term_not_stated

if TYPE_CHECKING:
    from ....model.agreement import Agreement

STATE = "CT"


class CtDataNotContractorProperty(Rule):
    """Connecticut: student data is not the contractor's property and not under its control.

    What it checks
        ``clauses.ownership`` is present and states ``district_owns: true`` (the data is
        not the contractor's property) and ``district_controls: true`` (it is not under the
        contractor's control). Each term that is false or not stated is its own finding; an
        absent clause is one finding at ``/clauses/ownership``.

    Why it matters
        Connecticut makes this a required term of every contract under which a board of
        education shares student information, student records or student-generated
        content. A contract that is silent on ownership or control lacks a term the
        statute demands, whatever the vendor intends.

    Legal basis (confidence as in DOMAIN.md §2.4)
        - C.G.S. 10-234bb(a)(1): the contract states that student information, records and
          student-generated content are not the property of, or under the control of, the
          contractor [P]. 10-234bb(a) applies to contracts on and after 1 July 2018 [P].
        - Not checked here: whether the vendor's rights are limited to the service (the
          built-in DPA101 checks that; 10-234bb(a)(3), no use for other purposes, is the
          closest Connecticut term [P]).

    Options
        none. Both terms are statutory, so neither can be switched off on its own; a policy
        that does not want the rule disables it.

    Passing example::

        ownership:
          citation: Section 3.1
          text: Student data stays the property of the Board and under its control, and is
            not the property of the Contractor.
          district_owns: true
          district_controls: true

    Failing example (control not stated)::

        ownership:
          citation: Section 3.1
          text: The Board owns its student data.
          district_owns: true
    """

    code = "CTS101"
    slug = "ct-data-not-contractor-property"
    clause = "ownership"
    tags = ("ct",)

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        clause = agreement.clauses.ownership
        if clause is None:
            yield clause_absent("ownership", "the data is not the contractor's property or under its control")
            return
        terms = (
            ("district_owns", "that the district owns the data (not the contractor)",
             "the district does not own the data", "the data is not the contractor's property"),
            ("district_controls", "that the district controls the data (not the contractor)",
             "the district does not control the data", "the data is not under the contractor's control"),
        )
        for term, unstated, denied, required in terms:
            value = getattr(clause, term)
            if value is None:
                yield term_not_stated("ownership", term, unstated, required)
            elif value is False:
                yield Violation(
                    clause_path("ownership", term),
                    f"the data ownership clause says {denied} ({term}: false); Connecticut "
                    "C.G.S. 10-234bb(a)(1) requires that it is not the contractor's",
                    observed="false",
                    required=required,
                )

    def model_clause(self, options: RuleOptions) -> str:
        return ("Student Data is not the property of Provider and is not under Provider's control; it remains the "
                "property of and under the control of the LEA.")


class CtGoverningLaw(Rule):
    """Connecticut: the contract must be governed by Connecticut law.

    What it checks
        ``term.governing_state`` is ``CT``. Any other state is a finding, and so is an
        agreement that names no governing state.

    Why it matters
        A Connecticut board's contract must be enforceable under the law that imposes the
        student data duties. Under ``state_packs: auto`` this pack joins only agreements
        governed by Connecticut law, so there the rule always passes; it matters when a
        Connecticut district's policy extends the ``ct`` preset for every agreement
        (``extends: [ndpa, ct]``) and a vendor's paper names the vendor's home state.

    Legal basis (confidence as in DOMAIN.md §2.4)
        - C.G.S. 10-234bb(a)(9): the contract states that Connecticut law governs [P].

    Options
        none.

    Passing example::

        term:
          effective: 2025-07-01
          governing_state: CT
          model: custom

    Failing example (the vendor's home state)::

        term:
          effective: 2025-07-01
          governing_state: CA
          model: custom
    """

    code = "CTS102"
    slug = "ct-governing-law"
    clause = None
    tags = ("ct",)

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        state = agreement.term.governing_state
        if state != STATE:
            district = agreement.parties.district
            whose = ""
            if district.state == STATE:
                whose = f" although the district ({district.name}) is in {district.state}"
            governed = f"is governed by {state} law" if state is not None else "names no governing law"
            yield Violation(
                ("term", "governing_state"),
                f"the agreement {governed}{whose}; Connecticut C.G.S. 10-234bb(a)(9) "
                "requires Connecticut law to govern",
                observed=state if state is not None else "not stated",
                required="governed by Connecticut (CT) law",
            )

    def model_clause(self, options: RuleOptions) -> str:
        return "This Agreement is governed by and construed in accordance with the laws of the State of Connecticut."


RULES = [CtDataNotContractorProperty, CtGoverningLaw]
