"""Markdown summary for a pull-request comment or a GitHub job summary ($GITHUB_STEP_SUMMARY).

Every piece of text that comes from an agreement, a file name or a policy goes through
:mod:`dpa_policy.reporters.inert`: a vendor name with ``|``, a newline, backticks,
``<script>`` or ``@org/team`` renders as that text and cannot break the table, inject markup
or notify anyone.
"""

from __future__ import annotations

from itertools import islice

from ..core.report import Reporter, RunReport, crashed_rules
from .inert import markdown as md
from .inert import markdown_code as code
from .text import summary_line

MAX_FINDING_ROWS = 500  # job summaries are capped at 1 MiB; the rest is in the other formats

_VERDICTS = {"pass": "pass", "fail": "**fail**", "needs review": "**needs review**", "incomplete": "**incomplete**"}


class MarkdownReporter(Reporter):
    name = "markdown"
    description = "a Markdown summary for pull-request comments and job summaries"

    def render(self, report: RunReport) -> str:
        summary = report.summary()
        if report.crashes:
            rules = crashed_rules(report.crashes)
            headline = (f"dpa-policy: internal error, the run is incomplete: rule{'s' if len(rules) > 1 else ''} "
                        f"{', '.join(rules)} crashed")
        elif summary["failed"] or summary["needs_review"]:
            parts = []
            if summary["failed"]:
                parts.append(f"{summary['failed']} of {summary['agreements']} agreements fail")
            if summary["needs_review"]:
                parts.append(f"{summary['needs_review']} need{'s' if summary['needs_review'] == 1 else ''} "
                             "legal review")
            headline = "dpa-policy: " + ", ".join(parts)
        else:
            headline = f"dpa-policy: all {summary['agreements']} agreements pass"
        out = [f"## {md(headline)}", "", md(summary_line(report)), ""]
        out += ["| Agreement | Vendor | Verdict | Findings |", "| --- | --- | --- | --- |"]
        for result in report.results:  # the summary, not the model: nothing is read again
            vendor = md(result.summary.vendor) if result.summary else "(did not load)"
            out.append(f"| {code(result.path)} | {vendor} | {_VERDICTS[report.verdict(result)]} | {result.finding_count} |")
        # The first rows only, read one agreement at a time: a large run's findings stay on disk.
        total = len(report.tally())
        findings = list(islice(report.iter_findings(), MAX_FINDING_ROWS))
        if findings:
            out += ["", "### Findings", "", "| Location | Rule | Severity | Message |", "| --- | --- | --- | --- |"]
            for f in findings:
                severity = str(f.severity) + (", needs review" if f.needs_review else "")
                severity += ", waived" if f.waiver is not None else ""
                message = md(f.message) + (f" *({md(f.waiver.describe())})*" if f.waiver is not None else "")
                out.append(f"| {code(f'{f.file}:{f.line}:{f.column}')} | {md(f.code)} {md(f.slug)} | {severity} | {message} |")
            if total > MAX_FINDING_ROWS:
                out.append(f"\n{total - MAX_FINDING_ROWS} more findings are in the full report.")
        if report.crashes:
            out += ["", "### Internal errors", ""]
            out += [f"- rule {md(c.code)} ({md(c.slug)}) crashed on {code(c.file)}: {md(c.error)}" for c in report.crashes]
        return "\n".join(out) + "\n"
