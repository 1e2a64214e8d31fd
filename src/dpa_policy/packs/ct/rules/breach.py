"""CTS2xx: the contractor's breach notice to the board (C.G.S. 10-234dd, 10-234bb(a)(6))."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Literal

from pydantic import Field

from ....findings import Violation
from ....model.duration import parse_duration
from ....rule import DurationOption, Rule, RuleOptions, clause_absent, clause_path, term_not_stated
from ....rules import drafting
from ....model.contract_words import duration_words

if TYPE_CHECKING:
    from ....model.agreement import Agreement


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
    tags = ("ct",)

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

    def model_clause(self, options: Options) -> str:
        trigger = drafting.TRIGGER_PHRASES[drafting.latest_trigger(options.accepted_triggers)]
        return (f"Provider shall notify the LEA in writing of {drafting.BREACH_DEFINITION} involving student "
                f"information other than directory information within {duration_words(options.max_window)} of "
                f"{trigger}, and of a Security Breach involving only directory information, student records, or "
                f"student-generated content within {duration_words(options.max_window_directory_and_records)} of "
                f"{trigger}.")


def _trigger(trigger: str, path: tuple, options: CtBreachNoticeWindow.Options, required: str) -> Iterator[Violation]:
    if trigger not in options.accepted_triggers:
        yield Violation(
            path,
            f"breach notice clock starts at {trigger!r}, which can come later than the discovery "
            f"Connecticut counts from (C.G.S. 10-234dd; accepted: {', '.join(options.accepted_triggers)})",
            observed=trigger,
            required=required,
        )


RULES = [CtBreachNoticeWindow]
