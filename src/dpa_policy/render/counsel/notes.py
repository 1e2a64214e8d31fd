"""Notes for counsel that no single agreement shows, and that fail nothing: the same
subprocessor named under different legal names in different agreements (is it one company,
bound the same way everywhere?), and one vendor holding several agreements whose terms
conflict (which one governs the data?).

Names are compared normalised: case folded, punctuation dropped, and a trailing company form
(Inc, LLC, Ltd, Corp, Co and their long forms) removed, so "Amazon Web Services, Inc." and
"amazon web services LLC" are one name written two ways. Terms are compared by meaning:
"72 hours" and "3 calendar days" are the same window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from ...core.report import AgreementResult

_COMPANY_FORMS = {"inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company", "plc"}
_PUNCTUATION = re.compile(r"[^\w\s]")
_PROHIBITIONS = (
    ("sale", "selling the data"),
    ("targeted_advertising", "targeted advertising"),
    ("marketing", "marketing to students or families"),
    ("non_educational_profiling", "non-educational profiling"),
    ("commercial_product_development", "commercial product development"),
)


@dataclass(frozen=True)
class NameVariants:
    """One subprocessor, written differently: each spelling with the agreements that use it."""

    spellings: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class TermConflict:
    """One term a vendor's agreements set differently: each value with the agreements setting it."""

    vendor: str
    term: str
    values: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class PortfolioNotes:
    subprocessor_names: tuple[NameVariants, ...] = ()
    vendor_conflicts: tuple[TermConflict, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.subprocessor_names and not self.vendor_conflicts


def normalise_name(name: str) -> str:
    """A legal name reduced to what identifies the company (see the module docstring)."""
    words = _PUNCTUATION.sub(" ", name.casefold()).split()
    while len(words) > 1 and words[-1] in _COMPANY_FORMS:
        words.pop()
    return " ".join(words)


def portfolio_notes(facts: Iterable["Facts"]) -> PortfolioNotes:
    """The notes of a run, from :meth:`Facts.of` each agreement that loaded. A run keeps
    its agreements compact: the counsel view takes the facts while it has each agreement
    in hand, and only the few terms compared are kept."""
    facts = list(facts)
    return PortfolioNotes(_subprocessor_names(facts), _vendor_conflicts(facts))


@dataclass(frozen=True, slots=True)  # one per agreement, until the notes are made
class Facts:
    """What the notes compare of one agreement."""

    label: str
    vendor: str
    subprocessors: tuple[str, ...]
    terms: tuple[tuple[Any, str], ...]  # (compared as, shown as), one per entry of _TERMS

    @classmethod
    def of(cls, result: AgreementResult) -> "Facts":
        agreement = result.agreement
        clause = agreement.clauses.subprocessors
        vendor = result.summary.vendor if result.summary is not None else agreement.parties.vendor.name
        return cls(f"{result.path} ({agreement.id})", vendor,
                   tuple(clause.named) if clause is not None else (), tuple(read(agreement) for _, read in _TERMS))


def _subprocessor_names(facts: list[Facts]) -> tuple[NameVariants, ...]:
    by_company: dict[str, dict[str, set[str]]] = {}
    for agreement in facts:
        for name in agreement.subprocessors:
            by_company.setdefault(normalise_name(name), {}).setdefault(name, set()).add(agreement.label)
    return tuple(
        NameVariants(tuple((name, tuple(sorted(where))) for name, where in sorted(spellings.items())))
        for _, spellings in sorted(by_company.items()) if len(spellings) > 1
    )


def _vendor_conflicts(facts: list[Facts]) -> tuple[TermConflict, ...]:
    by_vendor: dict[str, list[Facts]] = {}
    for agreement in facts:
        by_vendor.setdefault(normalise_name(agreement.vendor), []).append(agreement)
    conflicts = []
    for _, agreements in sorted(by_vendor.items()):
        if len(agreements) < 2:
            continue
        vendor = sorted({a.vendor for a in agreements})[0]
        for index, (term, _) in enumerate(_TERMS):
            values: dict[Any, tuple[str, set[str]]] = {}
            for agreement in agreements:
                key, shown = agreement.terms[index]
                values.setdefault(key, (shown, set()))[1].add(agreement.label)
            if len(values) > 1:
                conflicts.append(TermConflict(vendor, term, tuple(sorted(
                    ((shown, tuple(sorted(where))) for shown, where in values.values()), key=lambda v: v[1]))))
    return tuple(conflicts)


def _window(duration: Any) -> tuple[Any, str]:
    """A window compared by the span it can cover, shown as written."""
    if duration is None:
        return None, "not stated"
    return (duration.min_hours(), duration.max_hours()), duration.describe_bound()


def _breach_window(agreement: Any) -> tuple[Any, str]:
    clause = agreement.clauses.breach_notification
    return _window(clause.window if clause is not None else None)


def _disposal_window(agreement: Any) -> tuple[Any, str]:
    clause = agreement.clauses.disposal
    at_end = clause.at_termination if clause is not None else None
    return _window(at_end.within if at_end is not None else None)


def _prohibition(field: str) -> Any:
    def read(agreement: Any) -> tuple[Any, str]:
        clause = agreement.clauses.data_use
        prohibits = clause.prohibits if clause is not None else None
        value = getattr(prohibits, field) if prohibits is not None else None
        return value, {True: "prohibited", False: "allowed", None: "not stated"}[value]
    return read


_TERMS = (
    ("breach notice window", _breach_window),
    ("disposal at the end of the agreement", _disposal_window),
    *((f"prohibition of {words}", _prohibition(field)) for field, words in _PROHIBITIONS),
)
