"""What a reader hands the extractors: the words of a document, line by line, with page numbers.

Readers (PDF, DOCX, text, HTML) differ in how they find words; everything after them sees the
same :class:`Document`. Text is normalised once here (control characters dropped, runs of
whitespace collapsed) so the "exact words" a draft quotes are the words a person reads on the
page, only with line breaks and double spaces folded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .limits import MAX_TEXT_CHARS

# Word's private-use glyphs for check boxes (Wingdings / MS Gothic symbol fonts) as they come
# out of text extraction, mapped to the characters a person sees.
_GLYPHS = str.maketrans({
    "\uf0fe": "\u2612", "\uf078": "\u2612", "\uf0fd": "\u2612", "\uf0a8": "\u2610", "\uf06f": "\u2610",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ", "\u200b": "",
    "\ufeff": "", "\u00ad": "",
})
_SPACES = re.compile(r"\s+")


class SourceError(Exception):
    """A source that cannot be imported; the message is one line meant for the user."""


def clean(text: str) -> str:
    """One line of text as a person reads it: no control characters, single spaces."""
    text = text.translate(_GLYPHS)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = "".join(ch if ch.isprintable() or ch in "\t\n" else " " for ch in text)
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class Line:
    page: int
    text: str


@dataclass
class Document:
    """The text of one source: lines in reading order, each on its page (1-based)."""

    file_format: str
    pages: int
    lines: list[Line] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    _chars: int = 0

    def add(self, page: int, raw: str) -> None:
        for part in raw.splitlines():
            text = clean(part)
            if not text:
                continue
            self._chars += len(text)
            if self._chars > MAX_TEXT_CHARS:
                raise SourceError(f"more than {MAX_TEXT_CHARS:,} characters of text; not a contract this tool reads")
            self.lines.append(Line(page, text))

    @property
    def has_text(self) -> bool:
        return any(len(line.text) > 3 for line in self.lines)
