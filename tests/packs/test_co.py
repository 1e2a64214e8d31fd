"""Colorado law through the CLI: the Student Data Transparency and Security Act (the co pack)."""

from __future__ import annotations

from pathlib import Path

AGREEMENTS = Path(__file__).resolve().parents[2] / "agreements"


def test_verify_co_is_green(cli):
    result = cli("verify", "co")
    assert result.code == 0, result.out
    assert "co: " in result.out and "0 failed; 3 rules covered" in result.out


def test_a_colorado_agreement_passes_colorado_law(cli, agreement):
    result = cli("check", "--format", "json", str(agreement("co")))
    assert result.code == 0, result.out


def test_a_contract_that_does_not_name_the_act_fails_22_16_107(cli, agreement):
    path = agreement("co", {"clauses": {"legal_compliance": {"laws": ["ferpa", "coppa"]}}})
    result = cli("check", "--format", "json", str(path))
    assert result.code == 1
    [finding] = result.findings("COS")
    assert finding["code"] == "COS801" and "22-16-107(2)(a)" in finding["message"]


def test_a_contract_from_before_august_2016_is_not_held_to_it(cli, agreement):
    path = agreement("co", {"term": {"effective": "2015-07-01", "expires": "2018-06-30"},
                            "clauses": {"legal_compliance": {"laws": ["ferpa", "coppa"]}}})
    assert cli("check", "--format", "json", str(path)).codes("COS") == []


def test_no_destruction_after_the_contract_fails_22_16_110(cli, agreement):
    path = agreement("co", {"clauses": {"disposal": {"at_termination": None}}})
    result = cli("check", "--format", "json", str(path))
    assert result.codes("COS") == ["COS501"]


def test_the_harborlight_sample_meets_colorado_law(cli):
    result = cli("check", "--format", "json", str(AGREEMENTS / "harborlight.yaml"))
    assert result.codes("COS") == [] and result.code == 1  # it fails the NDPA baseline, not Colorado law
