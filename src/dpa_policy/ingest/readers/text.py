"""Plain text -> Document. A form feed (``\\f``) starts a new page, as in ``pdftotext`` output."""

from __future__ import annotations

from ..document import Document, SourceError


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252: what contracts saved as text use."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise SourceError("the file starts like UTF-16 text but is not") from None
    if b"\x00" in data[:8192]:
        raise SourceError("binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text(data: bytes) -> Document:
    pages = decode(data).split("\f")
    document = Document("text", len(pages))
    for number, page in enumerate(pages, start=1):
        document.add(number, page)
    if not document.has_text:
        raise SourceError("the file holds no text")
    return document
