"""Charts for the counsel report, drawn here as inline SVG: no script, no external asset.

Each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` that states every
number in words (what a screen reader announces), and visible text labels, so the chart
reads without colour and prints well in black and white. Every piece of text is escaped
with :func:`markupsafe.escape`; callers get :class:`markupsafe.Markup` back.

Sizes are in viewBox units; the page scales the chart to its column (``width: 100%``), so
the font sizes are chosen to stay legible at a phone's width.
"""

from __future__ import annotations

from typing import Iterable

from markupsafe import Markup, escape

#: Widths of the boxes, in viewBox units: narrow, so text stays legible when a chart
#: shrinks to a phone's width (390px); the page caps how wide they grow.
BAR_WIDTH = 420
BARS_WIDTH = 440
FONT = 17
#: Fill for each category the report charts (verdicts and term statuses).
COLORS = {
    "pass": "#2e7d32",
    "pass-waived": "#1565c0",
    "needs-review": "#8a5300",
    "fail": "#c62828",
    "incomplete": "#6a1b9a",
    "unreadable": "#5f6368",
    "current": "#2e7d32",
    "expiring": "#e08a00",
    "expired": "#c62828",
    "open-ended": "#8d8d8d",
    "rule": "#c62828",
    "track": "#e8e8e8",
}
#: Text colour on top of each fill (contrast of at least 4.5:1).
ON_COLOR = {"expiring": "#1a1a1a", "open-ended": "#1a1a1a"}


def _n(value: float) -> str:
    """A coordinate: deterministic, short."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _svg(chart_id: str, title: str, desc: str, width: int, height: float, body: Iterable[str]) -> Markup:
    t, d = f"{chart_id}-title", f"{chart_id}-desc"
    return Markup(
        f'<svg class="chart" id="{escape(chart_id)}" role="img" aria-labelledby="{escape(t)} {escape(d)}" '
        f'viewBox="0 0 {width} {_n(height)}" width="{width}" height="{_n(height)}" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{escape(t)}">{escape(title)}</title><desc id="{escape(d)}">{escape(desc)}</desc>'
        + "".join(body) + "</svg>"
    )


def stacked_bar(chart_id: str, title: str, segments: list[tuple[str, str, int]], unit: str = "agreement") -> Markup:
    """One bar split by category, then a legend row per category with its count.

    ``segments`` is (key, label, count); ``key`` picks the colour. Categories with a zero
    count take no room in the bar but keep their legend row, so "0 expired" is said too.
    """
    total = sum(count for _, _, count in segments)
    desc = f"{_plural(total, unit)}: " + "; ".join(f"{label}: {count}" for _, label, count in segments) + "."
    bar_y, bar_h = 4, 44
    body = [f'<rect x="0" y="{bar_y}" width="{BAR_WIDTH}" height="{bar_h}" rx="4" fill="{COLORS["track"]}"/>']
    x = 0.0
    for key, label, count in segments:
        if not count or not total:
            continue
        width = BAR_WIDTH * count / total
        body.append(f'<rect x="{_n(x)}" y="{bar_y}" width="{_n(width)}" height="{bar_h}" fill="{COLORS.get(key, "#555")}">'
                    f"<title>{escape(label)}: {count}</title></rect>")
        if width >= 26:
            body.append(f'<text x="{_n(x + width / 2)}" y="{bar_y + bar_h / 2 + FONT * 0.35:.1f}" text-anchor="middle" '
                        f'font-size="{FONT}" font-weight="700" fill="{ON_COLOR.get(key, "#ffffff")}">{count}</text>')
        x += width
    y = bar_y + bar_h + 16
    row = 30
    for key, label, count in segments:
        share = f" ({round(100 * count / total)}%)" if total else ""
        body.append(f'<rect x="0" y="{y}" width="18" height="18" rx="3" fill="{COLORS.get(key, "#555")}"/>'
                    f'<text x="28" y="{y + 15}" font-size="{FONT}">{escape(label)}: '
                    f'<tspan font-weight="700">{count}</tspan>{escape(share)}</text>')
        y += row
    return _svg(chart_id, title, desc, BAR_WIDTH, y - row + 26, body)


def horizontal_bars(chart_id: str, title: str, rows: list[tuple[str, int, str]], out_of: int,
                    unit: str = "agreement") -> Markup:
    """A bar per row: its label on a line, the bar below it scaled to ``out_of``, and
    "N of M" after the bar. ``rows`` is (label, count, detail for the description).

    The box is narrow (a label above each bar, not beside it) so that on a phone, where the
    chart shrinks to the screen, its text stays legible; a label too long for the box is
    condensed to fit rather than cut off."""
    desc = "; ".join(f"{label}: {count} of {out_of} {unit}s{detail}" for label, count, detail in rows) + "."
    body = []
    y = 0
    track = BARS_WIDTH - 120  # room for "10 of 10" after the longest bar
    for label, count, _ in rows:
        width = track * count / out_of if out_of else 0
        fit = f' textLength="{BARS_WIDTH}" lengthAdjust="spacingAndGlyphs"' if len(label) * FONT * 0.56 > BARS_WIDTH else ""
        body.append(f'<text x="0" y="{y + FONT}" font-size="{FONT}"{fit}>{escape(label)}</text>')
        body.append(f'<rect x="0" y="{y + 26}" width="{track}" height="20" rx="3" fill="{COLORS["track"]}"/>')
        body.append(f'<rect x="0" y="{y + 26}" width="{_n(max(width, 3))}" height="20" rx="3" fill="{COLORS["rule"]}"/>')
        body.append(f'<text x="{track + 10}" y="{y + 42}" font-size="{FONT}">'
                    f'<tspan font-weight="700">{count}</tspan> of {out_of}</text>')
        y += 58
    return _svg(chart_id, title, desc, BARS_WIDTH, max(y - 8, 1), body)


__all__ = ["horizontal_bars", "stacked_bar"]
