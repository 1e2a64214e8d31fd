"""Strict YAML loading: bytes -> (plain data, SourceMap), or a list of input problems.

Why not ``yaml.safe_load``: it lets a second ``marketing:`` key silently win, reads ``no`` as
False and ``1:30`` as 5400, and forgets where everything was. This loader lets libyaml (the C
parser when PyYAML has it) compose the node tree, with PyYAML's type guessing switched off,
and builds the data itself from the nodes, so:

- duplicate keys are errors (DPA004), every one of them reported with both positions;
- YAML 1.1 surprises are refused, not guessed (DPA005): ``yes/no/on/off/y/n`` booleans,
  sexagesimal ``1:30``, octal/hex/binary and leading-zero numbers (``02139``), ``1e3``,
  ``.inf``/``.nan``, merge keys ``<<``, and explicit tags other than ``!!str``. Quote the value
  to mean text. Only ``true``/``false`` are booleans and only plain decimal numbers are numbers;
- unquoted dates (``2024-07-01``) stay text, exactly as written; date fields parse them later,
  and text fields (``model_version: 2024-07-01``) keep them verbatim;
- positions (1-based line and column) of every key and value are kept in a :class:`SourceMap`
  beside the data, never injected into it. The map holds the parser's nodes and finds a
  position only when one is asked for (a finding, a problem): most values are never located,
  so recording each one's position up front was most of what loading cost;
- size (bytes), nesting depth, alias expansion and the length of a number are bounded, so a
  50 MB file, a ``[[[[...]]]]`` tower, a billion-laughs alias bomb or a 5,000-digit number
  each cost bounded time and memory and become a finding (DPA006/DPA007), not a crash;
- files are read by :mod:`dpa_policy.core.reading`: regular files only, bounded, UTF-8.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode

try:  # libyaml's C parser is ~10x faster; PyYAML without it still works, just slower.
    from yaml import CSafeLoader as _YamlParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _YamlParser  # type: ignore[assignment]

from ..findings import InputProblem, Position
from .reading import MAX_BYTES, LoadFailed, decode, read_text, text_from_bytes  # noqa: F401 - re-exported
from .source_map import PathKey, SourceMap, position as _pos  # noqa: F401 - re-exported

LIBYAML = _YamlParser.__name__.startswith("C")

MAX_DEPTH = 64
MAX_NODES = 100_000
#: Longest plain number, in digits. Far below Python's own limit for int() (4,300 digits, or as
#: low as 640 when PYTHONINTMAXSTRDIGITS is set), so the limit is ours and the same everywhere.
MAX_NUMBER_DIGITS = 100

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_SPECIAL = _NULL | _TRUE | _FALSE
_NUMERIC_START = frozenset("0123456789+-.")
_BOOL_START = frozenset("yYnNoO")
_CONTAINER_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
_TEXT_TAG = "tag:yaml.org,2002:str"
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
class Loaded:
    data: Any
    source_map: SourceMap


def load_file(path: Path) -> Loaded:
    return load_text(read_text(path))


def load_text(text: str) -> Loaded:
    """Parse one YAML document strictly. Raises LoadFailed with every problem found."""
    return _Builder(text, _YamlParser).build()


@functools.lru_cache(maxsize=None)
def _composer(parser_class: type) -> type:
    """``parser_class`` composing nodes without guessing types: a scalar without an explicit
    tag keeps libyaml's (plain, quoted) flags as its tag, which the builder reads; explicit
    tags stay as written. The resolver PyYAML would run on every scalar (a regex per value)
    is skipped, since the builder decides types itself."""

    def resolve(self: Any, kind: Any, value: Any, implicit: Any) -> Any:
        return implicit

    def no_path_resolvers(self: Any, *_: Any) -> None:
        return None

    return type(f"Strict{parser_class.__name__}", (parser_class,),
                {"resolve": resolve, "descend_resolver": no_path_resolvers, "ascend_resolver": no_path_resolvers})


@functools.lru_cache(maxsize=None)
def _limits_nesting(parser_class: type) -> bool:
    """Does this parser stop deep nesting itself? libyaml as bundled with PyYAML 6.0.4 stops
    at 1,000 levels; older builds do not, and composing a tower there would recurse in C."""
    try:
        _composer(parser_class)("[" * 1001 + "]" * 1001).get_single_node()
    except yaml.YAMLError as exc:
        return "maximum nesting depth" in str(exc)
    return False


def _depth_exceeded_at(text: str, parser_class: type) -> Position | None:
    """Where the first value nested deeper than MAX_DEPTH starts, streaming the parser's
    events (which never recurses), or None."""
    parser = parser_class(text)
    depth = 0
    try:
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                depth += 1
                if depth > MAX_DEPTH:
                    return _pos(event.start_mark)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                depth -= 1
            elif kind is yaml.StreamEndEvent:
                return None
    except yaml.YAMLError:
        return None
    finally:
        parser.dispose()


_OPEN = object()  # a container being built: met again through an alias, it contains itself


class _Builder:
    def __init__(self, text: str, parser_class: type):
        self.text = text
        self.parser_class = parser_class
        self.problems: list[InputProblem] = []
        self.built: dict[int, Any] = {}  # id(container node) -> (value, node weight) or _OPEN
        self.nodes = 0

    # -- public -----------------------------------------------------------------------
    def build(self) -> Loaded:
        root_node = data = None
        try:
            if _is_libyaml(self.parser_class) and not _limits_nesting(self.parser_class):
                deep = _depth_exceeded_at(self.text, self.parser_class)
                if deep is not None:
                    raise _TooComplex(f"nesting is deeper than {MAX_DEPTH} levels", deep)
            parser = _composer(self.parser_class)(self.text)  # the pure-Python reader checks characters here
            try:
                root_node = parser.get_single_node()
            finally:
                parser.dispose()
            if root_node is not None:
                data = self._value(root_node, 0)
        except yaml.MarkedYAMLError as exc:
            self.problems.append(self._too_deep() if "maximum nesting depth" in str(exc) else _syntax_problem(exc))
        except RecursionError:  # PyYAML's own composer recurses: a tower deeper than Python allows
            self.problems.append(self._too_deep())
        except yaml.YAMLError as exc:  # the reader's: a character YAML does not allow
            self.problems.append(self._character_problem(exc))
        except _TooComplex as exc:
            self.problems.append(InputProblem("DPA007", str(exc), exc.position))
        if self.problems:
            raise LoadFailed(sorted(self.problems))
        return Loaded(data, SourceMap(root_node))

    def _too_deep(self) -> InputProblem:
        """The parser gave up on nesting before our bound could decide (libyaml stops at
        1,000 levels, PyYAML's composer at Python's recursion limit). Our bound must decide,
        the same with every parser: PyYAML's own parser has no limit and streams its events,
        so it finds where level MAX_DEPTH + 1 starts."""
        where = _depth_exceeded_at(self.text, yaml.SafeLoader) or Position(1, 1)
        return InputProblem("DPA007", f"nesting is deeper than {MAX_DEPTH} levels", where)

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

    # -- nodes to data ----------------------------------------------------------------
    def _value(self, node: Any, depth: int) -> Any:
        if node.__class__ is ScalarNode:
            self.nodes += 1
            if self.nodes > MAX_NODES:
                self._count(0, node)
            tag = node.tag
            if tag.__class__ is tuple:  # no explicit tag: (plain, quoted) as the parser saw it
                return self._plain(node.value, node) if tag[0] else node.value  # quoted or block: text
            if tag != _TEXT_TAG:
                self._ambiguous(node, f"tag {tag!r} is not supported; quote the value to mean text")
            return node.value
        return self._container(node, depth)

    def _container(self, node: Any, depth: int) -> Any:
        done = self.built.get(id(node))
        if done is not None:  # met before: an alias repeats an anchored value
            if done is _OPEN:
                raise _Refused("an alias refers to the value it is part of", node)
            value, weight = done
            # Count the whole size of what the alias repeats, so a chain of aliases (billion
            # laughs) hits the node budget instead of exploding later.
            self._count(weight, node)
            return value
        if depth >= MAX_DEPTH:
            raise _TooComplex(f"nesting is deeper than {MAX_DEPTH} levels", _pos(node.start_mark))
        tag = node.tag
        if tag.__class__ is str and tag not in _CONTAINER_TAGS:
            self._ambiguous(node, f"tag {tag!r} is not supported; agreements are plain YAML")
        self.built[id(node)] = _OPEN
        before = self.nodes
        self._count(1, node)
        if node.__class__ is MappingNode:
            value: Any = self._mapping(node, depth + 1)
        else:
            value = self._sequence(node, depth + 1)
        self.built[id(node)] = (value, self.nodes - before)
        return value

    def _mapping(self, node: Any, depth: int) -> dict:
        # The loop most of a document goes through: plain and quoted scalar values are
        # handled inline (a function call per value was a good part of loading).
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                raise _Refused("mapping keys must be plain text, not a list or mapping", key_node)
            key = key_node.value  # keys stay raw text
            if key in result or key == "<<":
                self._unusual_key(node, key_node, value_node, depth, result)
                continue
            self.nodes += 1
            if self.nodes > MAX_NODES:
                self._count(0, key_node)
            if value_node.__class__ is ScalarNode:
                tag = value_node.tag
                if tag.__class__ is tuple:  # no explicit tag
                    self.nodes += 1
                    text = value_node.value
                    if not tag[0]:  # quoted or block: text
                        result[key] = text
                    elif text[:1].isalpha() and text not in _SPECIAL and (len(text) > 3 or text[0] not in _BOOL_START):
                        result[key] = text  # ordinary words: nothing to resolve
                    else:
                        result[key] = self._plain(text, value_node)
                    continue
            result[key] = self._value(value_node, depth)
        return result

    def _sequence(self, node: Any, depth: int) -> list:
        result = []
        for item in node.value:
            tag = item.tag
            if item.__class__ is ScalarNode and tag.__class__ is tuple:  # inline, as in _mapping
                self.nodes += 1
                if self.nodes > MAX_NODES:
                    self._count(0, item)
                text = item.value
                if not tag[0]:
                    result.append(text)
                elif text[:1].isalpha() and text not in _SPECIAL and (len(text) > 3 or text[0] not in _BOOL_START):
                    result.append(text)
                else:
                    result.append(self._plain(text, item))
            else:
                result.append(self._value(item, depth))
        return result

    def _unusual_key(self, node: Any, key_node: Any, value_node: Any, depth: int, result: dict) -> None:
        """A merge key (refused) or a key met before (reported; the first value stays)."""
        self._count(1, key_node)
        key = key_node.value
        if key == "<<" and key_node.tag.__class__ is tuple and key_node.tag[0]:
            self._ambiguous(key_node, "merge keys (<<) are not supported; write the keys out")
        if key not in result:
            result[key] = self._value(value_node, depth)
            return
        first = _pos(next(k for k, _ in node.value if k.value == key).start_mark)
        self.problems.append(InputProblem(
            "DPA004",
            f"duplicate key {key!r}: first defined at line {first.line}, column {first.column}; "
            "a second value must never silently win",
            _pos(key_node.start_mark),
        ))
        self._value(value_node, depth)  # its own problems are still reported; the first value stays

    def _count(self, nodes: int, node: Any) -> None:
        self.nodes += nodes
        if self.nodes > MAX_NODES:
            raise _TooComplex(
                f"document expands to more than {MAX_NODES:,} values (an alias bomb?); "
                "an agreement is far smaller",
                _pos(node.start_mark),
            )

    def _ambiguous(self, node: Any, message: str) -> None:
        self.problems.append(InputProblem("DPA005", message, _pos(node.start_mark)))

    # -- scalars ----------------------------------------------------------------------
    def _plain(self, value: str, node: Any) -> Any:
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
                return self._number(value, int, node)
            if _FLOAT.match(value):
                return self._number(value, float, node)
            if _TIMESTAMP.match(value):
                return value  # dates stay text as written; date fields validate them
            if _AMBIGUOUS_NUMBER.match(value):
                self._ambiguous(
                    node,
                    f"{value!r} reads as a different number in YAML 1.1 and 1.2 (or as text): "
                    f"quote it (\"{value}\") to mean text, or write a plain decimal number",
                )
        elif first in _BOOL_START and len(value) <= 3 and _YAML11_BOOL.match(value):
            self._ambiguous(
                node,
                f"{value!r} is a boolean in YAML 1.1 but text in YAML 1.2: write true or false, "
                f"or quote it (\"{value}\") to mean text",
            )
        return value

    def _number(self, value: str, kind: type, node: Any) -> int | float | str:
        digits = sum(c.isdigit() for c in value) if len(value) > MAX_NUMBER_DIGITS else 0
        if digits > MAX_NUMBER_DIGITS:
            self.problems.append(InputProblem(
                "DPA007",
                f"a number of {digits:,} digits is longer than the loader accepts ({MAX_NUMBER_DIGITS} digits); "
                "quote it if it is meant as text",
                _pos(node.start_mark),
            ))
            return value
        number = kind(value)
        if number in (math.inf, -math.inf):
            self.problems.append(InputProblem(
                "DPA007", f"{value} is too large to be a number (it overflows to infinity)", _pos(node.start_mark)))
            return value
        return number


def _is_libyaml(parser_class: type) -> bool:
    """A C parser (libyaml), as opposed to PyYAML's pure-Python one."""
    return parser_class.__name__.startswith("C")


def _syntax_problem(exc: yaml.MarkedYAMLError) -> InputProblem:
    """One DPA001 line for the parser's or composer's complaint, at the place it names."""
    mark = exc.problem_mark or exc.context_mark
    where = _pos(mark) if mark is not None else Position(1, 1)
    problem = exc.problem or ""
    if problem == "but found another document":
        return InputProblem("DPA001", "YAML syntax error: a file holds one agreement, but a second YAML document "
                                      "starts here", where)
    if problem.startswith("found undefined alias"):
        return InputProblem("DPA001", "YAML syntax error: unknown alias: an alias (*name) must come after the "
                                      "anchor (&name) it repeats", where)
    message = problem or str(exc)
    if exc.context and exc.problem:
        message = f"{exc.problem} ({exc.context}"
        if exc.context_mark is not None:
            message += f" at line {exc.context_mark.line + 1}"
        message += ")"
    return InputProblem("DPA001", f"YAML syntax error: {message}", where)


def _position_of(text: str, index: int) -> Position:
    """1-based line and column of ``text[index]``, counting line breaks as YAML does."""
    line, line_start = 1, 0
    for brk in _LINE_BREAK.finditer(text, 0, index):
        line, line_start = line + 1, brk.end()
    return Position(line, index - line_start + 1)


class _TooComplex(Exception):
    def __init__(self, message: str, position: Position):
        super().__init__(message)
        self.position = position


class _Refused(yaml.MarkedYAMLError):
    """Well-formed YAML that an agreement may not use (a list as a key, an alias inside
    its own anchor): reported as a syntax error at the node."""

    def __init__(self, problem: str, node: Any):
        super().__init__(problem=problem, problem_mark=node.start_mark)
