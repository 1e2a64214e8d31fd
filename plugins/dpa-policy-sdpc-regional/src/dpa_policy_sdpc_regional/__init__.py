"""dpa-policy-sdpc-regional: contract-template pack for dpa-policy.

The Student Data Privacy Consortium's (SDPC) forms used by districts in Massachusetts, Maine,
New Hampshire, Rhode Island and Vermont: the Massachusetts Student Privacy Alliance (MSPA)
Student Data Privacy Agreement (pre-NDPA) and the regional NDPA ("MA-ME-NH-RI-VT-NY NDPA,
Standard Version 1.0"). It checks that an agreement keeps the terms of the form it follows;
it is not a statute (Massachusetts has no K-12 vendor statute: DOMAIN.md §2.11). dpa-policy
loads it through the ``sdpc-regional`` entry point of the ``dpa_policy`` group.
"""

from __future__ import annotations

__all__ = ["__version__"]


def __getattr__(name: str):
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("dpa-policy-sdpc-regional")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'dpa_policy_sdpc_regional' has no attribute {name!r}")
