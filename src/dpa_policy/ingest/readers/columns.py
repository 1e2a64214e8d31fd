"""Two-column PDF pages back into reading order.

pypdf returns a page's text in content-stream order. Most producers write a two-column page
one column after the other, but some write it row by row (left line, right line, next row),
and the text then alternates between the columns mid-sentence. This module looks at where
each piece of text starts on the page and, only when the page is clearly set in two columns,
reorders the pieces: each band of two-column text left column first, then right, with a
line that spans both columns (a title, a full-width table) ending the band.

"Clearly two columns" means: many lines hold text on both sides of one shared start
position in the middle of the page, and the text on each side is prose (it fills most of
its column), which a key-value table's short labels do not. Any other page keeps pypdf's
text unchanged, byte for byte.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

_MIN_TWO_SIDED_LINES = 6
_MIN_TWO_SIDED_SHARE = 0.3
_PROSE_FILL = 0.6  # a column's lines fill at least this share of its width (median)
_SAME_LINE = 2.0  # points: pieces closer than this vertically are on one line


@dataclass(frozen=True)
class Piece:
    text: str
    x: float
    y: float
    size: float

    @property
    def width(self) -> float:
        """A rough width: enough to tell a column of prose from a table's short labels."""
        return sum(0.68 if ch.isupper() else 0.28 if ch == " " else 0.52 for ch in self.text) * self.size


class Collector:
    """A pypdf ``visitor_text`` that records where each piece of text starts."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []

    def __call__(self, text, cm, tm, font_dict, font_size) -> None:
        if not text or not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[0] * cm[0]) or 1.0
        for part in text.split("\n"):  # a piece that spans lines keeps its own order
            if part.strip():
                self.pieces.append(Piece(part, x, y, (font_size or 10.0) * scale))


def _lines(pieces: list[Piece]) -> list[list[Piece]]:
    lines: list[list[Piece]] = []
    for piece in sorted(pieces, key=lambda p: (-p.y, p.x)):
        if lines and abs(lines[-1][0].y - piece.y) <= _SAME_LINE:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return [sorted(line, key=lambda p: p.x) for line in lines]


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def _gutter(lines: list[list[Piece]], page_width: float, known: float | None = None) -> float | None:
    """The x where the right column starts, when the page is set in two columns of prose.

    ``known`` is the gutter the document's other pages use: a page whose right column holds
    only a few lines (the last page) is accepted at that gutter on less evidence.
    """
    starts: Counter[int] = Counter()
    lowest: dict[int, float] = {}
    for line in lines:
        for left, right in zip(line, line[1:]):
            if 0.35 * page_width <= right.x <= 0.7 * page_width and left.x < 0.3 * page_width:
                key = round(right.x / 2)
                starts[key] += 1
                lowest[key] = min(lowest.get(key, right.x), right.x)
    if not starts:
        return None
    key, count = starts.most_common(1)[0]
    gutter = lowest[key]
    if known is not None and abs(gutter - known) <= 2:
        return gutter  # the document's own gutter: a short last column is still a column
    if count < _MIN_TWO_SIDED_LINES or count < _MIN_TWO_SIDED_SHARE * len(lines):
        return None
    left_fill, right_fill = [], []
    margin = min(p.x for line in lines for p in line)
    for line in lines:
        left = [p for p in line if p.x < gutter - 2]
        right = [p for p in line if p.x >= gutter - 2]
        if left and right:
            left_fill.append(sum(p.width for p in left) / max(gutter - margin, 1.0))
            right_fill.append(sum(p.width for p in right) / max(gutter - margin, 1.0))
    if _median(left_fill) < _PROSE_FILL or _median(right_fill) < _PROSE_FILL:
        return None  # a table with a second column of short values, not two columns of text
    return gutter


def reading_order(pages: list[tuple[str, list[Piece], float]]) -> list[str]:
    """Each page's text (pypdf's, pieces, page width) in reading order."""
    lines = [_lines(pieces) for _, pieces, _ in pages]
    gutters = [_gutter(page_lines, width) for page_lines, (_, _, width) in zip(lines, pages)]
    found = Counter(round(g) for g in gutters if g is not None)
    known = float(found.most_common(1)[0][0]) if found else None
    out = []
    for (text, _, width), page_lines, gutter in zip(pages, lines, gutters):
        if gutter is None and known is not None:
            gutter = _gutter(page_lines, width, known)
        out.append(_in_columns(page_lines, gutter) if gutter is not None else text)
    return out


def _in_columns(lines: list[list[Piece]], gutter: float) -> str:
    margin = min(p.x for line in lines for p in line)
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []

    def flush() -> None:
        out.extend(left)
        out.extend(right)
        left.clear()
        right.clear()

    for line in lines:
        on_left = [p for p in line if p.x < gutter - 2]
        on_right = [p for p in line if p.x >= gutter - 2]
        if on_left and not on_right and on_left[-1].x + on_left[-1].width > gutter + 0.3 * (gutter - margin):
            flush()  # one line across both columns: a title or a full-width row
            out.append("".join(p.text for p in on_left).strip())
            continue
        if on_left:
            left.append("".join(p.text for p in on_left).strip())
        if on_right:
            right.append("".join(p.text for p in on_right).strip())
    flush()
    return "\n".join(out)
