"""What every extractor shares: a found value with its evidence, the term registry record,
and the sentence-level tests contracts need (who acts, is it negated, is it an amendment).

An extractor reads one sentence and returns the values it states, each with the exact words
it read them from. It never fills a default: no match, no value. Which section a sentence may
come from (body, exhibit, state rider, amendment) is decided once, in
:mod:`dpa_policy.ingest.extract`, not by each extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ..layout import Sentence

VENDOR_WORDS = ["Provider", "Vendor", "Contractor", "Operator", "Company", "Service Provider", "Licensor",
                "Supplier", "Consultant", "Third-Party Contractor", "we", "We", "us", "our", "Our", "the vendor",
                "the provider", "the contractor"]
DISTRICT_WORDS = ["LEA", "Local Education Agency", "District", "School District", "School Board", "Board",
                  "Educational Agency", "EA", "School", "Customer", "Licensee", "you", "You", "your", "Your",
                  "Subscribing LEA", "Originating LEA", "Board of Education", "district", "school district",
                  "the school"]

MODAL = r"(?:shall|will|must|may|agrees? to|is required to|are required to|is obligated to|undertakes? to)"
NEGATION = re.compile(
    r"\b(?:shall|will|must|may|can|should|does|do)\s+not\b|\bshall\s+never\b|\bwill\s+never\b|\bnever\b|"
    r"\bagrees?\s+not\s+to\b|\b(?:is|are)\s+(?:expressly\s+|strictly\s+)?prohibited\b|\bprohibit(?:s|ed)?\b|"
    r"\bno\s+(?:\w+\s+){0,3}(?:shall|will|may)\b|\bnot\s+(?:to\s+)?(?:be\s+)?(?:used|sold|disclosed)",
    re.IGNORECASE)
# "This section does not prohibit Provider from using Student Data for adaptive learning...":
# such a sentence grants exceptions; its prohibited-sounding words prohibit nothing.
CARVE_OUT = re.compile(
    r"\b(?:does|shall|will)\s+not\s+(?:be\s+construed\s+to\s+)?(?:prohibit|preclude|restrict|limit)|"
    r"\bnothing\b[^.]{0,120}\b(?:prohibit|preclude|restrict|limit)s?|\bnot\s+be\s+construed\s+to\s+prohibit|"
    r"\bis\s+not\s+(?:prohibited|precluded)\b", re.IGNORECASE)
AMENDMENT = re.compile(
    r"\b(?:is|are)\s+(?:hereby\s+)?(?:amended|modified|replaced|deleted|struck|superseded)\b|\bnotwithstanding\b|"
    r"\bin\s+lieu\s+of\b|\bsupersedes?\b|\binstead\s+of\b|\bamend(?:s|ed)?\s+(?:Article|Section)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    field: str
    value: Any
    words: str  # the exact words the value was read from
    sentence: Sentence
    priority: int = 2  # 3 amendment or modification, 2 body, 1 exhibit or state rider


@dataclass
class Context:
    """What extractors know about the whole document."""

    vendor_words: list[str] = field(default_factory=lambda: list(VENDOR_WORDS))
    district_words: list[str] = field(default_factory=lambda: list(DISTRICT_WORDS))
    days_mean: str | None = None
    district_state: str | None = None

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.vendor = _alternation(self.vendor_words)
        self.district = _alternation(self.district_words)

    def actor(self, text: str) -> str | None:
        """ "vendor", "district" or None: who the sentence obliges (the words before its verb)."""
        match = re.search(rf"\b{MODAL}\b", text)
        subject = text[:match.start()] if match else text[:120]
        subject = re.sub(r"\([^)]*\)", " ", subject)
        clause = re.split(r",\s*(?=[^,]*$)", subject)[-1] if "," in subject else subject
        for part in (clause, subject):
            vendor = self.vendor.search(part)
            district = self.district.search(part)
            if vendor and not district:
                return "vendor"
            if district and not vendor:
                return "district"
            if vendor and district:
                return "vendor" if vendor.start() < district.start() else "district"
        return None


def _alternation(words: list[str]) -> re.Pattern[str]:
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    # Case matters for short aliases ("we", "EA"): "Agency" must not match "agency fees".
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ordered) + r")(?:['\u2019]s)?\b")


Finder = Callable[[Sentence, Context], Iterable[tuple[Any, str]]]


@dataclass(frozen=True)
class Term:
    """One term of the agreement format and how to read it from a sentence.

    ``keywords`` is a cheap first test: only sentences it matches reach ``find``. ``multi``
    terms are lists (every value found is kept); single terms must agree or stay absent.
    """

    field: str
    keywords: re.Pattern[str]
    find: Finder
    multi: bool = False


def words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def negated_before(text: str, position: int) -> bool:
    """A negation governs ``position``: it appears earlier in the same sentence."""
    return bool(NEGATION.search(text[:position]))
