"""SDPCxxx: the terms of the SDPC forms used in Massachusetts, Maine, New Hampshire, Rhode
Island and Vermont, as contract-template rules.

Code ranges follow the built-in rules' (2xx breach, 3xx documents, 5xx disposal). Every fact
comes from DOMAIN.md §1.6 and §2.11 with its confidence tag: [P] primary text read, [V]
verbatim contract text (reliable wording, though one sample may carry a district's changes),
[U] unconfirmed. These are a form's terms, not a statute's: Massachusetts has no K-12 vendor
statute, so a finding here says the agreement departs from the form it follows.

Only dpa-policy's public API is used (``dpa_policy``, ``dpa_policy.rule``,
``dpa_policy.model``), as any pack from outside the repository would.
"""

from __future__ import annotations

from typing import Iterator, Literal

from pydantic import Field

from dpa_policy import DurationOption, Rule, RuleOptions, Severity, Violation
from dpa_policy.model.agreement import Agreement
from dpa_policy.model.duration import parse_duration
from dpa_policy.rule import clause_absent, clause_path, term_not_stated
from dpa_policy.model.contract_words import duration_words

Trigger = Literal["incident", "discovery", "confirmation", "determination"]


# ------------------------------------------------------------------------------ SDPC2xx
# How a model clause names each event that may start the breach-notice clock, earliest first.
_TRIGGER_WORDS = {
    "incident": "the incident",
    "discovery": "Provider's discovery of the incident",
    "confirmation": "Provider's confirmation of the incident",
    "determination": "Provider's determination that a breach occurred",
}


class MspaBreachNoticeWindow(Rule):
    """MSPA form: breach notice to the district within 10 days of the incident.

    What it checks
        ``clauses.breach_notification`` is present; its ``window`` is stated and fits
        within ``max_window`` (default "10 calendar days"); its ``trigger`` is stated and is
        one of ``accepted_triggers`` (default: incident). Each gap is its own finding; an
        absent clause is one finding. Durations compare conservatively, as in DPA201: "10
        business days" can span 14 calendar days and fails.

    Why it matters
        The MSPA form counts the vendor's notice from the incident itself, not from when
        the vendor finds, confirms or determines it. A vendor's redline to "10 days of
        discovery" or "of confirmation" looks like the form but can end weeks later; the
        district relies on the form's clock to warn families in time.

    Legal basis (confidence as in DOMAIN.md §1.6 and §2.11)
        - MSPA Student Data Privacy Agreement (pre-NDPA; also the Rhode Island and Maine
          "School Unit" versions of the form): the provider notifies the LEA within ten
          (10) days of the incident [V, about 435 contract samples]. A contract term, not a
          statute: Massachusetts has no K-12 vendor statute [P].
        - Common redlines: "a reasonable amount of time of the incident, and not exceeding
          forty-eight (48) hours" and "as soon as practicable and no later than within ten
          (10) days" [V]; both fit within 10 days and pass.
        - The form says "days" without "calendar" or "business"; calendar days, the shorter
          reading, are this rule's choice [U].
        - The regional NDPA that replaces the form counts 72 hours from confirmation [V];
          the built-in ``ndpa-v1`` preset checks that for NDPA agreements.

    Options
        ``max_window`` (default "10 calendar days"): the longest acceptable window.
        ``accepted_triggers`` (default: incident): the events that may start the clock.

    Passing example::

        breach_notification:
          citation: Article V, Section 4
          text: Provider shall notify the LEA within ten (10) days of the incident.
          window: 10 calendar days
          trigger: incident

    Failing example (ten days, counted from the vendor's discovery)::

        breach_notification:
          citation: Article V, Section 4
          text: Provider shall notify the LEA within ten (10) days of discovering an incident.
          window: 10 calendar days
          trigger: discovery
    """

    code = "SDPC201"
    slug = "mspa-breach-notice-window"
    clause = "breach_notification"
    tags = ("sdpc-regional", "mspa")

    class Options(RuleOptions):
        max_window: DurationOption = parse_duration("10 calendar days")
        accepted_triggers: list[Trigger] = Field(default_factory=lambda: ["incident"], min_length=1)

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.breach_notification
        accepted = ", ".join(options.accepted_triggers)
        window_required = f"notice to the district within {options.max_window}"
        trigger_required = f"clock starts at one of: {accepted}"
        if clause is None:
            yield clause_absent("breach_notification", f"{window_required}, counted from one of: {accepted}")
            return
        if clause.window is None:
            yield term_not_stated("breach_notification", "window", "how soon the district is notified",
                                  window_required)
        elif not clause.window.within(options.max_window):
            yield Violation(
                clause_path("breach_notification", "window"),
                f"breach notice window {clause.window.describe_bound()} is longer than the MSPA form's "
                f"{options.max_window} of the incident",
                observed=str(clause.window),
                required=window_required,
            )
        if clause.trigger is None:
            yield term_not_stated("breach_notification", "trigger", "what starts the notice clock", trigger_required)
        elif clause.trigger not in options.accepted_triggers:
            yield Violation(
                clause_path("breach_notification", "trigger"),
                f"breach notice clock starts at {clause.trigger!r}, which can be later than the incident "
                f"the MSPA form counts from (accepted: {accepted})",
                observed=clause.trigger,
                required=trigger_required,
            )

    def model_clause(self, options: Options) -> str:
        # The latest event the policy accepts as the start of the clock, in the form's words.
        trigger = max(options.accepted_triggers, key=list(_TRIGGER_WORDS).index)
        return ("Provider shall notify the LEA in writing of any unauthorized access to, or acquisition, use or "
                f"disclosure of, Student Data within {duration_words(options.max_window)} of {_TRIGGER_WORDS[trigger]}.")


# ------------------------------------------------------------------------------ SDPC3xx
class RegionalNdpaExhibitG(Rule):
    """Regional NDPA: the state's Exhibit G (Supplemental State Terms) is part of the agreement.

    What it checks
        The agreement lists an attachment of kind ``exhibit_g_state_terms``, or a
        ``state_terms`` entry for its governing state (an Exhibit G recorded as structured
        terms). Neither is one finding, a warning. What the Exhibit G says is not checked.

    Why it matters
        The regional NDPA is the NDPA v1 plus a state Exhibit G. An agreement on the
        regional form whose record lists no Exhibit G is either missing the state's terms
        or missing them from the record; either way a reviewer should look before the
        agreement is filed as the regional form.

    Legal basis (confidence as in DOMAIN.md §1.6 and §2.11)
        - Regional NDPA ("MA-ME-NH-RI-VT-NY NDPA, Standard Version 1.0"): the NDPA v1 terms
          plus a state Exhibit G [P for the form's existence; V for its terms].
        - The Massachusetts Exhibit G's content is unconfirmed [U], so the rule checks only
          that one is there, and reports a warning, not an error.
        - A contract term, not a statute: Massachusetts has no K-12 vendor statute [P].

    Options
        none.

    Passing example::

        attachments:
          - kind: exhibit_g_state_terms
            citation: Exhibit G
            title: Supplemental State Terms for Massachusetts

    Failing example (the NDPA's Exhibits E and H, but no Exhibit G)::

        attachments:
          - kind: exhibit_e_general_offer
            citation: Exhibit E
          - kind: exhibit_h_modifications
            citation: Exhibit H
    """

    code = "SDPC301"
    slug = "regional-ndpa-exhibit-g"
    default_severity = Severity.WARNING
    tags = ("sdpc-regional", "regional-ndpa")

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        state = agreement.term.governing_state
        if any(attachment.kind == "exhibit_g_state_terms" for attachment in agreement.attachments):
            return
        if any(entry.state == state or state is None for entry in agreement.state_terms):
            return
        kinds = ", ".join(attachment.kind for attachment in agreement.attachments) or "none"
        for_state = f" for {state}" if state is not None else ""
        yield Violation(
            ("attachments",),
            f"the agreement lists no state Exhibit G{for_state} (no attachment of kind exhibit_g_state_terms and no "
            f"state_terms entry; attachments: {kinds}); the regional NDPA carries the state's Supplemental State Terms",
            observed=kinds,
            required="a state Exhibit G (Supplemental State Terms)",
        )

    def model_clause(self, options: RuleOptions) -> str:
        return ("The Supplemental State Terms for the state whose law governs this Agreement (Exhibit G) are attached "
                "to and part of this Agreement.")


# ------------------------------------------------------------------------------ SDPC5xx
class MspaDispositionOnRequest(Rule):
    """MSPA form: the vendor disposes of the data on the district's request and says so in writing.

    What it checks
        ``clauses.disposal`` is present, has ``on_request`` (disposal when the district asks,
        the form's Exhibit D "Request for Return or Deletion"), and, when
        ``require_written_notification`` is true (the default), states
        ``written_certification: true``: the vendor tells the district in writing that the
        disposal is done. Each gap is its own finding; an absent clause is one finding. The
        form sets no day count, so none is checked.

    Why it matters
        Under the form the district ends the vendor's hold on its data by asking; without
        the vendor's written word that it is done, the district cannot tell parents, or an
        auditor, that the data is gone.

    Legal basis (confidence as in DOMAIN.md §1.6 and §2.11)
        - MSPA Student Data Privacy Agreement: disposition on the LEA's request, with
          written notification when it is done; Exhibit D "Request for Return or Deletion"
          [V]. A contract term, not a statute: Massachusetts has no K-12 vendor statute [P].
        - The California version of the form gives 10 calendar days for returning a
          requested portion of the data [V]; the MSPA form's own number was not found, so
          the rule sets none.
        - The agreement format's ``written_certification`` ("the vendor certifies the
          disposal in writing") is the closest term to the form's written notification.

    Options
        ``require_written_notification`` (default true): also require the vendor's written
        word that the disposal is done.

    Passing example::

        disposal:
          citation: Article IV, Section 6
          text: On the LEA's request (Exhibit D) the Provider disposes of the data and
            notifies the LEA in writing when it is done.
          on_request: {citation: Exhibit D}
          written_certification: true

    Failing example (disposal only when the contract ends)::

        disposal:
          citation: Article IV, Section 6
          text: When the agreement ends the Provider deletes the data.
          at_termination: {within: 60 calendar days}
    """

    code = "SDPC501"
    slug = "mspa-disposition-on-request"
    clause = "disposal"
    tags = ("sdpc-regional", "mspa")

    class Options(RuleOptions):
        require_written_notification: bool = True

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.disposal
        required = "disposal on the district's request" + (
            ", notified in writing" if options.require_written_notification else "")
        if clause is None:
            yield clause_absent("disposal", required)
            return
        if clause.on_request is None:
            yield Violation(
                clause_path("disposal", "on_request"),
                "the disposal clause does not provide for disposal on the district's request (on_request is absent); "
                "the MSPA form disposes of the data when the LEA asks (Exhibit D)",
                observed="absent",
                required="disposal on the district's request",
            )
        if options.require_written_notification and clause.written_certification is not True:
            said = "rules out" if clause.written_certification is False else "does not state"
            value = "false" if clause.written_certification is False else "absent"
            yield Violation(
                clause_path("disposal", "written_certification"),
                f"the disposal clause {said} that the vendor tells the district in writing when the disposal is done "
                f"(written_certification is {value}); the MSPA form asks for written notification",
                observed="false" if clause.written_certification is False else "not stated",
                required="written notification of the disposal",
            )

    def model_clause(self, options: Options) -> str:
        text = ("Upon the LEA's written request (Exhibit D, Request for Return or Deletion), Provider shall dispose "
                "of the Student Data it holds, or return it to the LEA")
        if options.require_written_notification:
            text += ", and shall notify the LEA in writing when the disposal is complete"
        return text + "."


RULES = [MspaBreachNoticeWindow, RegionalNdpaExhibitG, MspaDispositionOnRequest]
