"""One date style for every page dpa-policy writes for people: "June 30, 2027".

The counsel report and the parents' clearinghouse page both print dates, and a reader who
sees "1 February 2026" on one and "February 1, 2026" on the other wonders whether they are
the same day. Both use :func:`long_date`, the US style a US school district writes, spelled
out the same in every locale (no strftime, whose month names follow the machine's locale).
"""

from __future__ import annotations

import datetime

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def long_date(value: datetime.date | None) -> str:
    """``2027-06-30`` -> "June 30, 2027"; None -> "not stated"."""
    if value is None:
        return "not stated"
    return f"{MONTHS[value.month - 1]} {value.day}, {value.year}"


__all__ = ["MONTHS", "long_date"]
