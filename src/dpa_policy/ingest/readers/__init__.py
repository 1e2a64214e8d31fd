"""Readers: one per source format, each turning hostile bytes into words or a one-line error.

PDF and DOCX need a library or a zip; text and HTML only the standard library. Every reader
is imported only when a source of its kind is read, so ``dpa-policy check`` never pays for them.
"""

from __future__ import annotations

from pathlib import Path

SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".txt": "text", ".text": "text", ".htm": "html", ".html": "html"}


def source_format(path: Path) -> str | None:
    return SUFFIXES.get(path.suffix.lower())


def read(kind: str, data: bytes):
    """A :class:`~dpa_policy.ingest.document.Document`, or an ``HtmlPage`` for HTML."""
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(data)
    if kind == "html":
        from .html import read_html

        return read_html(data)
    from .text import read_text

    return read_text(data)
