"""Hard limits for reading hostile documents: every source costs bounded time and memory.

Contracts arrive from vendors, so every file is treated as hostile. Each limit below stops a
known attack or accident with a one-line error naming the file; docs/import.md lists them.
The numbers leave a wide margin over real agreements: a signed NDPA with all exhibits is
20-40 pages, about 150 KB of text and a DOCX of well under 1 MB.
"""

from __future__ import annotations

MIB = 1024 * 1024

# Any source: larger files are refused before they are read.
MAX_SOURCE_BYTES = 64 * MIB
# Text kept from one source (characters after extraction); past it the source is refused.
MAX_TEXT_CHARS = 4_000_000
# Every source is read in its own process, killed when it runs longer or asks for more memory.
MAX_SECONDS_PER_SOURCE = 60
MAX_WORKER_MEMORY_BYTES = 1536 * MIB

# PDF: a page count past this is refused before any page is read (a "huge page count" file).
MAX_PDF_PAGES = 2_000
# pypdf follows object references recursively; a reference loop or a 10,000-deep tower ends
# in RecursionError, which the reader turns into a one-line error. No deeper stack is allowed.

# DOCX (a zip): entry count, declared and actual uncompressed sizes, compression ratio.
DOCX_MAX_ENTRIES = 2_000
DOCX_MAX_PART_BYTES = 16 * MIB  # one XML part, measured while inflating, never trusted from the header
DOCX_MAX_TOTAL_BYTES = 256 * MIB  # sum of declared sizes of all entries
DOCX_MAX_RATIO = 200  # inflated / compressed for one part; real document.xml is 5-20x

# HTML: element nesting deeper than this is flattened (no recursion anywhere, so it only
# bounds the parser's own stack list); vendors per clearinghouse page.
HTML_MAX_DEPTH = 256
MAX_VENDORS_PER_PAGE = 500

# Sources found in folders; a folder holding more is refused as a setup error (split it).
MAX_SOURCES_PER_RUN = 100_000
