"""Case-insensitive word patterns for the rules that read a contract's free text.

Python's ``re.IGNORECASE`` folds case by Unicode's rules, which costs about twice as much per
search as ASCII folding. Nearly every purpose and product description is plain ASCII, and on
ASCII text the two give the same matches for an ASCII pattern (``\\b``, ``\\w``, ``\\d`` and case
folding agree on ASCII characters; ``\\s`` does not, since Unicode's also takes the separators
U+001C-U+001F, so a pattern may not use it), so :class:`Words` searches ASCII text with an
ASCII-folding twin of the pattern and anything else with the Unicode one.
"""

from __future__ import annotations

import re


class Words:
    """``re.compile(pattern, re.IGNORECASE)``, searched the fast way when the text allows."""

    __slots__ = ("pattern", "_unicode", "_ascii")

    def __init__(self, pattern: str) -> None:
        if not pattern.isascii() or "\\s" in pattern or "\\S" in pattern:
            raise ValueError(f"Words patterns are ASCII without \\s or \\S (write the space): {pattern!r}")
        self.pattern = pattern
        # Compiled when first searched: a one-file check runs few of the rules that own them.
        self._unicode: re.Pattern[str] | None = None
        self._ascii: re.Pattern[str] | None = None

    def search(self, text: str) -> re.Match[str] | None:
        if text.isascii():
            if self._ascii is None:
                self._ascii = re.compile(self.pattern, re.IGNORECASE | re.ASCII)
            return self._ascii.search(text)
        if self._unicode is None:
            self._unicode = re.compile(self.pattern, re.IGNORECASE)
        return self._unicode.search(text)

    def __repr__(self) -> str:
        return f"Words({self.pattern!r})"
