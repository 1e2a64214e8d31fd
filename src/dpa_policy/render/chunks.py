"""Writing a document that a template renders in many small pieces."""

from __future__ import annotations

from typing import Any, Iterable

BLOCK = 64 * 1024


def write_in_blocks(chunks: Iterable[str], out: Any) -> None:
    """Write ``chunks`` (Jinja's ``generate()``: thousands of short strings) to ``out`` in
    blocks of about 64 KiB: as the document is rendered, never the whole of it in memory,
    and without a write call per piece."""
    pending: list[str] = []
    size = 0
    for chunk in chunks:
        pending.append(chunk)
        size += len(chunk)
        if size >= BLOCK:
            out.write("".join(pending))
            pending, size = [], 0
    out.write("".join(pending))
