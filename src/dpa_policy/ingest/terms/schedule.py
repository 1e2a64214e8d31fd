"""Check-box schedules: NDPA Exhibit B (data elements) and Exhibit F (security frameworks).

A schedule row counts only when its box is ticked (a tick, a crossed box, "[X]", "(X)", a cell
holding only "X"); an empty box ("[ ]", an empty square) means the element is not shared, and a
row without any mark means nothing. A schedule whose header asks "Yes/No" (one answer column,
or a "Yes" and a "No" column) is read by its answers: "Yes" (or an "X" under "Yes") is shared,
"No" (or an "X" under "No") is not. PDF text puts a wrapped row's box on its own line after the
label, so a label waits up to two lines for its mark. A schedule with no marks at all is read as a plain list
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


_YES_NO_HEADER = re.compile(r"\byes\s*/\s*no\b|\(\s*y\s*/\s*n\s*\)|^(?:.*\|)?\s*yes\s*\|\s*no\s*(?:\||$)",
                            re.IGNORECASE)
_ANSWER = re.compile(r"(?:^|\s|\|)(yes|no|y|n)\s*$", re.IGNORECASE)
_TYPED_X = re.compile(r"^\s*[xX\u2713\u2714]\s*$")


@dataclass(frozen=True)
class _Form:
    """How a schedule marks its rows: boxes, a Yes/No answer, or "X" under a Yes and a No column."""

    answers: bool = False  # rows end in "Yes" or "No"
    yes_column: int | None = None  # with separate columns: where "Yes" and "No" are
    no_column: int | None = None


def _form(lines: list[tuple[Line, Section]]) -> _Form:
    for line, _ in lines[:8]:
        if not _YES_NO_HEADER.search(line.text):
            continue
        cells = [c.strip().lower() for c in line.text.split("|")]
        if "yes" in cells and "no" in cells:
            return _Form(yes_column=cells.index("yes"), no_column=cells.index("no"))
        return _Form(answers=True)
    return _Form()


def _mark(text: str, form: _Form = _Form()) -> bool | None:
    if form.yes_column is not None and "|" in text:
        cells = text.split("|")
        yes = form.yes_column < len(cells) and _TYPED_X.match(cells[form.yes_column])
        no = form.no_column is not None and form.no_column < len(cells) and _TYPED_X.match(cells[form.no_column])
        if yes or no:
            return bool(yes) and not no
    if form.answers and (answer := _ANSWER.search(text)):
        return answer.group(1).lower() in ("yes", "y")
    if CHECKED.search(text) or ("|" in text and any(_TYPED_X.match(cell) for cell in text.split("|")[1:])):
        return True
    if UNCHECKED.search(text):
        return False
    return None


def _strip_marks(text: str, form: _Form = _Form()) -> str:
    text = UNCHECKED.sub(" ", CHECKED.sub(" ", text))
    if "|" in text:
        text = "|".join(cell for cell in text.split("|") if not _TYPED_X.match(cell))
    if form.answers:
        text = _ANSWER.sub("", text)
    return text.strip(" |")


def _labels(text: str, category: str | None, form: _Form = _Form()) -> tuple[str | None, list[str]]:
    """(category named on the line, the label cells) of one schedule line."""
    bare = _strip_marks(text, form)
    cells = [c.strip() for c in bare.split("|")] if "|" in bare else [bare]
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


def _keys(text: str, labels: list[str], category: str | None, form: _Form) -> list[str]:
    """The elements a line names; a category cell that names its element itself ("Student work
    (assignments)") counts when no label on the line names one."""
    keys = [key for label in labels if (key := element_of(label, category))]
    if not keys:
        bare = _strip_marks(text, form)
        keys = [key for cell in bare.split("|") if (key := element_of(cell, None))]
    return list(dict.fromkeys(keys))


def schedule_rows(sections: list[Section]) -> tuple[list[Row], list[str]]:
    lines = [(line, section) for section in sections for line in section.lines]
    if not lines:
        return [], []
    form = _form(lines)
    marked = any(_mark(line.text, form) is not None for line, _ in lines)
    rows: list[Row] = []
    category: str | None = None
    pending: tuple[str, Line, Section, int] | None = None
    for index, (line, section) in enumerate(lines):
        named, labels = _labels(line.text, category, form)
        if named:
            category = named
        mark = _mark(line.text, form)
        keys = _keys(line.text, labels, category, form)
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
