"""How contracts write numbers and periods: "seventy-two (72) hours", "sixty (60) calendar days".

Contract drafting states a number twice, in words and then in numerals, so a typo in one is
caught by the other. Model clauses (:meth:`dpa_policy.rule.Rule.model_clause`) write numbers
that way, and ``dpa-policy diff`` reads them back out of a clause's wording
(:func:`quantities`) to notice a number that changed in the words but not in the recorded
terms. Both directions live here so they cannot drift apart.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from .duration import Duration

__all__ = ["duration_words", "in_words", "listing", "number_words", "quantities", "word_number"]

_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand"))


def number_words(n: int) -> str:
    """72 -> "seventy-two", 1500 -> "one thousand five hundred". Beyond the billions (no
    contract counts days that far) the numerals stand alone."""
    if n < 0:
        return "minus " + number_words(-n)
    if n >= 1_000_000_000_000:
        return f"{n:,}"
    for scale, word in _SCALES:
        if n >= scale:
            head, rest = divmod(n, scale)
            return f"{number_words(head)} {word}" + (f" {number_words(rest)}" if rest else "")
    if n >= 100:
        head, rest = divmod(n, 100)
        return f"{_ONES[head]} hundred" + (f" {number_words(rest)}" if rest else "")
    if n >= 20:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    return _ONES[n]


def in_words(n: int) -> str:
    """72 -> "seventy-two (72)": words, then numerals in parentheses."""
    return f"{number_words(n)} ({n:,})" if n >= 1_000_000_000_000 else f"{number_words(n)} ({n})"


def duration_words(duration: "Duration") -> str:
    """A policy duration as a contract writes it: "seventy-two (72) hours", "one (1) calendar
    day", "ten (10) business days"."""
    unit = duration.unit.value
    if duration.amount == 1:
        unit = unit[:-1]
    return f"{in_words(duration.amount)} {unit}"


def listing(items: Iterable[str], conjunction: str = "and") -> str:
    """["a", "b", "c"] -> "a, b, and c" (the serial comma, so the last two never read as one)."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {conjunction} {items[1]}"
    return ", ".join(items[:-1]) + f", {conjunction} {items[-1]}"


# ----------------------------------------------------------------------------- reading words
_WORD_VALUES = {word: value for value, word in enumerate(_ONES)}
_WORD_VALUES.update({word: 10 * value for value, word in enumerate(_TENS) if word})
_WORD_VALUES.update({"a": 1, "an": 1})
_MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}


def word_number(text: str) -> int | None:
    """"seventy-two" -> 72, "one hundred twenty" -> 120, "a" -> 1; None when ``text`` is not
    a number in words."""
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    total = current = 0
    for word in words:
        if word in _WORD_VALUES:
            current += _WORD_VALUES[word]
        elif word in _MULTIPLIERS:
            current = max(current, 1) * _MULTIPLIERS[word]
            if _MULTIPLIERS[word] >= 1_000:
                total, current = total + current, 0
        else:
            return None
    return total + current


_NUMBER_WORD = "|".join(sorted({*(w for w in _ONES), *(w for w in _TENS if w), *_MULTIPLIERS}, key=len, reverse=True))
# "seventy-two (72) hours", "72 hours", "seventy-two hours", "thirty (30) calendar days",
# "ten business days", "six months", "one (1) year". A number in words, in numerals, or both.
_QUANTITY = re.compile(
    rf"(?:(?P<words>\b(?:{_NUMBER_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_NUMBER_WORD}))*)\s*(?:\(\s*(?P<paren>\d[\d,]*)\s*\))?"
    rf"|(?P<digits>\b\d[\d,]*))"
    r"[\s-]*(?:\(\s*\d[\d,]*\s*\)[\s-]*)?"
    r"(?P<unit>(?:calendar|business|working)\s+days?|hours?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)
_UNITS = {"hour": "hours", "day": "days", "calendar day": "days", "business day": "business days",
          "working day": "business days", "week": "weeks", "month": "months", "year": "years"}


def quantities(text: str) -> list[tuple[int, str]]:
    """Every period a text states, as (amount, unit), in order: "within seventy-two (72)
    hours" -> [(72, "hours")]. "days" and "calendar days" are one unit (the contract's plain
    "days" are calendar days unless it says business days); the numerals win where words and
    numerals are both given."""
    found = []
    for match in _QUANTITY.finditer(text):
        digits = match.group("paren") or match.group("digits")
        amount = int(digits.replace(",", "")) if digits else word_number(match.group("words") or "")
        if amount is None:
            continue
        unit = " ".join(match.group("unit").lower().split())
        found.append((amount, _UNITS[unit[:-1] if unit.endswith("s") else unit]))
    return found
