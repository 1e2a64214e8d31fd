"""Data minimisation through the CLI (DPA403 sensitive-data-purpose, DPA404 product-data-listed):
what the default policy says about sensitive data without a purpose and about a product whose
description needs data the agreement does not list."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml

from dpa_policy.cli import main
from dpa_policy.model.vocabulary import ELEMENTS
from dpa_policy.plugins import AUTOLOAD_ENV
from dpa_policy.rules.minimisation import ELEMENT_TOPICS, TOPICS
from dpa_policy.testing import base_agreement_text, merge

AGREEMENTS = Path(__file__).resolve().parents[2] / "agreements"


@pytest.fixture(autouse=True)
def _shipped_rules_only(monkeypatch):
    monkeypatch.setenv(AUTOLOAD_ENV, "1")


def check(*argv: str) -> tuple[int, dict]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--format", "json", *argv], stdout=out, stderr=err)
    assert err.getvalue() == ""
    return int(code), json.loads(out.getvalue())


@pytest.fixture
def agreement(tmp_path):
    """The base agreement (passes the default policy) with ``patch`` deep-merged onto it."""

    def write(patch: dict) -> Path:
        data = merge(yaml.safe_load(base_agreement_text()), patch)
        path = tmp_path / "agreement.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
        return path

    return write


ROSTERING = {
    "products": [{"name": "RosterSync", "description": "Keeps class rosters in the district's apps in step "
                                                       "with the student information system."}],
    "data": {"student": {"elements": ["student_name.first_last", "enrollment.grade_level"],
                         "purposes": ["Create and update student accounts in approved apps."]}},
}


def test_every_sensitive_element_of_the_vocabulary_has_words_for_its_purpose():
    sensitive = sorted(key for key, element in ELEMENTS.items() if element.sensitive)
    assert sorted(ELEMENT_TOPICS) == sensitive
    assert all(topic in TOPICS for topics in ELEMENT_TOPICS.values() for topic in topics)


def test_a_rostering_product_sharing_no_identifiers_is_a_review_warning(agreement):
    code, report = check(str(agreement(ROSTERING)))
    assert code == 0  # a warning: the run passes at the default --fail-on error
    (finding,) = report["findings"]
    assert (finding["code"], finding["slug"], finding["severity"]) == ("DPA404", "product-data-listed", "warning")
    assert finding["outcome"] == "review" and finding["message"].startswith("the description of ")
    assert finding["pointer"] == "/products/0/description"
    assert finding["layer"] == "preset district-additions"


def test_fail_on_warning_makes_the_review_fail_the_run(agreement):
    code, report = check("--fail-on", "warning", str(agreement(ROSTERING)))
    assert code == 1 and [f["code"] for f in report["findings"]] == ["DPA404"]


def test_listing_the_identifiers_clears_the_review(agreement):
    patch = merge(ROSTERING, {"data": {"student": {"elements": ["student_name.first_last",
                                                                 "student_identifiers.local_id"]}}})
    code, report = check(str(agreement(patch)))
    assert (code, report["findings"]) == (0, [])


def test_health_data_without_a_purpose_is_a_warning_at_the_element(agreement):
    path = agreement({"data": {"student": {
        "elements": ["student_name.first_last", "special_indicator.medical_health"],
        "purposes": ["Run online reading lessons."]}}})
    code, report = check(str(path))
    (finding,) = report["findings"]
    assert (code, finding["code"], finding["severity"]) == (0, "DPA403", "warning")
    assert finding["pointer"] == "/data/student/elements/1"
    assert finding["observed"] == "special_indicator.medical_health"


def test_a_district_can_make_an_unexplained_sensitive_element_an_error(agreement, tmp_path):
    policy = tmp_path / "strict.yaml"
    policy.write_text("policy_version: 1\nname: strict\nextends: [ndpa, district-additions]\n"
                      "rules:\n  sensitive-data-purpose: {severity: error}\n", "utf-8")
    path = agreement({"data": {"student": {"elements": ["student_name.first_last"],
                                           "other_elements": ["Facial recognition template for attendance photos"],
                                           "purposes": ["Take attendance at the classroom door."]}}})
    code, report = check("--policy", str(policy), str(path))
    assert code == 1
    assert [(f["code"], f["severity"], f["pointer"]) for f in report["findings"]] == [
        ("DPA403", "error", "/data/student/other_elements/0")]


def test_a_biometric_element_in_florida_is_a_prohibition_and_a_minimisation_warning(tmp_path):
    """Florida's 1002.222 error (FLS402) and the district's minimisation warning are separate findings."""
    data = yaml.safe_load((AGREEMENTS / "clever.yaml").read_text("utf-8"))  # Florida, passes every rule
    data["data"]["student"]["other_elements"] = ["Fingerprint template for the lunch line"]
    path = tmp_path / "clever-fingerprints.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    code, report = check(str(path))
    assert code == 1
    found = sorted((f["code"], f["severity"], f["layer"]) for f in report["findings"])
    assert found == [("DPA403", "warning", "preset district-additions"), ("FLS402", "error", "preset fl")]


def test_the_samples_show_where_a_person_should_look():
    code, report = check(str(AGREEMENTS))
    assert code == 1
    found = sorted((Path(f["file"]).name, f["code"], f["observed"]) for f in report["findings"]
                   if f["code"] in ("DPA403", "DPA404"))
    assert found == [
        ("allhere.yaml", "DPA404", "attendance"),  # answers attendance questions, lists no student data
        ("harborlight.yaml", "DPA403", "demographics.ethnicity_race"),
        ("stepwise.yaml", "DPA403", "conduct.behavioral"),
        ("stepwise.yaml", "DPA403", "special_indicator.medical_health"),
    ]
