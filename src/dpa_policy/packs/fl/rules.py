"""FLSxxx: Florida's student privacy law: Fla. Stat. 1006.1494, 1002.222 and 501.171.

Code ranges follow the built-in rules' (2xx breach, 4xx data use and data collected, 5xx
disposal, 7xx subprocessors). Every fact comes from DOMAIN.md §0 and §2.6 with its
confidence tag. Section 1006.1494 (Student Online Personal Information Protection, 2023) is
known from its bill title and staff analysis [P] and from quotations of the statute [S]; its
subsection numbers and wording are [S] until the enrolled text is re-read.
"""

from __future__ import annotations

import re
from typing import Iterator, Literal

from pydantic import Field

from ...findings import Violation
from ...model.agreement import Agreement, BreachTrigger
from ...model.duration import parse_duration
from ...model.vocabulary import ELEMENTS
from ...rule import DurationOption, Rule, RuleOptions
from .._common import (
    BreachWindowRule, ProhibitionsRule, Term, disposal_term_violations, prohibitions_options, terms_required,
)
from ...rules import drafting
from ...model.contract_words import duration_words, listing

STATE = "FL"


# ------------------------------------------------------------------------------ FLS2xx
class FlBreachNoticeWindow(BreachWindowRule):
    """Florida: breach notice to the district within 10 days of determining a breach.

    What it checks
        The breach notice window fits within ``max_window`` (default 10 calendar days) and
        its clock starts at one of ``accepted_triggers`` (default: any of incident,
        discovery, confirmation, determination). The window checked is the Florida state
        terms' ``breach_window`` (``state_terms`` entry for FL) when the agreement has one,
        else ``clauses.breach_notification.window``; every ``by_category`` window must fit
        too. A window or trigger that is not stated is a finding; an absent clause is one
        finding. Durations compare conservatively, as in DPA201: "10 business days" can
        span 14 calendar days and fails.

    Why it matters
        Florida's general breach law puts its own clock on the district: notice to the
        affected individuals within 30 days, and to the Attorney General when 500 or more
        Floridians are affected [S]. The district cannot meet them if the vendor's notice
        is late. The statute counts from the *determination* of the breach, the latest of
        the events the format knows, so any stated trigger is accepted by default.

    Legal basis (confidence as in DOMAIN.md §0, §2.6)
        - Fla. Stat. 501.171(6)(a) (Florida Information Protection Act): a third-party
          agent notifies the covered entity no later than 10 days after determining the
          breach [S, law-firm breach summaries; the statute text was not read]. DOMAIN.md
          records the vendor as the agent and the district as the covered entity.
        - The sources say "10 days" without "business"; the rule reads calendar days, the
          shorter reading. Unconfirmed: whether Florida counts business days here.
        - No Florida K-12-specific vendor breach deadline was found; 1006.1494 sets none
          [S]. The NDPA's 72 hours from confirmation (DPA201) fits within this one.

    Options
        ``max_window`` (default "10 calendar days"): the longest acceptable window.
        ``accepted_triggers`` (default: incident, discovery, confirmation, determination):
        events that may start the clock.

    Passing example::

        breach_notification:
          citation: Article V, Section 4
          text: Provider shall notify the LEA within seventy-two (72) hours of confirmation
            of the incident.
          window: 72 hours
          trigger: confirmation

    Failing example (15 calendar days)::

        breach_notification:
          citation: Section 8
          text: Vendor will notify the School Board within fifteen days of determining that a
            breach occurred.
          window: 15 calendar days
          trigger: determination
    """

    code = "FLS201"
    slug = "fl-breach-notice-window"
    tags = ("fl",)
    STATE = STATE
    BASIS = "Fla. Stat. 501.171(6)(a)"

    class Options(BreachWindowRule.Options):
        max_window: DurationOption = parse_duration("10 calendar days")
        accepted_triggers: list[BreachTrigger] = Field(  # type: ignore[valid-type]
            default_factory=lambda: ["incident", "discovery", "confirmation", "determination"], min_length=1
        )


# ------------------------------------------------------------------------------ FLS4xx
class FlOperatorProhibitions(ProhibitionsRule):
    """Florida: no targeted advertising, no non-school student profiles, no sale of student data.

    What it checks
        ``clauses.data_use.prohibits`` holds ``true`` for every prohibition in
        ``required_prohibitions`` (default: targeted_advertising,
        non_educational_profiling, sale). A Florida state-terms entry (``state_terms``,
        state FL) with ``no_sale: true`` or ``no_targeted_advertising: true`` makes that
        prohibition as well. Each prohibition not made (the contract is silent) or allowed
        (``false``) is its own finding; an absent ``data_use`` clause is one finding.

    Why it matters
        Florida's operator law forbids these uses of student information gathered through a
        K-12 service, and the Department of Legal Affairs enforces it as an unfair trade
        practice; there is no private right of action [P/S]. A contract that repeats the
        prohibitions gives the district its own remedy.

    Legal basis (confidence as in DOMAIN.md §2.6)
        - Fla. Stat. 1006.1494(2)(a): no targeted advertising based on information from the
          K-12 service [P for the bill title and staff analysis; S for the subsection].
        - Fla. Stat. 1006.1494(2)(b): no student profile except for K-12 school purposes
          [S].
        - Fla. Stat. 1006.1494(2)(c): no sharing, selling or renting student information
          [S]; sharing is the built-in DPA402's check.
        - Fla. Stat. 1006.1494(6)(b): adaptive and customised learning stay allowed [S], so a
          contract's ``adaptive_learning`` carve-out is no finding.
        - Section 1006.1494 took effect on 1 July 2023 (SB 662, ch. 2023-170) [P]. Its
          enrolled text was not re-read: the wording above is secondary.

    Options
        ``required_prohibitions`` (default: targeted_advertising, non_educational_profiling,
        sale). ``marketing`` and ``commercial_product_development`` are district policy,
        not Florida statute as DOMAIN.md records it.

    Passing example::

        data_use:
          citation: Article IV, Sections 4 and 7
          text: Provider shall not sell Student Data, use it for targeted advertising, or
            build a profile of a student except for K-12 school purposes.
          prohibits: {sale: true, targeted_advertising: true, non_educational_profiling: true}

    Failing example (profiling not mentioned, sale allowed)::

        data_use:
          citation: Section 4
          text: Vendor may sell de-identified and aggregate data; it will not target ads.
          prohibits: {sale: false, targeted_advertising: true}
    """

    code = "FLS401"
    slug = "fl-operator-prohibitions"
    tags = ("fl",)
    STATE = STATE
    BASIS = "Fla. Stat. 1006.1494(2)"

    Options = prohibitions_options("targeted_advertising", "non_educational_profiling", "sale")


Kind = Literal["political_affiliation", "voting_history", "religious_affiliation", "biometric"]

# Words that name each kind of information in an element's description. The list is this
# checker's, not the statute's: 1002.222 names the four kinds; the biometric identifiers below
# (fingerprints, face, voice, iris, palm) are what "biometric" plainly covers.
_KIND_PATTERNS: dict[str, re.Pattern[str]] = {
    "political_affiliation": re.compile(
        r"\bpolitical\s+(affiliations?|party|parties|beliefs?|views?|opinions?|leanings?)\b|\bparty\s+affiliation", re.I),
    "voting_history": re.compile(r"\bvot(ing|er)\s+(history|records?|registration|participation)\b", re.I),
    "religious_affiliation": re.compile(
        r"\breligions?\b|\breligious\s+(affiliations?|beliefs?|preferences?|practices?|denominations?|identity)\b"
        r"|\bchurch\s+membership\b|\bfaith\s+affiliation", re.I),
    "biometric": re.compile(
        r"\bbiometric|\bfinger\s?prints?\b|\bpalm\s?prints?\b|\bpalm\s+(vein\s+)?scans?\b|\bvein\s+(scans?|patterns?)\b"
        r"|\bhand\s+(geometry|scans?)\b|\bvoice\s?prints?\b|\b(iris|retina|retinal)\s+(scans?|images?|patterns?)\b"
        r"|\bfac(e|ial)\s+(geometry|recognition|scans?|templates?|prints?)\b|\bfaceprints?\b", re.I),
}

_KIND_WORDS = {
    "political_affiliation": "political affiliation",
    "voting_history": "voting history",
    "religious_affiliation": "religious affiliation",
    "biometric": "biometric information",
}

# 1002.222 covers a student, a parent and a sibling; staff data is outside it.
_GROUPS = ("student", "parent_guardian")


class FlProhibitedDataElements(Rule):
    """Florida: the data shared must not include political or religious affiliation, voting history or biometrics.

    What it checks
        The data elements listed under ``data.student`` and ``data.parent_guardian`` (both
        the Exhibit B elements and the free-text ``other_elements``) name none of the kinds
        of information in ``prohibited_kinds`` (default: political affiliation, voting
        history, religious affiliation, biometric information). Each element that does is
        its own finding, an error: an element a state prohibits is never a judgement call.
        An element matches by the words that describe it ("fingerprint template", "facial
        recognition", "voter registration record", "religion", "political party"...); the
        word list is this checker's, not the statute's.

    Why it matters
        Florida forbids its schools to collect, obtain or retain these kinds of information
        about a student, a parent or a sibling at all. A vendor agreement whose schedule of
        data lists one means the district would be obtaining or sharing what the law says
        it may not hold: the element must come out of the agreement (and the product).

    Legal basis (confidence as in DOMAIN.md §2.6)
        - Fla. Stat. 1002.222(1)(a): an agency or institution may not collect, obtain or
          retain information on the political affiliation, voting history, religious
          affiliation or biometric information of a student, a parent or a sibling [P for
          the section; S for the subsection number].
        - The duty is the district's, not the vendor's; a vendor agreement listing such an
          element is how the district would breach it. Staff data is outside the section
          and is not checked.
        - Maryland (Educ. 4-131) and California (SOPIPA) count biometric data as covered
          information that may be used only for school purposes; they do not forbid
          collecting it (DOMAIN.md §2.3, §2.12), so only this pack has this rule.

    Options
        ``prohibited_kinds`` (default: political_affiliation, voting_history,
        religious_affiliation, biometric): the kinds of information to look for.

    Passing example::

        data:
          student:
            elements: [student_name.first_last, student_identifiers.local_id]
            purposes: [Sign students in to the reading app.]

    Failing example (a palm-scan lunch line)::

        data:
          student:
            elements: [student_name.first_last, student_identifiers.local_id]
            other_elements: [Palm vein scan template for cafeteria checkout]
            purposes: [Let students pay for lunch with a palm scan.]
    """

    code = "FLS402"
    slug = "fl-prohibited-data-elements"
    clause = None
    tags = ("fl",)

    class Options(RuleOptions):
        prohibited_kinds: list[Kind] = Field(  # type: ignore[valid-type]
            default_factory=lambda: ["political_affiliation", "voting_history", "religious_affiliation", "biometric"],
            min_length=1,
        )

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        for group in _GROUPS:
            shared = getattr(agreement.data, group)
            if shared is None:
                continue
            for index, key in enumerate(shared.elements):
                yield from self._element(ELEMENTS[key].label, ("data", group, "elements", index), key, options)
            for index, text in enumerate(shared.other_elements):
                yield from self._element(text, ("data", group, "other_elements", index), text, options)

    @staticmethod
    def _element(description: str, path: tuple, shown: str, options: Options) -> Iterator[Violation]:
        kinds = [kind for kind in options.prohibited_kinds if _KIND_PATTERNS[kind].search(description)]
        if kinds:
            what = " and ".join(_KIND_WORDS[kind] for kind in kinds)
            yield Violation(
                path,
                f"the data shared includes {what} ({shown!r}), which a Florida school may not collect, obtain or "
                f"retain (Fla. Stat. 1002.222(1)(a)); remove the element from the agreement",
                observed=shown,
                required=f"no {what}",
            )

    def model_clause(self, options: Options) -> str:
        kinds = listing((_KIND_WORDS[kind] for kind in dict.fromkeys(options.prohibited_kinds)), "or")
        return (f"Provider shall not collect, obtain, or retain information on the {kinds} of a student, a parent, "
                "or a sibling of a student, and the Schedule of Data (Exhibit B) lists no such information.")


# ------------------------------------------------------------------------------ FLS5xx
class FlDeletionAfterUnenrollment(Rule):
    """Florida: student data deleted within 90 days of the district's notice that a student has left.

    What it checks
        ``clauses.disposal.on_request`` is present and its ``within`` is stated and fits
        within ``max_within`` (default 90 calendar days). The agreement format has no term
        for "the district tells the vendor a student is no longer enrolled"; disposal on
        the district's request is the term that carries it, so that is what is checked. A
        clause that says "promptly" states no period and is a finding.

    Why it matters
        Data about a student who has left is data the district no longer needs shared; the
        statute makes its deletion the operator's duty once the district says so.

    Legal basis (confidence as in DOMAIN.md §0, §2.6)
        - Fla. Stat. 1006.1494(3)(c): the operator deletes a student's information at the
          end of the course or program and within 90 days after the student is no longer
          enrolled, upon notice from the district, unless a parent consents to keeping it
          [S, quotations of the statute]. Unconfirmed: the 2023 House analysis of the
          introduced bill said "if requested by the school"; re-read the enrolled text
          before relying on the trigger.
        - "90 days" is read as calendar days, the shorter reading [S].
        - The NDPA's 60 days on request (DPA501) fits within it.

    Options
        ``max_within`` (default "90 calendar days"): the longest acceptable period.

    Passing example::

        disposal:
          citation: Article IV, Section 6
          text: Within sixty (60) days of the LEA's written request, Provider shall dispose
            of the Student Data.
          on_request: {within: 60 calendar days}

    Failing example (no period: "promptly")::

        disposal:
          citation: Section 9
          text: At the District's written request the Vendor shall promptly dispose of the data.
          on_request: {citation: Section 9(a)}
    """

    code = "FLS501"
    slug = "fl-deletion-after-unenrollment"
    clause = "disposal"
    tags = ("fl",)

    class Options(RuleOptions):
        max_within: DurationOption = parse_duration("90 calendar days")

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        yield from disposal_term_violations(agreement, "on_request", "on the district's notice", options.max_within,
                                            "Fla. Stat. 1006.1494(3)(c)")

    def model_clause(self, options: Options) -> str:
        return (f"Within {duration_words(options.max_within)} of the LEA's written request, including a notice that a "
                "student is no longer enrolled, Provider shall delete that student's Student Data, unless the "
                "student's parent or legal guardian consents to Provider keeping it.")


# ------------------------------------------------------------------------------ FLS7xx
_BOUND = Term("bound_no_less_stringent", "that service providers are bound by terms no less stringent",
              "service providers are not bound by terms no less stringent",
              "service providers bound by terms no less stringent")


class FlServiceProviderRestrictions(Rule):
    """Florida: service providers that receive student data must be bound by the same restrictions.

    What it checks
        ``clauses.subprocessors`` is present and states ``bound_no_less_stringent: true``:
        the vendor's own service providers are bound, by written agreement, to terms no less
        stringent than the agreement's. A term that is not stated or false is a finding; an
        absent clause is one finding.

    Why it matters
        Florida lets an operator pass student information to its service providers only
        when they are contractually barred from using it for anything else or passing it on,
        and keep it secure. An agreement that does not bind them leaves the data unprotected
        one step past the vendor.

    Legal basis (confidence as in DOMAIN.md §2.6)
        - Fla. Stat. 1006.1494(2)(d)6: disclosure to a third-party service provider is
          allowed when the provider is contractually prohibited from using the information
          for other purposes and from further disclosing it, and must keep reasonable
          security [S, quotations of the statute].
        - The agreement format records "bound by terms no less stringent" (NDPA Art. II §5
          [V]), which covers both restrictions; the built-in DPA701 checks the same term
          for the NDPA.

    Options
        none.

    Passing example::

        subprocessors:
          citation: Article II, Section 5
          text: Provider shall enter into written agreements whereby Subprocessors agree to
            protect Student Data in a manner no less stringent than this DPA.
          bound_no_less_stringent: true

    Failing example (the vendor's choice of providers, unbound)::

        subprocessors:
          citation: Section 5
          text: Vendor may use service providers of its choosing.
          bound_no_less_stringent: false
    """

    code = "FLS701"
    slug = "fl-service-provider-restrictions"
    clause = "subprocessors"
    tags = ("fl",)

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        yield from terms_required(agreement, "subprocessors", [_BOUND], "Fla. Stat. 1006.1494(2)(d)6",
                                  "service providers bound not to use or disclose the data for other purposes")

    def model_clause(self, options: RuleOptions) -> str:
        return (drafting.SUBPROCESSORS_BOUND + " Each such agreement shall prohibit the Subprocessor from using "
                "Student Data for any purpose other than providing its services to Provider for the LEA and from "
                "disclosing it further, and shall require the Subprocessor to keep it secure.")


RULES = [
    FlBreachNoticeWindow,
    FlOperatorProhibitions,
    FlProhibitedDataElements,
    FlDeletionAfterUnenrollment,
    FlServiceProviderRestrictions,
]
