"""Typed legal durations: "72 hours", "7 calendar days", "10 business days".

Contracts state windows in three units, and mixing them is where silent errors hide:
"10 business days" is not "10 days" and not "240 hours". A :class:`Duration` keeps the
amount and the unit exactly as written and answers comparisons *conservatively*:

- hours and calendar days convert exactly (1 calendar day = 24 hours);
- business days have no fixed length, so a business-day window is bounded by the span it
  can cover. ``n`` business days can stretch over at most ``n + 2*ceil(n/5)`` calendar days
  (the clock starts at close of business on a Friday: 10 business days -> 14 calendar days)
  and over at least ``n + 2*floor((n-1)/5)`` (it starts on a Monday morning).
  Public holidays are not counted: they differ by state and year, so a window that only
  passes thanks to the weekend bound is as tight as this checker can prove, not tighter.

``a.within(limit)`` is True only when every reading of ``a`` fits inside every reading of
``limit``: same unit compares amounts; otherwise a's longest span must fit in limit's
shortest span. A rule that uses it can therefore fail a window it cannot prove, never pass one.

The word "days" alone is rejected: contracts mean calendar days most of the time but not
always, and the agreement author (not this checker) must say which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

__all__ = ["Duration", "DurationUnit", "DURATION_PATTERN", "parse_duration"]


class DurationUnit(str, Enum):
    HOURS = "hours"
    CALENDAR_DAYS = "calendar days"
    BUSINESS_DAYS = "business days"


_UNIT_WORDS = {
    "hour": DurationUnit.HOURS,
    "hours": DurationUnit.HOURS,
    "calendar day": DurationUnit.CALENDAR_DAYS,
    "calendar days": DurationUnit.CALENDAR_DAYS,
    "business day": DurationUnit.BUSINESS_DAYS,
    "business days": DurationUnit.BUSINESS_DAYS,
}

# The JSON Schema pattern published for duration fields; kept loose on whitespace and
# singular/plural so editors accept what the parser accepts.
DURATION_PATTERN = r"^\s*[0-9]+\s+(hours?|calendar\s+days?|business\s+days?)\s*$"
_MAX_AMOUNT_DIGITS = 100
_DURATION_RE = re.compile(r"^\s*([0-9]+)\s+([a-z ]+?)\s*$")


@dataclass(frozen=True, order=False)
class Duration:
    amount: int
    unit: DurationUnit

    def __str__(self) -> str:
        word = self.unit.value
        if self.amount == 1:
            word = word[:-1]  # "1 hour", "1 calendar day"
        return f"{self.amount} {word}"

    # -- bounds in hours -------------------------------------------------------------
    def max_hours(self) -> int:
        """The longest wall-clock span this duration can cover."""
        if self.unit is DurationUnit.HOURS:
            return self.amount
        if self.unit is DurationUnit.CALENDAR_DAYS:
            return self.amount * 24
        n = self.amount
        return (n + 2 * -(-n // 5)) * 24  # integer ceil(n / 5): n / 5 overflows a float for huge n

    def min_hours(self) -> int:
        """The shortest wall-clock span this duration can cover."""
        if self.unit is not DurationUnit.BUSINESS_DAYS:
            return self.max_hours()
        n = self.amount
        if n == 0:
            return 0
        return (n + 2 * ((n - 1) // 5)) * 24

    def within(self, limit: Duration) -> bool:
        """True when this duration certainly ends no later than ``limit``."""
        if self.unit is limit.unit:
            return self.amount <= limit.amount
        return self.max_hours() <= limit.min_hours()

    def describe_bound(self) -> str:
        """Human text for reports: business days say how they were bounded."""
        if self.unit is DurationUnit.BUSINESS_DAYS:
            days = self.max_hours() // 24
            return f"{self} (up to {days} calendar days once weekends are counted)"
        return str(self)


def parse_duration(text: str) -> Duration:
    """Parse "72 hours" / "7 calendar days" / "10 business days".

    Raises ValueError with a message meant for the agreement author.
    """
    if not isinstance(text, str):
        raise ValueError(
            f"a duration is text with a unit, such as \"72 hours\" or \"10 business days\"; got {text!r}"
        )
    normalized = " ".join(text.lower().split())
    match = _DURATION_RE.match(normalized)
    if not match:
        raise ValueError(
            f"{text!r} is not a duration: write a whole number and a unit, "
            "such as \"72 hours\", \"7 calendar days\" or \"10 business days\""
        )
    digits, unit_word = match.group(1), match.group(2)
    if len(digits) > _MAX_AMOUNT_DIGITS:  # int() itself refuses beyond 4,300 digits, in its own words
        raise ValueError(f"a duration's amount has {len(digits):,} digits, more than the "
                         f"{_MAX_AMOUNT_DIGITS} this checker reads")
    amount = int(digits)
    if unit_word in ("day", "days"):
        raise ValueError(
            f"{text!r} is ambiguous: write \"{amount} calendar days\" or \"{amount} business days\", "
            "as the contract means it"
        )
    unit = _UNIT_WORDS.get(unit_word)
    if unit is None:
        raise ValueError(
            f"{text!r} has unit {unit_word!r}; use hours, calendar days or business days"
        )
    return Duration(amount, unit)
