"""GitHub Actions workflow commands: annotations on the pull request's changed lines.

    ::error file=agreements/x.yaml,line=12,col=5,title=DPA201 breach-notice-window::message

Findings that fail the run (at or above --fail-on) are ``::error``; the rest are
``::warning`` (warnings) or ``::notice`` (info), so an annotation's level tells whether it
blocks. Chosen automatically when GITHUB_ACTIONS=true and no --format is given.
"""

from __future__ import annotations

from ..findings import Severity
from ..report import RunReport
from . import Reporter
from .text import summary_line


def _data(text: str) -> str:
    # GitHub's escaping for a command's message.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    # Property values additionally escape the separators ':' and ','.
    return _data(text).replace(":", "%3A").replace(",", "%2C")


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
                f"file={_property(f.file)}", f"line={f.line}", f"col={f.column}",
                f"title={_property(f'{f.code} {f.slug}')}",
            ))
            message = f.message + (f" ({f.waiver.describe()})" if f.waiver is not None else "")
            lines.append(f"::{level} {props}::{_data(message)}")
        for crash in report.crashes:
            lines.append(f"::error file={_property(crash.file)},title={_property('dpa-policy internal error')}::"
                         + _data(f"rule {crash.code} [{crash.slug}] crashed: {crash.error}"))
        lines.append(summary_line(report))
        return "\n".join(lines) + "\n"
