"""Render a :class:`~dpa_policy.render.counsel.view_models.CounselReport` as HTML or Markdown.

HTML: one self-contained file from ``templates/report.html``, rendered by Jinja2 with
autoescaping on, so every text from an agreement (vendor names, clause texts, purposes...)
is escaped wherever the template prints it; the charts are inline SVG from
:mod:`dpa_policy.render.counsel.charts`, which escapes its own text. The page carries no
JavaScript at all, and its Content-Security-Policy forbids any.

Markdown: ``templates/report.md``, rendered with autoescaping off but with a ``finalize``
hook that escapes every printed value with :func:`dpa_policy.reporters.inert.markdown`
(HTML-escaped, Markdown punctuation backslash-escaped, whitespace collapsed, controls
escaped, @mentions and issue references neutralised), unless the
template marks it as already safe. Escaping is the default in both formats, never an opt-in.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ...reporters.inert import markdown as md
from ..chunks import write_in_blocks
from ..dates import long_date
from . import charts
from .view_models import TERM_LABELS, VERDICT_LABELS, CounselReport


def days_phrase(days: int | None) -> str:
    if days is None:
        return "no expiry date"
    if days == 0:
        return "expires today"
    if days < 0:
        return f"expired {-days} day{'s' if days != -1 else ''} ago"
    return f"expires in {days} day{'s' if days != 1 else ''}"


def plural(count: int, word: str, plural_word: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural_word or word + 's')}"


_LITERAL = re.compile(r"``(.+?)``|\*(\w[^*]*?)\*")


def doc_html(text: str) -> Markup:
    """Rule documentation (ours, but escaped all the same): ``literal`` becomes <code>,
    *word* becomes <em>."""
    out, last = [], 0
    for match in _LITERAL.finditer(text):
        out.append(escape(text[last:match.start()]))
        if match.group(1) is not None:
            out.append(Markup("<code>{}</code>").format(match.group(1)))
        else:
            out.append(Markup("<em>{}</em>").format(match.group(2)))
        last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def code_fence(text: str) -> Markup:
    """A fenced Markdown code block whose fence no backtick run inside can close. Inside a
    fence nothing is interpreted (no HTML, no Markdown), so the text needs no escaping."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return Markup(f"{fence}yaml\n{text}\n{fence}")


def css_string(text: str) -> Markup:
    """``text`` as a quoted CSS string for the page's own print rules (the running page title):
    every character but ASCII letters and digits as a CSS escape, so nothing can end the
    string or the <style> element. Each escape ends with the space CSS consumes after one."""
    escaped = "".join(ch if ch.isalnum() and ch.isascii() else f"\\{ord(ch):x} " for ch in str(text))
    return Markup(f'"{escaped}"')


def _md_finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return md(value)


def _common(env: jinja2.Environment) -> jinja2.Environment:
    env.filters.update(long_date=long_date, days_phrase=days_phrase, plural=plural)
    env.globals.update(VERDICT_LABELS=VERDICT_LABELS, TERM_LABELS=TERM_LABELS)
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.keep_trailing_newline = True
    return env


@lru_cache(maxsize=None)
def _html_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("dpa_policy.render.counsel", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=True),
        undefined=jinja2.StrictUndefined,
    )
    env.filters["doc"] = doc_html
    env.filters["css_string"] = css_string
    return _common(env)


@lru_cache(maxsize=None)
def _markdown_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("dpa_policy.render.counsel", "templates"),
        autoescape=False,  # Markdown, not HTML: _md_finalize escapes every printed value instead
        finalize=_md_finalize,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["fence"] = code_fence
    env.filters["raw"] = Markup  # for the template's own Markdown syntax only, never agreement text
    return _common(env)


def _charts(view: CounselReport) -> dict[str, Markup]:
    verdicts = [(key, VERDICT_LABELS[key], count) for key, count in view.verdicts.items()
                if count or key in ("pass", "pass-waived", "needs-review", "fail")]
    terms = [(key, TERM_LABELS[key], count) for key, count in view.terms.items() if count or key != "open-ended"]
    out = {
        "verdicts": charts.stacked_bar("chart-verdicts", "Verdicts", verdicts),
        "terms": charts.stacked_bar(
            "chart-terms", f"Terms as of {long_date(view.as_of)} (expiring soon: within {view.expiring_within_days} days)",
            terms),
    }
    if view.top_rules:
        rows = [(f"{r.code} {r.slug}", r.agreements, f" ({plural(r.findings, 'finding')})") for r in view.top_rules[:10]]
        out["rules"] = charts.horizontal_bars("chart-rules", "Rules that fail most: agreements failing each rule",
                                              rows, out_of=view.total)
    return out


def write_html(view: CounselReport, out: Any) -> None:
    """Write the HTML report to ``out`` (anything with ``write``) as it is rendered: one
    agreement's section at a time, never the whole page in memory."""
    write_in_blocks(_html_env().get_template("report.html").generate(r=view, charts=_charts(view)), out)


def write_markdown(view: CounselReport, out: Any) -> None:
    """Write the Markdown report to ``out`` as it is rendered, with runs of blank lines the
    template leaves between blocks collapsed to one."""
    collapse = _BlankLines(out)
    write_in_blocks(_markdown_env().get_template("report.md").generate(r=view), collapse)
    collapse.close()


class _BlankLines:
    """Collapses three or more newlines in a row to two, across the chunks written: the
    newlines at a chunk's end are held until the next chunk shows where the run ends."""

    def __init__(self, out: Any) -> None:
        self.out = out
        self.held = 0  # newlines seen at the end of what was written so far, not yet written

    def write(self, chunk: str) -> None:
        if not chunk:
            return
        body = chunk.rstrip("\n")
        if not body:  # only newlines: the run goes on
            self.held += len(chunk)
            return
        leading = len(body) - len(body.lstrip("\n"))
        if self.held or leading:
            self.out.write("\n" * min(self.held + leading, 2))
        self.out.write(_BLANK_RUN.sub("\n\n", body.lstrip("\n")))
        self.held = len(chunk) - len(body)

    def close(self) -> None:
        self.out.write("\n" * min(self.held, 2))
        self.held = 0


_BLANK_RUN = re.compile(r"\n{3,}")


def render_html(view: CounselReport) -> str:
    out = io.StringIO()
    write_html(view, out)
    return out.getvalue()


def render_markdown(view: CounselReport) -> str:
    out = io.StringIO()
    write_markdown(view, out)
    return out.getvalue()


__all__ = ["render_html", "render_markdown", "write_html", "write_markdown"]
