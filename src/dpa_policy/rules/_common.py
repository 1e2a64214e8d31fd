"""Violations shared by every clause rule: the clause is absent, or a term is not stated."""

from __future__ import annotations

from ..findings import Violation
from ..rule import clause_path

LABELS = {
    "ownership": "data ownership",
    "breach_notification": "breach notification",
    "audit": "audit",
    "data_use": "data use",
    "disposal": "data disposal",
    "security": "data security",
    "subprocessors": "subprocessor",
    "legal_compliance": "legal compliance",
}


def clause_absent(clause: str, required: str) -> Violation:
    return Violation(
        clause_path(clause),
        f"the agreement has no {LABELS[clause]} clause (clauses.{clause}); a missing clause is never a pass",
        observed="absent",
        required=required,
    )


def term_not_stated(clause: str, term: str, what: str, required: str) -> Violation:
    return Violation(
        clause_path(clause, term),
        f"the {LABELS[clause]} clause does not state {what} ({term} is absent)",
        observed="not stated",
        required=required,
    )
