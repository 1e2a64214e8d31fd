"""Texas law through the CLI: Education Code 32.151-32.157 (the tx pack)."""

from __future__ import annotations

from pathlib import Path

AGREEMENTS = Path(__file__).resolve().parents[2] / "agreements"


def test_verify_tx_is_green(cli):
    result = cli("verify", "tx")
    assert result.code == 0, result.out
    assert "tx: " in result.out and "0 failed; 2 rules covered" in result.out


def test_a_texas_agreement_passes_texas_law(cli, agreement):
    assert cli("check", str(agreement("tx"))).code == 0


def test_the_brightleaf_sample_fails_32_152_and_32_153(cli):
    result = cli("check", "--format", "json", str(AGREEMENTS / "brightleaf.yaml"))
    assert result.code == 1
    findings = {f["code"]: f for f in result.findings("TXS")}
    assert sorted(findings) == ["TXS401", "TXS402"]
    assert findings["TXS401"]["pointer"] == "/clauses/data_use/prohibits/non_educational_profiling"
    assert findings["TXS402"]["observed"] == "permitted" and "32.153" in findings["TXS402"]["message"]


def test_marketing_to_parents_is_not_a_texas_statute_finding(cli, agreement):
    path = agreement("tx", {"clauses": {"data_use": {"prohibits": {"marketing": False}}}})
    result = cli("check", "--format", "json", str(path))
    assert result.codes("TXS") == [] and result.codes() == ["DPA401"]  # the NDPA baseline's, not Texas law's
