"""TXSxxx: Texas Education Code chapter 32, subchapter D (32.151-32.157), student information.

Checked: the operator prohibitions (32.152) and the allowed-disclosure limit (32.153), both
read in the statute [P]. Not checked: reasonable security and, for agency-approved
operators, the TSDS unique identifier and the state data-sharing agreement (32.155 [P]; the
format has no terms for them); a deletion deadline and a breach window were not found [U].
Facts and confidence come from DOMAIN.md §0 and §2.7.
"""

from __future__ import annotations

from .._common import DisclosureLimitedRule, ProhibitionsRule, prohibitions_options

STATE = "TX"


class TxOperatorProhibitions(ProhibitionsRule):
    """Texas: no targeted advertising, no non-school student profiles, no sale or rental of student data.

    What it checks
        ``clauses.data_use.prohibits`` holds ``true`` for every prohibition in
        ``required_prohibitions`` (default: targeted_advertising,
        non_educational_profiling, sale; the format's ``sale`` covers selling and renting).
        A Texas state-terms entry with ``no_sale: true`` or ``no_targeted_advertising: true``
        makes that prohibition as well. Each prohibition not made is its own finding; an
        absent ``data_use`` clause is one finding.

    Why it matters
        The operator law forbids these uses outright; a contract that is silent on them
        leaves the district relying on the vendor's own privacy policy, which the vendor can
        change.

    Legal basis (confidence as in DOMAIN.md §2.7)
        - Tex. Educ. Code 32.152: an operator may not knowingly engage in targeted
          advertising based on information acquired for a school purpose, create a profile
          of a student except for a school purpose, or sell or rent covered information
          (mergers and consented national assessments excepted) [P].

    Options
        ``required_prohibitions`` (default: targeted_advertising, non_educational_profiling,
        sale).

    Passing example::

        data_use:
          citation: Section 4
          text: Vendor shall not sell or rent student data, use it for targeted advertising,
            or create a profile of a student except for a school purpose.
          prohibits: {sale: true, targeted_advertising: true, non_educational_profiling: true}

    Failing example (profiling not mentioned)::

        data_use:
          citation: Section 4
          text: Vendor will not sell student data or use it to target advertising.
          prohibits: {sale: true, targeted_advertising: true}
    """

    code = "TXS401"
    slug = "tx-operator-prohibitions"
    tags = ("tx",)
    STATE = STATE
    BASIS = "Tex. Educ. Code 32.152"

    Options = prohibitions_options("targeted_advertising", "non_educational_profiling", "sale")


class TxDisclosureLimited(DisclosureLimitedRule):
    """Texas: covered information is disclosed only for the purposes the statute allows.

    What it checks
        ``clauses.data_use.redisclosure`` is ``prohibited_without_consent``, or
        ``to_subprocessors_only`` with ``clauses.subprocessors.bound_no_less_stringent:
        true``. ``permitted``, a term that is not stated, or subprocessors not bound is a
        finding; an absent clause is one finding.

    Why it matters
        Texas lists the disclosures an operator may make; a contract that lets the vendor
        share with "affiliates and partners" goes beyond them.

    Legal basis (confidence as in DOMAIN.md §2.7)
        - Tex. Educ. Code 32.153: an operator may disclose covered information only for the
          purposes the section allows [P]. Service providers bound by contract are among the
          usual allowed recipients; the section's eight purposes are not modelled one by
          one, so a contract that allows disclosure beyond its own service providers is the
          finding.

    Options
        none.

    Passing example::

        data_use:
          citation: Section 4
          text: Vendor shall not disclose student data without the district's consent.
          redisclosure: prohibited_without_consent

    Failing example (affiliates and partners)::

        data_use:
          citation: Section 4
          text: Vendor may share data with its affiliates and marketing partners.
          redisclosure: permitted
    """

    code = "TXS402"
    slug = "tx-disclosure-limited"
    tags = ("tx",)
    BASIS = "Tex. Educ. Code 32.153"


RULES = [TxOperatorProhibitions, TxDisclosureLimited]
