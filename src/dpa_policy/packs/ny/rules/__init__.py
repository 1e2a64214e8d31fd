"""The New York rules, in code order. Imported by the ``dpa_policy_rules`` hook."""

from __future__ import annotations

from . import breach, data_use, documents, security

RULES = [
    *breach.RULES,  # NYS201
    *documents.RULES,  # NYS301, NYS302
    *data_use.RULES,  # NYS401
    *security.RULES,  # NYS601, NYS602
]

__all__ = ["RULES"]
