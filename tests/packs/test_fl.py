"""Florida law through the CLI: Fla. Stat. 1006.1494, 1002.222 and 501.171 (the fl pack)."""

from __future__ import annotations

from pathlib import Path

AGREEMENTS = Path(__file__).resolve().parents[2] / "agreements"
# A biometric element with its purpose stated, so the district-additions minimisation rule
# (DPA403) has nothing to say and only Florida's prohibition is at stake.
LUNCH_LINE_FINGERPRINTS = {"other_elements": ["Fingerprint template for the lunch line"],
                           "purposes": ["Let students pay in the lunch line with a fingerprint scan."]}


def test_verify_fl_is_green(cli):
    result = cli("verify", "fl")
    assert result.code == 0, result.out
    assert "fl: " in result.out and "0 failed; 5 rules covered" in result.out


def test_a_florida_ndpa_agreement_passes_florida_law(cli, agreement):
    result = cli("check", "--format", "json", str(agreement("fl")))
    assert result.code == 0, result.out
    assert result.json()["findings"] == []
    assert "preset fl" in result.json()["agreements"][0]["policy_layers"]


def test_biometric_data_is_an_error_florida_schools_may_not_hold(cli, agreement):
    path = agreement("fl", {"data": {"student": LUNCH_LINE_FINGERPRINTS}})
    result = cli("check", "--format", "json", str(path))
    assert result.code == 1
    [finding] = result.findings("FLS")
    assert finding["code"] == "FLS402" and finding["severity"] == "error" and finding["layer"] == "preset fl"
    assert finding["pointer"] == "/data/student/other_elements/0" and "1002.222(1)(a)" in finding["message"]
    assert result.findings("DPA") == []  # no other law forbids collecting it (and its purpose is stated)


def test_a_parents_religion_and_voting_record_are_errors_too(cli, agreement):
    path = agreement("fl", {"data": {"parent_guardian": {
        "elements": ["parent_contact.email"], "other_elements": ["Religion", "Voting history"],
        "purposes": ["Send reading reports home."]}}})
    result = cli("check", "--format", "json", str(path))
    assert result.code == 1 and result.codes("FLS") == ["FLS402", "FLS402"]


def test_the_same_data_under_another_states_law_is_not_judged_by_florida(cli, agreement):
    path = agreement("fl", {"term": {"governing_state": "TX"},
                            "data": {"student": {"other_elements": ["Fingerprint template for the lunch line"]}}})
    result = cli("check", "--format", "json", str(path))
    assert result.codes("FLS") == []
    assert "preset fl" not in result.json()["agreements"][0]["policy_layers"]


def test_a_late_notice_and_promptly_fail_florida(cli, agreement):
    path = agreement("fl", {"clauses": {
        "breach_notification": {"window": "15 calendar days", "trigger": "determination"},
        "disposal": {"on_request": {"within": None}},
    }})
    result = cli("check", "--format", "json", str(path))
    assert result.code == 1
    assert result.codes("FLS") == ["FLS201", "FLS501"]
    window = next(f for f in result.findings("FLS") if f["code"] == "FLS201")
    assert window["observed"] == "15 calendar days" and "501.171(6)(a)" in window["message"]


def test_seven_days_from_determination_meet_florida_but_not_the_ndpa(cli, agreement):
    path = agreement("fl", {"clauses": {"breach_notification": {"window": "7 calendar days"}}})
    result = cli("check", "--format", "json", str(path))
    assert result.codes("FLS") == [] and result.codes("DPA2") == ["DPA201"]


def test_the_samples_promptly_disposal_fails_florida(cli):
    result = cli("check", "--format", "json", str(AGREEMENTS / "dashpass.yaml"))
    assert [f["pointer"] for f in result.findings("FLS")] == ["/clauses/disposal/on_request/within"]


def test_disable_plugin_fl_keeps_florida_law_out(cli, agreement):
    path = agreement("fl", {"data": {"student": LUNCH_LINE_FINGERPRINTS}})
    result = cli("check", "--disable-plugin", "fl", "--format", "json", str(path))
    # No Florida finding; instead the run says Florida law went unchecked: never a silent pass.
    assert result.code == 1 and [(f["code"], f["outcome"]) for f in result.findings()] == [("DPA122", "review")]
    assert result.json()["agreements"][0]["verdict"] == "needs review"
    assert "preset fl" not in result.json()["agreements"][0]["policy_layers"]


def test_explain_says_what_is_secondary(cli):
    result = cli("explain", "fl-deletion-after-unenrollment")
    assert result.code == 0 and "from plugin fl" in result.out
    assert "[S" in result.out and "Unconfirmed" in result.out and 'max_within: "90 calendar days"' in result.out

