"""ILSxxx: Illinois's Student Online Personal Protection Act (SOPPA), 105 ILCS 85.

SOPPA requires a written agreement before an operator receives covered information, and says
what it must contain (85/15(4)(A)-(F)); these rules check the parts the agreement format can
express. Code ranges follow the built-in rules' (1xx what the agreement states, 2xx breach,
5xx disposal, 6xx security). Facts and confidence come from DOMAIN.md §0 and §2.2: the ILGA
page for 85/15 was cut off after 15(4)(B), so (C) to (F) and the 30-day breach notice are
secondary [S].
"""

from __future__ import annotations

from typing import Iterator

from pydantic import Field

from ...findings import Violation
from ...model.agreement import Agreement, BreachCosts, BreachTrigger
from ...model.duration import parse_duration
from ...rule import DurationOption, Rule, RuleOptions, clause_absent, clause_path, term_not_stated
from ...rules import drafting
from .._common import BreachWindowRule, Term, disclosure_violations, terms_required
from .safeguards import IlDeletionOnRequest, IlDeletionTimePeriod, IlSecurityIndustryStandards

STATE = "IL"


# ------------------------------------------------------------------------------ ILS1xx
class IlDataAndServiceListed(Rule):
    """Illinois: the agreement lists the categories of covered information and the service.

    What it checks
        ``data`` lists at least one group of data elements (``student``,
        ``parent_guardian`` or ``staff``; the Exhibit B "None" element counts as a listing).
        An agreement whose ``data`` is empty is a finding. The product or service
        (``products``) is required by the agreement format itself, so it is never missing.

    Why it matters
        Illinois schools must post each operator agreement and what data it covers, so
        parents can see what an operator receives. An agreement that does not say which
        data it covers cannot be held to any limit on it.

    Legal basis (confidence as in DOMAIN.md §2.2)
        - 105 ILCS 85/15(4)(A)-(B): the written agreement lists the categories of covered
          information to be provided and states the product or service [P].
        - 105 ILCS 85/27(a): the school posts the data elements collected and a copy of each
          agreement on its website [P]; that is the school's duty and is not checked.

    Options
        none.

    Passing example::

        data:
          student:
            elements: [student_name.first_last, student_identifiers.local_id]
            purposes: [Provide the reading service.]

    Failing example (no data listed)::

        data: {}
    """

    code = "ILS101"
    slug = "il-data-and-service-listed"
    clause = None
    tags = ("il",)

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        groups = [g for g in ("student", "parent_guardian", "staff") if getattr(agreement.data, g) is not None]
        if not groups:
            yield Violation(("data",), "the agreement lists no categories of data (data has no student, "
                                       "parent_guardian or staff elements); 105 ILCS 85/15(4)(A) requires them",
                            observed="none listed", required="the categories of covered information listed")

    def model_clause(self, options: RuleOptions) -> str:
        return ("Exhibit A describes the products and services Provider provides under this Agreement, and "
                "Exhibit B (Schedule of Data) lists each category of Student Data that Provider collects or receives "
                "to provide them.")


_CONTROL = Term("district_controls", "that the district keeps direct control of the data",
                "the district does not control the data", "the operator is under the school's direct control")
_USE = Term("vendor_rights_limited_to_service", "that the vendor may use the data only for the service",
            "the vendor gets rights beyond providing the service",
            "the operator uses the data only for authorized purposes")


class IlSchoolOfficialTerms(Rule):
    """Illinois: the agreement holds the operator to FERPA's school-official conditions.

    What it checks
        ``clauses.ownership`` states ``district_controls: true`` (the operator is under the
        school's direct control) and ``vendor_rights_limited_to_service: true`` (it uses the
        data only for authorized purposes), and ``clauses.data_use.redisclosure`` bars
        redisclosure without the school's consent (``prohibited_without_consent``, or
        ``to_subprocessors_only`` with subprocessors bound by terms no less stringent). Each
        term that is not stated or fails is its own finding; an absent clause is one finding.

    Why it matters
        SOPPA makes the written agreement carry the school-official statement, so the
        operator's duties under FERPA are contract terms the school can enforce.

    Legal basis (confidence as in DOMAIN.md §2.2)
        - 105 ILCS 85/15(4)(C): the agreement states that the operator acts as a school
          official with a legitimate educational interest, performs an institutional
          function, is under the school's direct control, uses the data only for authorized
          purposes and may not re-disclose it without permission or a court order [S, an
          Illinois school board association procedure; the statute page was cut off].
        - FERPA 34 CFR 99.31(a)(1)(i)(B) and 99.33(a), which the statement restates [P].
        - "Institutional function" and "legitimate educational interest" have no field in
          the agreement format and are not checked.

    Options
        none.

    Passing example::

        ownership:
          citation: Section 2
          text: The District keeps direct control of its data; the Operator may use it only
            to provide the services.
          district_owns: true
          district_controls: true
          vendor_rights_limited_to_service: true

    Failing example (control not stated)::

        ownership:
          citation: Section 2
          text: The District owns its data.
          district_owns: true
          vendor_rights_limited_to_service: true
    """

    code = "ILS102"
    slug = "il-school-official-terms"
    clause = "ownership"
    tags = ("il",)

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        yield from terms_required(agreement, "ownership", [_CONTROL, _USE], "105 ILCS 85/15(4)(C)",
                                  "the operator under the school's direct control, using the data only for "
                                  "authorized purposes")
        yield from disclosure_violations(agreement, "105 ILCS 85/15(4)(C)")

    def model_clause(self, options: RuleOptions) -> str:
        return (drafting.terms("ownership", [_CONTROL.name, _USE.name]) + " "
                + drafting.disclosure(allow_subprocessors=True))


# ------------------------------------------------------------------------------ ILS2xx
class IlBreachNoticeWindow(BreachWindowRule):
    """Illinois: breach notice to the school within 30 calendar days of determining a breach.

    What it checks
        The breach notice window fits within ``max_window`` (default 30 calendar days) and
        its clock starts at one of ``accepted_triggers`` (default: any of incident,
        discovery, confirmation, determination). The window checked is the Illinois state
        terms' ``breach_window`` (a ``state_terms`` entry for IL, such as an NDPA Exhibit G)
        when there is one, else ``clauses.breach_notification.window``; every
        ``by_category`` window must fit too. A window or trigger that is not stated is a
        finding; an absent clause is one finding. Durations compare conservatively: "30
        business days" can span 42 calendar days and fails.

    Why it matters
        The school must itself notify parents within 30 calendar days of determining or
        being told of a breach, and keep a public list of breaches [S]. A late notice from
        the operator leaves it no time.

    Legal basis (confidence as in DOMAIN.md §0, §2.2)
        - 105 ILCS 85/15 (P.A. 101-516): the operator notifies the school in the most
          expedient time possible and without unreasonable delay, and no later than 30
          calendar days after determining that a breach occurred [S, several secondary
          summaries; the statute text was cut off]. Unconfirmed in the primary text: re-read
          it before relying on the number.
        - 105 ILCS 85/27: school to parents within 30 calendar days [S]; the school's duty.
        - The clock runs from the *determination*, the latest of the events the format
          knows, so any stated trigger is accepted by default. The NDPA's 72 hours from
          confirmation (DPA201) fits within it.

    Options
        ``max_window`` (default "30 calendar days"): the longest acceptable window.
        ``accepted_triggers`` (default: incident, discovery, confirmation, determination).

    Passing example::

        breach_notification:
          citation: Section 6.1
          text: The Operator shall notify the District no later than thirty (30) calendar
            days after determining that a breach occurred.
          window: 30 calendar days
          trigger: determination

    Failing example (45 days)::

        breach_notification:
          citation: Section 6.1
          text: The Operator shall notify the District within forty-five days of determining
            that a breach occurred.
          window: 45 calendar days
          trigger: determination
    """

    code = "ILS201"
    slug = "il-breach-notice-window"
    tags = ("il",)
    STATE = STATE
    BASIS = "105 ILCS 85/15"
    RECIPIENT = "the school"

    class Options(BreachWindowRule.Options):
        max_window: DurationOption = parse_duration("30 calendar days")
        accepted_triggers: list[BreachTrigger] = Field(  # type: ignore[valid-type]
            default_factory=lambda: ["incident", "discovery", "confirmation", "determination"], min_length=1
        )


class IlBreachCostAllocation(Rule):
    """Illinois: the agreement says who pays the costs of a breach.

    What it checks
        ``clauses.breach_notification.costs`` is stated (``vendor``, ``district`` or
        ``shared``) and is one of ``accepted_allocations`` (default: any of the three). A
        clause that is silent on costs is a finding; an absent clause is one finding.

    Why it matters
        A breach costs money: notification letters, credit monitoring, legal fees. SOPPA
        makes the agreement settle who pays in advance, so the school is not left to
        negotiate it in the middle of an incident.

    Legal basis (confidence as in DOMAIN.md §1.6, §1.7, §2.2)
        - 105 ILCS 85/15(4)(D): the agreement states how the costs of a breach
          (notification, credit monitoring, legal fees and the like) are allocated between
          operator and school [S, an Illinois school board association procedure; the
          statute page was cut off]. The statute asks that the allocation be stated; it
          does not say who pays, so any stated allocation passes by default.
        - The Illinois NDPA's Exhibit G §10 "Reimbursement of Expenses Associated with
          Security Breach" is how NDPA agreements carry it [V].

    Options
        ``accepted_allocations`` (default: vendor, district, shared). A district that
        requires the operator to pay sets ``[vendor]``.

    Passing example::

        breach_notification:
          citation: Exhibit G, Section 10
          text: The Provider shall reimburse the LEA for the costs of notification and credit
            monitoring for a breach attributable to the Provider.
          window: 72 hours
          trigger: confirmation
          recipients: [district]
          costs: vendor

    Failing example (costs not addressed)::

        breach_notification:
          citation: Section 6.1
          text: The Operator shall notify the District within thirty days of determining a breach.
          window: 30 calendar days
          trigger: determination
          recipients: [district]
    """

    code = "ILS202"
    slug = "il-breach-cost-allocation"
    clause = "breach_notification"
    tags = ("il",)

    class Options(RuleOptions):
        accepted_allocations: list[BreachCosts] = Field(  # type: ignore[valid-type]
            default_factory=lambda: ["vendor", "district", "shared"], min_length=1
        )

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        accepted = ", ".join(options.accepted_allocations)
        required = f"breach costs allocated ({accepted})"
        clause = agreement.clauses.breach_notification
        if clause is None:
            yield clause_absent("breach_notification", required)
        elif clause.costs is None:
            yield term_not_stated("breach_notification", "costs", "who pays the costs of a breach", required)
        elif clause.costs not in options.accepted_allocations:
            yield Violation(clause_path("breach_notification", "costs"),
                            f"the breach notification clause puts the costs of a breach on: {clause.costs}; the "
                            f"policy accepts {accepted} (105 ILCS 85/15(4)(D) asks the agreement to allocate them)",
                            observed=clause.costs, required=required)

    def model_clause(self, options: Options) -> str:
        accepted = set(options.accepted_allocations)
        if "vendor" in accepted:
            return ("Provider shall bear, or reimburse the LEA for, the costs of investigating and responding to a "
                    "Security Breach attributable to Provider or its Subprocessors, including the costs of notifying "
                    "the affected students and parents.")
        if "shared" in accepted:
            return ("The LEA and Provider shall share the costs of investigating and responding to a Security Breach, "
                    "including the costs of notifying the affected students and parents, in the proportions they "
                    "agree in writing.")
        return ("The LEA shall bear the costs of notifying the affected students and parents of a Security Breach; "
                "Provider shall bear its own costs of investigating it.")


RULES = [
    IlDataAndServiceListed,
    IlSchoolOfficialTerms,
    IlBreachNoticeWindow,
    IlBreachCostAllocation,
    IlDeletionOnRequest,
    IlDeletionTimePeriod,
    IlSecurityIndustryStandards,
]
