"""The rule API: what a rule is, for built-in rules and third-party packs alike.

A rule is a small stateless class::

    class BreachNoticeWindow(Rule):
        \"\"\"Breach notice to the district must come within the policy's maximum window.

        ...the rest of the docstring is the rule's user documentation (`dpa-policy explain`)...
        \"\"\"

        code = "DPA201"
        slug = "breach-notice-window"
        clause = "breach_notification"

        class Options(RuleOptions):
            max_window: DurationOption = parse_duration("72 hours")

        def check(self, agreement, options):
            ...
            yield Violation(("clauses", "breach_notification", "window"), "...")

The engine, not the rule, stamps code, slug, severity, outcome, file, line and column onto
what the rule yields. A rule must never keep state between calls: one instance checks every
agreement.

A rule that judges dates or depends on what is installed declares a third parameter,
``check(self, agreement, options, context)``: the engine inspects the signature once and
passes a :class:`RunContext` (``context.as_of``, the date the run judges as of: ``--as-of``,
default today; ``context.states_with_packs``, the states whose law a pack checks). A rule must
never read today's date itself, or a run would not be reproducible.

A rule that cannot decide yields ``Violation(..., review=True)``, or sets ``outcome =
"review"`` when all its findings are so: the finding's outcome is then "review" (needs legal
review), which is never a pass. ``confidence = "unconfirmed"`` marks a rule whose legal basis
the project could not confirm; a policy with ``review_unconfirmed: true`` turns its findings
into review findings.
"""

from __future__ import annotations

import datetime
import functools
import inspect
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Iterable, Iterator, Literal, Mapping

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer

from .findings import PathKey, Severity, Violation
from .model.duration import Duration, parse_duration


class RuleOptions(BaseModel):
    """Base for a rule's options; a policy's ``options:`` mapping is validated against it."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _to_duration(value: Any) -> Any:
    return value if isinstance(value, Duration) else parse_duration(value)


# A duration in a rule's options, written in a policy as "72 hours" / "10 business days".
DurationOption = Annotated[Duration, BeforeValidator(_to_duration), PlainSerializer(str, return_type=str)]


def today() -> datetime.date:
    """The day of the run: the default as-of date. The one place dpa-policy reads the clock, so
    every date judgement of a run (rules, waivers, reports, the published page) agrees."""
    return datetime.date.today()


@dataclass(frozen=True)
class RunContext:
    """What a run knows beyond one agreement and the rule's options, for rules that declare a
    third ``context`` parameter. The same for every agreement of a run."""

    #: The date every date judgement is made as of (``--as-of``; default: the day of the run).
    as_of: datetime.date = field(default_factory=lambda: today())
    #: Two-letter codes of the states whose law an installed (or shipped) pack checks.
    states_with_packs: frozenset[str] = frozenset()


class Rule:
    """Base class of every rule. Subclasses set the class attributes and implement check()."""

    #: Stable, opaque identifier: 2-5 capital letters and 3 digits (DPA201, NYSED101).
    code: ClassVar[str]
    #: Human name in lower kebab-case, named after the requirement (breach-notice-window).
    slug: ClassVar[str]
    #: Severity when the policy does not set one.
    default_severity: ClassVar[Severity] = Severity.ERROR
    #: The agreement clause the rule examines (a key of ``clauses``), for grouping in reports.
    clause: ClassVar[str | None] = None
    #: Free-form tags a policy can select by.
    tags: ClassVar[tuple[str, ...]] = ()
    #: The options model; the default takes no options.
    Options: ClassVar[type[RuleOptions]] = RuleOptions
    #: "review" when every finding of the rule needs a person's review (the tool cannot
    #: decide); "violation" when findings say the terms break the rule (a single finding can
    #: still ask for review with ``Violation(..., review=True)``).
    outcome: ClassVar[Literal["violation", "review"]] = "violation"
    #: "unconfirmed" when the project could not confirm the rule's legal basis (DOMAIN.md's
    #: [U]); the policy option ``review_unconfirmed: true`` then makes its findings reviews.
    confidence: ClassVar[Literal["confirmed", "unconfirmed"]] = "confirmed"

    def check(self, agreement: Any, options: Any) -> Iterator[Violation]:
        """Yield a :class:`Violation` for each way ``agreement`` fails the rule under
        ``options``. Declare ``check(self, agreement, options, context)`` to receive the
        run's :class:`RunContext` as well."""
        raise NotImplementedError

    def model_clause(self, options: Any) -> str | None:
        """Contract language that meets this rule under ``options``: the clause counsel can
        paste into an amendment, built from what the (resolved) policy asks for, with every
        number in words and numerals ("seventy-two (72) hours"; see
        :mod:`dpa_policy.model.contract_words`). Plain text, one paragraph or a few
        sentences, in the NDPA's defined terms ("Provider", "LEA", "Student Data").

        The counsel report shows it under "What would fix it" beside the rule's legal basis,
        and ``dpa-policy explain`` shows it with the default options. The default returns
        None: no model clause, and the report lists what the policy requires instead. Every
        rule shipped with dpa-policy supplies one (tests/test_model_clauses.py)."""
        return None

    # -- documentation -----------------------------------------------------------------
    @classmethod
    def documentation(cls) -> str:
        """The class docstring, dedented: the rule's user documentation."""
        return _dedented(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The first line of the documentation."""
        doc = cls.documentation()
        return doc.splitlines()[0].strip() if doc else ""

    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        """The documentation split at its section headings ("What it checks", "Why it
        matters", "Legal basis (...)", "Options", "Passing example", "Failing example"),
        heading -> dedented body, for reports that show a rule's rationale and basis."""
        sections: dict[str, list[str]] = {}
        current = None
        for line in cls.documentation().splitlines()[1:]:
            stripped = line.rstrip()
            heading = stripped.rstrip(":")
            if stripped and not line.startswith(" ") and _is_heading(heading):
                current = heading.split(" (")[0]
                sections[current] = []
            elif current is not None:
                sections[current].append(line)
        return {name: _dedented("\n".join(body)) for name, body in sections.items()}


@functools.lru_cache(maxsize=4096)
def _dedented(text: str) -> str:
    # A report asks for the same rules' documentation for every agreement it shows:
    # dedenting it afresh each time was a fifth of the counsel report's time.
    return inspect.cleandoc(text)


_HEADINGS = ("What it checks", "Why it matters", "Legal basis", "Options", "Passing example", "Failing example")


def _is_heading(text: str) -> bool:
    return any(text == h or text.startswith(h + " (") or text.startswith(h + ":") for h in _HEADINGS)


def clause_path(clause: str, *rest: str | int) -> PathKey:
    """Data path of a clause term: clause_path("audit", "notice") -> ("clauses", "audit", "notice")."""
    return ("clauses", clause, *rest)


#: How findings name each clause kind.
CLAUSE_LABELS = {
    "ownership": "data ownership",
    "breach_notification": "breach notification",
    "audit": "audit",
    "data_use": "data use",
    "disposal": "data disposal",
    "security": "data security",
    "subprocessors": "subprocessor",
    "legal_compliance": "legal compliance",
    "precedence": "order of precedence",
    "parent_access": "parent access",
    "deidentified_data": "de-identified data",
    "storage": "data storage",
    "confidentiality": "staff confidentiality",
    "sale_or_merger": "sale or merger",
    "termination": "termination",
}


def clause_absent(clause: str, required: str) -> Violation:
    """The agreement has no such clause: always a finding, located at the ``clauses`` key."""
    return Violation(
        clause_path(clause),
        f"the agreement has no {CLAUSE_LABELS[clause]} clause (clauses.{clause}); a missing clause is never a pass",
        observed="absent",
        required=required,
    )


def term_not_stated(clause: str, term: str, what: str, required: str) -> Violation:
    """The clause is present but silent on ``term``: a finding, never a pass."""
    return Violation(
        clause_path(clause, term),
        f"the {CLAUSE_LABELS[clause]} clause does not state {what} ({term} is absent)",
        observed="not stated",
        required=required,
    )


def prohibition_violations(clause: Any, names: Iterable[str], words: Mapping[str, str],
                           note: str = "") -> Iterator[Violation]:
    """One violation per prohibition in ``names`` that ``clause`` (a data-use clause) does not
    make: "allows" when the contract says false, "does not prohibit" when it is silent.

    ``words`` names each prohibition in the rule's own terms; ``note`` (a legal basis, say)
    is appended to each message. The built-in DPA401 and the state packs share this.
    """
    for name in names:
        value = None if clause.prohibits is None else getattr(clause.prohibits, name)
        if value is True:
            continue
        allowed = value is False
        phrase = words.get(name, name.replace("_", " "))
        yield Violation(
            clause_path("data_use", "prohibits", name),
            "the data use clause " + ("allows" if allowed else "does not prohibit")
            + f" {phrase} (prohibits.{name} is " + ("false" if allowed else "absent") + ")"
            + (f"; {note}" if note else ""),
            observed="allowed" if allowed else "not stated",
            required=f"{phrase} prohibited",
        )


__all__ = [
    "CLAUSE_LABELS", "DurationOption", "Rule", "RuleOptions", "RunContext", "Severity", "Violation", "clause_absent",
    "clause_path", "prohibition_violations", "term_not_stated", "today",
]
