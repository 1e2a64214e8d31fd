"""Document lines -> numbered sections -> sentences, each knowing its citation and page.

Contracts number their parts in a few ways, and the citation a draft writes must be the one
counsel finds in the signed copy: "Article V" + "4. Data Breach." (NDPA v1) gives
"Article V, Section 4"; "5.4 Data Breach" (NDPA v2) gives "Section 5.4"; "Section 7.2" stays;
"EXHIBIT G" + "3." gives "Exhibit G, Section 3"; "\u00a7 4.2" stays "\u00a7 4.2"; "SECTION IV" +
"(b) Breach Notification." gives "Section IV(b)". A numbered line counts as a heading only when
its number follows the previous heading's (so the items "1." to "5." of a list inside section
4 are not mistaken for sections) and its title reads like one (short, in title case); a
decimal clause number ("5.1 Quillstone shall ...") counts without a title when it comes next
in sequence. "\u00a7 3 of this Addendum" at the start of a wrapped line is a cross-reference,
not a heading. A section knows its article's title too, so "5.3" under "Article 5 - Data
Breach" is read as part of the breach clause.

A word hyphenated across a line break ("confiden-" / "tiality") is joined without the hyphen,
unless the document writes it with one elsewhere or its first part is a prefix or number
that keeps one ("non-renewal", "seventy-two"). A table row (cells joined by " | ") is a
sentence of its own, so a key-terms table does not run into the paragraph after it.

Running headers and footers (a line on at least half of the pages, digits ignored; in a
two-page document, a line at the top or bottom of both pages) and bare page numbers are
dropped first, so they never split a sentence or become a term.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .document import Document, Line
from .numbers import words_to_int

_ARTICLE = re.compile(r"^ARTICLE\s+([IVXLC]+|\d{1,2}|(?:ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|ELEVEN|"
                      r"TWELVE)\b)\b\.?\s*[:.\-\u2013\u2014]?\s*(.*)$", re.IGNORECASE)
_EXHIBIT = re.compile(
    r"^(EXHIBIT|ATTACHMENT|APPENDIX|SCHEDULE|ADDENDUM|RIDER)\s+[\"\u201c]?([A-Z]|\d{1,2})[\"\u201d]?(?![\w.])"
    r"\s*[:.\-\u2013\u2014]?\s*(.*)$", re.IGNORECASE)
_SECTION_WORD = re.compile(r"^(SECTION|SEC\.|\u00a7)\s*(\d{1,2}(?:\.\d{1,2}){0,2}|[IVXL]{1,6}\b)\.?(?!\d)\s*"
                           r"[:.\-\u2013\u2014]?\s*(.*)$", re.IGNORECASE)
_LETTER = re.compile(r"^\(([a-z])\)\s+(.*)$")
_DECIMAL = re.compile(r"^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+([A-Z\"\u201c].*)$")
# First parts that keep their hyphen when a line break splits the word after them.
_KEEP_HYPHEN = {"non", "re", "co", "de", "pre", "sub", "self", "third", "multi", "single", "cross", "anti",
                "post", "inter", "opt", "e", "cyber", "well", "long", "short", "full", "part", "year", "month",
                "day", "student", "parent", "school", "end", "high", "low", "two", "three", "one"}
_NUMBER = re.compile(r"^(\d{1,2})\.\s+([A-Z\"\u201c].*)$")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-\u2013 ]*#+[-\u2013 ]*(?:(?:of|/)\s*#+)?$", re.IGNORECASE)
_SMALL_WORDS = {"of", "and", "or", "the", "to", "for", "in", "on", "a", "an", "by", "with", "from", "at", "as",
                "not", "per", "its", "vs", "under", "into", "upon"}
_ABBREVIATIONS = {
    "u.s", "e.g", "i.e", "no", "nos", "sec", "secs", "rev", "inc", "ltd", "co", "corp", "l.l.c", "llc", "c.f.r",
    "u.s.c", "stat", "ann", "fla", "educ", "ed", "art", "arts", "v", "vs", "st", "mr", "ms", "mrs", "dr", "jr",
    "seq", "pub", "cal", "bus", "prof", "civ", "gen", "ch", "c", "para", "cl", "approx", "ex", "exh", "p", "pp",
    "al", "n.y", "n.y.c.r.r", "ill", "mass", "comp", "reg", "regs", "dept", "assn", "govt",
    # state abbreviations in statute citations ("Conn. Gen. Stat.", "Va. Code")
    "conn", "va", "ore", "wash", "tex", "mich", "minn", "wis", "ariz", "colo", "ga", "md", "mo", "nev", "okla",
    "pa", "tenn", "ky", "la", "del", "ind", "kan", "neb", "vt", "wyo", "r.i", "s.c", "n.c", "n.j", "n.h", "n.m",
    "w.va", "s.d", "n.d", "gen", "laws", "ch", "id",
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
    article_title: str = ""
    hyphenated: frozenset[str] = frozenset()  # words the document writes with a hyphen

    @property
    def heading(self) -> str:
        """The words that name this part: its own title, its article's, then its exhibit's."""
        return " ".join(t for t in (self.title, self.article_title, self.exhibit_title) if t)


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
    edges: dict[int, list[str]] = {}
    for line in document.lines:
        pages_with.setdefault(shape(line.text), set()).add(line.page)
        edges.setdefault(line.page, []).append(shape(line.text))
    threshold = max(3, (document.pages + 1) // 2)
    at_edges: set[str] = set()
    if document.pages == 2 and len(edges) == 2:  # too few pages to count: a header sits at an edge
        first, second = ({*page[:2], *page[-2:]} for page in edges.values())
        at_edges = first & second
    kept = []
    for line in document.lines:
        key = shape(line.text)
        if _PAGE_NUMBER.match(key) or key in at_edges or (document.pages >= 3 and len(pages_with[key]) >= threshold):
            continue
        kept.append(line)
    return kept


_VERBS = {"is", "are", "was", "were", "be", "been", "shall", "will", "must", "may", "can", "belongs", "applies",
          "means", "includes", "governs", "remains", "agrees", "has", "have", "provides", "uses", "owns"}


def _title_case(title: str) -> bool:
    words = re.findall(r"[A-Za-z][A-Za-z'\u2019-]*", title)
    if not words or len(words) > 12 or any(w in _VERBS for w in words):
        return False  # "Corvid will comply with FERPA", "District Data belongs to the District": sentences
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
        self.article_title = ""
        self.exhibit: str | None = None
        self.exhibit_title = ""
        self.last_number = 0
        self.last_decimal: tuple[int, ...] = ()
        self.section: str | None = None  # the citation lettered paragraphs "(a)", "(b)" hang from
        self.last_letter = ""
        self.parent_title = ""  # "7. CHANGES OF CONTROL" for the "7.1", "7.2" after it

    def prefix(self) -> str:
        return self.exhibit or (f"Article {self.article}" if self.article else "")

    def cite(self, number: str, word: str = "Section") -> str:
        prefix = self.prefix()
        citation = f"{prefix}, {word} {number}" if prefix else f"{word} {number}"
        self.section, self.last_letter = citation, ""
        return citation

    def next_decimal(self, parts: tuple[int, ...]) -> bool:
        """``parts`` ("5.1") is the clause number that comes next, not a number in running text."""
        last = self.last_decimal
        if not last:
            return len(parts) == 2 and parts[1] <= 2
        if len(parts) != 2 or len(last) < 2:
            return False
        return (parts[0] == last[0] and 0 < parts[1] - last[1] <= 2) or (parts[0] == last[0] + 1 and parts[1] <= 2)


def sections(document: Document) -> list[Section]:
    numbering = _Numbering()
    lines = strip_running_lines(document)
    hyphenated = frozenset(w.lower() for line in lines for w in re.findall(r"[A-Za-z]+-[A-Za-z]+", line.text))
    current = Section("Preamble", "", 1, hyphenated=hyphenated)
    found = [current]

    def start(citation: str, title: str, page: int) -> Section:
        article_title = numbering.article_title if numbering.article and not numbering.exhibit else \
            numbering.parent_title
        section = Section(citation, title, page, numbering.exhibit, numbering.exhibit_title,
                          article_title="" if citation == f"Article {numbering.article}" else article_title,
                          hyphenated=hyphenated)
        found.append(section)
        return section

    for line in lines:
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
        numbering.article_title, numbering.section, numbering.last_letter = "", None, ""
        numbering.parent_title = ""
        return numbering.exhibit, title or rest, ""
    if match := _ARTICLE.match(text):
        rest = match.group(2).strip()
        if rest and _run_in_title(rest) is None and not _caps_heading(rest):
            return None
        numbering.article, numbering.last_number = match.group(1).upper(), 0
        numbering.article_title, numbering.section, numbering.last_letter = rest, None, ""
        numbering.parent_title = ""
        return f"Article {numbering.article}", rest, ""
    if match := _SECTION_WORD.match(text):
        sign, number, rest = match.group(1), match.group(2), match.group(3).strip()
        title = _run_in_title(rest) or ""
        if not title and rest[:1].islower():
            return None  # "\u00a7 3 and \u00a7 4 of this Addendum ...": a cross-reference a line break put first
        word = "\u00a7" if sign == "\u00a7" else "Section"
        citation = numbering.cite(number.upper() if number.isalpha() else number, word)
        body = rest[len(title):].lstrip(". :") if title else rest
        if "." not in number:  # "SECTION IV. DATA SECURITY", "\u00a7 4  SECURITY BREACH": a parent heading
            numbering.parent_title = "" if body else title
            return citation, title, body
        return citation, title, body
    if (match := _LETTER.match(text)) and numbering.section:
        letter, rest = match.group(1), match.group(2).strip()
        title = _run_in_title(rest)
        expected = chr(ord(numbering.last_letter) + 1) if numbering.last_letter else "a"
        if title is None or letter != expected:
            return None
        numbering.last_letter = letter
        return f"{numbering.section}({letter})", title, rest[len(title):].lstrip(". :")
    if match := _DECIMAL.match(text):
        number, rest = match.group(1), match.group(2).strip()
        parts = tuple(int(p) for p in number.split("."))
        title = _run_in_title(rest)
        if parts <= numbering.last_decimal or (title is None and not numbering.next_decimal(parts)):
            return None
        numbering.last_decimal = parts
        return numbering.cite(number), title or "", rest[len(title):].lstrip(". :") if title else rest
    if match := _NUMBER.match(text):
        number, rest = int(match.group(1)), match.group(2).strip()
        title = _run_in_title(rest)
        if title is None or number <= numbering.last_number or number > numbering.last_number + 3:
            return None
        numbering.last_number = number
        body = rest[len(title):].lstrip(". :")
        numbering.parent_title = "" if body else title
        return numbering.cite(str(number)), title, body
    if _caps_heading(text) and not re.search(r"[_:|\u2610\u2612\[]|\d{3}", text):
        # An unnumbered heading ("DATA SECURITY"): cited by its own words. One that names an
        # attachment of its own (a bill of rights, a plan) ends the exhibit before it.
        numbering.last_number, numbering.last_decimal = 0, ()
        numbering.section, numbering.last_letter, numbering.parent_title = None, "", ""
        if re.search(r"BILL OF RIGHTS|SUPPLEMENTAL INFORMATION|PLAN\b|RIDER|ADDENDUM", text.upper()):
            numbering.exhibit, numbering.exhibit_title, numbering.article = None, "", None
            numbering.article_title = ""
        prefix = numbering.prefix()
        return (f"{prefix}, {text.title()}" if prefix else text.title()), text, ""
    return None


def joined(lines: list[Line], hyphenated: frozenset[str] = frozenset()) -> tuple[str, list[tuple[int, int]]]:
    """The lines as one text, and (offset, page) marks where each line starts."""
    parts: list[str] = []
    marks: list[tuple[int, int]] = []
    length = 0
    for line in lines:
        sep = ""
        if parts:
            sep = " "
            if parts[-1].endswith("-") and line.text[:1].islower():
                sep = ""
                if _unhyphenate(parts[-1], line.text, hyphenated):
                    parts[-1] = parts[-1][:-1]
                    length -= 1
        marks.append((length + len(sep), line.page))
        parts.append(sep + line.text)
        length += len(sep) + len(line.text)
    return "".join(parts), marks


def _unhyphenate(before: str, after: str, hyphenated: frozenset[str]) -> bool:
    """A line-end hyphen that only split a word ("confiden-" + "tiality"), not one it is spelt with."""
    head = re.search(r"([A-Za-z]+)-$", before)
    tail = re.match(r"[a-z]+", after)
    if not head or not tail or re.search(r"[A-Za-z]-[A-Za-z]+-$", before):
        return False
    first = head.group(1).lower()
    if f"{first}-{tail.group(0)}" in hyphenated or first in _KEEP_HYPHEN or words_to_int(first) is not None:
        return False
    return True


def sentences(section: Section) -> list[Sentence]:
    found: list[Sentence] = []
    for run in _runs(section.lines):
        if len(run) == 1 and " | " in run[0].text:  # a table row is a sentence of its own
            found.append(Sentence(run[0].text, run[0].page, section))
            continue
        text, marks = joined(run, section.hyphenated)
        start = 0
        for match in _SENTENCE_END.finditer(text):
            before = text[start:match.start()].rsplit(None, 1)
            word = before[-1].lower().lstrip("(\"\u201c") if before else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(?:[a-z]\.){2,}[a-z]?", word) or \
                    re.fullmatch(r"\(?(\d{1,3}|[ivx]{1,4})\)?", word):
                continue
            found.append(_sentence(text, start, match.start() + 1, marks, section))
            start = match.end()
        if start < len(text):
            found.append(_sentence(text, start, len(text), marks, section))
    return [s for s in found if s.text]


def _runs(lines: list[Line]) -> list[list[Line]]:
    """Consecutive prose lines together; each table row alone."""
    runs: list[list[Line]] = []
    for line in lines:
        row = " | " in line.text
        if row or not runs or " | " in runs[-1][-1].text:
            runs.append([line])
        else:
            runs[-1].append(line)
    return runs


def _sentence(text: str, start: int, end: int, marks, section: Section) -> Sentence:
    page = marks[0][1] if marks else section.page
    for offset, line_page in marks:
        if offset > start:
            break
        page = line_page
    return Sentence(text[start:end].strip(), page, section)
