"""Markdown summary for a pull-request comment or a GitHub job summary ($GITHUB_STEP_SUMMARY).

Every piece of text that comes from an agreement is escaped, so a vendor name with ``|``,
backticks or ``<script>`` renders as text and cannot break the table or inject markup.
"""

from __future__ import annotations

from ..report import RunReport
from . import Reporter
from .text import summary_line

MAX_FINDING_ROWS = 500  # job summaries are capped at 1 MiB; the rest is in the other formats


def md(text: object) -> str:
    """Escape text for a Markdown table cell."""
    import html  # lazy: every run imports every reporter; only Markdown output needs html

    escaped = html.escape(str(text), quote=False)
    for char in "\\`*_[]|#":
        escaped = escaped.replace(char, "\\" + char)
    return " ".join(escaped.split())


class MarkdownReporter(Reporter):
    name = "markdown"
    description = "a Markdown summary for pull-request comments and job summaries"

    def render(self, report: RunReport) -> str:
        summary = report.summary()
        if report.crashes:
            headline = f"dpa-policy: internal error ({summary['internal_errors']} rule crash(es)); results are incomplete"
        elif summary["failed"]:
            headline = f"dpa-policy: {summary['failed']} of {summary['agreements']} agreements fail"
        else:
            headline = f"dpa-policy: all {summary['agreements']} agreements pass"
        out = [f"## {headline}", "", md(summary_line(report)), ""]
        out += ["| Agreement | Vendor | Verdict | Findings |", "| --- | --- | --- | --- |"]
        for result in report.results:
            vendor = result.agreement.parties.vendor.name if result.agreement else "(did not load)"
            verdict = "pass" if result.passed(report.fail_on) else "**fail**"
            out.append(f"| `{result.path.replace('`', '')}` | {md(vendor)} | {verdict} | {len(result.findings)} |")
        findings = report.findings
        if findings:
            out += ["", "### Findings", "", "| Location | Rule | Severity | Message |", "| --- | --- | --- | --- |"]
            for f in findings[:MAX_FINDING_ROWS]:
                where = f"{f.file}:{f.line}:{f.column}".replace("`", "")
                severity = f"{f.severity}, waived" if f.waiver is not None else str(f.severity)
                message = md(f.message) + (f" *({md(f.waiver.describe())})*" if f.waiver is not None else "")
                out.append(f"| `{where}` | {f.code} {md(f.slug)} | {severity} | {message} |")
            if len(findings) > MAX_FINDING_ROWS:
                out.append(f"\n{len(findings) - MAX_FINDING_ROWS} more findings are in the full report.")
        if report.crashes:
            out += ["", "### Internal errors", ""]
            out += [f"- rule {c.code} ({md(c.slug)}) crashed on `{c.file}`: {md(c.error)}" for c in report.crashes]
        return "\n".join(out) + "\n"
