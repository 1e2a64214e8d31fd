"""CTSxxx: Connecticut's student data privacy law, C.G.S. 10-234aa to 10-234dd.

Code ranges follow the built-in rules' (1xx ownership and governance, 2xx breach, 4xx data
use, 5xx disposal). Every fact comes from /work/shared/DOMAIN.md §0 and §2.4 with its
confidence tag: [P] primary text read, [S] secondary source only. Where a number is only [S],
the rule's documentation says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Literal

from pydantic import Field

from dpa_policy import DurationOption, Rule, RuleOptions, Violation
from dpa_policy.model.duration import parse_duration
from dpa_policy.rule import clause_absent, clause_path, prohibition_violations, term_not_stated

if TYPE_CHECKING:
    from dpa_policy.model.agreement import Agreement
    from dpa_policy.model.duration import Duration

STATE = "CT"

# ------------------------------------------------------------------------------ CTS1xx
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
    tags = ("ct", "ownership")

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
    tags = ("ct", "governing-law")

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


# ------------------------------------------------------------------------------ CTS2xx
Trigger = Literal["incident", "discovery", "confirmation", "determination"]


# 10-234dd's two classes of data [S]: 30 days for student information other than directory
# information; 60 days for directory information, student records, student-generated content.
# "other" (data the clause names otherwise) gets the shorter window: the conservative reading.
_THIRTY_DAY = {"student_information", "other"}
_SIXTY_DAY = {"directory_information", "student_records", "student_generated_content"}
_CLASSES = {"student_information", *_SIXTY_DAY}


class CtBreachNoticeWindow(Rule):
    """Connecticut: breach notice to the board within 30 days of discovery, or 60 for some data.

    What it checks
        The breach notice windows fit Connecticut's two deadlines, by class of data: at most
        ``max_window`` (default 30 calendar days) for student information other than
        directory information, and at most ``max_window_directory_and_records`` (default 60
        calendar days) for directory information, student records and student-generated
        content. Each ``clauses.breach_notification.by_category`` window is held to the
        deadline of the classes it lists (the shorter one when it lists both kinds, or
        ``other``). The clause's general ``window`` covers every class no ``by_category``
        entry lists, so it must fit 30 days while student information is among them, and
        60 days once only the 60-day classes are left; when every class has its own window,
        the general window is not needed. Every clock must start at one of
        ``accepted_triggers`` (default: incident, discovery); a ``by_category`` entry
        without its own trigger uses the clause's. Each failing window or trigger is its own
        finding; an absent clause is one finding. Durations compare conservatively, as in
        DPA201: "30 business days" can span 42 calendar days once weekends are counted and
        fails.

    Why it matters
        The board must tell students and parents of the breach and post it on its website
        (within 48 hours of the contractor's notice, per 2016 summaries [S]; possibly
        changed since, unconfirmed [U]); it cannot do so on time if the contractor's notice
        is late. The statute's clock runs from *discovery*. A window counted from a later
        event (*confirmation*, *determination*) can end more than 30 days after discovery
        however short it looks: the NDPA's "72 hours of confirmation" proves nothing about
        the time since discovery, so it is a finding here by default.

    Legal basis (confidence as in DOMAIN.md §0 and §2.4)
        - C.G.S. 10-234dd: the contractor notifies the board without unreasonable delay and
          no later than 30 days after discovering a breach of student information other than
          directory information, and no later than 60 days after discovering a breach of
          directory information, student records or student-generated content [S, secondary
          only: three independent district pages, one of them quoting the statute's wording;
          the statute text itself was not read]. Within the window the contractor may
          investigate and restore its systems' integrity [S].
        - The sources do not say calendar or business days; calendar days are the shorter
          reading [U].
        - C.G.S. 10-234bb(a)(6): the contract sets out procedures for notifying the board of
          an unauthorized release [P].
        - "Without unreasonable delay" is not a number and is not checked.

    Options
        ``max_window`` (default "30 calendar days"): the longest acceptable window for
        student information other than directory information (and for ``other`` data).
        ``max_window_directory_and_records`` (default "60 calendar days"): the longest for
        directory information, student records and student-generated content [S].
        ``accepted_triggers`` (default: incident, discovery): events that may start the
        clock. The statute counts from discovery [S]; the incident itself is earlier, so it
        is accepted too.

    Passing example::

        breach_notification:
          citation: Section 7.2
          text: The Contractor shall notify the Board no later than thirty (30) days after
            discovering a breach of student information, and no later than sixty (60) days
            for directory information, student records or student-generated content.
          window: 30 calendar days
          trigger: discovery
          by_category:
            - categories: [directory_information, student_records, student_generated_content]
              window: 60 calendar days

    Failing example (45 calendar days, counted from confirmation instead of discovery)::

        breach_notification:
          citation: Section 12
          text: Vendor will notify the district within 45 days of confirming a breach.
          window: 45 calendar days
          trigger: confirmation
    """

    code = "CTS201"
    slug = "ct-breach-notice-window"
    clause = "breach_notification"
    tags = ("ct", "breach")

    class Options(RuleOptions):
        max_window: DurationOption = parse_duration("30 calendar days")
        max_window_directory_and_records: DurationOption = parse_duration("60 calendar days")
        accepted_triggers: list[Trigger] = Field(default_factory=lambda: ["incident", "discovery"], min_length=1)

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.breach_notification
        accepted = ", ".join(options.accepted_triggers)
        window_required = f"notice to the board within {options.max_window}"
        trigger_required = f"clock starts at one of: {accepted}"
        if clause is None:
            yield clause_absent("breach_notification", f"{window_required}, counted from one of: {accepted}")
            return
        covered: set[str] = set()
        clause_trigger_needed = False
        for index, entry in enumerate(clause.by_category):
            covered.update(entry.categories)
            limit = options.max_window if _THIRTY_DAY & set(entry.categories) else options.max_window_directory_and_records
            if not entry.window.within(limit):
                yield Violation(
                    clause_path("breach_notification", "by_category", index, "window"),
                    f"breach notice window for {', '.join(entry.categories)} {entry.window.describe_bound()} is "
                    f"longer than Connecticut's {limit} for that data (C.G.S. 10-234dd)",
                    observed=str(entry.window),
                    required=f"notice to the board within {limit}",
                )
            if entry.trigger is None:
                clause_trigger_needed = True
            else:
                yield from _trigger(entry.trigger, clause_path("breach_notification", "by_category", index, "trigger"),
                                    options, trigger_required)
        uncovered = _CLASSES - covered
        if uncovered:
            clause_trigger_needed = True
            limit = options.max_window if "student_information" in uncovered else options.max_window_directory_and_records
            required = f"notice to the board within {limit}"
            if clause.window is None:
                yield term_not_stated("breach_notification", "window", "how soon the board is notified", required)
            elif not clause.window.within(limit):
                yield Violation(
                    clause_path("breach_notification", "window"),
                    f"breach notice window {clause.window.describe_bound()} is longer than Connecticut's "
                    f"{limit} (C.G.S. 10-234dd)",
                    observed=str(clause.window),
                    required=required,
                )
        if not clause_trigger_needed:
            return
        if clause.trigger is None:
            yield term_not_stated("breach_notification", "trigger", "what starts the notice clock", trigger_required)
        else:
            yield from _trigger(clause.trigger, clause_path("breach_notification", "trigger"), options, trigger_required)


def _trigger(trigger: str, path: tuple, options: CtBreachNoticeWindow.Options, required: str) -> Iterator[Violation]:
    if trigger not in options.accepted_triggers:
        yield Violation(
            path,
            f"breach notice clock starts at {trigger!r}, which can come later than the discovery "
            f"Connecticut counts from (C.G.S. 10-234dd; accepted: {', '.join(options.accepted_triggers)})",
            observed=trigger,
            required=required,
        )


# ------------------------------------------------------------------------------ CTS4xx
Prohibition = Literal[
    "sale", "targeted_advertising", "marketing", "non_educational_profiling", "commercial_product_development"
]

_WORDS = {
    "sale": "sale of student data",
    "targeted_advertising": "targeted advertising",
    "marketing": "marketing to students or families",
    "non_educational_profiling": "building profiles for non-school purposes",
    "commercial_product_development": "developing commercial products",
}


class CtOperatorProhibitions(Rule):
    """Connecticut: no targeted advertising, no non-school profiles, no sale of student data.

    What it checks
        ``clauses.data_use.prohibits`` holds ``true`` for every prohibition in
        ``required_prohibitions`` (default: targeted_advertising,
        non_educational_profiling, sale). Each prohibition that is not stated (the contract
        is silent) or ``false`` (the contract allows it) is its own finding; an absent
        ``data_use`` clause is one finding.

    Why it matters
        Connecticut forbids operators of school websites, services and apps these uses of
        student data. A contract that does not repeat the prohibitions leaves the board
        without a contractual remedy and the vendor's staff without a clear rule.

    Legal basis (confidence as in DOMAIN.md §2.4)
        - C.G.S. 10-234cc (operators): no targeted advertising, no profile of a student for
          purposes other than school purposes, no sale of student data [S]. The
          prohibitions come from district pages and a vendor compliance chart; the statute
          text was not read, so re-check the wording before relying on it.
        - C.G.S. 10-234bb(a)(3): the contract bars the contractor from using student data
          for any purpose other than those the contract allows [P].

    Options
        ``required_prohibitions`` (default: targeted_advertising, non_educational_profiling,
        sale). A district may add ``marketing`` or ``commercial_product_development``; those
        are district policy, not Connecticut statute as DOMAIN.md records it.

    Passing example::

        data_use:
          citation: Section 4
          text: The Contractor shall not sell student data, use it for targeted advertising,
            or build a profile of a student except for school purposes.
          prohibits: {sale: true, targeted_advertising: true, non_educational_profiling: true}

    Failing example (profiling not mentioned, advertising allowed)::

        data_use:
          citation: Section 4
          text: Vendor will not sell data but may show sponsored content.
          prohibits: {sale: true, targeted_advertising: false}
    """

    code = "CTS401"
    slug = "ct-operator-prohibitions"
    clause = "data_use"
    tags = ("ct", "data-use", "marketing")

    class Options(RuleOptions):
        required_prohibitions: list[Prohibition] = Field(
            default_factory=lambda: ["targeted_advertising", "non_educational_profiling", "sale"], min_length=1
        )

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.data_use
        if clause is None:
            yield clause_absent("data_use", "prohibits " + ", ".join(options.required_prohibitions))
            return
        yield from prohibition_violations(clause, options.required_prohibitions, _WORDS,
                                          note="Connecticut C.G.S. 10-234cc forbids it")


# ------------------------------------------------------------------------------ CTS5xx
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


class CtDeletionOnRequest(Rule):
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
    clause = "disposal"
    tags = ("ct", "disposal")

    class Options(RuleOptions):
        max_within: DurationOption | None = None

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        yield from _disposal_term(agreement, "on_request", "on the board's request", options.max_within,
                                  "C.G.S. 10-234bb(a)(2)")


class CtNoRetentionAfterContract(Rule):
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
    clause = "disposal"
    tags = ("ct", "disposal")

    class Options(RuleOptions):
        max_within: DurationOption | None = None

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        yield from _disposal_term(agreement, "at_termination", "when the contracted services end",
                                  options.max_within, "C.G.S. 10-234bb(a)(7)")


RULES = [
    CtDataNotContractorProperty,
    CtGoverningLaw,
    CtBreachNoticeWindow,
    CtOperatorProhibitions,
    CtDeletionOnRequest,
    CtNoRetentionAfterContract,
]
