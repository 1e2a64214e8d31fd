"""Strict YAML loading: bytes -> (plain data, SourceMap), or a list of input problems.

Why not ``yaml.safe_load``: it lets a second ``marketing:`` key silently win, reads ``no`` as
False and ``1:30`` as 5400, and forgets where everything was. This loader reads libyaml's
event stream (the C parser when PyYAML has it) and builds the data itself, iteratively, so:

- duplicate keys are errors (DPA004), every one of them reported with both positions;
- YAML 1.1 surprises are refused, not guessed (DPA005): ``yes/no/on/off/y/n`` booleans,
  sexagesimal ``1:30``, octal/hex/binary and leading-zero numbers (``02139``), ``1e3``,
  ``.inf``/``.nan``, merge keys ``<<``, and explicit tags other than ``!!str``. Quote the value
  to mean text. Only ``true``/``false`` are booleans and only plain decimal numbers are numbers;
- unquoted dates (``2024-07-01``) stay text, exactly as written; date fields parse them later,
  and text fields (``model_version: 2024-07-01``) keep them verbatim;
- positions (1-based line and column) of every key and value live in a :class:`SourceMap`
  beside the data, never injected into it;
- size (bytes), nesting depth, alias expansion and the length of a number are bounded, so a
  50 MB file, a ``[[[[...]]]]`` tower, a billion-laughs alias bomb or a 5,000-digit number
  each cost bounded time and memory and become a finding (DPA006/DPA007), not a crash;
- files are read by :mod:`dpa_policy.core.reading`: regular files only, bounded, UTF-8.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import yaml

try:  # libyaml's C parser is ~10x faster; PyYAML without it still works, just slower.
    from yaml import CSafeLoader as _YamlParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _YamlParser  # type: ignore[assignment]

from ..findings import InputProblem, Position
from .reading import MAX_BYTES, LoadFailed, decode, read_text, text_from_bytes  # noqa: F401 - re-exported

LIBYAML = _YamlParser.__name__.startswith("C")

MAX_DEPTH = 64
MAX_NODES = 100_000
#: Longest plain number, in digits. Far below Python's own limit for int() (4,300 digits, or as
#: low as 640 when PYTHONINTMAXSTRDIGITS is set), so the limit is ours and the same everywhere.
MAX_NUMBER_DIGITS = 100

PathKey = tuple[Union[str, int], ...]

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NUMERIC_START = frozenset("0123456789+-.")
_BOOL_START = frozenset("yYnNoO")
_YAML11_BOOL = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")
# What YAML allows in a stream (PyYAML's Reader and libyaml use the same set).
_NOT_ALLOWED_IN_YAML = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # how the YAML parsers count lines
_TIMESTAMP = re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?$")
# Numbers YAML 1.1 and 1.2 read differently, or that look like numbers but are usually text.
_AMBIGUOUS_NUMBER = re.compile(
    r"^[-+]?("
    r"0[0-9_]+"  # leading zero: octal in 1.1, decimal in 1.2, a ZIP code or ID to a person
    r"|0[xXoObB][0-9a-fA-F_]+"  # hex / octal / binary
    r"|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?"  # sexagesimal 1:30
    r"|[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?"  # digit separators 1_000
    r"|[0-9]+[eE][-+]?[0-9]+"  # 1e3: float in 1.2, text in 1.1
    r"|\.(inf|Inf|INF|nan|NaN|NAN)"
    r")$"
)


@dataclass
class SourceMap:
    """Where each value and mapping key of a document was written.

    Paths are tuples of mapping keys and sequence indexes, e.g. ``("clauses", "audit", "notice")``.
    """

    values: dict[PathKey, Position] = field(default_factory=dict)
    keys: dict[PathKey, Position] = field(default_factory=dict)

    def locate(self, path: PathKey) -> Position:
        """Position of the value at ``path``; for a path that is absent, the key of the
        nearest ancestor that is present (a missing clause points at its parent key)."""
        if path in self.values:
            return self.values[path]
        probe = tuple(path)
        while probe:
            probe = probe[:-1]
            if probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
        return self.values.get((), Position(1, 1))

    def key(self, path: PathKey) -> Position:
        """Position of the mapping key at ``path`` (falls back to :meth:`locate`)."""
        return self.keys.get(tuple(path)) or self.locate(path)


@dataclass
class Loaded:
    data: Any
    source_map: SourceMap


def load_file(path: Path) -> Loaded:
    return load_text(read_text(path))


def load_text(text: str) -> Loaded:
    """Parse one YAML document strictly. Raises LoadFailed with every problem found."""
    try:
        return _Builder(text, _YamlParser).build()
    except _ParserLimitReached:
        # Newer libyaml (as bundled with PyYAML 6.0.4) stops flow nesting beyond 1,000 levels
        # itself, and its scanner looks ahead, so it fails before our depth check sees level
        # 65. Our bound must decide, the same for every libyaml: the pure-Python parser has no
        # limit of its own and yields events in order, so MAX_DEPTH stops it at the right place.
        return _Builder(text, yaml.SafeLoader).build()


def _pos(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


class _Frame:
    __slots__ = ("container", "path", "pending_key", "anchor", "nodes_before", "seen")

    def __init__(self, container: Any, path: PathKey, anchor: str | None, nodes_before: int):
        self.container = container
        self.path = path
        self.pending_key: tuple[str, Position] | None = None
        self.anchor = anchor
        self.nodes_before = nodes_before
        self.seen: dict[str, Position] = {}


class _Builder:
    def __init__(self, text: str, parser_class: type):
        self.text = text
        self.parser_class = parser_class
        self.source_map = SourceMap()
        self.problems: list[InputProblem] = []
        self.anchors: dict[str, tuple[Any, int]] = {}  # anchor -> (value, node weight)
        self.nodes = 0
        self.root: Any = None
        self.documents = 0

    # -- public -----------------------------------------------------------------------
    def build(self) -> Loaded:
        parser = None
        try:
            parser = self.parser_class(self.text)  # the pure-Python reader checks characters here
            self._consume(parser)
        except yaml.MarkedYAMLError as exc:
            if "maximum nesting depth" in (exc.problem or "") and self.parser_class is not yaml.SafeLoader:
                raise _ParserLimitReached() from None
            mark = exc.problem_mark or exc.context_mark
            where = _pos(mark) if mark is not None else Position(1, 1)
            message = exc.problem or str(exc)
            if exc.context and exc.problem:
                message = f"{exc.problem} ({exc.context}"
                if exc.context_mark is not None:
                    message += f" at line {exc.context_mark.line + 1}"
                message += ")"
            self.problems.append(InputProblem("DPA001", f"YAML syntax error: {message}", where))
        except yaml.YAMLError as exc:  # the reader's: a character YAML does not allow
            self.problems.append(self._character_problem(exc))
        except _TooComplex as exc:
            self.problems.append(InputProblem("DPA007", str(exc), exc.position))
        finally:
            if parser is not None:
                parser.dispose()
        if self.problems:
            raise LoadFailed(sorted(self.problems))
        return Loaded(self.root, self.source_map)

    def _character_problem(self, exc: yaml.YAMLError) -> InputProblem:
        """The reader names the character by its offset in a two-line message; say where it
        is, as line and column, in one line."""
        found = _NOT_ALLOWED_IN_YAML.search(self.text)
        if found is None:  # pragma: no cover - every reader error is about a character
            return InputProblem("DPA001", "YAML error: " + " ".join(str(exc).split()), Position(1, 1))
        character = found.group()
        kind = "control character" if unicodedata.category(character) == "Cc" else "character"
        return InputProblem("DPA001", f"{kind} U+{ord(character):04X} is not allowed in YAML; remove it",
                            _position_of(self.text, found.start()))

    # -- event loop -------------------------------------------------------------------
    def _consume(self, parser: Any) -> None:
        stack: list[_Frame] = []
        get_event = parser.get_event
        while True:
            event = get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                mark = event.start_mark
                at = Position(mark.line + 1, mark.column + 1)
                self.nodes += 1
                if self.nodes > MAX_NODES:
                    self._count(0, at)
                if stack and stack[-1].pending_key is None and type(stack[-1].container) is dict:
                    self._key(stack[-1], event, at)  # keys stay raw text
                else:
                    self._node_value(stack, event, self._scalar(event, at), at)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                start = _pos(event.start_mark)
                if len(stack) >= MAX_DEPTH:
                    raise _TooComplex(f"nesting is deeper than {MAX_DEPTH} levels", start)
                if event.tag is not None and event.tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                    self._ambiguous(start, f"tag {event.tag!r} is not supported; agreements are plain YAML")
                path = self._child_path(stack, start)
                container: Any = {} if kind is yaml.MappingStartEvent else []
                self._count(1, start)
                self.source_map.values[path] = start
                stack.append(_Frame(container, path, event.anchor, self.nodes))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                weight = self.nodes - frame.nodes_before + 1
                if frame.anchor is not None:
                    self.anchors[frame.anchor] = (frame.container, weight)
                self._attach(stack, frame.container, frame.path)
            elif kind is yaml.AliasEvent:
                at = _pos(event.start_mark)
                if event.anchor not in self.anchors:
                    raise yaml.MarkedYAMLError(problem=f"unknown alias *{event.anchor}", problem_mark=event.start_mark)
                value, weight = self.anchors[event.anchor]
                # An alias repeats the anchored value; count its whole size so a chain of
                # aliases (billion laughs) hits the node budget instead of exploding later.
                self._count(weight, at)
                self._node_value(stack, event, value, at)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise yaml.MarkedYAMLError(
                        problem="a file holds one agreement, but a second YAML document starts here",
                        problem_mark=event.start_mark,
                    )
            elif kind is yaml.StreamEndEvent:
                return
            # StreamStart / DocumentEnd carry nothing we keep.

    def _child_path(self, stack: list[_Frame], at: Position) -> PathKey:
        if not stack:
            return ()
        frame = stack[-1]
        if isinstance(frame.container, list):
            return frame.path + (len(frame.container),)
        if frame.pending_key is None:
            raise _KeyNotScalar(at)
        return frame.path + (frame.pending_key[0],)

    def _node_value(self, stack: list[_Frame], event: Any, value: Any, at: Position) -> None:
        if stack and stack[-1].pending_key is None and type(stack[-1].container) is dict:
            self._key(stack[-1], event, at)  # an alias used as a key: refused there
            return
        path = self._child_path(stack, at)
        self.source_map.values[path] = at
        if getattr(event, "anchor", None) is not None and type(event) is yaml.ScalarEvent:
            self.anchors[event.anchor] = (value, 1)
        self._attach(stack, value, path)

    def _key(self, frame: _Frame, event: Any, at: Position) -> None:
        if type(event) is not yaml.ScalarEvent:
            raise yaml.MarkedYAMLError(problem="mapping keys must be plain text", problem_mark=event.start_mark)
        key = event.value
        if key == "<<" and event.implicit[0]:
            self._ambiguous(at, "merge keys (<<) are not supported; write the keys out")
        first = frame.seen.get(key)
        if first is not None:
            self.problems.append(InputProblem(
                "DPA004",
                f"duplicate key {key!r}: first defined at line {first.line}, column {first.column}; "
                "a second value must never silently win",
                at,
            ))
        else:
            frame.seen[key] = at
        frame.pending_key = (key, at)
        self.source_map.keys[frame.path + (key,)] = at

    def _attach(self, stack: list[_Frame], value: Any, path: PathKey) -> None:
        if not stack:
            self.root = value
            return
        frame = stack[-1]
        if isinstance(frame.container, list):
            frame.container.append(value)
        else:
            assert frame.pending_key is not None
            key = frame.pending_key[0]
            if key not in frame.container:  # duplicates were reported; keep the first
                frame.container[key] = value
            frame.pending_key = None

    def _count(self, nodes: int, at: Position) -> None:
        self.nodes += nodes
        if self.nodes > MAX_NODES:
            raise _TooComplex(
                f"document expands to more than {MAX_NODES:,} values (an alias bomb?); "
                "an agreement is far smaller",
                at,
            )

    def _ambiguous(self, at: Position, message: str) -> None:
        self.problems.append(InputProblem("DPA005", message, at))

    # -- scalars ----------------------------------------------------------------------
    def _scalar(self, event: Any, at: Position) -> Any:
        value: str = event.value
        if event.tag is not None and event.tag not in ("!", "tag:yaml.org,2002:str"):
            self._ambiguous(at, f"tag {event.tag!r} is not supported; quote the value to mean text")
            return value
        if event.tag is not None or not event.implicit[0]:
            return value  # quoted, block or !!str: always text (libyaml marks plain style as '')
        if value in _NULL:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        first = value[0]
        # Only values starting with a digit, sign or dot can be numbers or dates, and only
        # short ones starting with y/n/o can be YAML 1.1 booleans: ordinary text skips the regexes.
        if first in _NUMERIC_START:
            if _INT.match(value):
                return self._number(value, int, at)
            if _FLOAT.match(value):
                return self._number(value, float, at)
            if _TIMESTAMP.match(value):
                return value  # dates stay text as written; date fields validate them
            if _AMBIGUOUS_NUMBER.match(value):
                self._ambiguous(
                    at,
                    f"{value!r} reads as a different number in YAML 1.1 and 1.2 (or as text): "
                    f"quote it (\"{value}\") to mean text, or write a plain decimal number",
                )
        elif first in _BOOL_START and len(value) <= 3 and _YAML11_BOOL.match(value):
            self._ambiguous(
                at,
                f"{value!r} is a boolean in YAML 1.1 but text in YAML 1.2: write true or false, "
                f"or quote it (\"{value}\") to mean text",
            )
        return value

    def _number(self, value: str, kind: type, at: Position) -> int | float | str:
        digits = sum(c.isdigit() for c in value) if len(value) > MAX_NUMBER_DIGITS else 0
        if digits > MAX_NUMBER_DIGITS:
            self.problems.append(InputProblem(
                "DPA007",
                f"a number of {digits:,} digits is longer than the loader accepts ({MAX_NUMBER_DIGITS} digits); "
                "quote it if it is meant as text",
                at,
            ))
            return value
        number = kind(value)
        if number in (math.inf, -math.inf):
            self.problems.append(InputProblem(
                "DPA007", f"{value} is too large to be a number (it overflows to infinity)", at))
            return value
        return number


def _position_of(text: str, index: int) -> Position:
    """1-based line and column of ``text[index]``, counting line breaks as YAML does."""
    line, line_start = 1, 0
    for brk in _LINE_BREAK.finditer(text, 0, index):
        line, line_start = line + 1, brk.end()
    return Position(line, index - line_start + 1)


class _ParserLimitReached(Exception):
    """libyaml stopped on a limit of its own before ours could decide."""


class _TooComplex(Exception):
    def __init__(self, message: str, position: Position):
        super().__init__(message)
        self.position = position


class _KeyNotScalar(yaml.MarkedYAMLError):
    def __init__(self, at: Position):
        super().__init__(problem="mapping keys must be plain text, not a list or mapping")
        self.problem_mark = _Mark(at)


class _Mark:
    def __init__(self, at: Position):
        self.line = at.line - 1
        self.column = at.column - 1
