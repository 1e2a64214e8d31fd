"""Output formats ("reporters"), registered as a plugin through the same hook as third-party ones.

A reporter renders the *whole* run report to text at once, so every format is a complete
document (JSON, and later SARIF and JUnit) and can be written atomically.
"""

from __future__ import annotations

from ..core.report import Reporter
from ..hookspecs import hookimpl

__all__ = ["Reporter", "dpa_policy_reporters"]


@hookimpl
def dpa_policy_reporters():
    from .github import GithubReporter
    from .json_report import JsonReporter
    from .junit import JunitReporter
    from .markdown import MarkdownReporter
    from .sarif import SarifReporter
    from .text import TextReporter

    return {r.name: r for r in (TextReporter, JsonReporter, SarifReporter, JunitReporter, GithubReporter, MarkdownReporter)}
