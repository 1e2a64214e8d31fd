"""GitHub Actions workflow commands: annotations on the pull request's changed lines.

    ::error file=agreements/x.yaml,line=12,col=5,title=DPA201 breach-notice-window::message

Findings that fail the run (at or above --fail-on) are ``::error``; the rest are
``::warning`` (warnings) or ``::notice`` (info), so an annotation's level tells whether it
blocks. A finding that needs a person's review has the same levels, its message starting
"needs review:". Chosen automatically when GITHUB_ACTIONS=true and no --format is given.

GitHub shows at most 10 annotations of each level per step (and 50 per job); the rest are
dropped without a word. So at most 10 of each level are written, chosen so that every
agreement with findings gets one before any gets a second (a crashed rule first of all),
and a line before the closing summary says how many were left out. The full list goes to the job summary:
when ``GITHUB_STEP_SUMMARY`` is set, the Markdown report is *appended* to that file
(whatever a step wrote there before stays).

``file=`` is the path relative to the repository root (as for SARIF: ``GITHUB_WORKSPACE``,
else the git work tree), so annotations land on the right file whatever folder dpa-policy
ran from. Properties and messages are escaped as GitHub documents (``%25 %0D %0A``, and
``%3A %2C`` in properties); the closing lines are plain text made inert, so no value can end
an annotation early or start a command of its own.
"""

from __future__ import annotations

import os
from typing import Any, Iterator

from ..core.report import Reporter, RunReport
from ..findings import Severity
from .inert import github_data, github_property, text
from .locations import repository_path, source_root
from .text import summary_line

#: Annotations GitHub shows per level and step (docs: "a maximum of 10 warning annotations
#: and 10 error annotations per step", and as many notices).
PER_LEVEL = 10
SUMMARY_ENV = "GITHUB_STEP_SUMMARY"


class GithubReporter(Reporter):
    name = "github"
    description = "GitHub Actions annotations (::error file=...,line=...,col=...::message), full list in the job summary"

    def render(self, report: RunReport) -> str:
        root = source_root()
        # Only the annotations that can be chosen are kept (a few dozen, however large the run);
        # the rest are counted.
        candidates, total = _candidates(_annotation_lines(report, root))
        chosen = _most_important(candidates)
        lines = [line for index, _, _, line, _ in candidates if index in chosen]

        summary = os.environ.get(SUMMARY_ENV, "")
        error = _append_summary(summary, report) if summary else None
        if error is not None:
            lines.append(text(f"dpa-policy: could not append to the job summary (${SUMMARY_ENV}): {error}"))
        full_list = ("the job summary lists every finding" if summary and error is None
                     else "run with --format text to list every finding")
        left_out = total - len(chosen)
        if left_out:
            lines.append(f"dpa-policy: {left_out} more annotation{'s' if left_out != 1 else ''} not shown "
                         f"(GitHub shows at most {PER_LEVEL} errors, {PER_LEVEL} warnings and {PER_LEVEL} "
                         f"notices per step); {full_list}.")
        elif summary and error is None:
            lines.append(f"dpa-policy: {full_list}.")
        lines.append(summary_line(report))  # last, as in the text format
        return "\n".join(lines) + "\n"


#: An annotation: (its place in output order, level, agreement, the line, a crashed rule?).
Annotation = tuple[int, str, str, str, bool]


def _annotation_lines(report: RunReport, root: Any) -> Iterator[Annotation]:
    """Every annotation, in output order: findings, then crashes."""
    place = 0
    for f in report.iter_findings():
        if f.waiver is not None:
            level = "notice"  # shown, accepted, not blocking
        elif f.severity >= report.fail_on:
            level = "error"
        else:
            level = "warning" if f.severity is Severity.WARNING else "notice"
        props = ",".join((
            f"file={github_property(repository_path(f.file, root))}", f"line={f.line}", f"col={f.column}",
            f"title={github_property(f'{f.code} {f.slug}')}",
        ))
        message = (("needs review: " if f.needs_review else "") + f.message
                   + (f" ({f.waiver.describe()})" if f.waiver is not None else ""))
        yield place, level, f.file, f"::{level} {props}::{github_data(message)}", False
        place += 1
    for crash in report.crashes:
        yield (place, "error", crash.file,
               f"::error file={github_property(repository_path(crash.file, root))},"
               f"title={github_property('dpa-policy internal error')}::"
               + github_data(f"rule {crash.code} [{crash.slug}] crashed: {crash.error}; the run is incomplete"), True)
        place += 1


def _candidates(annotations: Iterator[Annotation]) -> tuple[list[Annotation], int]:
    """The annotations :func:`_most_important` can choose, and how many there are in all. Per
    level it chooses crashes first, then each agreement's first annotation, then each one's
    second...: so only the first PER_LEVEL crashes, and the first PER_LEVEL annotations of the
    first PER_LEVEL agreements, can ever be chosen."""
    kept: list[Annotation] = []
    crashes: dict[str, int] = {}
    files: dict[str, dict[str, int]] = {}
    total = 0
    for annotation in annotations:
        total += 1
        _, level, file, _, crash = annotation
        if crash:
            if crashes.get(level, 0) < PER_LEVEL:
                crashes[level] = crashes.get(level, 0) + 1
                kept.append(annotation)
            continue
        seen = files.setdefault(level, {})
        if seen.get(file, 0 if len(seen) < PER_LEVEL else PER_LEVEL) < PER_LEVEL:
            seen[file] = seen.get(file, 0) + 1
            kept.append(annotation)
    return kept, total


def _most_important(annotations: list[Annotation]) -> set[int]:
    """Places of the annotations to write: per level at most PER_LEVEL, crashed rules first,
    then findings round by round across agreements (each agreement's first, then each one's
    second...)."""
    chosen: list[int] = []
    for level in ("error", "warning", "notice"):
        crashes = [i for i, lvl, _, _, crash in annotations if lvl == level and crash]
        per_file: dict[str, list[int]] = {}
        for index, lvl, file, _, crash in annotations:
            if lvl == level and not crash:
                per_file.setdefault(file, []).append(index)
        picked = crashes[:PER_LEVEL]
        depth = 0
        while len(picked) < PER_LEVEL and any(depth < len(queue) for queue in per_file.values()):
            picked += [queue[depth] for queue in per_file.values() if depth < len(queue)][:PER_LEVEL - len(picked)]
            depth += 1
        chosen += picked
    return set(chosen)


def _append_summary(path: str, report: RunReport) -> str | None:
    """Append the Markdown report to the job summary; the error, if that failed."""
    from .markdown import MarkdownReporter

    try:
        with open(path, "a", encoding="utf-8", errors="surrogateescape") as summary:
            summary.write(MarkdownReporter().render(report))
    except OSError as exc:
        return exc.strerror or exc.__class__.__name__
    return None
