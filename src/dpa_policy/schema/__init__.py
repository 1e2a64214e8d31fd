"""The published agreement JSON Schema, and validation of loaded data against it.

``agreement-1.schema.json`` beside this module is generated from the pydantic models by
:func:`generate` (``dpa-policy schema`` prints it). It is packaged so editors
(yaml-language-server) and ``check-jsonschema`` can use it; a test fails when it drifts.

:func:`validate` turns jsonschema's errors into findings a person can act on: unknown fields
with "did you mean", a data element listed under the wrong data subject, a number where text
was meant ("quote it"), a duration with an ambiguous unit. Each is located at the line and
column of the offending key or value.
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

from ..core.loader import SourceMap
from ..findings import InputProblem, PathKey

SCHEMA_FILE = "agreement-1.schema.json"
# A stable, versioned web address (the "1" is the format's dpa_version): where SchemaStore
# serves the schema once docs/schema.md's catalog entry is submitted. Editors offline point at
# a local copy instead (`dpa-policy schema --write PATH`); nothing here ever fetches it.
SCHEMA_ID = "https://json.schemastore.org/dpa-policy-agreement-1.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def generate() -> dict[str, Any]:
    """Build the JSON Schema from the pydantic models (the source of truth)."""
    from pydantic.json_schema import GenerateJsonSchema

    from ..model.agreement import Agreement

    class _Generator(GenerateJsonSchema):
        # ``default: null`` on fields whose schema does not admit null would confuse editors.
        def field_title_should_be_set(self, schema: Any) -> bool:  # noqa: D401 - pydantic hook
            return False

    schema = Agreement.model_json_schema(schema_generator=_Generator)
    _strip_null_defaults(schema)
    return {"$schema": DIALECT, "$id": SCHEMA_ID, **schema}


def _strip_null_defaults(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("default", 0) is None:
            del node["default"]
        for value in node.values():
            _strip_null_defaults(value)
    elif isinstance(node, list):
        for value in node:
            _strip_null_defaults(value)


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def packaged() -> dict[str, Any]:
    """The schema file shipped in the package."""
    return json.loads(resources.files(__name__).joinpath(SCHEMA_FILE).read_text("utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(packaged())


def validate(data: Any, source_map: SourceMap) -> list[InputProblem]:
    """Every schema violation in ``data`` as a located DPA002 problem, sorted by position."""
    if data is None:
        return [InputProblem("DPA002", "file is empty: expected an agreement (a mapping with dpa_version, id, parties, ...)", source_map.locate(()))]
    problems: list[InputProblem] = []
    for error in _validator().iter_errors(data):
        problems.extend(_explain(error, source_map))
    # One wrong value can trip two keywords (type and enum); keep distinct messages only.
    unique = {(p.position, p.message): p for p in problems}
    return sorted(unique.values())


def _where(path: PathKey) -> str:
    """("data", "student", "elements", 2) -> "data.student.elements[2]"."""
    if not path:
        return "the document"
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return repr(value)


_JSON_TYPES = {
    "string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
    "object": "a mapping (key: value lines)", "array": "a list", "null": "null",
}


def _explain(error: Any, source_map: SourceMap) -> Iterator[InputProblem]:
    path: PathKey = tuple(error.absolute_path)
    validator, instance, schema = error.validator, error.instance, error.schema

    if validator == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        for key in sorted(k for k in instance if k not in schema.get("properties", {})):
            message = f"unknown field {key!r} in {_where(path)}"
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            if close:
                message += f" (did you mean {close[0]!r}?)"
            else:
                message += f"; allowed fields: {', '.join(allowed)}"
            yield InputProblem("DPA002", message, source_map.key(path + (key,)))
        return

    if validator == "required":
        missing = [name for name in error.validator_value if name not in instance]
        # A field required only under a condition (if/then) says which: its `then` explains it.
        why = f": {schema['description']}" if "then" in error.relative_schema_path and "description" in schema else ""
        for name in missing:
            yield InputProblem("DPA002", f"missing required field {name!r} in {_where(path)}{why}",
                               source_map.key(path))
        return

    at = source_map.locate(path)
    field = _where(path)

    if validator == "type":
        expected = error.validator_value
        wanted = _JSON_TYPES.get(expected, expected) if isinstance(expected, str) else " or ".join(expected)
        if instance is None:
            message = (f"{field} is empty (null): fill in {wanted}, or remove the key "
                       "if the contract is silent on it")
        else:
            message = f"{field} must be {wanted}, got {_show(instance)}"
            if expected == "string" and isinstance(instance, (int, float, bool)):
                message += f"; quote it to mean text (\"{_show(instance)}\")"
        yield InputProblem("DPA002", message, at)
    elif validator == "enum":
        if instance is None and "type" in schema:
            return  # the type error already says "empty (null): fill in ..., or remove the key"
        yield InputProblem("DPA002", _enum_message(path, instance, list(error.validator_value)), at)
    elif validator == "const":
        yield InputProblem("DPA002", f"{field} must be {error.validator_value!r}, got {_show(instance)}", at)
    elif validator == "pattern":
        yield InputProblem("DPA002", _pattern_message(field, instance, schema), at)
    elif validator == "minItems":
        yield InputProblem("DPA002", f"{field} must list at least {error.validator_value} item(s)", at)
    elif validator == "minLength":
        yield InputProblem("DPA002", f"{field} must not be empty", at)
    elif validator in ("minimum", "maximum"):
        bound = "at least" if validator == "minimum" else "at most"
        yield InputProblem("DPA002", f"{field} must be {bound} {error.validator_value}, got {_show(instance)}", at)
    else:  # a keyword this translation does not know yet: jsonschema's own words
        yield InputProblem("DPA002", f"{field}: {error.message}", at)


def _enum_message(path: PathKey, value: Any, allowed: list[Any]) -> str:
    field = _where(path)
    # A data element under the wrong subject is the clearinghouse page's classic mistake.
    if len(path) == 4 and path[0] == "data" and path[2] == "elements" and isinstance(value, str):
        from ..model.vocabulary import ELEMENTS, SUBJECT_LABELS

        element = ELEMENTS.get(value)
        if element is not None:
            owners = " or ".join(f"data.{s}" for s in element.subjects)
            return (f"{value!r} describes {SUBJECT_LABELS[element.subjects[0]].lower()}, "
                    f"not {SUBJECT_LABELS[str(path[1])].lower()}: list it under {owners}")
    message = f"{field} has {_show(value)}, which is not an allowed value"
    close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1, cutoff=0.6)
    if close:
        return message + f" (did you mean {close[0]!r}?)"
    if len(allowed) <= 12:
        return message + f"; allowed: {', '.join(str(a) for a in allowed)}"
    return message + f"; see `dpa-policy schema` for the {len(allowed)} allowed values"


def _pattern_message(field: str, value: Any, schema: dict[str, Any]) -> str:
    from ..model.duration import DURATION_PATTERN, parse_duration

    pattern = schema.get("pattern")
    if pattern == DURATION_PATTERN:
        try:
            parse_duration(value)
        except ValueError as exc:
            return f"{field}: {exc}"
    if pattern and pattern.startswith("^https?"):
        return f"{field}: {_show(value)} is not a web address starting with http:// or https://"
    if pattern and "@" in pattern:
        return f"{field}: {_show(value)} is not an email address"
    if schema.get("patternErrorMessage"):  # the hint editors show (yaml-language-server)
        return f"{field}: {_show(value)} is not valid here. {schema['patternErrorMessage']}"
    return f"{field}: {_show(value)} does not match the pattern {pattern}"
