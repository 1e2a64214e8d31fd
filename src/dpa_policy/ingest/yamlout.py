"""A draft as YAML: block style, the agreement format's key order, a comment on every value.

PyYAML cannot write comments, and the comments are the point: each says on which page and
from which words a value was read. So the draft is written here, in the small YAML subset the
project's strict loader reads back: plain scalars only where they cannot be mistaken (enum
keys, ISO dates, durations), everything else double-quoted (JSON escaping is valid YAML), and
long prose folded (``>-``) at spaces, which YAML folds back to single spaces. The caller
checks the round trip through :func:`dpa_policy.core.loader.load_text`.
"""

from __future__ import annotations

import json
import re
import typing
from typing import Any

from pydantic import BaseModel

_PLAIN = re.compile(r"^(?:[a-z][a-z0-9_.]*|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]+ (?:hours?|calendar days?|business days?)"
                    r"|[A-Z]{2})$")
_YAML_WORDS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "ON", "NO", "OFF", "Y", "N"}
_FOLD_WIDTH = 96
_PROSE_KEYS = {"text", "description"}


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.match(text) and text not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def _folded(text: str, indent: str) -> list[str] | None:
    if len(text) <= 80 or text != " ".join(text.split()) or any(not ch.isprintable() for ch in text):
        return None
    lines, current = [], ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > _FOLD_WIDTH:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return [indent + line for line in lines]


def _comment(line: str) -> str:
    """Comment text that stays one YAML comment: a file name or quoted words may hold line
    breaks or control characters (YAML allows neither in a comment), shown escaped instead."""
    from ..reporters.inert import text

    return text(line)


def _comment_lines(lines: list[str]) -> list[str]:
    return [f"# {_comment(line)}" if line else "#" for line in lines]


def submodel(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        if found := submodel(arg):
            return found
    return None


class Writer:
    def __init__(self, comments: dict[tuple, str], missing: dict[tuple, list[str]]):
        self.comments = comments
        self.missing = missing
        self.out: list[str] = []

    def comment(self, path: tuple, indent: str) -> None:
        if note := self.comments.get(path):
            for line in note.splitlines():
                self.out.append(f"{indent}# {_comment(line)}")

    def mapping(self, data: dict, model: type[BaseModel] | None, path: tuple, depth: int) -> None:
        indent = "  " * depth
        fields = model.model_fields if model else {}
        order = [k for k in fields if k in data] + sorted(k for k in data if k not in fields)
        for key in order:
            value = data[key]
            child = submodel(fields[key].annotation) if key in fields else None
            self.comment(path + (key,), indent)
            self.value(key, value, child, path + (key,), depth)
        for key in self.missing.get(path, []):
            self.out.append(f"{indent}# {key}: REQUIRED - not found in the document; fill it in from the signed copy")

    def value(self, key: str, value: Any, child, path: tuple, depth: int) -> None:
        indent = "  " * depth
        if isinstance(value, (dict, list)) and not value:
            self.out.append(f"{indent}{key}: {'{}' if isinstance(value, dict) else '[]'}")
        elif isinstance(value, dict):
            self.out.append(f"{indent}{key}:")
            self.mapping(value, child, path, depth + 1)
        elif isinstance(value, list):
            self.out.append(f"{indent}{key}:")
            for index, item in enumerate(value):
                note = self.comments.get(path + (index,))
                if isinstance(item, dict):
                    if note:
                        self.out.append(f"{indent}  # {note}")
                    start = len(self.out)
                    self.mapping(item, child, path + (index,), depth + 2)
                    first = self.out[start]
                    self.out[start] = f"{indent}  - {first.lstrip()}" if not first.lstrip().startswith("#") else first
                    if first.lstrip().startswith("#"):  # keep "- " on the first key, after comments
                        for i in range(start, len(self.out)):
                            if not self.out[i].lstrip().startswith("#"):
                                self.out[i] = f"{indent}  - {self.out[i].lstrip()}"
                                break
                else:
                    self.out.append(f"{indent}  - {scalar(item)}" + (f"  # {note}" if note else ""))
        elif key in _PROSE_KEYS and (folded := _folded(str(value), indent + "  ")):
            self.out.append(f"{indent}{key}: >-")
            self.out.extend(folded)
        else:
            self.out.append(f"{indent}{key}: {scalar(value)}")


def dump(data: dict, model: type[BaseModel], header: list[str], comments: dict[tuple, str],
         missing: dict[tuple, list[str]], footer: list[str]) -> str:
    writer = Writer(comments, missing)
    writer.out.extend(_comment_lines(header))
    writer.mapping(data, model, (), 0)
    if footer:
        writer.out.append("")
        writer.out.extend(_comment_lines(footer))
    return "\n".join(writer.out) + "\n"
