"""``dpa-policy import``: signed agreements (PDF, DOCX, text, clearinghouse HTML) -> drafts.

Entry points for the command: :func:`run_import` and :func:`format_report`. Nothing here is
imported by ``dpa-policy check``; the readers' libraries load only when a source needs them.

Layout: ``readers/`` turn hostile bytes into words (or a one-line error); ``layout`` finds
numbered sections and sentences; ``terms/`` holds one small extractor per agreement field;
``extract`` resolves what they found; ``draft`` and ``yamlout`` write the draft with its
evidence; ``worker`` and ``run`` bound each source in a child process and write the files.
"""

from __future__ import annotations

from .run import DraftSummary, ImportReport, SourceSummary, format_report, run_import

__all__ = ["DraftSummary", "ImportReport", "SourceSummary", "format_report", "run_import"]
