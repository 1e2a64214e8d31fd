"""Which edition of the SDPC National Data Privacy Agreement an agreement follows.

The NDPA's Standard Clauses differ between v1 and v2.x, at least in disposal at termination
and in section numbers (DOMAIN.md §1.2, §1.7), so the ``ndpa`` preset chooses ``ndpa-v1`` or
``ndpa-v2`` by the agreement's ``term.model`` and ``term.model_version`` (a policy file's
``by_ndpa_version``). Version strings seen on NDPA agreements include "1.0", "1r7", "v1r6",
"Standard Version 1.0", "2.0" and "2.2"; the regional and state variants of v1 (the CA-NDPA
"1.5", for one) are v1 agreements.
"""

from __future__ import annotations

import re

#: "v1", "v2": an NDPA agreement of that major version; "unknown": an NDPA agreement whose
#: version is missing or not recognised; "other": an agreement that is not an NDPA.
EDITIONS = ("v1", "v2", "unknown", "other")
#: The edition a policy is resolved for when no agreement is at hand (`policy show`, reports).
DEFAULT_EDITION = "other"

_MAJOR = re.compile(r"^\s*(?:(?:standard\s+)?version\s*|v\.?\s*)?(\d+)(?!\d)", re.IGNORECASE)


def ndpa_edition(model: str | None, model_version: str | None) -> str:
    """The edition key for an agreement's ``term.model`` and ``term.model_version``."""
    if model != "ndpa":
        return "other"
    match = _MAJOR.match(model_version or "")
    major = match.group(1) if match else None
    return {"1": "v1", "2": "v2"}.get(major, "unknown")
