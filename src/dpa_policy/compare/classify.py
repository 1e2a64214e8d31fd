"""How one change is judged from the district's point of view: the :class:`Impact` order, the
:class:`Change` record, and :class:`Changes`, the recorder that classifies each kind of term
(a yes/no commitment, a ranked value, a duration, a list, neutral descriptive data)."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, Callable, Iterable, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from ..model.duration import Duration


class Impact(enum.IntEnum):
    """How a change affects the district; the order is the report's order."""

    WEAKENED = 0
    #: A clause's words changed a number ("72 hours" -> "30 days") that no recorded term
    #: shows: the record or the clause is wrong, and only a person can say which.
    REVIEW = 1
    EXPANDED = 2
    CHANGED = 3
    STRENGTHENED = 4
    NARROWED = 5


class Change(NamedTuple):
    impact: Impact
    path: str
    #: Rendered values. ``old`` None: a member was added; ``new`` None: a member was removed.
    old: str | None
    new: str | None
    note: str = ""
    #: Document order, to keep the report stable within one impact.
    order: int = 0
    #: Replaces "old -> new" in text output (a wording change shows the phrases that differ).
    summary: str = ""

    def describe(self) -> str:
        if self.summary:
            return self.summary
        if self.old is None:
            return f"added {self.new}"
        if self.new is None:
            return f"removed {self.old}"
        return f"{self.old} -> {self.new}"


def _show(value: Any) -> str:
    if value is None:
        return "not stated"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


class Changes:
    def __init__(self) -> None:
        self.items: list[Change] = []

    def add(self, impact: Impact, path: str, old: str | None, new: str | None, note: str = "",
            summary: str = "") -> None:
        self.items.append(Change(impact, path, old, new, note, len(self.items), summary))

    def commitment(self, path: str, old: bool | None, new: bool | None, *, burden: bool = False,
                   note: str = "") -> None:
        """A yes/no term. A commitment (``burden`` False) counts only when true: losing it is
        weakened whether it becomes false or unstated. A burden on the district (a
        confidentiality agreement before an audit) is the reverse."""
        if old == new:
            return
        was, now = old is True, new is True
        if was == now:  # false <-> not stated: neither commits to anything
            impact = Impact.CHANGED
        elif burden:
            impact = Impact.WEAKENED if now else Impact.STRENGTHENED
        else:
            impact = Impact.STRENGTHENED if now else Impact.WEAKENED
        self.add(impact, path, _show(old), _show(new), note if impact is not Impact.CHANGED else "")

    def ranked(self, path: str, old: Any, new: Any, rank: Callable[[Any], float], *, note_worse: str = "",
               note_better: str = "", render: Callable[[Any], str] = _show) -> None:
        """An ordered term; ``rank`` is lower for what is better for the district."""
        if old == new:
            return
        before, after = rank(old), rank(new)
        if after > before:
            self.add(Impact.WEAKENED, path, render(old), render(new), note_worse)
        elif after < before:
            self.add(Impact.STRENGTHENED, path, render(old), render(new), note_better)
        else:
            self.add(Impact.CHANGED, path, render(old), render(new))

    def duration(self, path: str, old: "Duration | None", new: "Duration | None", *,
                 unstated_is_best: bool = False) -> None:
        """A window: longer is weaker, judged conservatively. An unstated window is the worst
        (no deadline) unless ``unstated_is_best`` (an audit notice the district need not give)."""
        if old == new:
            return
        if old is None or new is None:
            gained = new is not None
            better = (not gained) if unstated_is_best else gained
            self.add(Impact.STRENGTHENED if better else Impact.WEAKENED, path, _show(old), _show(new),
                     _bound_note(new) if new is not None else "")
            return
        if not new.within(old):
            self.add(Impact.WEAKENED, path, str(old), str(new), _longer_note(old, new))
        elif not old.within(new):
            self.add(Impact.STRENGTHENED, path, str(old), str(new))
        else:
            self.add(Impact.CHANGED, path, str(old), str(new), "the same length")

    def members(self, path: str, old: Iterable[str], new: Iterable[str], *, added: Impact, removed: Impact,
                note: Callable[[str], str] = lambda item: "") -> None:
        """List terms compared as sets; reported in each list's own order."""
        old_items, new_items = list(dict.fromkeys(old)), list(dict.fromkeys(new))
        for item in old_items:
            if item not in new_items:
                self.add(removed, path, item, None, note(item))
        for item in new_items:
            if item not in old_items:
                self.add(added, path, None, item, note(item))

    def tree(self, path: str, old: Any, new: Any) -> None:
        """Neutral descriptive data (parties, term, products): every leaf that differs."""
        if isinstance(old, dict) or isinstance(new, dict):
            old = old if isinstance(old, dict) else {}
            new = new if isinstance(new, dict) else {}
            for key in dict.fromkeys([*old, *new]):
                self.tree(f"{path}.{key}", old.get(key), new.get(key))
        elif old != new:
            if isinstance(old, list) or isinstance(new, list):
                self.members(path, [_show(v) for v in old or []], [_show(v) for v in new or []],
                             added=Impact.CHANGED, removed=Impact.CHANGED)
            else:
                self.add(Impact.CHANGED, path, _show(old), _show(new))


def _bound_note(duration: "Duration") -> str:
    if duration.unit.value == "business days":
        return f"up to {duration.max_hours() // 24} calendar days once weekends are counted"
    return ""


def _longer_note(old: "Duration", new: "Duration") -> str:
    note = _bound_note(new)
    if note:
        return note
    if old.unit is not new.unit:  # e.g. 5 business days -> 6 calendar days
        return f"{old} can be as short as {old.min_hours() // 24} calendar days"
    return ""
