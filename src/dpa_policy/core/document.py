"""One agreement file through the input stages: read -> strict YAML -> JSON Schema -> model.

Each stage either hands the next one its result or stops with located input problems
(DPA001-DPA007). Rules only ever see an agreement that passed every stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import schema
from ..findings import InputProblem
from ..model.agreement import Agreement
from .loader import LoadFailed, SourceMap, load_text, read_text, text_from_bytes


@dataclass(frozen=True)
class AgreementDocument:
    path: Path
    agreement: Agreement
    source_map: SourceMap


def load_agreement(path: Path) -> AgreementDocument | list[InputProblem]:
    try:
        return load_agreement_text(read_text(path), path)
    except LoadFailed as failed:
        return failed.problems


def load_agreement_bytes(raw: bytes, path: Path) -> AgreementDocument | list[InputProblem]:
    """The same stages from bytes already in memory (a version read from git)."""
    try:
        return load_agreement_text(text_from_bytes(raw), path)
    except LoadFailed as failed:
        return failed.problems


def load_agreement_text(text: str, path: Path) -> AgreementDocument | list[InputProblem]:
    try:
        loaded = load_text(text)
    except LoadFailed as failed:
        return failed.problems
    result = validate(loaded.data, loaded.source_map)
    if isinstance(result, list):
        return result
    return AgreementDocument(path, result, loaded.source_map)


def validate(data: Any, source_map: SourceMap) -> Agreement | list[InputProblem]:
    """JSON Schema, then model: schema problems (DPA002) first, then model problems (DPA003).

    The strict models accept nothing the schema rejects, so a document the models accept
    skips jsonschema (which costs more than parsing the YAML). Only a rejected document
    pays for jsonschema, to explain the rejection in the schema's terms.
    """
    try:
        return Agreement.model_validate(data)
    except ValidationError as exc:
        first_failure = exc
    problems = schema.validate(data, source_map)
    if problems:
        return problems
    return sorted(_model_problems(first_failure, data, source_map))


def _model_problems(exc: ValidationError, data: Any, source_map: SourceMap) -> list[InputProblem]:
    errors = [(_data_path(data, error), error) for error in exc.errors(include_url=False)]
    problems = []
    for path, error in errors:
        # An optional field is a union with None: when its value is wrong, pydantic also says
        # "Input should be None". That is noise beside the real reason, reported at the same
        # place or deeper.
        if error["type"] == "none_required" and any(
                other is not error and other_path[:len(path)] == path for other_path, other in errors):
            continue
        message = error["msg"].removeprefix("Value error, ")
        where = ".".join(str(p) for p in path)
        problems.append(InputProblem("DPA003", f"{where}: {message}", source_map.locate(path)))
    return problems


def _data_path(data: Any, error: Any) -> tuple:
    """The error's location as a path into the data: pydantic puts union member names
    ("date", "none", "BreachNotification", "function-before[...]") in it, which are not keys."""
    loc = tuple(error["loc"])
    path: list = []
    node = data
    for index, part in enumerate(loc):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif isinstance(node, dict) and error["type"] == "missing" and index == len(loc) - 1:
            node = None  # the absent field itself: keep its name
        else:
            continue  # a union member's name
        path.append(part)
    return tuple(path)
