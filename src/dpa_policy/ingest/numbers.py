"""Numbers and durations as contracts write them: "seventy-two (72) hours", "ten (10) calendar
days", "48 hours", "within sixty days", "one (1) time per year".

A number written twice ("ten (15) days") must agree with itself, or it is no number at all:
a draft never picks one of two readings. "Days" alone is not a duration the agreement format
accepts (it could be calendar or business days); it converts only when the document itself
defines "days" (see :func:`days_definition`), otherwise the caller leaves the term absent and
says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_NUM = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_WORD = "|".join(sorted([*_UNITS, *_TENS, "hundred", "and"], key=len, reverse=True))
NUMBER_WORDS = rf"(?:(?:{_NUM})(?:[\s-]+(?:{_WORD}))*(?<!and))"
_NUMBER = rf"(?P<words>\b{NUMBER_WORDS}\b)?\s*(?:\(\s*(?P<paren>\d{{1,4}})\s*\)|(?P<digits>\b\d{{1,4}}\b))?"
_UNIT = (r"(?P<unit>(?:calendar|business|working|school)\s+days?|hours?|hrs?\b\.?|days?|weeks?|months?|years?)"
         r"(?:['\u2019](?:s)?)?")
_DURATION = re.compile(rf"{_NUMBER}[\s-]*{_UNIT}(?![a-z])", re.IGNORECASE)
_DAYS_DEFINED = re.compile(
    r"(?:[\"\u201c]days?[\"\u201d]|references? to days?|the (?:term|word) [\"\u201c]?days?[\"\u201d]?|all days?)"
    r"[^.]{0,80}?\b(?:means?|shall mean|refers? to|are|is|shall be)\b[^.]{0,20}?\b(calendar|business)\s+days?",
    re.IGNORECASE)


def words_to_int(text: str) -> int | None:
    """ "seventy-two" -> 72, "one hundred and twenty" -> 120; None when it is not a number."""
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if word in ("and", ""):
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            return None
        seen = True
    return total + current if seen else None


@dataclass(frozen=True)
class DurationHit:
    amount: int | None  # None: the words and the digits disagree
    unit: str  # "hours", "calendar days", "business days", "days", "school days", "weeks", ...
    words: str  # exactly as written
    start: int
    end: int


def find_durations(text: str) -> list[DurationHit]:
    hits = []
    for match in _DURATION.finditer(text):
        words, paren, digits = match.group("words"), match.group("paren"), match.group("digits")
        if not (words or paren or digits):
            continue
        values = {v for v in (words_to_int(words) if words else None,
                              int(paren) if paren else None, int(digits) if digits else None) if v is not None}
        unit = " ".join(match.group("unit").lower().split())
        unit = re.sub(r"^working", "business", unit)
        unit = re.sub(r"^hrs?\.?$", "hours", unit)
        if not unit.endswith("s"):
            unit += "s"
        start = match.start("words") if words else match.start()
        hits.append(DurationHit(values.pop() if len(values) == 1 else None, unit,
                                " ".join(text[start:match.end()].split()), start, match.end()))
    return hits


def days_definition(text: str) -> str | None:
    """ "calendar" or "business" when the sentence defines what "days" means in the document."""
    match = _DAYS_DEFINED.search(text)
    return match.group(1).lower() if match else None


def as_duration(hit: DurationHit, days_mean: str | None) -> tuple[str | None, str | None]:
    """The format's duration text for a hit, or (None, why not)."""
    if hit.amount is None:
        return None, f'"{hit.words}" gives two different numbers'
    unit = hit.unit
    if unit == "days":
        if days_mean is None:
            return None, (f'"{hit.words}" does not say calendar or business days and the document does not '
                          "define days; the format needs one")
        unit = f"{days_mean} days"
    if unit == "weeks":
        return f"{hit.amount * 7} calendar days", None
    if unit not in ("hours", "calendar days", "business days"):
        return None, f'"{hit.words}" is not in hours, calendar days or business days'
    word = unit if hit.amount != 1 else unit[:-1]
    return f"{hit.amount} {word}", None


_FREQUENCY = re.compile(
    rf"\b(?:(?P<once>once|twice)|(?P<n>{NUMBER_WORDS}|\d+)\s*(?:\(\s*\d+\s*\)\s*)?times?)\s+"
    r"(?:a|per|each|every|in\s+any|in\s+a)\s+(?:calendar\s+|contract\s+|school\s+|fiscal\s+)?(?:year|annum)\b"
    r"|\b(?P<annual>annually|once\s+annually|once\s+(?:in\s+any|in\s+a|per|each|every)\s+(?:twelve|12)[- ]\(?(?:12)?\)?"
    r"[- ]?month\s+period)\b", re.IGNORECASE)


def per_year(text: str) -> tuple[int, str] | None:
    """How many times a year: "once a year", "one (1) time per year", "annually"."""
    match = _FREQUENCY.search(text)
    if not match:
        return None
    if match.group("annual"):
        return 1, match.group(0)
    if match.group("once"):
        return (1 if match.group("once").lower() == "once" else 2), match.group(0)
    raw = match.group("n")
    value = int(raw) if raw.isdigit() else words_to_int(raw)
    return (value, match.group(0)) if value else None
