"""Write a JSON document piece by piece, exactly as ``json.dumps(value, indent=2,
ensure_ascii=False)`` followed by :func:`~.inert.json_document` would write it whole.

A 100,000-agreement report is hundreds of megabytes of JSON; built as one string (and before
that as one list of dicts) it would need several times that in memory. Here lists may be
given as iterators (a generator over the run's findings), and the text goes to the stream
in blocks of about 64 KiB. Each block is made inert by :func:`~.inert.json_document`, which is
exact per block: what it rewrites (``##[``, a lone surrogate) only ever occurs inside one
string, and a block always ends between two tokens.

Faster than the standard library's indenting encoder too, which is written in Python (only
the compact one is in C): strings and numbers are encoded by the C functions json itself
uses, and the indentation is written here directly.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator, TextIO

from .inert import json_document

try:
    from _json import encode_basestring as _encode_string  # what json.dumps(ensure_ascii=False) uses
    from _json import make_encoder as _make_encoder
except ImportError:  # pragma: no cover - CPython always has it; other interpreters may not
    from json.encoder import py_encode_basestring as _encode_string  # type: ignore[assignment]
    _make_encoder = None

_INDENT = "  "
_BLOCK = 64 * 1024


def write_json(value: Any, out: TextIO) -> None:
    """Write ``value`` and a final newline to ``out``. Dicts, lists, tuples and iterators
    (written as lists, and read only once, as they are written) nest; everything else is
    written as ``json.dumps`` writes it."""
    pending: list[str] = []
    size = 0
    for piece in _encode(value, 0):
        pending.append(piece)
        size += len(piece)
        if size >= _BLOCK:
            out.write(json_document("".join(pending)))
            pending, size = [], 0
    pending.append("\n")
    out.write(json_document("".join(pending)))


def _encode(value: Any, level: int) -> Iterator[str]:
    """The pieces of ``value``: iterators, wherever they are, are streamed item by item (each
    item written whole); anything holding no iterator, however nested, is one piece, built
    as a string (several times faster than yielding its tokens one by one)."""
    if _is_iterator(value):
        yield from _stream_list(value, level)
    elif not _has_stream(value):
        yield _text(value, level)
    elif isinstance(value, dict):
        yield from _stream_dict(value, level)
    else:
        yield from _stream_items(value, level)


def _has_stream(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_stream(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_stream(item) for item in value)
    return _is_iterator(value)


def _stream_items(items: list | tuple, level: int) -> Iterator[str]:
    """A list or tuple that holds an iterator somewhere: each item in pieces."""
    inner = "\n" + _INDENT * (level + 1)
    for number, item in enumerate(items):
        yield ("[" if number == 0 else ",") + inner
        yield from _encode(item, level + 1)
    yield "\n" + _INDENT * level + "]"


def _stream_dict(value: dict, level: int) -> Iterator[str]:
    inner = "\n" + _INDENT * (level + 1)
    first = True
    for key, item in value.items():
        yield ("{" if first else ",") + inner + _key(key) + ": "
        first = False
        yield from _encode(item, level + 1)
    yield "\n" + _INDENT * level + "}"


def _stream_list(items: Iterable[Any], level: int) -> Iterator[str]:
    inner = "\n" + _INDENT * (level + 1)
    first = True
    for item in items:
        yield ("[" if first else ",") + inner + _text(item, level + 1)
        first = False
    yield "[]" if first else "\n" + _INDENT * level + "]"


def _text(value: Any, level: int) -> str:
    cls = value.__class__
    if cls is dict:
        if not value:
            return "{}"
        if _FLAT.issuperset(map(type, value.values())):
            return _flat_dict(value, level)
        inner = "\n" + _INDENT * (level + 1)
        parts = []
        for key, item in value.items():
            kind = item.__class__
            if kind is str:
                text = _encode_string(item)
            elif kind is int:
                text = int.__repr__(item)
            elif item is None:
                text = "null"
            else:
                text = _text(item, level + 1)
            parts.append((_encode_string(key) if key.__class__ is str else _key(key)) + ": " + text)
        return "{" + inner + ("," + inner).join(parts) + "\n" + _INDENT * level + "}"
    if cls is list or cls is tuple:
        if not value:
            return "[]"
        inner = "\n" + _INDENT * (level + 1)
        parts = [_encode_string(item) if item.__class__ is str else _text(item, level + 1) for item in value]
        return "[" + inner + ("," + inner).join(parts) + "\n" + _INDENT * level + "]"
    if isinstance(value, dict):  # a dict subclass
        return _text(dict(value), level)
    if isinstance(value, (list, tuple)):
        return _text(list(value), level)
    if _is_iterator(value):
        return "".join(_stream_list(value, level))
    return _scalar(value)


#: Values json's C encoder writes exactly as its indenting Python encoder does.
_FLAT = frozenset((str, int, bool, type(None)))
_TEXT = frozenset((str,))
_FLAT_ENCODERS: dict[int, Any] = {}


def _flat_dict(value: dict, level: int) -> str:
    """A dict of text, numbers, booleans and nulls (a finding, an agreement's line), by json's
    C encoder: it cannot indent, but given ",\n" plus the indentation as its item separator
    it writes the inside of the indented form; the braces' lines are added here."""
    encoder = _FLAT_ENCODERS.get(level)
    if encoder is None:
        encoder = _FLAT_ENCODERS[level] = _flat_encoder(",\n" + _INDENT * (level + 1))
    if not _TEXT.issuperset(map(type, value)):
        return _text(dict((_key_text(k) if k.__class__ is not str else k, v) for k, v in value.items()), level)
    return "{\n" + _INDENT * (level + 1) + "".join(encoder(value, 0))[1:-1] + "\n" + _INDENT * level + "}"


def _flat_encoder(separator: str) -> Any:
    """json's C encoder with ``separator`` between items, called directly: JSONEncoder.encode
    makes a new one on every call, which cost more than encoding a finding."""
    options = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(separator, ": "))
    if _make_encoder is None:  # pragma: no cover - CPython always has it
        return lambda value, _level: (options.encode(value),)
    return _make_encoder(None, options.default, _encode_string, None, ": ", separator, False, False, True)


def _key(key: Any) -> str:
    # json.dumps turns keys that are not text into text its own way.
    return _encode_string(key if isinstance(key, str) else _key_text(key))


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _encode_string(value)
    if type(value) is int:
        return int.__repr__(value)
    return json.dumps(value, ensure_ascii=False)  # floats, int subclasses: exactly as json writes them


def _key_text(key: Any) -> str:
    """A key that is not text, as json.dumps turns it into one."""
    if key is True or key is False or key is None:
        return _scalar(key)
    return float.__repr__(key) if isinstance(key, float) else int.__repr__(key)


def _is_iterator(value: Any) -> bool:
    return hasattr(value, "__next__")
