"""Dated values in a policy file: a value that changes on a date the law (or a standard) sets.

A rule's whole setting, its ``enabled`` or ``severity``, or one of its options may be written
as a mapping with the single key ``by_date``: a list of entries, each ``value`` with the date
it takes effect (``from``) and an optional ``note`` saying why::

    sanitization-standard:
      options:
        accepted_standards:
          by_date:
            - value: [nist_800_88_r1, nist_800_88_r2, ieee_2883]
            - from: 2025-09-26
              value: [nist_800_88_r2, ieee_2883]
              note: NIST SP 800-88 Rev. 1 withdrawn

A ``by_date`` key, not a bare list of entries, because an option's value may itself be a list.
Only the first entry may omit ``from`` (it applies before every later date); the dates must
rise from entry to entry; dated values do not nest. On a run's as-of date the last entry whose
``from`` is on or before it applies; before the first entry's ``from`` (when it has one) the
layer sets nothing there and earlier layers decide.

:func:`lift_dated` turns each dated spot of a loaded policy file into a :class:`Dated` object
(or reports, located, why it cannot), before the file's model validates the rest.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, NamedTuple

from ..findings import Position
from .loader import SourceMap

DATED_KEY = "by_date"
ENTRY_FIELDS = ("from", "value", "note")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: (position, message): what a policy file's problems are made of.
Problem = tuple[Position, str]
#: ``check(what, value, path)``: the problems of one entry's value, where ``what`` is "setting"
#: (a whole rule setting), "enabled" or "severity"; option values are checked by the rule.
ValueCheck = Callable[[str, Any, tuple], list[Problem]]


@dataclass(frozen=True)
class DatedEntry:
    #: The first day the value applies; None: before every later entry's date.
    start: datetime.date | None
    value: Any
    note: str | None
    #: 1-based place in its list, and the list's length: "entry 2 of 2".
    number: int
    count: int
    #: Where the entry's value is written (``source_map`` path), for messages about it.
    value_path: tuple

    def describe(self, next_start: datetime.date | None = None) -> str:
        """How ``policy show`` names the entry chosen: "dated entry 2 of 2, from 2025-09-26: why"."""
        if self.start is not None:
            when = f"from {self.start.isoformat()}"
        elif next_start is not None:
            when = f"before {next_start.isoformat()}"
        else:
            when = "undated"
        return f"dated entry {self.number} of {self.count}, {when}" + (f": {self.note}" if self.note else "")


@dataclass(frozen=True)
class Dated:
    """A value written ``by_date``: its entries, in date order."""

    entries: tuple[DatedEntry, ...]

    def at(self, as_of: datetime.date | None) -> DatedEntry | None:
        """The entry in effect on ``as_of`` (None: before every date any policy names), or None
        when ``as_of`` is before the first entry's date."""
        chosen = None
        for entry in self.entries:
            if entry.start is None or (as_of is not None and entry.start <= as_of):
                chosen = entry
        return chosen

    def description(self, entry: DatedEntry) -> str:
        later = [e.start for e in self.entries if e.number > entry.number and e.start is not None]
        return entry.describe(later[0] if later else None)

    def as_written(self) -> dict[str, list[dict[str, Any]]]:
        """The value as a policy file writes it."""
        return {DATED_KEY: [{**({"from": e.start.isoformat()} if e.start else {}), "value": e.value,
                             **({"note": e.note} if e.note else {})} for e in self.entries]}

    @property
    def dates(self) -> list[datetime.date]:
        return [e.start for e in self.entries if e.start is not None]


class Choice(NamedTuple):
    """The entry a dated value resolved to on a date: how ``policy show`` names it, and where
    its value is written (for a message about that value)."""

    description: str
    value_path: tuple


def choose(dated: Dated, as_of: datetime.date | None) -> tuple[DatedEntry, Choice] | None:
    """The entry of ``dated`` in effect on ``as_of``, with its :class:`Choice`; None before its
    first date."""
    entry = dated.at(as_of)
    return None if entry is None else (entry, Choice(dated.description(entry), entry.value_path))


def is_dated(value: Any) -> bool:
    return isinstance(value, dict) and DATED_KEY in value


def lift_dated(data: Any, source_map: SourceMap, check: ValueCheck) -> tuple[Any, list[Problem]]:
    """``data`` (a loaded policy file) with every dated spot under ``rules`` replaced by a
    :class:`Dated`, and the problems found in them. A spot with a problem is left out of the
    data returned, so the file's model reports only the other mistakes, each once."""
    rules = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(rules, dict) or not any(_has_dated(s) for s in rules.values()):
        return data, []
    problems: list[Problem] = []
    lifted_rules: dict[str, Any] = {}
    for selector, setting in rules.items():
        base = ("rules", selector)
        if is_dated(setting):
            dated = _parse(setting, base, source_map, check, "setting", problems)
            lifted_rules[selector] = dated  # None (a broken one) stands for an empty setting
            continue
        if not isinstance(setting, dict):
            lifted_rules[selector] = setting
            continue
        lifted = dict(setting)
        for field in ("enabled", "severity"):
            if is_dated(setting.get(field)):
                dated = _parse(setting[field], base + (field,), source_map, check, field, problems)
                _put(lifted, field, dated)
        options = setting.get("options")
        if isinstance(options, dict) and any(is_dated(v) for v in options.values()):
            lifted_options = dict(options)
            for name, value in options.items():
                if is_dated(value):
                    dated = _parse(value, base + ("options", name), source_map, check, "option", problems)
                    _put(lifted_options, name, dated)
            lifted["options"] = lifted_options
        lifted_rules[selector] = lifted
    return {**data, "rules": lifted_rules}, problems


def change_dates(settings: Iterable[Any]) -> set[datetime.date]:
    """Every ``from`` date in these rule settings (values of a policy file's ``rules``)."""
    found: set[datetime.date] = set()
    for setting in settings:
        for value in _dated_values(setting):
            found.update(value.dates)
    return found


# --------------------------------------------------------------------------------- parsing
def _has_dated(setting: Any) -> bool:
    if is_dated(setting):
        return True
    if not isinstance(setting, dict):
        return False
    options = setting.get("options")
    return (any(is_dated(setting.get(f)) for f in ("enabled", "severity"))
            or (isinstance(options, dict) and any(is_dated(v) for v in options.values())))


def _dated_values(setting: Any) -> list[Dated]:
    if isinstance(setting, Dated):
        return [setting]
    found = [getattr(setting, f, None) for f in ("enabled", "severity")]
    found += list((getattr(setting, "options", None) or {}).values())
    return [v for v in found if isinstance(v, Dated)]


def _put(mapping: dict, key: str, dated: Dated | None) -> None:
    if dated is None:
        del mapping[key]
    else:
        mapping[key] = dated


def _parse(raw: dict, path: tuple, source_map: SourceMap, check: ValueCheck, what: str,
           problems: list[Problem]) -> Dated | None:
    """The :class:`Dated` written at ``path``, or None after adding its problems."""
    found: list[Problem] = []
    extra = sorted(str(k) for k in raw if k != DATED_KEY)
    for key in extra:
        found.append((source_map.key(path + (key,)),
                       f"{path[-1]}: {key!r} is not allowed beside {DATED_KEY!r}; a dated value has only the "
                       f"key {DATED_KEY!r}"))
    items = raw[DATED_KEY]
    list_path = path + (DATED_KEY,)
    if not isinstance(items, list) or not items:
        found.append((source_map.locate(list_path),
                      f"{path[-1]}: {DATED_KEY!r} must be a list of entries (value, from, note), the earliest first"))
        problems.extend(found)
        return None
    entries: list[DatedEntry] = []
    previous: datetime.date | None = None
    for index, item in enumerate(items):
        entry_path = list_path + (index,)
        entry = _entry(item, index, len(items), entry_path, source_map, check, what, previous, found)
        if entry is not None:
            entries.append(entry)
            previous = entry.start or previous
    if len(items) == 1 and entries and entries[0].start is None:
        found.append((source_map.locate(list_path + (0,)),
                      f"{path[-1]}: a {DATED_KEY!r} list of one entry without a 'from' date is not dated; write "
                      "the value itself"))
    if found:
        problems.extend(found)
        return None
    return Dated(tuple(entries))


def _entry(item: Any, index: int, count: int, path: tuple, source_map: SourceMap, check: ValueCheck, what: str,
           previous: datetime.date | None, found: list[Problem]) -> DatedEntry | None:
    label = f"{path[-3]}: {DATED_KEY} entry {index + 1}"  # path ends (..., owner, "by_date", index)
    if not isinstance(item, dict):
        found.append((source_map.locate(path), f"{label}: must be a mapping with 'value' and, "
                                                "except in the first entry, 'from'"))
        return None
    before = len(found)
    for key in sorted(str(k) for k in item if k not in ENTRY_FIELDS):
        found.append((source_map.key(path + (key,)),
                      f"{label}: {key!r} is not a known field (a dated entry has from, value and note)"))
    start = None
    if "from" in item:
        start = _date(item["from"])
        if start is None:
            found.append((source_map.locate(path + ("from",)),
                          f"{label}: 'from' must be a date like 2025-09-26, got {item['from']!r}"))
        elif previous is not None and start <= previous:
            found.append((source_map.locate(path + ("from",)),
                          f"{label}: 'from' {start.isoformat()} is not after the previous entry's "
                          f"{previous.isoformat()}; entries must be in date order, earliest first"))
    elif index > 0:
        found.append((source_map.locate(path),
                      f"{label}: has no 'from' date; only the first entry may omit it"))
    note = item.get("note")
    if "note" in item and (not isinstance(note, str) or not note.strip()):
        found.append((source_map.locate(path + ("note",)), f"{label}: 'note' must be text"))
    if "value" not in item:
        found.append((source_map.locate(path), f"{label}: has no 'value'"))
    elif _nests(item["value"]):
        found.append((source_map.locate(path + ("value",)), f"{label}: dated values do not nest"))
    elif what != "option":
        found.extend(check(what, item["value"], path + ("value",)))
    if len(found) > before:
        return None
    return DatedEntry(start, item["value"], note, index + 1, count, path + ("value",))


def _date(text: Any) -> datetime.date | None:
    if not isinstance(text, str) or not _ISO_DATE.match(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:  # 2025-02-30
        return None


def _nests(value: Any) -> bool:
    if is_dated(value):
        return True
    if isinstance(value, dict):
        return any(_nests(v) for v in value.values())
    if isinstance(value, list):
        return any(_nests(v) for v in value)
    return False
