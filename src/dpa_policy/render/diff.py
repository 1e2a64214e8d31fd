"""A :class:`~dpa_policy.compare.flips.DiffReport` for people: one change per line
(``render_text``), or tables for a pull-request comment (``render_markdown``, with its
``headline``). Every value is made inert (:mod:`dpa_policy.reporters.inert`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..compare.classify import Impact
from ..core.report import crashed_rules, incomplete_note
from ..findings import INPUT_CODES
from ..reporters.inert import line_start, markdown, markdown_code, text

if TYPE_CHECKING:  # pragma: no cover
    from ..compare.flips import DiffReport, Flip
    from ..findings import InputProblem


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _problem_line(display: str, problem: "InputProblem") -> str:
    slug = INPUT_CODES[problem.code][0]
    return (f"{line_start(display)}:{problem.position.line}:{problem.position.column}: {problem.code} [{slug}] "
            f"{text(problem.message)}")


def _flip_tag(flip: Flip) -> str:
    return "NOW-FAILS" if flip.to_fail else "NOW-PASSES"


def _flip_context(flip: Flip) -> str:
    if flip.was == "not applied":
        return " (not applied before)"
    if flip.now == "not applied":
        return " (no longer applied)"
    return ""


def render_text(report: DiffReport) -> str:
    """One change per line; every value made inert (reporters.inert), so a newline in a
    value or a file name cannot start a line of its own."""
    lines = [_problem_line(display, p) for display, p in report.problems]
    for change in report.changes:
        lines.append(text(f"{change.impact.name} {change.path}: {change.describe()}"
                          + (f" ({change.note})" if change.note else "")))
    for flip in report.flips:
        for f in flip.findings:
            marker = "" if f.severity >= report.fail_on else f" ({f.severity})"
            lines.append(text(f"{_flip_tag(flip)} {flip.code} [{flip.slug}]{_flip_context(flip)} "
                              f"{f.file}:{f.line}:{f.column}: {f.message}{marker}"))
    for crash in report.crashes:
        lines.append(f"{line_start(crash.file)}: internal error: rule {text(crash.code)} [{text(crash.slug)}] "
                     f"crashed: {text(crash.error)}")
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _summary(report: DiffReport) -> str:
    return line_start(report.old) + text(_summary_text(report)[len(report.old):])


def _summary_text(report: DiffReport) -> str:
    head = f"{report.old} -> {report.new}: "
    if report.problems:
        files = sorted({d for d, _ in report.problems}, key=[report.old, report.new].index)
        return (head + "cannot compare: " + " and ".join(files) + " cannot be loaded ("
                + _plural(len(report.problems), "input problem") + ").")
    if report.changes:
        counts = ", ".join(f"{report.count(i)} {i.name.lower()}" for i in Impact if report.count(i))
        text = head + _plural(len(report.changes), "change") + f" ({counts}); "
    else:
        text = head + "no changes; "
    to_fail = [f.code for f in report.flips if f.to_fail]
    to_pass = [f.code for f in report.flips if not f.to_fail]
    text += (_plural(len(to_fail), "rule") + " now " + ("fails" if len(to_fail) == 1 else "fail")
             + (f" ({', '.join(to_fail)})" if to_fail else "")
             + f", {len(to_pass)} now pass" + (f" ({', '.join(to_pass)})" if to_pass else ""))
    if report.still_failing:
        text += f", {len(report.still_failing)} fail in both ({', '.join(report.still_failing)})"
    if report.crashes:
        text += "; " + _plural(len(report.crashes), "internal error")
    note = incomplete_note(report.crashes)
    return text + "." + (f" {note}" if note else "") + f" Policy: {report.policy}."


def headline(report: DiffReport) -> str:
    """One line for the top of a pull-request comment."""
    if report.problems:
        return ("cannot compare: " + _plural(len(report.problems), "input problem")
                + " (the agreement must load before it can be compared)")
    parts = []
    weakened = report.count(Impact.WEAKENED)
    if weakened:
        parts.append(_plural(weakened, "obligation") + " weakened")
    review = report.count(Impact.REVIEW)
    if review:
        parts.append(_plural(review, "clause") + " whose wording changes a number the recorded terms do not")
    expanded = [c for c in report.changes if c.impact is Impact.EXPANDED]
    if expanded:
        sensitive = len(report.sensitive_additions())
        allowed = "" if report.sensitive_additions_fail else ", which the policy allows"
        parts.append("data sharing expanded (" + _plural(len(expanded), "addition")
                     + (f", {sensitive} sensitive{allowed}" if sensitive else "") + ")")
    to_fail = [f for f in report.flips if f.to_fail]
    to_pass = [f for f in report.flips if not f.to_fail]
    if to_fail:
        parts.append(_plural(len(to_fail), "rule") + (" now fails" if len(to_fail) == 1 else " now fail"))
    if to_pass:
        parts.append(_plural(len(to_pass), "rule") + " now pass" + ("es" if len(to_pass) == 1 else ""))
    others = len(report.changes) - weakened - review - len(expanded)
    if others:
        parts.append(_plural(others, "other change"))
    if report.crashes:
        parts.append(_plural(len(report.crashes), "rule crash", "rule crashes") + " (incomplete: "
                     + ", ".join(crashed_rules(report.crashes)) + ")")
    return ", ".join(parts) if parts else "no change to obligations, data shared or rule verdicts"


def _md(text: str) -> str:
    """Plain text made safe for a Markdown table cell (see reporters.inert.markdown)."""
    return markdown(text)


def _code(text: str) -> str:
    """Text as a code span, safe in a table cell (see reporters.inert.markdown_code)."""
    return markdown_code(text)


_MD_IMPACT = {
    Impact.WEAKENED: "**weakened**",
    Impact.REVIEW: "**needs review**",
    Impact.EXPANDED: "**expanded**",
    Impact.CHANGED: "changed",
    Impact.STRENGTHENED: "strengthened",
    Impact.NARROWED: "narrowed",
}


def render_markdown(report: DiffReport) -> str:
    lines = [f"**dpa-policy diff: {_md(headline(report))}**", "",
             f"{_code(report.old)} → {_code(report.new)}, policy: {_md(report.policy)}", ""]
    if report.problems:
        lines += ["| File | Line | Code | Problem |", "| --- | --- | --- | --- |"]
        for display, p in report.problems:
            lines.append(f"| {_code(display)} | {p.position.line}:{p.position.column} | "
                         f"{p.code} {_code(INPUT_CODES[p.code][0])} | {_md(p.message)} |")
        return "\n".join(lines) + "\n"
    if report.changes:
        lines += ["#### Obligations and data", "", "| Impact | Term | Old | New | Note |", "| --- | --- | --- | --- | --- |"]
        for c in report.changes:
            note = f"{c.summary}; {c.note}" if c.impact is Impact.REVIEW else c.note  # which numbers moved
            lines.append(f"| {_MD_IMPACT[c.impact]} | {_code(c.path)} | {'—' if c.old is None else _md(c.old)} | "
                         f"{'—' if c.new is None else _md(c.new)} | {_md(note)} |")
        lines.append("")
    if report.flips:
        lines += ["#### Rule verdicts", "", "| Rule | Was | Now | Findings |", "| --- | --- | --- | --- |"]
        for flip in report.flips:
            findings = "<br>".join(f"{_code(f'{f.file}:{f.line}:{f.column}')} {_md(f.message)}"
                                   + ("" if f.severity >= report.fail_on else f" ({f.severity})")
                                   for f in flip.findings)
            now = f"**{flip.now}**" if flip.to_fail else flip.now
            lines.append(f"| {flip.code} {_code(flip.slug)} | {flip.was} | {now} | {findings} |")
        lines.append("")
    if report.still_failing:
        lines += [f"Failing in both versions: {', '.join(report.still_failing)}.", ""]
    if report.crashes:
        lines += ["#### Internal errors", ""]
        lines += [f"- {_code(c.file)}: rule {c.code} {_code(c.slug)} crashed: {_md(c.error)}" for c in report.crashes]
        lines.append("")
    if not report.changes and not report.flips:
        lines += ["No term changed and no rule verdict flipped.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
