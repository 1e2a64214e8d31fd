"""DPA2xx: breach notification to the district: window, trigger, recipient, contents."""

from __future__ import annotations

from typing import Iterator, Literal

from pydantic import Field

from ..findings import Severity, Violation
from ..model.agreement import Agreement, BreachContent
from ..model.duration import parse_duration
from ..rule import DurationOption, Rule, RuleOptions, clause_absent, clause_path, term_not_stated
from . import drafting

CLAUSE = "breach_notification"


class BreachNoticeWindow(Rule):
    """Breach notice to the district must arrive within the policy's maximum window.

    What it checks
        ``clauses.breach_notification.window`` is stated and fits within ``max_window``
        (default 72 hours). The comparison is conservative: "N business days" is bounded by
        the longest span it can cover, N + 2*ceil(N/5) calendar days once weekends are
        counted (5 business days can span 7 calendar days, 10 can span 14). Public
        holidays are not added, since they vary by state. Same-unit windows compare
        exactly ("7 calendar days" passes a 7 calendar day maximum). A window the checker
        cannot prove fits is a finding.

    Why it matters
        The district has its own clocks to parents and regulators (New York: 10 calendar
        days to the Chief Privacy Officer after the contractor's notice; Connecticut: 48
        hours to parents after the contractor's notice, per 2016 sources [S], possibly
        changed since [U]); it cannot meet them if the vendor's notice is late.

    Legal basis (confidence as in DOMAIN.md §0, §1.3)
        - SDPC NDPA v1 Art. V §4: notice to the LEA within seventy-two (72) hours of
          confirmation of the incident, unless that would disrupt a law-enforcement
          investigation, and then within a reasonable time after the incident [V: the
          NDPA-style clause text, verbatim; the NDPA PDF itself was not retrieved]. v2 §5.4:
          72 hours [S]. The exception is part of the NDPA's own term and is not a finding
          (recorded as ``law_enforcement_delay: true``).
        - New York 8 NYCRR 121.10(a): no more than 7 calendar days after discovery [P].
        - Illinois SOPPA: 30 calendar days after determination [S, statute text cut off].
        - Connecticut 10-234dd: 30 days for student information, 60 days for directory
          information, student records and student-generated content, from discovery [S]
          (the ``ct`` pack's CTS201 checks both, using ``by_category``).
        - Older state alliance DPAs: 10 days of the incident; common redline 48 hours [V].

    Options
        ``max_window`` (default "72 hours"): the longest acceptable window, as a duration.

    Passing example::

        breach_notification:
          citation: Article V, Section 4
          text: Provider shall notify the LEA within 72 hours of confirmation of an incident.
          window: 72 hours
          trigger: confirmation

    Failing example (5 business days can span 7 calendar days, more than 72 hours)::

        breach_notification:
          citation: Section 12
          text: Vendor will notify the district within five business days.
          window: 5 business days
          trigger: confirmation
    """

    code = "DPA201"
    slug = "breach-notice-window"
    clause = CLAUSE
    tags = ("breach", "ndpa")

    class Options(RuleOptions):
        max_window: DurationOption = parse_duration("72 hours")

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.breach_notification
        required = f"notice within {options.max_window}"
        if clause is None:
            yield clause_absent(CLAUSE, required)
            return
        if clause.window is None:
            yield term_not_stated(CLAUSE, "window", "how soon the district is notified", required)
        elif not clause.window.within(options.max_window):
            yield Violation(
                clause_path(CLAUSE, "window"),
                f"breach notice window {clause.window.describe_bound()} is longer than the "
                f"policy maximum of {options.max_window}",
                observed=str(clause.window),
                required=required,
            )

    def model_clause(self, options: Options) -> str:
        # The clock's start is DPA202's term; discovery is an event every shipped policy accepts.
        return drafting.breach_notice(options.max_window, "discovery")


Trigger = Literal["incident", "discovery", "confirmation", "determination"]


class BreachNoticeTrigger(Rule):
    """The breach-notice clock must start from an event the policy accepts.

    What it checks
        ``clauses.breach_notification.trigger`` is stated and is one of
        ``accepted_triggers``. A window without a trigger cannot be compared with anything:
        "72 hours" from what?

    Why it matters
        The same number of hours means very different things from different events. From
        earliest to latest: the *incident* itself, the vendor's *discovery* of it, its
        *confirmation*, or a *determination* that a breach occurred. The later the trigger,
        the longer the real delay.

    Legal basis (confidence as in DOMAIN.md §0, §1.3)
        - NDPA v1 Art. V §4: 72 hours from *confirmation* of the incident [V]; v2 §5.4 [S].
        - New York 8 NYCRR 121.10(a): from *discovery* [P].
        - Illinois SOPPA: from the *determination* that a breach occurred [S].
        - Older state alliance DPAs: from the *incident* [V].

    Options
        ``accepted_triggers`` (default: incident, discovery, confirmation): the NDPA's
        trigger and the earlier ones. "determination" is not the NDPA's word; a policy that
        accepts it (an Illinois pack, for example) lists it.

    Passing example::

        breach_notification:
          citation: Section 7.2
          text: ...within 72 hours of discovering the incident.
          window: 72 hours
          trigger: discovery

    Failing example (the clock start is not stated)::

        breach_notification:
          citation: Section 7.2
          text: Vendor shall notify the district within 72 hours.
          window: 72 hours
    """

    code = "DPA202"
    slug = "breach-notice-trigger"
    clause = CLAUSE
    tags = ("breach", "ndpa")

    class Options(RuleOptions):
        accepted_triggers: list[Trigger] = Field(
            default_factory=lambda: ["incident", "discovery", "confirmation"], min_length=1
        )

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.breach_notification
        accepted = ", ".join(options.accepted_triggers)
        required = f"clock starts at one of: {accepted}"
        if clause is None:
            yield clause_absent(CLAUSE, required)
        elif clause.trigger is None:
            yield term_not_stated(CLAUSE, "trigger", "what starts the notice clock", required)
        elif clause.trigger not in options.accepted_triggers:
            yield Violation(
                clause_path(CLAUSE, "trigger"),
                f"breach notice clock starts at {clause.trigger!r}, which the policy does not accept "
                f"(accepted: {accepted})",
                observed=clause.trigger,
                required=required,
            )

    def model_clause(self, options: Options) -> str:
        trigger = drafting.latest_trigger(options.accepted_triggers)
        return (f"Every period for notifying the LEA of a Security Breach runs from "
                f"{drafting.TRIGGER_PHRASES[trigger]}, and not from any later event.")


class BreachNoticeRecipient(Rule):
    """The vendor must notify the district itself of a breach.

    What it checks
        ``clauses.breach_notification.recipients`` includes ``district``. A clause that only
        promises notice to "affected individuals" or to a state agency leaves the district
        uninformed.

    Why it matters
        The district is the one that must notify students and parents and, in some states,
        regulators; it can only do so if the vendor tells it first.

    Legal basis (confidence as in DOMAIN.md §1.3, §2.1)
        - NDPA Art. V §4: notice to the LEA; the LEA, not the provider, notifies affected
          students and parents [V].
        - New York 8 NYCRR 121.10(a): the contractor notifies each educational agency [P].

    Options
        none.

    Passing example::

        recipients: [district]

    Failing example::

        recipients: [affected_individuals]
    """

    code = "DPA203"
    slug = "breach-notice-recipient"
    clause = CLAUSE
    tags = ("breach", "ndpa")

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        clause = agreement.clauses.breach_notification
        required = "the district is notified"
        if clause is None:
            yield clause_absent(CLAUSE, required)
        elif not clause.recipients:
            yield Violation(clause_path(CLAUSE, "recipients"),
                            "the breach notification clause does not state who is notified (recipients lists no one)",
                            observed="not stated", required=required)
        elif "district" not in clause.recipients:
            yield Violation(
                clause_path(CLAUSE, "recipients"),
                "breach notice goes to " + ", ".join(clause.recipients) + " but not to the district",
                observed=", ".join(clause.recipients),
                required=required,
            )

    def model_clause(self, options: RuleOptions) -> str:
        return ("Provider shall give notice of any Security Breach directly to the LEA, whether or not Provider "
                "also notifies affected individuals or any government authority.")


class BreachNoticeContents(Rule):
    """The breach notice must say what the district needs to act on it.

    What it checks
        ``clauses.breach_notification.contents`` lists every item in ``required_contents``.
        Each missing item is its own finding.

    Why it matters
        A notice that says "an incident occurred" does not let the district judge whom to
        notify or what to tell them.

    Legal basis (confidence as in DOMAIN.md §1.3, §1.7)
        NDPA v1 Art. V §4 lists the minimum contents, "to the extent known" and as they
        become available [V: NDPA-style clause text and a verbatim "data breach response"
        clause]: (1) name and contact of the reporting LEA, (2) types of personal information
        involved, (3) date, estimated date or date range of the breach, and the date of the
        notice, (4) whether notice was delayed by law enforcement, (5) a general description
        of the incident. Because each item is due only as far as it is known, a missing item
        is a warning, not an error (the default severity).

    Options
        ``required_contents`` (default: reporter_contact, information_types, breach_date,
        notice_date, law_enforcement_delay, incident_description).

    Passing example::

        contents: [reporter_contact, information_types, breach_date, notice_date,
                   law_enforcement_delay, incident_description]

    Failing example (says nothing about which data was involved)::

        contents: [breach_date, incident_description]
    """

    code = "DPA204"
    slug = "breach-notice-contents"
    clause = CLAUSE
    tags = ("breach", "ndpa")
    default_severity = Severity.WARNING

    class Options(RuleOptions):
        required_contents: list[BreachContent] = Field(
            default_factory=lambda: [
                "reporter_contact", "information_types", "breach_date", "notice_date", "law_enforcement_delay",
                "incident_description",
            ],
            min_length=1,
        )

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.breach_notification
        if clause is None:
            yield clause_absent(CLAUSE, "notice contents: " + ", ".join(options.required_contents))
            return
        for item in options.required_contents:
            if item not in clause.contents:
                yield Violation(
                    clause_path(CLAUSE, "contents"),
                    f"breach notice contents do not include {item!r}",
                    observed=", ".join(clause.contents) or "none listed",
                    required=item,
                )

    def model_clause(self, options: Options) -> str:
        contents = (drafting.CONTENT_PHRASES[item] for item in dict.fromkeys(options.required_contents))
        return ("Each notice of a Security Breach shall state, to the extent known and as the information becomes "
                f"available: {drafting.enumerate_items(contents)}.")


RULES = [BreachNoticeWindow, BreachNoticeTrigger, BreachNoticeRecipient, BreachNoticeContents]
