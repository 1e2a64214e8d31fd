"""CAS4xx/501: California's K-12 Pupil Online Personal Information Protection Act (SOPIPA,
now KOPIPA), Business and Professions Code 22584: what operators may not do with pupil
information, and deletion on the school's request.

AB 801 (Stats. 2024, ch. 935) adds deletion on a parent's request once the pupil has left,
and when the pupil has not been enrolled for 60 days [S]; the agreement format has no term
for either trigger. Facts and confidence come from DOMAIN.md §0 and §2.3.
"""

from __future__ import annotations

from .._common import DisclosureLimitedRule, DisposalTermRule, ProhibitionsRule, prohibitions_options

STATE = "CA"


# ------------------------------------------------------------------------------ CAS4xx
class CaSopipaProhibitions(ProhibitionsRule):
    """California: no targeted advertising, no non-school profiles, no sale of pupil information.

    What it checks
        ``clauses.data_use.prohibits`` holds ``true`` for every prohibition in
        ``required_prohibitions`` (default: targeted_advertising,
        non_educational_profiling, sale). A California state-terms entry (``state_terms``,
        state CA, such as the CA-NDPA's Exhibit G) with ``no_sale: true`` or
        ``no_targeted_advertising: true`` makes that prohibition as well. Each prohibition
        not made is its own finding; an absent ``data_use`` clause is one finding.

    Why it matters
        SOPIPA binds every operator of a K-12 site or service in California whatever its
        contract says; a contract that repeats the prohibitions makes them the LEA's to
        enforce, and 49073.1 requires the targeted-advertising ban in the contract itself.

    Legal basis (confidence as in DOMAIN.md §2.3)
        - Cal. Bus. & Prof. Code 22584(b)(1)-(3) (SOPIPA, now KOPIPA): an operator may not
          engage in targeted advertising based on information acquired through the service,
          use information to amass a profile except for K-12 school purposes, or sell a
          pupil's information (a merger or acquisition is excepted) [P].
        - Cal. Ed. Code 49073.1(b)(9): the contract prohibits using personally identifiable
          information in pupil records to engage in targeted advertising [S].

    Options
        ``required_prohibitions`` (default: targeted_advertising, non_educational_profiling,
        sale). ``marketing`` and ``commercial_product_development`` are district policy,
        not California statute as DOMAIN.md records it.

    Passing example::

        data_use:
          citation: Article IV, Section 7
          text: Provider shall not sell pupil information, use it for targeted advertising, or
            amass a profile of a pupil except for K-12 school purposes.
          prohibits: {sale: true, targeted_advertising: true, non_educational_profiling: true}

    Failing example (profiles allowed)::

        data_use:
          citation: Section 4
          text: Vendor will not sell data or target ads, and may build learner profiles for
            its other products.
          prohibits: {sale: true, targeted_advertising: true, non_educational_profiling: false}
    """

    code = "CAS401"
    slug = "ca-sopipa-prohibitions"
    tags = ("ca",)
    STATE = STATE
    BASIS = "Cal. Bus. & Prof. Code 22584(b)"

    Options = prohibitions_options("targeted_advertising", "non_educational_profiling", "sale")


class CaDisclosureLimited(DisclosureLimitedRule):
    """California: pupil information is disclosed only for the purposes SOPIPA allows.

    What it checks
        ``clauses.data_use.redisclosure`` is ``prohibited_without_consent``, or
        ``to_subprocessors_only`` with ``clauses.subprocessors.bound_no_less_stringent:
        true``. ``permitted``, a term that is not stated, or subprocessors not bound is a
        finding; an absent clause is one finding.

    Why it matters
        Every disclosure outside the contract is a copy of a pupil's information the LEA can
        no longer reach.

    Legal basis (confidence as in DOMAIN.md §2.3)
        - Cal. Bus. & Prof. Code 22584(b)(4): an operator may not disclose covered
          information except for the purposes the section lists [P]; disclosure to service
          providers bound by contract is among them [P].

    Options
        none.

    Passing example::

        data_use:
          citation: Article IV, Section 4
          text: Provider shall not disclose pupil information except to Subprocessors bound
            by this DPA or as the LEA directs.
          redisclosure: to_subprocessors_only

    Failing example (affiliates and partners)::

        data_use:
          citation: Section 4
          text: Vendor may share data with its affiliates and partners.
          redisclosure: permitted
    """

    code = "CAS402"
    slug = "ca-disclosure-limited"
    tags = ("ca",)
    BASIS = "Cal. Bus. & Prof. Code 22584(b)(4)"


# ------------------------------------------------------------------------------ CAS5xx
class CaDeletionOnRequest(DisposalTermRule):
    """California: the operator deletes a pupil's information when the school or district asks.

    What it checks
        ``clauses.disposal.on_request`` is present. SOPIPA sets no number of days, so by
        default any ``on_request`` passes; a policy that sets ``max_within`` requires a
        stated period that fits it.

    Why it matters
        The LEA must be able to end a vendor's hold on a pupil's data when it no longer
        needs the vendor to have it.

    Legal basis (confidence as in DOMAIN.md §0, §2.3)
        - Cal. Bus. & Prof. Code 22584(d): the operator deletes a pupil's covered information
          if the school or district requests it [P]. No number of days.
        - AB 801 (Stats. 2024, ch. 935): also on a parent's request once the pupil has left,
          and when the pupil has not been enrolled for at least 60 days [S]; the agreement
          format has no term for either trigger, so neither is checked.

    Options
        ``max_within`` (default none): a district's own maximum, as a duration.

    Passing example::

        disposal:
          citation: Article IV, Section 6
          text: Within sixty (60) days of the LEA's written request Provider disposes of the data.
          on_request: {within: 60 calendar days}

    Failing example (no deletion on request)::

        disposal:
          citation: Section 9
          text: Vendor deletes customer data when the subscription ends.
          at_termination: {within: 90 calendar days}
    """

    code = "CAS501"
    slug = "ca-deletion-on-request"
    tags = ("ca",)
    WHEN = "on the LEA's request"
    BASIS = "Cal. Bus. & Prof. Code 22584(d)"



RULES = [CaSopipaProhibitions, CaDisclosureLimited, CaDeletionOnRequest]
