"""COSxxx: Colorado's Student Data Transparency and Security Act, C.R.S. 22-16-101 et seq.

Checked: the provider prohibitions (22-16-109 [P]), destruction (22-16-110 [S]) and the
contract's duty to require compliance with the Act (22-16-107(2)(a) [P]). Not checked: the
provider's notice of misuse or unauthorized release (22-16-108(4): the words after "shall
no[tify]" were cut off in the source, and "as soon as possible" is [U]); the notice of the
date of destruction (22-16-110 [S]; the format records a written certification, not a notice
of the date); posting of contracts (22-16-107(1)(b) [P]), which is the district's duty.
Facts and confidence come from DOMAIN.md §0 and §2.5.
"""

from __future__ import annotations

import datetime
from typing import Iterator

from ...findings import Violation
from ...model.agreement import Agreement
from ...rule import DurationOption, Rule, RuleOptions, clause_absent, clause_path
from .._common import ProhibitionsRule, disposal_term_violations, prohibitions_options
from ...rules import drafting

STATE = "CO"
ACT = "co_student_data_act"


class CoProviderProhibitions(ProhibitionsRule):
    """Colorado: no sale, no targeted advertising to students, no non-school student profiles.

    What it checks
        ``clauses.data_use.prohibits`` holds ``true`` for every prohibition in
        ``required_prohibitions`` (default: sale, targeted_advertising,
        non_educational_profiling). A Colorado state-terms entry with ``no_sale: true`` or
        ``no_targeted_advertising: true`` makes that prohibition as well. Each prohibition
        not made is its own finding; an absent ``data_use`` clause is one finding.

    Why it matters
        Colorado forbids school service contract providers these uses, and a material
        breach involving misuse of student data leads the district to decide, after a public
        hearing, whether to end the contract [P]. A contract that states the prohibitions
        makes that decision straightforward.

    Legal basis (confidence as in DOMAIN.md §2.5)
        - C.R.S. 22-16-109: use only for the contract's purposes or with consent; no sale
          (a merger or acquisition is excepted); no use or sharing for targeted advertising
          to students; no personal profiles except for authorized purposes [P].

    Options
        ``required_prohibitions`` (default: sale, targeted_advertising,
        non_educational_profiling).

    Passing example::

        data_use:
          citation: Section 4
          text: Provider shall not sell student data, use or share it for targeted
            advertising to students, or build a profile of a student except for the contract.
          prohibits: {sale: true, targeted_advertising: true, non_educational_profiling: true}

    Failing example (targeted advertising not mentioned)::

        data_use:
          citation: Section 4
          text: Provider shall not sell student data or build student profiles.
          prohibits: {sale: true, non_educational_profiling: true}
    """

    code = "COS401"
    slug = "co-provider-prohibitions"
    tags = ("co",)
    STATE = STATE
    BASIS = "C.R.S. 22-16-109"

    Options = prohibitions_options("sale", "targeted_advertising", "non_educational_profiling")


class CoDestruction(Rule):
    """Colorado: student data is destroyed on the district's request and after the contract ends.

    What it checks
        ``clauses.disposal`` provides for destruction on the district's request
        (``on_request``) and after the contract ends (``at_termination``). Each missing one
        is its own finding; an absent clause is one finding. Colorado lets the contract set
        the period after termination, so no number of days is required; a policy that sets
        ``max_within`` requires a stated period that fits it at both points.

    Why it matters
        "Destroy" in Colorado means the data becomes permanently irretrievable in the normal
        course of business [P]; a contract that never provides for it leaves the data with
        the provider indefinitely.

    Legal basis (confidence as in DOMAIN.md §2.5)
        - C.R.S. 22-16-110: the provider destroys student data on the district's request,
          and after the contract ends within the period the contract specifies (otherwise
          when the data is no longer needed), and notifies the district of the date [S, a
          paraphrase in an intergovernmental agreement; the statute text was cut off].
        - C.R.S. 22-16-103(3): the meaning of "destroy" [P].

    Options
        ``max_within`` (default none): a district's own maximum, as a duration.

    Passing example::

        disposal:
          citation: Section 10
          text: Provider destroys student data within thirty (30) days of the District's
            request and within forty-five (45) days after the contract ends.
          on_request: {within: 30 calendar days}
          at_termination: {within: 45 calendar days}

    Failing example (nothing happens at the end)::

        disposal:
          citation: Section 10
          text: Provider destroys student data on the District's request.
          on_request: {within: 30 calendar days}
    """

    code = "COS501"
    slug = "co-destruction"
    clause = "disposal"
    tags = ("co",)

    class Options(RuleOptions):
        max_within: DurationOption | None = None

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        basis = "C.R.S. 22-16-110"
        if agreement.clauses.disposal is None:
            yield clause_absent("disposal", "destruction on the district's request and after the contract ends")
            return
        yield from disposal_term_violations(agreement, "on_request", "on the district's request",
                                            options.max_within, basis)
        yield from disposal_term_violations(agreement, "at_termination", "after the contract ends",
                                            options.max_within, basis)

    def model_clause(self, options: Options) -> str:
        return (drafting.disposal("on_request", options.max_within) + " "
                + drafting.disposal("at_termination", options.max_within))


class CoActCompliance(Rule):
    """Colorado: a contract made or renewed from 10 August 2016 requires compliance with the Act.

    What it checks
        For an agreement that takes effect on or after ``applies_from`` (default
        2016-08-10), ``clauses.legal_compliance.laws`` names the Colorado Student Data
        Transparency and Security Act (``co_student_data_act``). An agreement that does not
        name it is a finding; an absent clause is one finding. An older agreement is not
        checked (the format cannot tell whether it was renewed since).

    Why it matters
        Naming the Act makes its transparency, use and destruction duties (22-16-108 to
        -110) terms of the contract itself, which the district can enforce.

    Legal basis (confidence as in DOMAIN.md §2.5)
        - C.R.S. 22-16-107(2)(a): contracts entered into or renewed on or after 10 August
          2016 require the provider to comply with 22-16-108 to 22-16-110 [P].

    Options
        ``applies_from`` (default 2016-08-10): the first effective date checked.

    Passing example::

        legal_compliance:
          citation: Section 2
          text: Provider shall comply with FERPA and the Colorado Student Data Transparency
            and Security Act.
          laws: [ferpa, co_student_data_act]

    Failing example (the Act not named)::

        legal_compliance:
          citation: Section 2
          text: Provider shall comply with FERPA and COPPA.
          laws: [ferpa, coppa]
    """

    code = "COS801"
    slug = "co-act-compliance"
    clause = "legal_compliance"
    tags = ("co",)

    class Options(RuleOptions):
        applies_from: datetime.date = datetime.date(2016, 8, 10)

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        if agreement.term.effective < options.applies_from:
            return
        required = "compliance with the Colorado Student Data Transparency and Security Act (C.R.S. 22-16)"
        clause = agreement.clauses.legal_compliance
        if clause is None:
            yield clause_absent("legal_compliance", required)
        elif ACT not in clause.laws:
            yield Violation(clause_path("legal_compliance", "laws"),
                            f"the legal compliance clause does not name the Colorado Student Data Transparency "
                            f"and Security Act; C.R.S. 22-16-107(2)(a) requires contracts from "
                            f"{options.applies_from.isoformat()} to require compliance with it",
                            observed=", ".join(clause.laws) or "none named", required=ACT)

    def model_clause(self, options: Options) -> str:
        return drafting.laws([ACT])


RULES = [CoProviderProhibitions, CoDestruction, CoActCompliance]
