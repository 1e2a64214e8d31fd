"""dpa-policy-ny: the New York rule pack for dpa-policy.

New York Education Law section 2-d and the Commissioner's regulations, 8 NYCRR Part 121,
as six rules (NYS201, NYS301, NYS302, NYS401, NYS601, NYS602), a ``ny`` policy preset that
joins automatically for agreements governed by New York law, and golden cases for
``dpa-policy verify ny``. The hook implementations are in :mod:`dpa_policy_ny.plugin`,
published through the ``dpa_policy`` entry-point group under the name ``ny``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["__version__"]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("dpa-policy-ny")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'dpa_policy_ny' has no attribute {name!r}")
