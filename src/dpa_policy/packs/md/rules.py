"""MDSxxx: Maryland's student data privacy law, Education Article 4-131.

DOMAIN.md §2.12 read the statute's scope and definitions [P] but knows the operator duties
only from notes quoting the statute [S]. Two of them are checked here. Not checked, because
DOMAIN.md marks them unconfirmed [U]: deletion at the school's request (no number found) and a
vendor breach deadline (none in 4-131; the general law, Com. Law 14-3504, is unverified).
County boards' yearly list of digital tools to MSDE (HB 769) and MSDE's best practices are
the district's and the state's duties, not contract terms.
"""

from __future__ import annotations

from .._common import DisclosureLimitedRule, ProhibitionsRule, prohibitions_options

STATE = "MD"


class MdOperatorProhibitions(ProhibitionsRule):
    """Maryland: no targeted advertising, no non-school student profiles, no sale of student data.

    What it checks
        ``clauses.data_use.prohibits`` holds ``true`` for every prohibition in
        ``required_prohibitions`` (default: targeted_advertising,
        non_educational_profiling, sale). A Maryland state-terms entry (``state_terms``,
        state MD) with ``no_sale: true`` or ``no_targeted_advertising: true`` makes that
        prohibition as well. Each prohibition not made is its own finding; an absent
        ``data_use`` clause is one finding.

    Why it matters
        Maryland's "covered information" is broad: 23 kinds of data including biometric
        data, geolocation, search activity, photos, voice recordings and persistent
        identifiers [P]. The prohibitions keep all of it out of advertising, profiling and
        sale; a contract that repeats them gives the school system its own remedy.

    Legal basis (confidence as in DOMAIN.md §2.12)
        - Md. Code, Educ. 4-131: an operator may not engage in targeted advertising, build a
          profile of a student except for PreK-12 school purposes, or sell student
          information [S, notes quoting the statute; the operator duties were not read in
          the statute itself].
        - Md. Code, Educ. 4-131(a)(2)(ii) and (a)(3): the definitions of covered information
          and of an operator (a FERPA school official under contract with a Maryland public
          school or school system) [P].

    Options
        ``required_prohibitions`` (default: targeted_advertising, non_educational_profiling,
        sale).

    Passing example::

        data_use:
          citation: Section 4
          text: The Operator shall not sell student data, use it for targeted advertising, or
            build a profile of a student except for PreK-12 school purposes.
          prohibits: {sale: true, targeted_advertising: true, non_educational_profiling: true}

    Failing example (targeted advertising allowed)::

        data_use:
          citation: Section 4
          text: The Operator will not sell student data but may show personalised offers.
          prohibits: {sale: true, targeted_advertising: false, non_educational_profiling: true}
    """

    code = "MDS401"
    slug = "md-operator-prohibitions"
    tags = ("md",)
    STATE = STATE
    BASIS = "Md. Code, Educ. 4-131"

    Options = prohibitions_options("targeted_advertising", "non_educational_profiling", "sale")


class MdDisclosureLimited(DisclosureLimitedRule):
    """Maryland: student data is disclosed only for the listed purposes, to restricted service providers.

    What it checks
        ``clauses.data_use.redisclosure`` is ``prohibited_without_consent``, or
        ``to_subprocessors_only`` with ``clauses.subprocessors.bound_no_less_stringent:
        true`` (service providers contractually restricted). ``permitted``, a term that is
        not stated, or subprocessors not bound is a finding; an absent clause is one finding.

    Why it matters
        A disclosure the contract allows to anyone is one the school system cannot trace or
        recall.

    Legal basis (confidence as in DOMAIN.md §2.12)
        - Md. Code, Educ. 4-131: an operator discloses covered information only for the
          purposes the section lists, and service providers that receive it are
          contractually restricted [S, notes quoting the statute].

    Options
        none.

    Passing example::

        data_use:
          citation: Section 4
          text: The Operator shall not disclose student data without the school system's
            consent, except to service providers bound by this agreement.
          redisclosure: to_subprocessors_only

    Failing example::

        data_use:
          citation: Section 4
          text: The Operator may share data with its partners.
          redisclosure: permitted
    """

    code = "MDS402"
    slug = "md-disclosure-limited"
    tags = ("md",)
    BASIS = "Md. Code, Educ. 4-131"


RULES = [MdOperatorProhibitions, MdDisclosureLimited]
