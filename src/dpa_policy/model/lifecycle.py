"""Whether an agreement is in effect on a date, from its own term: shared by the lifecycle
rules (DPA111-DPA113), the clearinghouse (which publishes only agreements in effect) and the
counsel report.

Dates are calendar dates and the stated bounds are inclusive: an agreement that "expires
2025-01-31" is in effect on 31 January 2025 and has expired on 1 February. A recorded
termination date is the day it ended: from that day on it is not in effect.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from .duration import Duration
    from .term import Term

#: Statuses, as :func:`status` returns them.
NOT_YET, IN_EFFECT, EXPIRED, TERMINATED, RENEWAL_UNRECORDED = (
    "not yet in effect", "in effect", "expired", "terminated", "renewal not recorded")


class Ended(NamedTuple):
    #: The day the record says it ended: the expiry date, or the termination date.
    day: datetime.date
    #: The term field that says so: "expires" or "terminated".
    field: str


def ended(term: "Term", as_of: datetime.date) -> Ended | None:
    """When the agreement stopped being in effect, on or before ``as_of``; None while it is
    in effect or has not started. A termination wins over an expiry."""
    if term.terminated is not None and term.terminated <= as_of:
        return Ended(term.terminated, "terminated")
    if term.expires is not None and term.expires < as_of:
        return Ended(term.expires, "expires")
    return None


def renews_automatically(term: "Term") -> bool:
    return term.renewal is not None and term.renewal.automatic is True


def status(term: "Term", as_of: datetime.date) -> str:
    """One of NOT_YET, IN_EFFECT, EXPIRED, TERMINATED, or RENEWAL_UNRECORDED: the stated term
    has ended but the agreement renews automatically, so only a recorded renewal (a new
    ``expires``) shows it is still in effect."""
    if term.effective > as_of:
        return NOT_YET
    end = ended(term, as_of)
    if end is None:
        return IN_EFFECT
    if end.field == "terminated":
        return TERMINATED
    return RENEWAL_UNRECORDED if renews_automatically(term) else EXPIRED


def describe(term: "Term", as_of: datetime.date) -> str:
    """Why an agreement is not in effect on ``as_of``, in a phrase ("expired on 2025-01-31");
    empty when it is in effect."""
    state = status(term, as_of)
    if state == NOT_YET:
        return f"takes effect on {term.effective}"
    if state == TERMINATED:
        return f"terminated on {term.terminated}"
    if state == EXPIRED:
        return f"expired on {term.expires}"
    if state == RENEWAL_UNRECORDED:
        return f"the stated term ended on {term.expires}; an automatic renewal is not recorded"
    return ""


def days_spanned(duration: "Duration") -> int:
    """The most calendar days ``duration`` can cover, rounded up to whole days: a deadline
    counted with it is passed only when it certainly is."""
    return -(-duration.max_hours() // 24)


__all__ = ["EXPIRED", "Ended", "IN_EFFECT", "NOT_YET", "RENEWAL_UNRECORDED", "TERMINATED", "days_spanned",
           "describe", "ended", "renews_automatically", "status"]
