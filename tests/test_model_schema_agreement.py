"""The strict models accept nothing the published JSON Schema rejects.

dpa_policy.core.document validates with the models first and runs jsonschema only to explain a
rejection. That shortcut is sound only if "model accepts" implies "schema accepts". This
property test mutates realistic agreements (delete keys, swap in values of every JSON type,
vocabulary values, add unknown keys) and checks the implication on each mutant.
"""

from __future__ import annotations

import copy
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from dpa_policy import schema
from dpa_policy.core.document import validate
from dpa_policy.core.loader import SourceMap, load_text
from dpa_policy.model.agreement import Agreement
from dpa_policy.testing import base_agreement_text

ROOT = Path(__file__).resolve().parents[1]
VALIDATOR = Draft202012Validator(schema.packaged())


def _enum_values(node, found):
    if isinstance(node, dict):
        for key in ("enum",):
            found.update(v for v in node.get(key, []) if isinstance(v, str))
        for value in node.values():
            _enum_values(value, found)
    elif isinstance(node, list):
        for value in node:
            _enum_values(value, found)
    return found


SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
POOL = [
    None, True, False, 0, 1, -1, 1.0, 2.5, 12, "", "x", "72 hours", "3 days", "10 business days",
    "1 hour", "2024-07-01", "2024-13-01", "2026-11-30T00:00:00", "FL", "ZZ", "US", "us", "USA",
    "https://example.org", "www.example.org", "a@b.co", "not-an-email", SHA256, SHA256.upper(),
    [], ["x"], [1], ["US", "CA"], {}, {"x": 1}, [{}],
    {"categories": ["other"], "window": "30 calendar days"}, {"status": "confirmed"},
    *sorted(_enum_values(schema.packaged(), set())),
]

# The base agreement, the samples, and an agreement using every field of the format additions
# (provenance, review, renewal, records, state terms, the new clauses), so mutations reach them.
BASES = [load_text(base_agreement_text()).data] + [
    load_text(p.read_text("utf-8")).data
    for p in [*sorted((ROOT / "agreements").glob("*.yaml")), ROOT / "tests/fixtures/format-additions-agreement.yaml"]
]


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, prefix + (index,))


def _parent(data, path):
    node = data
    for part in path[:-1]:
        node = node[part]
    return node


mutation = st.tuples(st.integers(min_value=0), st.sampled_from(["delete", "replace", "add"]), st.sampled_from(POOL))


def _mutate(data, mutations):
    data = copy.deepcopy(data)
    for index, operation, value in mutations:
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = paths[index % len(paths)]
        parent = _parent(data, path)
        if operation == "delete":
            del parent[path[-1]]
        elif operation == "replace":
            parent[path[-1]] = copy.deepcopy(value)
        elif isinstance(parent, dict):
            parent[f"unknown_{index % 7}"] = copy.deepcopy(value)
    return data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=st.sampled_from(BASES), mutations=st.lists(mutation, min_size=1, max_size=4))
def test_model_acceptance_implies_schema_acceptance(base, mutations):
    mutant = _mutate(base, mutations)
    try:
        Agreement.model_validate(mutant)
    except ValidationError:
        return
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(mutant)]
    assert not errors, f"the model accepted what the schema rejects: {errors}"


@settings(max_examples=200, deadline=None)
@given(base=st.sampled_from(BASES), mutations=st.lists(mutation, min_size=1, max_size=3))
def test_every_rejection_is_explained_with_a_located_problem(base, mutations):
    mutant = _mutate(base, mutations)
    result = validate(mutant, SourceMap())
    if isinstance(result, list):
        assert result and all(p.code in ("DPA002", "DPA003") and p.message for p in result)


def test_the_known_divergences_are_closed():
    data = load_text((ROOT / "tests/fixtures/format-additions-agreement.yaml").read_text("utf-8")).data
    for path, value in [(("dpa_version",), True), (("dpa_version",), 1.0),
                        (("clauses", "audit", "per_year"), True), (("clauses", "audit", "per_year"), 1.5),
                        (("clauses", "ownership", "district_owns"), None), (("title",), 5),
                        # lax dates took 0 as 1970-01-01; the schema wants text
                        (("term", "effective"), 0), (("records", "disposal_requested"), 86400),
                        (("clauses", "ownership", "page"), True), (("source", "pages"), 0),
                        (("review", "reviewer"), None), (("state_terms", 0, "terms"), None)]:
        mutant = copy.deepcopy(data)
        _parent(mutant, path)[path[-1]] = value
        result = validate(mutant, SourceMap())
        assert isinstance(result, list), f"{path}={value!r} was accepted"
