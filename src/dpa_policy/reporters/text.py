"""Plain text: one grep-friendly line per finding, then a one-line summary.

    agreements/clever.yaml:88:7: DPA502 [sanitization-standard] single pass overwrite ...
    agreements/x.yaml:40:3: DPA121 [governing-state-stated] needs review: the agreement names ...

A finding that needs a person's review (outcome "review") says so before its message, and
the summary counts the agreements that need review apart from those that fail.

Every value is made inert (:mod:`dpa_policy.reporters.inert`): a newline in a file name or
a message is shown as ``\\n``, so each finding stays on its own line and no line can be
read as a CI runner's command.
"""

from __future__ import annotations

import io
from typing import TextIO

from ..core.report import Reporter, RunReport, incomplete_note
from .inert import line_start, text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


class TextReporter(Reporter):
    name = "text"
    description = "path:line:col: CODE [slug] message, one finding per line, then a summary"

    def render(self, report: RunReport) -> str:
        out = io.StringIO()
        self.write(report, out)
        return out.getvalue()

    def write(self, report: RunReport, out: TextIO) -> None:
        # One agreement's lines at a time: a large run's report is never in memory whole.
        for result in report.results:
            lines = [_line(f, report) for f in result.iter_findings()]
            if lines:
                out.write("\n".join(lines) + "\n")
        for f in report.waiver_findings:
            out.write(_line(f, report) + "\n")
        for crash in report.crashes:
            out.write(f"{line_start(crash.file)}: internal error: rule {text(crash.code)} [{text(crash.slug)}] "
                      f"crashed: {text(crash.error)}\n")
        out.write(summary_line(report) + "\n")


def _line(f, report: RunReport) -> str:
    return (f"{line_start(f.file)}:{f.line}:{f.column}: {text(f.code)} [{text(f.slug)}] "
            + ("needs review: " if f.needs_review else "") + text(f.message) + _suffix(f, report))


def _suffix(finding, report: RunReport) -> str:
    if finding.waiver is not None:
        return f" ({text(finding.waiver.describe())})"
    return "" if finding.severity >= report.fail_on else f" ({finding.severity})"


def summary_line(report: RunReport) -> str:
    """The run in one inert line; when a rule crashed it says the run is incomplete and
    names the rules."""
    s = report.summary()
    counts = report.counts()
    checked = f"{_plural(s['agreements'], 'agreement')} checked: {s['passed']} passed, {s['failed']} failed"
    if s["needs_review"]:
        checked += f", {s['needs_review']} need{'s' if s['needs_review'] == 1 else ''} review"
    parts = [checked + (f", {s['incomplete']} incomplete" if s["incomplete"] else "")]
    detail = ", ".join(_plural(n, sev) for sev, n in counts.items() if n)
    parts.append(_plural(s["findings"], "finding") + (f" ({detail})" if detail else "")
                 + (f", {s['review_findings']} for review" if s["review_findings"] else ""))
    if s["waived"]:
        parts.append(f"{s['waived']} waived")
    if s["internal_errors"]:
        parts.append(_plural(s["internal_errors"], "internal error"))
    note = incomplete_note(report.crashes)
    return text("; ".join(parts) + "." + (f" {note}" if note else "")
                + f" Policy: {report.policy.name} ({_plural(len(report.policy.rules), 'rule')}), "
                + (f"config {report.config_source}, " if report.config_source else "") + f"fail on {report.fail_on}.")
