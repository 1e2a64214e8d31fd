"""The term registry: every sentence-level extractor, one :class:`Term` per agreement field.

Like the rule registry, the list is plain data: a field path, a keyword pre-filter and a
finder. Tests run each term alone on sentences (tests/ingest/test_terms.py), so a change to
one extractor shows up as that term's failure, not as a drift in whole drafts.
"""

from __future__ import annotations

from . import breach, data_use, disposal, general, lifecycle, ownership, security
from .base import Term

TERMS: list[Term] = [
    *ownership.TERMS,
    *breach.TERMS,
    *general.TERMS,
    *data_use.TERMS,
    *disposal.TERMS,
    *security.TERMS,
    *lifecycle.TERMS,
]
BY_FIELD: dict[str, Term] = {term.field: term for term in TERMS}

__all__ = ["BY_FIELD", "TERMS", "Term"]
