"""Plain text: one grep-friendly line per finding, then a one-line summary.

    agreements/clever.yaml:88:7: DPA502 [sanitization-standard] single pass overwrite ...
"""

from __future__ import annotations

from ..report import RunReport
from . import Reporter


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


class TextReporter(Reporter):
    name = "text"
    description = "path:line:col: CODE [slug] message, one finding per line, then a summary"

    def render(self, report: RunReport) -> str:
        lines = [f"{f.file}:{f.line}:{f.column}: {f.code} [{f.slug}] {f.message}" + _suffix(f, report)
                 for f in report.findings]
        for crash in report.crashes:
            lines.append(f"{crash.file}: internal error: rule {crash.code} [{crash.slug}] crashed: {crash.error}")
        lines.append(summary_line(report))
        return "\n".join(lines) + "\n"


def _suffix(finding, report: RunReport) -> str:
    if finding.waiver is not None:
        return f" ({finding.waiver.describe()})"
    return "" if finding.severity >= report.fail_on else f" ({finding.severity})"


def summary_line(report: RunReport) -> str:
    s = report.summary()
    counts = report.counts()
    parts = [f"{_plural(s['agreements'], 'agreement')} checked: {s['passed']} passed, {s['failed']} failed"]
    detail = ", ".join(_plural(n, sev) for sev, n in counts.items() if n)
    parts.append(_plural(s["findings"], "finding") + (f" ({detail})" if detail else ""))
    if s["waived"]:
        parts.append(f"{s['waived']} waived")
    if s["internal_errors"]:
        parts.append(_plural(s["internal_errors"], "internal error"))
    return "; ".join(parts) + f". Policy: {report.policy.name} ({_plural(len(report.policy.rules), 'rule')}), fail on {report.fail_on}."
