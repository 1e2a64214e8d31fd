"""NYS2xx: the contractor's breach notice to the educational agency (8 NYCRR 121.10)."""

from __future__ import annotations

from typing import Iterator

from pydantic import Field

from ....findings import Violation
from ....model.agreement import Agreement, BreachTrigger
from ....model.duration import parse_duration
from ....rule import DurationOption, Rule, RuleOptions, clause_absent, clause_path, term_not_stated
from ....rules import drafting

CLAUSE = "breach_notification"


class NyBreachNoticeWindow(Rule):
    """Breach notice to the educational agency within 7 calendar days after discovery.

    What it checks
        ``clauses.breach_notification`` is present; its ``window`` is stated and fits within
        ``max_window`` (default "7 calendar days"); its ``trigger`` is stated and is one of
        ``accepted_triggers`` (default: incident, discovery). Each gap is its own finding;
        an absent clause is one finding.

        The window comparison is conservative (``Duration.within``): calendar days and hours
        convert exactly ("168 hours" and "7 calendar days" pass), and "N business days" is
        bounded by the longest span it can cover once weekends are counted, N + 2*ceil(N/5)
        calendar days. So "5 business days" passes (at most 7 calendar days) and "6 business
        days" fails (up to 10). Public holidays are not added. A window the checker cannot
        prove fits is a finding.

        The trigger matters as much as the number: 7 days from *confirmation* or from a
        *determination* that a breach occurred can end well after 7 days from discovery.
        *incident* starts the clock no later than discovery, so it is accepted too.

    Why it matters
        The educational agency has its own clocks that start with the contractor's notice:
        it must report to NYSED's Chief Privacy Officer within 10 calendar days of receiving
        the notice, and notify affected parents, eligible students, teachers and principals
        within 60 calendar days [P, 121.10]. Failing to notify carries a civil penalty of the
        greater of $5,000 or up to $10 per student, teacher and principal whose data was
        released [P, 121.11]. The NDPA baseline's own rule (DPA201, 72 hours from
        confirmation) is a different requirement and keeps running beside this one.

    Legal basis (confidence as in DOMAIN.md §0, §2.1)
        - 8 NYCRR 121.10(a): the third-party contractor notifies each educational agency in
          the most expedient way possible and without unreasonable delay, but no more than
          seven calendar days after the discovery of the breach [P].
        - 8 NYCRR 121.10 / 121.11: the agency's 10- and 60-calendar-day clocks and the
          penalties above [P].
        - Who is notified (the district) is checked by DPA203 in the NDPA baseline; this rule
          checks only when and from what.

    Options
        ``max_window`` (default "7 calendar days"): the longest acceptable window, as a
        duration. A district may set a shorter one; a longer one would not meet 121.10(a).
        ``accepted_triggers`` (default: incident, discovery): the events that may start the
        clock. "confirmation" and "determination" are later than New York's "discovery".

    Passing example::

        breach_notification:
          citation: Section 7.1
          text: The Contractor shall notify the District no later than seven (7) calendar
            days after discovering a breach.
          window: 7 calendar days
          trigger: discovery

    Failing example (10 days, counted from confirmation rather than discovery)::

        breach_notification:
          citation: Section 12
          text: Vendor will notify the district within ten calendar days of confirming a breach.
          window: 10 calendar days
          trigger: confirmation
    """

    code = "NYS201"
    slug = "ny-breach-notice-window"
    clause = CLAUSE
    tags = ("ny",)

    class Options(RuleOptions):
        max_window: DurationOption = parse_duration("7 calendar days")
        accepted_triggers: list[BreachTrigger] = Field(  # type: ignore[valid-type]
            default_factory=lambda: ["incident", "discovery"], min_length=1
        )

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        clause = agreement.clauses.breach_notification
        accepted = ", ".join(options.accepted_triggers)
        window_required = f"notice to the educational agency within {options.max_window}"
        trigger_required = f"clock starts at one of: {accepted}"
        if clause is None:
            yield clause_absent(CLAUSE, f"{window_required}, from one of: {accepted}")
            return
        if clause.window is None:
            yield term_not_stated(CLAUSE, "window", "how soon the educational agency is notified",
                                  window_required)
        elif not clause.window.within(options.max_window):
            yield Violation(
                clause_path(CLAUSE, "window"),
                f"breach notice window {clause.window.describe_bound()} is longer than the policy "
                f"maximum of {options.max_window} (8 NYCRR 121.10(a): no more than 7 calendar days "
                f"after discovery)",
                observed=str(clause.window),
                required=window_required,
            )
        if clause.trigger is None:
            yield term_not_stated(CLAUSE, "trigger", "what starts the notice clock", trigger_required)
        elif clause.trigger not in options.accepted_triggers:
            yield Violation(
                clause_path(CLAUSE, "trigger"),
                f"breach notice clock starts at {clause.trigger!r}, which can be later than New York's "
                f"discovery of the breach (accepted: {accepted})",
                observed=clause.trigger,
                required=trigger_required,
            )

    def model_clause(self, options: Options) -> str:
        return drafting.breach_notice(options.max_window, drafting.latest_trigger(options.accepted_triggers))


RULES = [NyBreachNoticeWindow]
