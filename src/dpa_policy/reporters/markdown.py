"""Markdown summary for a pull-request comment or a GitHub job summary ($GITHUB_STEP_SUMMARY).

Every piece of text that comes from an agreement, a file name or a policy goes through
:mod:`dpa_policy.reporters.inert`: a vendor name with ``|``, a newline, backticks,
``<script>`` or ``@org/team`` renders as that text and cannot break the table, inject markup
or notify anyone.
"""

from __future__ import annotations

from ..core.report import Reporter, RunReport, crashed_rules
from .inert import markdown as md
from .inert import markdown_code as code
from .text import summary_line

MAX_FINDING_ROWS = 500  # job summaries are capped at 1 MiB; the rest is in the other formats

_VERDICTS = {"pass": "pass", "fail": "**fail**", "incomplete": "**incomplete**"}


class MarkdownReporter(Reporter):
    name = "markdown"
    description = "a Markdown summary for pull-request comments and job summaries"

    def render(self, report: RunReport) -> str:
        summary = report.summary()
        if report.crashes:
            rules = crashed_rules(report.crashes)
            headline = (f"dpa-policy: internal error, the run is incomplete: rule{'s' if len(rules) > 1 else ''} "
                        f"{', '.join(rules)} crashed")
        elif summary["failed"]:
            headline = f"dpa-policy: {summary['failed']} of {summary['agreements']} agreements fail"
        else:
            headline = f"dpa-policy: all {summary['agreements']} agreements pass"
        out = [f"## {md(headline)}", "", md(summary_line(report)), ""]
        out += ["| Agreement | Vendor | Verdict | Findings |", "| --- | --- | --- | --- |"]
        for result in report.results:
            vendor = md(result.agreement.parties.vendor.name) if result.agreement else "(did not load)"
            out.append(f"| {code(result.path)} | {vendor} | {_VERDICTS[report.verdict(result)]} | {len(result.findings)} |")
        findings = report.findings
        if findings:
            out += ["", "### Findings", "", "| Location | Rule | Severity | Message |", "| --- | --- | --- | --- |"]
            for f in findings[:MAX_FINDING_ROWS]:
                severity = f"{f.severity}, waived" if f.waiver is not None else str(f.severity)
                message = md(f.message) + (f" *({md(f.waiver.describe())})*" if f.waiver is not None else "")
                out.append(f"| {code(f'{f.file}:{f.line}:{f.column}')} | {md(f.code)} {md(f.slug)} | {severity} | {message} |")
            if len(findings) > MAX_FINDING_ROWS:
                out.append(f"\n{len(findings) - MAX_FINDING_ROWS} more findings are in the full report.")
        if report.crashes:
            out += ["", "### Internal errors", ""]
            out += [f"- rule {md(c.code)} ({md(c.slug)}) crashed on {code(c.file)}: {md(c.error)}" for c in report.crashes]
        return "\n".join(out) + "\n"
