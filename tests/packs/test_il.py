"""Illinois law through the CLI: SOPPA, 105 ILCS 85 (the il pack)."""

from __future__ import annotations

from pathlib import Path

AGREEMENTS = Path(__file__).resolve().parents[2] / "agreements"


def test_verify_il_is_green(cli):
    result = cli("verify", "il")
    assert result.code == 0, result.out
    assert "il: " in result.out and "0 failed; 7 rules covered" in result.out


def test_a_soppa_agreement_passes_illinois_law(cli, agreement):
    result = cli("check", "--format", "json", str(agreement("il")))
    assert result.code == 0, result.out
    assert result.json()["findings"] == []


def test_an_agreement_silent_on_breach_costs_fails_soppa(cli, agreement):
    path = agreement("il", {"clauses": {"breach_notification": {"costs": None}}})
    result = cli("check", "--format", "json", str(path))
    assert result.code == 1
    [finding] = result.findings("ILS")
    assert finding["code"] == "ILS202" and finding["pointer"] == "/clauses/breach_notification/costs"
    assert finding["layer"] == "preset il" and finding["observed"] == "not stated"


def test_the_stepwise_sample_is_silent_on_breach_costs(cli):
    result = cli("check", "--format", "json", str(AGREEMENTS / "stepwise.yaml"))
    assert result.codes("ILS") == ["ILS202"]  # its 30 days after determination meet SOPPA


def test_thirty_days_after_determination_meet_soppa_and_fail_the_ndpa(cli, agreement):
    path = agreement("il", {"clauses": {"breach_notification": {"window": "30 calendar days",
                                                                "trigger": "determination"}}})
    result = cli("check", "--format", "json", str(path))
    assert result.codes("ILS") == []
    assert result.codes("DPA2") == ["DPA201", "DPA202"]


def test_forty_five_days_fail_soppa(cli, agreement):
    path = agreement("il", {"clauses": {"breach_notification": {"window": "45 calendar days"}}})
    result = cli("check", "--format", "json", str(path))
    assert result.codes("ILS") == ["ILS201"]


def test_no_period_for_deletion_and_no_framework_fail_soppa(cli, agreement):
    path = agreement("il", {"clauses": {"disposal": {"at_termination": {"within": None}},
                                        "security": {"frameworks": None}}})
    result = cli("check", "--format", "json", str(path))
    assert result.codes("ILS") == ["ILS502", "ILS601"]


def test_disable_plugin_il_keeps_illinois_law_out(cli, agreement):
    path = agreement("il", {"clauses": {"breach_notification": {"costs": None}}})
    result = cli("check", "--disable-plugin", "il", str(path))
    # Illinois law unchecked is a question for a person (DPA122), not a pass.
    assert result.code == 1 and "DPA122 [state-pack-available] needs review: no rule pack for IL" in result.out, result.out
