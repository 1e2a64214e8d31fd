"""Virginia law through the CLI: Va. Code 22.1-289.01 (the va pack)."""

from __future__ import annotations

from pathlib import Path

AGREEMENTS = Path(__file__).resolve().parents[2] / "agreements"


def test_verify_va_is_green(cli):
    result = cli("verify", "va")
    assert result.code == 0, result.out
    assert "va: " in result.out and "0 failed; 2 rules covered" in result.out


def test_a_virginia_agreement_passes_virginia_law(cli, agreement):
    assert cli("check", str(agreement("va"))).code == 0


def test_the_routewise_sample_meets_virginia_law(cli):
    result = cli("check", "--format", "json", str(AGREEMENTS / "routewise.yaml"))
    assert result.codes("VAS") == [] and result.codes("DPA502") == ["DPA502", "DPA502"]


def test_sale_allowed_and_no_deletion_on_request_fail_22_1_289_01(cli, agreement):
    path = agreement("va", {"clauses": {"data_use": {"prohibits": {"sale": False}},
                                        "disposal": {"on_request": None}}})
    result = cli("check", "--format", "json", str(path))
    assert result.code == 1
    assert result.codes("VAS") == ["VAS401", "VAS501"]
