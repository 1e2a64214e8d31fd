"""The published JSON Schema and the messages schema and model errors produce."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from dpa_policy import schema
from dpa_policy.core.document import AgreementDocument, load_agreement
from dpa_policy.testing import base_agreement_text

ROOT = Path(__file__).resolve().parents[1]


def test_packaged_schema_matches_the_models():
    """Fails when a model changes and the schema file was not regenerated.

    Regenerate with: dpa-policy schema --generate > src/dpa_policy/schema/agreement-1.schema.json
    """
    assert schema.packaged() == schema.generate(), (
        "src/dpa_policy/schema/agreement-1.schema.json is stale; regenerate it with "
        "`python -m dpa_policy schema --generate > src/dpa_policy/schema/agreement-1.schema.json`"
    )


def test_packaged_schema_file_is_formatted_as_generated():
    path = ROOT / "src/dpa_policy/schema/agreement-1.schema.json"
    assert path.read_text("utf-8") == schema.dumps(schema.generate())


def test_schema_is_a_valid_draft_2020_12_schema():
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema.packaged())


def test_plain_jsonschema_accepts_the_sample_agreements():
    """What check-jsonschema does with the published schema: safe_load, then validate."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema.packaged())
    samples = sorted((ROOT / "agreements").glob("*.yaml"))
    assert samples
    for path in samples:
        data = yaml.safe_load(path.read_text("utf-8"))
        # safe_load turns unquoted dates into date objects; JSON (and check-jsonschema's
        # YAML loader) sees them as strings.
        data = json.loads(json.dumps(data, default=str))
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, f"{path.name}: {errors}"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "agreement.yaml"
    path.write_text(text, "utf-8")
    return path


def check(tmp_path: Path, old: str, new: str):
    text = base_agreement_text()
    assert old in text, old
    result = load_agreement(write(tmp_path, text.replace(old, new, 1)))
    assert isinstance(result, list), "expected input problems"
    return [(p.code, p.position.line, p.message) for p in result]


def line_of(snippet: str) -> int:
    return base_agreement_text().splitlines().index(snippet) + 1


def test_base_agreement_loads(tmp_path):
    assert isinstance(load_agreement(write(tmp_path, base_agreement_text())), AgreementDocument)


def test_misspelled_clause_gets_did_you_mean_at_its_key(tmp_path):
    found = check(tmp_path, "  breach_notification:", "  breach_notifcation:")
    assert found == [("DPA002", line_of("  breach_notification:"),
                      "unknown field 'breach_notifcation' in clauses (did you mean 'breach_notification'?)")]


def test_unknown_field_without_a_close_match_lists_the_allowed_fields(tmp_path):
    ((code, _, message),) = check(tmp_path, "    district_owns: true", "    vibes: true")
    assert code == "DPA002" and "allowed fields: citation, district_controls" in message


def test_element_under_the_wrong_subject_says_where_it_belongs(tmp_path):
    ((code, line, message),) = check(tmp_path, "      - parent_contact.email", "      - student_contact.email")
    assert code == "DPA002" and line == line_of("      - parent_contact.email")
    assert message == ("'student_contact.email' describes student data, not parent/guardian data: "
                       "list it under data.student")


def test_misspelled_element_gets_did_you_mean(tmp_path):
    ((_, _, message),) = check(tmp_path, "      - parent_name.first_last", "      - parent_name.firstlast")
    assert "did you mean 'parent_name.first_last'" in message
    assert "data.parent_guardian.elements[0]" in message


def test_number_where_text_is_meant_says_quote_it(tmp_path):
    ((_, _, message),) = check(tmp_path, 'model_version: "2024.1"', "model_version: 2024.1")
    assert message == 'term.model_version must be text, got 2024.1; quote it to mean text ("2024.1")'


def test_ambiguous_days_unit_is_refused(tmp_path):
    ((code, _, message),) = check(tmp_path, "window: 72 hours", "window: 3 days")
    assert code == "DPA002"
    assert 'write "3 calendar days" or "3 business days"' in message


def test_explicit_null_is_not_silence(tmp_path):
    ((_, _, message),) = check(tmp_path, "    district_owns: true", "    district_owns: null")
    assert "remove the key if the contract is silent" in message


def test_missing_required_field_is_named(tmp_path):
    ((_, line, message),) = check(tmp_path, "  model: custom\n", "")
    assert line == line_of("term:") and message == "missing required field 'model' in term"


def test_explicit_null_in_a_vocabulary_field_is_one_problem_not_two(tmp_path):
    found = check(tmp_path, "    trigger: discovery", "    trigger: null")
    assert found == [("DPA002", line_of("    trigger: discovery"),
                      "clauses.breach_notification.trigger is empty (null): "
                      "fill in text, or remove the key if the contract is silent on it")]


def _model_properties(node: dict) -> dict[str, dict]:
    """Every property of every model in the schema, as "Model.field" -> its schema."""
    found = {f"Agreement.{name}": prop for name, prop in node["properties"].items()}
    for model, definition in node["$defs"].items():
        found.update({f"{model}.{name}": prop for name, prop in definition.get("properties", {}).items()})
    return found


def test_every_field_has_a_description_for_editors_to_show():
    properties = _model_properties(schema.packaged())
    assert len(properties) > 200
    undescribed = sorted(name for name, prop in properties.items() if not prop.get("description"))
    assert undescribed == []


def test_every_patterned_field_explains_its_pattern_in_editors():
    from dpa_policy.model.duration import DURATION_PATTERN

    properties = _model_properties(schema.packaged())
    patterned = {name: prop for name, prop in properties.items() if "pattern" in prop.get("items", prop)}
    durations = sorted(name for name, prop in patterned.items() if prop.get("pattern") == DURATION_PATTERN)
    assert durations == ["Audit.notice", "BreachCategoryWindow.window", "BreachNotification.window",
                         "DisposalWindow.within", "ParentAccess.window", "Renewal.notice", "SaleOrMerger.notice",
                         "StateRiderTerms.breach_window"]
    unexplained = sorted(name for name, prop in patterned.items()
                         if not prop.get("items", prop).get("patternErrorMessage"))
    assert unexplained == []


def test_wrong_format_version(tmp_path):
    ((_, line, message),) = check(tmp_path, "dpa_version: 1", "dpa_version: 2")
    assert line == line_of("dpa_version: 1") and message == "dpa_version must be 1, got 2"


def test_not_a_url(tmp_path):
    ((_, _, message),) = check(tmp_path, "privacy_policy: https://www.allhere.com/privacy-policy",
                               "privacy_policy: www.allhere.com/privacy")
    assert "is not a web address" in message


def test_model_error_expiry_before_effective_points_at_expires(tmp_path):
    ((code, line, message),) = check(tmp_path, "expires: 2027-06-30", "expires: 2023-06-30")
    assert code == "DPA003" and line == line_of("  expires: 2027-06-30")
    assert "expires (2023-06-30) before it takes effect (2024-07-01)" in message


def test_model_error_impossible_date(tmp_path):
    ((code, _, message),) = check(tmp_path, "effective: 2024-07-01", "effective: 2024-13-01")
    assert code == "DPA003" and message.startswith("term.effective:")


def test_empty_file(tmp_path):
    result = load_agreement(write(tmp_path, "# nothing yet\n"))
    assert [(p.code, p.message.split(":")[0]) for p in result] == [("DPA002", "file is empty")]


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n", "42\n"])
def test_document_that_is_not_a_mapping(tmp_path, text):
    result = load_agreement(write(tmp_path, text))
    assert result[0].code == "DPA002" and "must be a mapping" in result[0].message


def test_check_jsonschema_validates_agreements_with_the_published_schema(tmp_path):
    """The real check-jsonschema CLI (a test dependency), as a district's CI would run it."""
    import shutil
    import subprocess
    import sys

    exe = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which("check-jsonschema")
    assert exe, "check-jsonschema is a test dependency: pip install -e '.[test]'"
    schema_file = ROOT / "src/dpa_policy/schema/agreement-1.schema.json"
    samples = [str(p) for p in sorted((ROOT / "agreements").glob("*.yaml"))]
    ok = subprocess.run([exe, "--schemafile", str(schema_file), *samples], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = write(tmp_path, base_agreement_text().replace("  breach_notification:", "  breach_notifcation:"))
    failed = subprocess.run([exe, "--schemafile", str(schema_file), str(bad)], capture_output=True, text=True)
    assert failed.returncode == 1 and "breach_notifcation" in failed.stdout


def test_valid_agreements_never_pay_for_jsonschema(monkeypatch, tmp_path):
    """The check stays near the cost of parsing only while jsonschema runs on rejections alone
    (it costs more than the parse itself: see bench/bench.py)."""
    def forbidden(*args, **kwargs):
        raise AssertionError("jsonschema ran on a valid agreement")

    monkeypatch.setattr(schema, "validate", forbidden)
    for path in [write(tmp_path, base_agreement_text()), *sorted((ROOT / "agreements").glob("*.yaml"))]:
        assert isinstance(load_agreement(path), AgreementDocument), path
