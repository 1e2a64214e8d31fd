"""GitHub Actions workflow commands: annotations on the pull request's changed lines.

    ::error file=agreements/x.yaml,line=12,col=5,title=DPA201 breach-notice-window::message

Findings that fail the run (at or above --fail-on) are ``::error``; the rest are
``::warning`` (warnings) or ``::notice`` (info), so an annotation's level tells whether it
blocks. Chosen automatically when GITHUB_ACTIONS=true and no --format is given.

Properties and messages are escaped as GitHub documents (``%25 %0D %0A``, and ``%3A %2C``
in properties); the closing summary line is plain text made inert, so no value can end an
annotation early or start a command of its own.
"""

from __future__ import annotations

from ..core.report import Reporter, RunReport
from ..findings import Severity
from .inert import github_data, github_property
from .text import summary_line


class GithubReporter(Reporter):
    name = "github"
    description = "GitHub Actions annotations (::error file=...,line=...,col=...::message)"

    def render(self, report: RunReport) -> str:
        lines = []
        for f in report.findings:
            if f.waiver is not None:
                level = "notice"  # shown, accepted, not blocking
            elif f.severity >= report.fail_on:
                level = "error"
            else:
                level = "warning" if f.severity is Severity.WARNING else "notice"
            props = ",".join((
                f"file={github_property(f.file)}", f"line={f.line}", f"col={f.column}",
                f"title={github_property(f'{f.code} {f.slug}')}",
            ))
            message = f.message + (f" ({f.waiver.describe()})" if f.waiver is not None else "")
            lines.append(f"::{level} {props}::{github_data(message)}")
        for crash in report.crashes:
            lines.append(f"::error file={github_property(crash.file)},title={github_property('dpa-policy internal error')}::"
                         + github_data(f"rule {crash.code} [{crash.slug}] crashed: {crash.error}; the run is incomplete"))
        lines.append(summary_line(report))
        return "\n".join(lines) + "\n"
