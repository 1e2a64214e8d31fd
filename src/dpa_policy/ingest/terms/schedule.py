"""Check-box schedules: NDPA Exhibit B (data elements) and Exhibit F (security frameworks).

A schedule row counts only when its box is ticked (a tick, a crossed box, "[X]", "(X)"); an
empty box ("[ ]", an empty square) means the element is not shared, and a row without any mark
means nothing. PDF text puts a wrapped row's box on its own line after the label, so a label
waits up to two lines for its mark. A schedule with no marks at all is read as a plain list
only when it is short; a full Exhibit B whose marks did not survive extraction (a scan, a
symbol font without text) is reported rather than read as "everything shared".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..elements import category_of, element_of, subject_of
from ..layout import Line, Section, Sentence
from .security import frameworks_in

CHECKED = re.compile(r"[\u2612\u2611\u2713\u2714\u2717\u2718\u25a0\u22a0]|\[\s*[xX\u2713\u2714]\s*\]|\(\s*[xX]\s*\)")
UNCHECKED = re.compile(r"[\u2610\u25a1]|\[\s*\]|\(\s*\)")
# A list longer than this without a single mark is a check-box table that lost its marks.
MAX_UNMARKED_LIST = 12


@dataclass(frozen=True)
class Row:
    key: str
    line: Line
    section: Section
    other: str = ""


def _mark(text: str) -> bool | None:
    if CHECKED.search(text):
        return True
    if UNCHECKED.search(text):
        return False
    return None


def _strip_marks(text: str) -> str:
    return UNCHECKED.sub(" ", CHECKED.sub(" ", text)).strip(" |")


def _labels(text: str, category: str | None) -> tuple[str | None, list[str]]:
    """(category named on the line, the label cells) of one schedule line."""
    cells = [c.strip() for c in _strip_marks(text).split("|")] if "|" in text else [_strip_marks(text)]
    named = None
    labels = []
    for cell in cells:
        if not cell:
            continue
        found = category_of(cell)
        if found:
            named = found[0]
            rest = cell[found[1]:].strip(" :-\u2013")
            if rest:
                labels.append(rest)
        else:
            labels.append(cell)
    return named, labels


def schedule_rows(sections: list[Section]) -> tuple[list[Row], list[str]]:
    lines = [(line, section) for section in sections for line in section.lines]
    if not lines:
        return [], []
    marked = any(_mark(line.text) is not None for line, _ in lines)
    rows: list[Row] = []
    category: str | None = None
    pending: tuple[str, Line, Section, int] | None = None
    for index, (line, section) in enumerate(lines):
        named, labels = _labels(line.text, category)
        if named:
            category = named
        mark = _mark(line.text)
        keys = [key for label in labels if (key := element_of(label, category))]
        if not keys and mark is not None and pending and index - pending[3] <= 2:
            if mark:
                rows.append(Row(pending[0], pending[1], pending[2]))
            pending = None
            continue
        waiting = None
        for key in keys:
            if not marked or mark:
                other = ""
                if key.endswith(".other") and (m := re.search(r"specify\s*[:\-]?\s*([A-Za-z][^_|]{2,120})", line.text)):
                    other = m.group(1).strip()
                rows.append(Row(key, line, section, other))
            elif mark is None:
                waiting = (key, line, section, index)
        if keys:
            pending = waiting
    notes = []
    if not marked and len({row.key for row in rows}) > MAX_UNMARKED_LIST:
        notes.append(f"{sections[0].citation} lists {len(rows)} data elements without readable check marks; "
                     "set data elements by hand")
        rows = []
    return rows, notes


def grouped(rows: list[Row]) -> dict[str, list[Row]]:
    """Rows by data subject (student, parent_guardian, staff), first mention kept."""
    groups: dict[str, list[Row]] = {}
    for row in rows:
        group = groups.setdefault(subject_of(row.key), [])
        if all(existing.key != row.key for existing in group):
            group.append(row)
    return groups


def framework_rows(sections: list[Section]) -> list[tuple[str, str, Line, Section]]:
    """(framework key, words, line, section) for every ticked framework row."""
    found = []
    lines = [(line, section) for section in sections for line in section.lines]
    pending: list[tuple[str, str, Line, Section]] = []
    for index, (line, section) in enumerate(lines):
        mark = _mark(line.text)
        names = frameworks_in(line.text)
        if names and mark is None:
            pending = [(key, words, line, section) for key, words in names]
            continue
        if mark and names:
            found.extend((key, words, line, section) for key, words in names)
        elif mark and pending and not _strip_marks(line.text):
            found.extend(pending)
        pending = [] if mark is not None else pending
    return found


def as_sentence(line: Line, section: Section) -> Sentence:
    return Sentence(line.text, line.page, section)
