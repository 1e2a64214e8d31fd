"""dpa-policy: policy-as-code checks for student data privacy agreements.

The public API for rule-pack authors::

    from dpa_policy import hookimpl, Rule, RuleOptions, RunContext, Violation, Severity
"""

from __future__ import annotations

from typing import Any

__all__ = ["DurationOption", "Finding", "Outcome", "Rule", "RuleOptions", "RunContext", "Severity", "Violation",
           "__version__", "hookimpl"]


def __getattr__(name: str) -> Any:
    # Lazy: `python -m dpa_policy --version` and pre-commit runs should not pay for pydantic
    # models they do not use.
    if name == "__version__":
        from .version import tool_version

        return tool_version()
    if name == "hookimpl":
        from .hookspecs import hookimpl

        return hookimpl
    if name in ("Rule", "RuleOptions", "RunContext", "DurationOption"):
        from . import rule

        return getattr(rule, name)
    if name in ("Violation", "Finding", "Outcome", "Severity"):
        from . import findings

        return getattr(findings, name)
    raise AttributeError(f"module 'dpa_policy' has no attribute {name!r}")
