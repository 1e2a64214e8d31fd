"""The agreement format's additions: provenance and review, term and lifecycle, law coverage.

Each new field is read from a realistic agreement (tests/fixtures/format-additions-agreement.yaml),
stays None when absent, and is refused as explicit null or with an unknown key, at the line of
the offending key or value. Cross-field rules (a confirmed review names its reviewer, a storage
clause that names countries says so) are DPA002 when the schema can say it and DPA003 otherwise.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from dpa_policy import schema
from dpa_policy.cli import main
from dpa_policy.core.document import AgreementDocument, load_agreement
from dpa_policy.core.policy import PolicySet, collect_presets, default_policy_path
from dpa_policy.model import agreement as agreement_module
from dpa_policy.model.agreement import Agreement
from dpa_policy.plugins import get_plugin_manager
from dpa_policy.registry import RuleRegistry
from dpa_policy.testing import base_agreement_text

ROOT = Path(__file__).resolve().parents[1]
FULL_PATH = ROOT / "tests/fixtures/format-additions-agreement.yaml"
FULL = FULL_PATH.read_text("utf-8")


def write(tmp_path: Path, text: str, name: str = "agreement.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def load(tmp_path: Path, text: str):
    return load_agreement(write(tmp_path, text))


def edited(old: str, new: str, text: str = FULL) -> str:
    """Replace ``old`` (whole lines, ending in a newline) where it occurs exactly once."""
    lines = text.splitlines(keepends=True)
    size = old.count("\n")
    starts = [i for i in range(len(lines)) if "".join(lines[i:i + size]) == old]
    assert len(starts) == 1, f"{old!r} occurs {len(starts)} times"
    return "".join(lines[:starts[0]]) + new + "".join(lines[starts[0] + size:])


def line_of(snippet: str, text: str = FULL) -> int:
    return text.splitlines().index(snippet) + 1


def problems(tmp_path: Path, text: str) -> list[tuple[str, int, str]]:
    result = load(tmp_path, text)
    assert isinstance(result, list), "expected input problems"
    return [(p.code, p.position.line, p.message) for p in result]


# ------------------------------------------------------------------------ accepted and read
def test_every_new_field_is_read_from_a_realistic_agreement():
    doc = load_agreement(FULL_PATH)
    assert isinstance(doc, AgreementDocument), doc
    a = doc.agreement
    term, clauses = a.term, a.clauses

    renewal = term.renewal
    assert (renewal.automatic, renewal.period_months, str(renewal.notice)) == (True, 12, "60 calendar days")
    assert renewal.page == 11 and term.terminated is None

    breach = clauses.breach_notification
    assert breach.law_enforcement_delay is True and breach.costs == "vendor"
    (window,) = breach.by_category
    assert window.categories == ["directory_information", "student_generated_content"]
    assert str(window.window) == "10 calendar days" and window.trigger == "discovery"

    assert (clauses.precedence.over_vendor_terms, clauses.precedence.over_privacy_policy) == (True, True)
    assert str(clauses.parent_access.window) == "45 calendar days" and clauses.parent_access.correction is True
    deid = clauses.deidentified_data
    assert (deid.permitted, deid.reidentification_prohibited, deid.transfer_prohibited) == (True, True, True)
    assert deid.purposes == ["Improve and support the messaging service."]
    assert clauses.storage.location == "named_countries" and clauses.storage.countries == ["US", "CA"]
    sale = clauses.sale_or_merger
    assert (sale.notice_to_district, str(sale.notice), sale.successor_bound, sale.data_may_transfer) == (
        True, "30 calendar days", True, True)
    ending = clauses.termination
    assert (ending.for_material_breach, ending.by_district_for_convenience, ending.no_termination_fee) == (
        True, True, True)
    staff = clauses.confidentiality
    assert (staff.employees_bound, staff.training_required, staff.access_limited_to_need) == (True, True, True)
    assert clauses.subprocessors.no_sale is True and clauses.disposal.sanitization_covers_all_media is True

    assert clauses.ownership.page == 2 and clauses.disposal.on_request.page == 8 and a.attachments[0].page == 13
    (florida,) = a.state_terms
    assert (florida.state, florida.statute, florida.page) == ("FL", "Fla. Stat. 1006.1494", 13)
    assert str(florida.terms.breach_window) == "72 hours" and florida.terms.breach_trigger == "discovery"
    assert florida.terms.no_sale is True and florida.terms.parents_bill_of_rights is None

    assert a.records.disposal_requested == date(2026, 7, 15)
    assert a.records.disposal_certificate_received == date(2026, 8, 20)
    source, review = a.source, a.review
    assert (source.file, source.pages, source.format, source.vendor_entry) == ("allhere-dpa-2024.pdf", 14, "pdf", None)
    assert source.sha256 == "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    assert (review.status, review.reviewer, review.reviewed_on) == ("confirmed", "J. Ruiz, General Counsel",
                                                                    date(2026, 11, 30))


def test_the_published_schema_accepts_the_realistic_agreement_as_editors_see_it():
    data = json.loads(json.dumps(yaml.safe_load(FULL), default=str))
    errors = [e.message for e in Draft202012Validator(schema.packaged()).iter_errors(data)]
    assert errors == []


def test_absent_stays_absent_in_an_agreement_written_before_the_additions(tmp_path):
    doc = load(tmp_path, base_agreement_text())
    a = doc.agreement
    assert (a.source, a.review, a.records, a.state_terms) == (None, None, None, [])
    assert (a.term.renewal, a.term.terminated) == (None, None)
    c = a.clauses
    assert (c.precedence, c.parent_access, c.deidentified_data, c.storage) == (None, None, None, None)
    assert (c.confidentiality, c.sale_or_merger, c.termination) == (None, None, None)
    breach = c.breach_notification
    assert (breach.law_enforcement_delay, breach.costs, breach.by_category) == (None, None, [])
    assert c.subprocessors.no_sale is None and c.disposal.sanitization_covers_all_media is None
    assert c.ownership.page is None and c.disposal.on_request.page is None


def test_a_state_rider_without_structured_terms_is_accepted(tmp_path):
    rider = ("    statute: Fla. Stat. 1006.1494\n    terms:\n      no_sale: true\n      no_targeted_advertising: true\n"
             "      breach_window: 72 hours\n      breach_trigger: discovery\n      prohibited_elements_excluded: true\n")
    text = edited(rider, "")
    (florida,) = load(tmp_path, text).agreement.state_terms
    assert (florida.statute, florida.terms) == (None, None)


# --------------------------------------------------------------------- governing_state optional
def without_governing_state() -> str:
    return edited("  governing_state: FL\n", "", base_agreement_text())


def test_governing_state_may_be_left_out(tmp_path):
    assert load(tmp_path, without_governing_state()).agreement.term.governing_state is None


def test_no_governing_state_gets_the_base_policy_and_no_state_pack(tmp_path):
    pack = write(tmp_path, "policy_version: 1\nname: FL pack\napplies_to: {governing_state: [FL]}\n"
                           "rules: {DPA204: {severity: error}}\n", "fl-pack.yaml")
    manager = get_plugin_manager(autoload=False)
    policies = PolicySet(default_policy_path(), RuleRegistry.from_plugins(manager),
                         {**collect_presets(manager), "fl-test": pack})
    governed = policies.for_state(load(tmp_path, base_agreement_text()).agreement.term.governing_state)
    silent = policies.for_state(load(tmp_path, without_governing_state()).agreement.term.governing_state)
    assert "preset fl-test" in governed.layers
    assert "preset fl-test" not in silent.layers and silent.layers == policies.for_state(None).layers


def test_check_runs_every_rule_on_an_agreement_without_governing_state(tmp_path, monkeypatch):
    monkeypatch.setenv("DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD", "1")
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", str(write(tmp_path, without_governing_state()))], stdout=out, stderr=err)
    # Every rule ran and none failed; the one finding says state law was not checked (DPA121),
    # a question for a person, so the agreement needs review and the run does not pass.
    assert (code, err.getvalue()) == (1, "")
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and "DPA121 [governing-state-stated] needs review: " in lines[0]
    assert lines[1].startswith("1 agreement checked: 0 passed, 0 failed, 1 needs review; 1 finding (1 error), "
                               "1 for review.")


# ------------------------------------------------------------------- explicit null is refused
@pytest.mark.parametrize("snippet", [
    "    law_enforcement_delay: true",
    "    costs: vendor",
    "        window: 10 calendar days",
    "    no_sale: true",
    "    sanitization_covers_all_media: true",
    "    page: 2",
    "    period_months: 12",
    "    over_privacy_policy: true",
    "    window: 45 calendar days",
    "    location: named_countries",
    "    notice: 30 calendar days",
    "    no_termination_fee: true",
    "    training_required: true",
    "    statute: Fla. Stat. 1006.1494",
    "      breach_window: 72 hours",
    "  disposal_requested: 2026-07-15",
    "  sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "  reviewed_on: 2026-11-30",
])
def test_explicit_null_is_refused_at_its_line(tmp_path, snippet):
    key = snippet.split(":")[0]
    ((code, line, message),) = problems(tmp_path, edited(snippet + "\n", f"{key}: null\n"))
    assert code == "DPA002" and line == line_of(snippet)
    assert "is empty (null)" in message and "remove the key if the contract is silent" in message


@pytest.mark.parametrize("top", ["source", "review", "records"])
def test_explicit_null_for_a_whole_new_section_is_refused(tmp_path, top):
    start = FULL.index(f"\n{top}:\n") + 1
    end = FULL.find("\n\n", start)
    text = FULL[:start] + f"{top}: null\n" + (FULL[end + 2:] if end != -1 else "")
    ((code, line, message),) = problems(tmp_path, text)
    assert code == "DPA002" and line == text.splitlines().index(f"{top}: null") + 1 and top in message


# -------------------------------------------------------------------- unknown keys are refused
@pytest.mark.parametrize("snippet, typo, hint", [
    ("  sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "  sha265",
     "unknown field 'sha265' in source (did you mean 'sha256'?)"),
    ("  reviewer: J. Ruiz, General Counsel", "  reveiwer", "(did you mean 'reviewer'?)"),
    ("      no_sale: true", "      no_sell",
     "unknown field 'no_sell' in state_terms[0].terms (did you mean 'no_sale'?)"),
    ("    law_enforcement_delay: true", "    law_enforcement_hold", "(did you mean 'law_enforcement_delay'?)"),
    ("    countries: [US, CA]", "    regions", "allowed fields: citation, countries, location, page, text"),
    ("  disposal_requested: 2026-07-15", "  disposal_asked", "in records"),
    ("    period_months: 12", "    period_years", "in term.renewal"),
])
def test_unknown_key_is_refused_at_its_line(tmp_path, snippet, typo, hint):
    value = snippet.split(":", 1)[1]
    found = problems(tmp_path, edited(snippet + "\n", f"{typo}:{value}\n"))
    unknown = [(code, line) for code, line, message in found if f"unknown field {typo.strip()!r}" in message]
    assert unknown == [("DPA002", line_of(snippet))]
    assert any(hint in message for _, _, message in found)
    # a misspelled required key is also reported missing, at its mapping; nothing else is
    assert all("unknown field" in message or "missing required field" in message for _, _, message in found)


# -------------------------------------------------------------------- values the format refuses
@pytest.mark.parametrize("snippet, bad, expected", [
    ("    page: 2", "    page: 0", "clauses.ownership.page must be at least 1, got 0"),
    ("    window: 45 calendar days", "    window: 45 days", 'write "45 calendar days" or "45 business days"'),
    ("    costs: vendor", "    costs: supplier", "allowed: vendor, district, shared"),
    ("      - categories: [directory_information, student_generated_content]",
     "      - categories: [directory_info]", "(did you mean 'directory_information'?)"),
    ("    countries: [US, CA]", "    countries: [USA]", "A two-letter ISO 3166 country code"),
    ("  sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "  sha256: not-a-hash",
     "64 lowercase hexadecimal digits"),
    ("  format: pdf", "  format: rtf", "allowed: pdf, docx, text, html"),
    ("  status: confirmed", "  status: approved", "allowed: draft, confirmed"),
])
def test_a_bad_value_is_refused_with_a_schema_message_at_its_line(tmp_path, snippet, bad, expected):
    ((code, line, message),) = problems(tmp_path, edited(snippet + "\n", bad + "\n"))
    assert code == "DPA002" and line == line_of(snippet) and expected in message


# A rule about one field points at that field; a rule about a whole clause at its first line.
@pytest.mark.parametrize("old, new, at, expected", [
    ("  expires: 2027-06-30\n", "  expires: 2027-06-30\n  terminated: 2024-06-01\n", "  terminated: 2024-06-01",
     "term.terminated: the agreement was terminated (2024-06-01) before it took effect (2024-07-01)"),
    ("    countries: [US, CA]\n", "", "    citation: Section 6.2",
     "clauses.storage: location is named_countries: list the countries"),
    ("    location: named_countries\n", "    location: us_only\n", "    citation: Section 6.2",
     "clauses.storage: countries are listed only with location: named_countries"),
    ("      - categories: [directory_information, student_generated_content]\n",
     "      - categories: [directory_information, directory_information]\n",
     "      - categories: [directory_information, directory_information]",
     "clauses.breach_notification.by_category: directory_information is listed in more than one window"),
    ("    notice_to_district: true\n", "    notice_to_district: false\n", "    citation: Section 12.5",
     "clauses.sale_or_merger: notice is set but notice_to_district is false"),
    ("  reviewed_on: 2026-11-30\n", "  reviewed_on: 2026-11-30T09:00:00\n", "  reviewed_on: 2026-11-30T09:00:00",
     "review.reviewed_on: a date is written YYYY-MM-DD, such as 2024-07-01"),
])
def test_contradictions_the_schema_cannot_express_are_model_problems(tmp_path, old, new, at, expected):
    text = edited(old, new)
    ((code, line, message),) = problems(tmp_path, text)
    assert code == "DPA003" and line == line_of(at, text) and message.startswith(expected)


# --------------------------------------------------------------------- the confirmed review
@pytest.mark.parametrize("remove, missing", [
    ("  reviewer: J. Ruiz, General Counsel\n", ["reviewer"]),
    ("  reviewed_on: 2026-11-30\n", ["reviewed_on"]),
    ("  reviewer: J. Ruiz, General Counsel\n  reviewed_on: 2026-11-30\n", ["reviewer", "reviewed_on"]),
])
def test_a_confirmed_review_must_say_who_and_when(tmp_path, remove, missing):
    text = edited(remove, "")
    found = problems(tmp_path, text)
    review_line = line_of("review:", text)
    assert sorted(found) == sorted(("DPA002", review_line, f"missing required field {name!r} in review: a confirmed "
                                    "review names who checked it (reviewer) and when (reviewed_on)") for name in missing)


def test_the_model_itself_refuses_a_confirmed_review_without_reviewer():
    data = yaml.safe_load(FULL)
    data["review"] = {"status": "confirmed", "reviewed_on": "2026-11-30"}
    with pytest.raises(ValidationError, match="a confirmed review needs reviewer"):
        Agreement.model_validate(data)


def test_a_draft_review_needs_no_reviewer_yet(tmp_path):
    text = edited("  status: confirmed\n  reviewer: J. Ruiz, General Counsel\n  reviewed_on: 2026-11-30\n",
                  "  status: draft\n")
    review = load(tmp_path, text).agreement.review
    assert (review.status, review.reviewer, review.reviewed_on) == ("draft", None, None)


# ------------------------------------------------------------------ the split model module
def test_every_exported_model_name_still_imports_from_model_agreement():
    missing = [name for name in agreement_module.__all__ if not hasattr(agreement_module, name)]
    assert missing == []
    for name in ("Agreement", "Attachment", "Audit", "BreachNotification", "Clause", "Clauses", "DataShared",
                 "DataUse", "Disposal", "DisposalWindow", "FORMAT_VERSION", "LegalCompliance", "Ownership",
                 "Prohibitions", "Sanitization", "Security", "Subprocessors", "Term", "BreachContent", "BreachTrigger"):
        assert name in agreement_module.__all__, name
