"""CTSxxx: Connecticut's student data privacy law, C.G.S. 10-234aa to 10-234dd, in code order.

Code ranges follow the built-in rules' (1xx ownership and governance, 2xx breach, 4xx data
use, 5xx disposal). Every fact comes from DOMAIN.md §0 and §2.4 with its confidence tag:
[P] primary text read, [S] secondary source only. Where a number is only [S], the rule's
documentation says so.
"""

from __future__ import annotations

from . import breach, data_use, disposal, governance

RULES = [
    *governance.RULES,  # CTS101, CTS102
    *breach.RULES,  # CTS201
    *data_use.RULES,  # CTS401
    *disposal.RULES,  # CTS501, CTS502
]

__all__ = ["RULES"]
