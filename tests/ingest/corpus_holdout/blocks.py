"""Blocks the held-out corpus adds to tests/ingest/corpus/blocks.py's vocabulary.

("runin", heading, text) a paragraph that opens with its own bold heading ("(b) Breach
Notification. In the event ..."); ("lines", [text, ...]) lines set as written (a list, a
dot-leader table in a scanned form). Everything else (title, h, p, table, sig, BREAK) is the
first corpus's.
"""

from __future__ import annotations

from tests.ingest.corpus.blocks import BREAK, h, p, sig, table, title  # noqa: F401 - re-exported


def runin(heading: str, text: str):
    return ("runin", heading, " ".join(text.split()))


def lines(*items: str):
    return ("lines", list(items))
