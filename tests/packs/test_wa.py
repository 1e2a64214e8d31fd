"""Washington law through the CLI: the SUPER Act, RCW 28A.604 (the wa pack)."""

from __future__ import annotations


def test_verify_wa_is_green(cli):
    result = cli("verify", "wa")
    assert result.code == 0, result.out
    assert "wa: " in result.out and "0 failed; 2 rules covered" in result.out


def test_a_washington_agreement_passes_washington_law(cli, agreement):
    assert cli("check", str(agreement("wa"))).code == 0


def test_no_access_and_correction_fails_28a_604_020(cli, agreement):
    path = agreement("wa", {"clauses": {"parent_access": None}})
    result = cli("check", "--format", "json", str(path))
    assert result.code == 1
    [finding] = result.findings("WAS")
    assert finding["code"] == "WAS101" and finding["pointer"] == "/clauses/parent_access"


def test_contextual_advertising_is_not_targeted_advertising(cli, agreement):
    path = agreement("wa", {"clauses": {"data_use": {"carve_outs": ["contextual_advertising", "adaptive_learning"]}}})
    assert cli("check", "--format", "json", str(path)).codes("WAS") == []


def test_profiles_allowed_fail_28a_604_030(cli, agreement):
    path = agreement("wa", {"clauses": {"data_use": {"prohibits": {"non_educational_profiling": False}}}})
    assert cli("check", "--format", "json", str(path)).codes("WAS") == ["WAS401"]
