"""Checks that recur across state laws, written once for every shipped state pack.

Many state student-privacy laws say the same few things: no targeted advertising, profiling
or sale; a breach notice within N days of some event; deletion on the district's request; no
disclosure beyond the contract's purposes. A state's rule subclasses one of the bases here
and supplies what is its own: code, slug, documentation (the class docstring), ``STATE``,
``BASIS`` (the citation named in each finding) and its option defaults. The bases hold no
legal facts; the numbers live in each state's options and documentation.

An NDPA Exhibit G or a state rider (``state_terms``) can state a state's terms apart from the
standard clauses, and where it does it controls (the NDPA's order of precedence puts the
state terms first). So a rider's ``no_sale``/``no_targeted_advertising`` counts as the
prohibition, and a rider's ``breach_window`` is the window the state's deadline is checked on.
"""

from __future__ import annotations

from typing import ClassVar, Iterable, Iterator, Literal, NamedTuple

from pydantic import Field

from ..findings import PathKey, Violation
from ..model.agreement import Agreement, BreachTrigger, Prohibitions, StateTerm
from ..model.duration import Duration
from ..rule import (
    CLAUSE_LABELS, DurationOption, Rule, RuleOptions, clause_absent, clause_path, prohibition_violations,
    term_not_stated,
)
from ..rules import drafting

# Every prohibition the agreement format can record (sale, targeted_advertising, ...).
Prohibition = Literal[tuple(Prohibitions.model_fields)]  # type: ignore[valid-type]

PROHIBITION_WORDS = {
    "sale": "sale of student data",
    "targeted_advertising": "targeted advertising",
    "marketing": "marketing to students or families",
    "non_educational_profiling": "building profiles of students for non-school purposes",
    "commercial_product_development": "developing commercial products",
}

# The rider term that states each prohibition, where the format has one.
_RIDER_PROHIBITIONS = {"sale": "no_sale", "targeted_advertising": "no_targeted_advertising"}


def state_rider(agreement: Agreement, state: str) -> tuple[int, StateTerm] | None:
    """The first ``state_terms`` entry for ``state`` that states terms, with its index."""
    for index, entry in enumerate(agreement.state_terms):
        if entry.state == state and entry.terms is not None:
            return index, entry
    return None


def label(clause: str) -> str:
    return CLAUSE_LABELS.get(clause, clause.replace("_", " "))


# ----------------------------------------------------------------------------- prohibitions
class ProhibitionsRule(Rule):
    """Base: ``clauses.data_use.prohibits`` (or the state's rider) makes each required prohibition."""

    clause = "data_use"
    STATE: ClassVar[str]
    BASIS: ClassVar[str]

    class Options(RuleOptions):
        required_prohibitions: list[Prohibition] = Field(  # type: ignore[valid-type]
            default_factory=lambda: ["targeted_advertising", "non_educational_profiling", "sale"], min_length=1
        )

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        rider = state_rider(agreement, self.STATE)
        made_by_rider = set()
        if rider is not None:
            terms = rider[1].terms
            made_by_rider = {name for name, term in _RIDER_PROHIBITIONS.items() if getattr(terms, term) is True}
        remaining = [name for name in options.required_prohibitions if name not in made_by_rider]
        if not remaining:
            return
        clause = agreement.clauses.data_use
        if clause is None:
            yield clause_absent("data_use", "prohibits " + ", ".join(remaining))
            return
        yield from prohibition_violations(clause, remaining, PROHIBITION_WORDS, note=f"{self.BASIS} forbids it")

    def model_clause(self, options: Options) -> str:
        return drafting.prohibitions(options.required_prohibitions)


def prohibitions_options(*defaults: Prohibition) -> type[ProhibitionsRule.Options]:
    """A state's ``Options`` for a :class:`ProhibitionsRule`: the prohibitions its law names,
    in the order the state's documentation lists them, as the default."""

    class Options(ProhibitionsRule.Options):
        required_prohibitions: list[Prohibition] = Field(  # type: ignore[valid-type]
            default_factory=lambda: list(defaults), min_length=1
        )

    return Options


# ----------------------------------------------------------------------------- disclosure
class DisclosureLimitedRule(Rule):
    """Base: disclosure is limited to the law's purposes (see :func:`disclosure_violations`)."""

    clause = "data_use"
    BASIS: ClassVar[str]

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        yield from disclosure_violations(agreement, self.BASIS)

    def model_clause(self, options: RuleOptions) -> str:
        return drafting.disclosure(allow_subprocessors=True)


# ----------------------------------------------------------------------------- disposal on request / at the end
class DisposalTermRule(Rule):
    """Base: the disposal clause provides for disposal at ``TERM`` (``on_request``, the
    default, or ``at_termination``), which ``WHEN`` words in the state's terms ("on the LEA's
    request"). The laws set no number of days, so a stated period is checked only against a
    policy's ``max_within``."""

    clause = "disposal"
    TERM: ClassVar[str] = "on_request"
    WHEN: ClassVar[str]
    BASIS: ClassVar[str]

    class Options(RuleOptions):
        max_within: DurationOption | None = None

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        yield from self.term_violations(agreement, options.max_within)

    def term_violations(self, agreement: Agreement, limit: Duration | None) -> Iterator[Violation]:
        """The findings on ``TERM``; a pack whose findings are worded differently overrides this."""
        return disposal_term_violations(agreement, self.TERM, self.WHEN, limit, self.BASIS)

    def model_clause(self, options: Options) -> str:
        return drafting.disposal(self.TERM, options.max_within)


# ----------------------------------------------------------------------------- breach notice
class BreachWindowRule(Rule):
    """Base: the vendor's breach notice fits the state's deadline, counted from an accepted event.

    The window checked is the state rider's ``breach_window`` when there is one, else the
    clause's ``window``; every ``by_category`` window must fit as well, since the state's
    deadline covers all the data. Durations compare conservatively (``Duration.within``).
    """

    clause = "breach_notification"
    STATE: ClassVar[str]
    BASIS: ClassVar[str]
    #: Who the notice goes to, in the state's words ("the district", "the school").
    RECIPIENT: ClassVar[str] = "the district"

    class Options(RuleOptions):
        max_window: DurationOption
        accepted_triggers: list[BreachTrigger] = Field(min_length=1)  # type: ignore[valid-type]

    def check(self, agreement: Agreement, options: Options) -> Iterator[Violation]:
        accepted = ", ".join(options.accepted_triggers)
        window_required = f"notice to {self.RECIPIENT} within {options.max_window}"
        trigger_required = f"clock starts at one of: {accepted}"
        clause = agreement.clauses.breach_notification
        rider = state_rider(agreement, self.STATE)
        rider_window = rider[1].terms.breach_window if rider is not None else None
        if rider_window is not None:
            where = ("state_terms", rider[0], "terms")
            yield from _window_fits(rider_window, (*where, "breach_window"), options.max_window, window_required,
                                    f"the {self.STATE} state terms' breach window", self.BASIS)
            trigger = rider[1].terms.breach_trigger
            if trigger is not None:
                yield from _trigger_accepted(trigger, (*where, "breach_trigger"), options, trigger_required, self.BASIS)
                return
        elif clause is None:
            yield clause_absent(self.clause, f"{window_required}, counted from one of: {accepted}")
            return
        elif clause.window is None:
            yield term_not_stated(self.clause, "window", f"how soon {self.RECIPIENT} is notified", window_required)
        else:
            yield from _window_fits(clause.window, clause_path(self.clause, "window"), options.max_window,
                                    window_required, "breach notice window", self.BASIS)
        if clause is None:  # the rider set the window but not the trigger, and there is no clause
            yield clause_absent(self.clause, trigger_required)
            return
        for index, entry in enumerate(clause.by_category):
            categories = ", ".join(entry.categories)
            yield from _window_fits(entry.window, clause_path(self.clause, "by_category", index, "window"),
                                    options.max_window, window_required,
                                    f"breach notice window for {categories}", self.BASIS)
        if clause.trigger is None:
            yield term_not_stated(self.clause, "trigger", "what starts the notice clock", trigger_required)
        else:
            yield from _trigger_accepted(clause.trigger, clause_path(self.clause, "trigger"), options,
                                         trigger_required, self.BASIS)

    def model_clause(self, options: Options) -> str:
        trigger = drafting.latest_trigger(options.accepted_triggers)
        return (drafting.breach_notice(options.max_window, trigger)
                + " This period applies to a Security Breach involving any kind of Student Data.")


def _window_fits(window: Duration, path: PathKey, limit: Duration, required: str, what: str,
                 basis: str) -> Iterator[Violation]:
    if not window.within(limit):
        yield Violation(path, f"{what} {window.describe_bound()} is longer than {limit} ({basis})",
                        observed=str(window), required=required)


def _trigger_accepted(trigger: str, path: PathKey, options: BreachWindowRule.Options, required: str,
                      basis: str) -> Iterator[Violation]:
    if trigger not in options.accepted_triggers:
        yield Violation(path, f"breach notice clock starts at {trigger!r}, which can come later than the event "
                              f"{basis} counts from (accepted: {', '.join(options.accepted_triggers)})",
                        observed=trigger, required=required)


# ----------------------------------------------------------------------------- disposal
def disposal_term_violations(agreement: Agreement, term: str, when: str, limit: Duration | None, basis: str,
                             *, days_required: bool = False) -> Iterator[Violation]:
    """The disposal clause provides for disposal ``when`` (its ``on_request`` or
    ``at_termination``); with ``limit`` the stated number of days must fit it, and with
    ``days_required`` (the law asks the contract to state the period) it must be stated."""
    required = f"disposal {when}" + (f" within {limit}" if limit is not None else
                                     " within a stated period" if days_required else "")
    clause = agreement.clauses.disposal
    if clause is None:
        yield clause_absent("disposal", required)
        return
    window = getattr(clause, term)
    if window is None:
        yield Violation(clause_path("disposal", term),
                        f"the disposal clause does not provide for disposal {when} ({term} is absent); {basis} "
                        "requires it", observed="absent", required=required)
    elif window.within is None:
        if limit is not None or days_required:
            yield Violation(clause_path("disposal", term, "within"),
                            f"the disposal clause sets no number of days for disposal {when} ({term}.within is "
                            f"absent; 'promptly' is not a period); {basis}", observed="not stated", required=required)
    elif limit is not None and not window.within.within(limit):
        yield Violation(clause_path("disposal", term, "within"),
                        f"disposal {when} within {window.within.describe_bound()} is longer than {limit} ({basis})",
                        observed=str(window.within), required=required)


# ----------------------------------------------------------------------------- disclosure
def disclosure_violations(agreement: Agreement, basis: str) -> Iterator[Violation]:
    """The data-use clause bars redisclosure without consent; disclosure to subprocessors is
    accepted only when a clause binds them to terms no less stringent (the state laws allow
    service providers that are contractually restricted)."""
    required = "no disclosure without the district's consent, except to service providers bound by the same terms"
    clause = agreement.clauses.data_use
    if clause is None:
        yield clause_absent("data_use", required)
    elif clause.redisclosure is None:
        yield term_not_stated("data_use", "redisclosure", "whether the vendor may disclose the data to others", required)
    elif clause.redisclosure == "permitted":
        yield Violation(clause_path("data_use", "redisclosure"),
                        f"the data use clause lets the vendor disclose the data to others (redisclosure: permitted); "
                        f"{basis} limits disclosure to the listed purposes", observed="permitted", required=required)
    elif clause.redisclosure == "to_subprocessors_only":
        sub = agreement.clauses.subprocessors
        if sub is None or sub.bound_no_less_stringent is not True:
            yield Violation(clause_path("data_use", "redisclosure"),
                            "the data use clause allows disclosure to subprocessors, but no clause binds them to "
                            f"terms no less stringent; {basis} allows disclosure to service providers only when "
                            "they are contractually restricted",
                            observed="to_subprocessors_only, subprocessors not bound", required=required)


# ----------------------------------------------------------------------------- clause terms
class Term(NamedTuple):
    """A yes/no term a law requires of a clause, and how findings word it."""

    name: str  #: the field, e.g. "parents_may_review"
    stated: str  #: what a silent clause fails to state: "that parents may review their child's data"
    denied: str  #: what a clause saying false says: "parents may not review their child's data"
    required: str  #: the requirement: "parents may review their child's data"


def terms_required(agreement: Agreement, clause: str, terms: Iterable[Term], basis: str,
                   absent_required: str) -> Iterator[Violation]:
    """Each term of ``clauses.<clause>`` must be true: one finding per term that is not
    stated or false, or one finding for an absent clause."""
    found = getattr(agreement.clauses, clause)
    if found is None:
        yield clause_absent(clause, absent_required)
        return
    for term in terms:
        value = getattr(found, term.name)
        if value is None:
            yield term_not_stated(clause, term.name, term.stated, term.required)
        elif value is False:
            yield Violation(clause_path(clause, term.name),
                            f"the {label(clause)} clause says {term.denied} ({term.name}: false); {basis} requires it",
                            observed="false", required=term.required)


class TermsRequiredRule(Rule):
    """Base: every one of ``TERMS`` of the rule's clause is true (see :func:`terms_required`);
    ``ABSENT_REQUIRED`` is the requirement an absent clause is reported against."""

    TERMS: ClassVar[tuple[Term, ...]]
    BASIS: ClassVar[str]
    ABSENT_REQUIRED: ClassVar[str]

    def check(self, agreement: Agreement, options: RuleOptions) -> Iterator[Violation]:
        yield from terms_required(agreement, self.clause, self.TERMS, self.BASIS, self.ABSENT_REQUIRED)

    def model_clause(self, options: RuleOptions) -> str:
        return drafting.terms(self.clause, [term.name for term in self.TERMS])
