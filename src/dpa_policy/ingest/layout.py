"""Document lines -> numbered sections -> sentences, each knowing its citation and page.

Contracts number their parts in a few ways, and the citation a draft writes must be the one
counsel finds in the signed copy: "Article V" + "4. Data Breach." (NDPA v1) gives
"Article V, Section 4"; "5.4 Data Breach" (NDPA v2) gives "Section 5.4"; "Section 7.2" stays;
"EXHIBIT G" + "3." gives "Exhibit G, Section 3". A numbered line counts as a heading only when
its number follows the previous heading's (so the items "1." to "5." of a list inside section
4 are not mistaken for sections) and its title reads like one (short, in title case).

Running headers and footers (a line on at least half of the pages, digits ignored) and bare
page numbers are dropped first, so they never split a sentence or become a term.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .document import Document, Line

_ARTICLE = re.compile(r"^ARTICLE\s+([IVXLC]+|\d{1,2})\b\.?\s*[:.\-\u2013\u2014]?\s*(.*)$", re.IGNORECASE)
_EXHIBIT = re.compile(
    r"^(EXHIBIT|ATTACHMENT|APPENDIX|SCHEDULE|ADDENDUM|RIDER)\s+[\"\u201c]?([A-Z]|\d{1,2})[\"\u201d]?(?![\w.])"
    r"\s*[:.\-\u2013\u2014]?\s*(.*)$", re.IGNORECASE)
_SECTION_WORD = re.compile(r"^(?:SECTION|\u00a7)\s*(\d{1,2}(?:\.\d{1,2}){0,2})\.?(?!\d)\s*[:.\-\u2013\u2014]?\s*(.*)$",
                           re.IGNORECASE)
_DECIMAL = re.compile(r"^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+([A-Z\"\u201c].*)$")
_NUMBER = re.compile(r"^(\d{1,2})\.\s+([A-Z\"\u201c].*)$")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-\u2013 ]*#+[-\u2013 ]*(?:(?:of|/)\s*#+)?$", re.IGNORECASE)
_SMALL_WORDS = {"of", "and", "or", "the", "to", "for", "in", "on", "a", "an", "by", "with", "from", "at", "as",
                "not", "per", "its", "vs", "under", "into", "upon"}
_ABBREVIATIONS = {
    "u.s", "e.g", "i.e", "no", "nos", "sec", "secs", "rev", "inc", "ltd", "co", "corp", "l.l.c", "llc", "c.f.r",
    "u.s.c", "stat", "ann", "fla", "educ", "ed", "art", "arts", "v", "vs", "st", "mr", "ms", "mrs", "dr", "jr",
    "seq", "pub", "cal", "bus", "prof", "civ", "gen", "ch", "c", "para", "cl", "approx", "ex", "exh", "p", "pp",
    "al", "n.y", "n.y.c.r.r", "ill", "mass", "comp", "reg", "regs", "dept", "assn", "govt",
}
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019)]?\s+(?=[A-Z0-9\"\u201c(\u00a7\u2022])")


@dataclass
class Section:
    citation: str
    title: str
    page: int
    exhibit: str | None = None
    exhibit_title: str = ""
    lines: list[Line] = field(default_factory=list)

    @property
    def heading(self) -> str:
        """The words that name this part: its own title, then its exhibit's."""
        return f"{self.title} {self.exhibit_title}".strip()


@dataclass(frozen=True)
class Sentence:
    text: str
    page: int
    section: Section


def strip_running_lines(document: Document) -> list[Line]:
    """Drop page numbers and lines repeated on at least half the pages (headers, footers)."""
    def shape(text: str) -> str:
        return re.sub(r"\d+", "#", text.lower())

    pages_with: dict[str, set[int]] = {}
    for line in document.lines:
        pages_with.setdefault(shape(line.text), set()).add(line.page)
    threshold = max(3, (document.pages + 1) // 2)
    kept = []
    for line in document.lines:
        key = shape(line.text)
        if _PAGE_NUMBER.match(key) or (document.pages >= 3 and len(pages_with[key]) >= threshold):
            continue
        kept.append(line)
    return kept


def _title_case(title: str) -> bool:
    words = re.findall(r"[A-Za-z][A-Za-z'\u2019-]*", title)
    if not words or len(words) > 12:
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(big) and sum(w[0].isupper() for w in big) >= 0.75 * len(big)


def _run_in_title(rest: str) -> str | None:
    """The heading words of "Data Breach. In the event..." or of a heading on its own line."""
    match = re.match(r"^(.{2,90}?)(?:\.(?:\s|$)|:\s|$)", rest)
    if not match:
        return None
    title = match.group(1).strip(" \"\u201c\u201d")
    return title if _title_case(title) else None


def _caps_heading(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    words = text.split()
    return (3 <= len(letters) and all(ch.isupper() for ch in letters) and len(words) <= 12
            and not text.rstrip().endswith((",", ";", ".")) and not (len(words) == 1 and len(letters) <= 4))


class _Numbering:
    """Where the reader is in the document's numbering, to build citations."""

    def __init__(self) -> None:
        self.article: str | None = None
        self.exhibit: str | None = None
        self.exhibit_title = ""
        self.last_number = 0
        self.last_decimal: tuple[int, ...] = ()

    def prefix(self) -> str:
        return self.exhibit or (f"Article {self.article}" if self.article else "")

    def cite(self, number: str) -> str:
        prefix = self.prefix()
        return f"{prefix}, Section {number}" if prefix else f"Section {number}"


def sections(document: Document) -> list[Section]:
    numbering = _Numbering()
    current = Section("Preamble", "", 1)
    found = [current]

    def start(citation: str, title: str, page: int) -> Section:
        section = Section(citation, title, page, numbering.exhibit, numbering.exhibit_title)
        found.append(section)
        return section

    for line in strip_running_lines(document):
        text = line.text
        heading = _heading(text, numbering)
        if heading is None:
            current.lines.append(line)
            continue
        citation, title, body = heading
        current = start(citation, title, line.page)
        if body:
            current.lines.append(Line(line.page, body))
    return [section for section in found if section.lines or section.title]


def _heading(text: str, numbering: _Numbering) -> tuple[str, str, str] | None:
    """(citation, title, text after the heading) when ``text`` opens a new part."""
    if match := _EXHIBIT.match(text):
        kind, ident, rest = match.group(1).title(), match.group(2).upper(), match.group(3).strip()
        title = _run_in_title(rest) if rest else ""
        if rest and title is None and not _caps_heading(rest):
            return None
        numbering.exhibit, numbering.exhibit_title = f"{kind} {ident}", title or rest
        numbering.article, numbering.last_number, numbering.last_decimal = None, 0, ()
        return numbering.exhibit, title or rest, ""
    if match := _ARTICLE.match(text):
        rest = match.group(2).strip()
        if rest and _run_in_title(rest) is None and not _caps_heading(rest):
            return None
        numbering.article, numbering.last_number = match.group(1).upper(), 0
        return f"Article {numbering.article}", rest, ""
    if match := _SECTION_WORD.match(text):
        number, rest = match.group(1), match.group(2).strip()
        title = _run_in_title(rest) or ""
        return numbering.cite(number), title, rest[len(title):].lstrip(". :") if title else rest
    if match := _DECIMAL.match(text):
        number, rest = match.group(1), match.group(2).strip()
        parts = tuple(int(p) for p in number.split("."))
        title = _run_in_title(rest)
        if title is None or parts <= numbering.last_decimal:
            return None
        numbering.last_decimal = parts
        return numbering.cite(number), title, rest[len(title):].lstrip(". :")
    if match := _NUMBER.match(text):
        number, rest = int(match.group(1)), match.group(2).strip()
        title = _run_in_title(rest)
        if title is None or number <= numbering.last_number or number > numbering.last_number + 3:
            return None
        numbering.last_number = number
        return numbering.cite(str(number)), title, rest[len(title):].lstrip(". :")
    if _caps_heading(text) and not re.search(r"[_:|\u2610\u2612\[]|\d{3}", text):
        # An unnumbered heading ("DATA SECURITY"): cited by its own words. One that names an
        # attachment of its own (a bill of rights, a plan) ends the exhibit before it.
        numbering.last_number, numbering.last_decimal = 0, ()
        if re.search(r"BILL OF RIGHTS|SUPPLEMENTAL INFORMATION|PLAN\b|RIDER|ADDENDUM", text.upper()):
            numbering.exhibit, numbering.exhibit_title, numbering.article = None, "", None
        prefix = numbering.prefix()
        return (f"{prefix}, {text.title()}" if prefix else text.title()), text, ""
    return None


def joined(lines: list[Line]) -> tuple[str, list[tuple[int, int]]]:
    """The lines as one text, and (offset, page) marks where each line starts."""
    parts: list[str] = []
    marks: list[tuple[int, int]] = []
    length = 0
    for line in lines:
        sep = ""
        if parts:
            sep = "" if parts[-1].endswith("-") and line.text[:1].islower() else " "
        marks.append((length + len(sep), line.page))
        parts.append(sep + line.text)
        length += len(sep) + len(line.text)
    return "".join(parts), marks


def sentences(section: Section) -> list[Sentence]:
    text, marks = joined(section.lines)
    found: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start:match.start()].rsplit(None, 1)
        word = before[-1].lower().lstrip("(\"\u201c") if before else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"\(?(\d{1,3}|[ivx]{1,4})\)?", word):
            continue
        found.append(_sentence(text, start, match.start() + 1, marks, section))
        start = match.end()
    if start < len(text):
        found.append(_sentence(text, start, len(text), marks, section))
    return [s for s in found if s.text]


def _sentence(text: str, start: int, end: int, marks, section: Section) -> Sentence:
    page = marks[0][1] if marks else section.page
    for offset, line_page in marks:
        if offset > start:
            break
        page = line_page
    return Sentence(text[start:end].strip(), page, section)
