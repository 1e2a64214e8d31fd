"""Presets that say what their source says: ndpa-v1 / ndpa-v2 hold only the NDPA's Standard
Clauses, chosen by the agreement's NDPA version; district-additions holds what districts add;
federal holds what FERPA and COPPA ask. Everything through the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml

from dpa_policy.cli import main
from dpa_policy.core.loader import load_text
from dpa_policy.model.ndpa_version import ndpa_edition
from dpa_policy.plugins import AUTOLOAD_ENV
from dpa_policy.testing import base_agreement_text, merge

# An agreement as the NDPA v1 Standard Clauses write it: disposal at termination "after
# reasonable prior notice" (no day count), no sanitization standard, no disposal certificate,
# a framework from Exhibit F and no encryption term (DOMAIN.md §1.3, §1.7).
FAITHFUL_V1 = {
    "term": {"model": "ndpa", "model_version": "1.0"},
    "clauses": {
        "disposal": {
            "text": "Within sixty (60) days of the LEA's written request, Provider shall dispose of or transfer "
                    "the Student Data; on termination it disposes of all Student Data after reasonable prior notice.",
            "at_termination": {"within": None, "citation": "Article IV, Section 6"},
            "sanitization": None, "written_certification": None,
        },
        "security": {"text": "Provider implements an adequate Cybersecurity Framework from Exhibit F.",
                     "encryption_at_rest": None, "encryption_in_transit": None},
    },
}


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return int(main(list(argv), stdout=out, stderr=io.StringIO())), out.getvalue()


@pytest.fixture(autouse=True)
def _no_installed_packs(monkeypatch):
    monkeypatch.setenv(AUTOLOAD_ENV, "1")


@pytest.fixture
def write(tmp_path):
    def write_(patch: dict, name: str = "agreement.yaml") -> Path:
        data = merge(load_text(base_agreement_text()).data, patch)
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
        return path

    return write_


@pytest.fixture
def ndpa_only(tmp_path) -> Path:
    path = tmp_path / "ndpa-only.yaml"
    path.write_text("policy_version: 1\nname: NDPA only\nextends: [ndpa]\n", "utf-8")
    return path


def findings(out: str) -> list[tuple[str, str, str]]:
    return sorted((f["code"], f["pointer"], f["layer"]) for f in json.loads(out)["findings"])


def test_a_faithful_ndpa_v1_agreement_passes_the_ndpa_preset(write, ndpa_only):
    code, out = run("check", "--policy", str(ndpa_only), "--format", "json", str(write(FAITHFUL_V1)))
    assert code == 0, out
    assert json.loads(out)["agreements"][0]["policy_layers"] == ["preset ndpa-v1", "preset ndpa", str(ndpa_only)]


def test_the_default_policy_holds_it_to_the_district_additions_and_says_so(write):
    code, out = run("check", "--format", "json", str(write(FAITHFUL_V1)))
    assert code == 1
    assert findings(out) == [
        ("DPA501", "/clauses/disposal/at_termination/within", "preset district-additions"),
        ("DPA502", "/clauses/disposal/sanitization", "preset district-additions"),
        ("DPA503", "/clauses/disposal/written_certification", "preset district-additions"),
        ("DPA601", "/clauses/security/encryption_at_rest", "preset district-additions"),
        ("DPA601", "/clauses/security/encryption_in_transit", "preset district-additions"),
    ]


def test_an_ndpa_term_broken_under_the_default_is_laid_to_the_ndpa(write):
    patch = merge(FAITHFUL_V1, {"clauses": {"disposal": {"on_request": {"within": "90 calendar days"}}}})
    code, out = run("check", "--format", "json", str(write(patch)))
    assert ("DPA501", "/clauses/disposal/on_request/within", "preset ndpa-v1") in findings(out)


@pytest.mark.parametrize("model, version", [("ndpa", "2.2"), ("ndpa", "v2.1"), ("ndpa", "unknown"), ("custom", "1.0")])
def test_v2_its_60_days_at_termination_apply_otherwise(write, ndpa_only, model, version):
    """NDPA 2.x, an NDPA agreement of unknown version and a non-NDPA agreement all get v2."""
    patch = merge(FAITHFUL_V1, {"term": {"model": model, "model_version": version}})
    code, out = run("check", "--policy", str(ndpa_only), "--format", "json", str(write(patch)))
    assert code == 1
    assert findings(out) == [("DPA501", "/clauses/disposal/at_termination/within", "preset ndpa-v2")]


def test_ndpa_versions_are_read_from_the_agreement():
    assert [ndpa_edition("ndpa", v) for v in ("1.0", "1r7", "v1r6", "Standard Version 1.0", "1.5")] == ["v1"] * 5
    assert [ndpa_edition("ndpa", v) for v in ("2.0", "2.2", "v2.1")] == ["v2"] * 3
    assert [ndpa_edition("ndpa", v) for v in ("3.0", "12", "", None)] == ["unknown"] * 4
    assert ndpa_edition("custom", "2.2") == ndpa_edition("state_dpa", None) == "other"


def test_policy_show_names_who_requires_each_value():
    code, out = run("policy", "show")
    assert code == 0
    assert ("layers, first to last: preset lifecycle-and-review -> preset ndpa-v2 -> preset ndpa -> "
            "preset district-additions -> ") in out
    assert "DPA503 disposal-certification: error  [enabled by preset district-additions;" in out
    assert 'max_at_termination: "60 calendar days"  [preset district-additions]' in out
    assert 'max_on_request: "60 calendar days"  [preset ndpa-v2]' in out


def test_the_federal_preset_asks_for_control_not_ownership(tmp_path, write):
    policy = tmp_path / "federal.yaml"
    policy.write_text("policy_version: 1\nname: FERPA and COPPA\nextends: [federal]\n", "utf-8")
    silent_on_ownership = write({"clauses": {"ownership": {"district_owns": None}}})
    assert run("check", "--policy", str(policy), str(silent_on_ownership))[0] == 0
    no_control = write({"clauses": {"ownership": {"district_controls": False}}}, "no-control.yaml")
    code, out = run("check", "--policy", str(policy), "--format", "json", str(no_control))
    assert code == 1 and findings(out) == [("DPA101", "/clauses/ownership/district_controls", "preset federal")]


def test_the_federal_preset_forbids_indefinite_retention_of_childrens_data(tmp_path, write):
    policy = tmp_path / "federal.yaml"
    policy.write_text("policy_version: 1\nname: FERPA and COPPA\nextends: [federal]\n", "utf-8")
    code, out = run("check", "--policy", str(policy), "--format", "json",
                    str(write({"clauses": {"disposal": {"at_termination": None}}})))
    assert code == 1 and findings(out) == [("DPA802", "/clauses/disposal/at_termination", "preset federal")]


def test_the_federal_preset_does_not_require_naming_the_laws(tmp_path, write):
    policy = tmp_path / "federal.yaml"
    policy.write_text("policy_version: 1\nname: FERPA and COPPA\nextends: [federal]\n", "utf-8")
    unnamed = write({"clauses": {"legal_compliance": {"laws": ["ppra"]}}})
    assert run("check", "--policy", str(policy), str(unnamed))[0] == 0
    code, out = run("check", "--format", "json", str(unnamed))  # naming them is a district addition
    assert ("DPA801", "/clauses/legal_compliance/laws", "preset district-additions") in findings(out)
