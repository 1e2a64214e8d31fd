"""Maryland law through the CLI: Education Article 4-131 (the md pack)."""

from __future__ import annotations


def test_verify_md_is_green(cli):
    result = cli("verify", "md")
    assert result.code == 0, result.out
    assert "md: " in result.out and "0 failed; 2 rules covered" in result.out


def test_a_maryland_agreement_passes_maryland_law(cli, agreement):
    result = cli("check", "--format", "json", str(agreement("md")))
    assert result.code == 0, result.out
    assert "preset md" in result.json()["agreements"][0]["policy_layers"]


def test_targeted_advertising_and_open_disclosure_fail_4_131(cli, agreement):
    path = agreement("md", {"clauses": {"data_use": {"prohibits": {"targeted_advertising": False},
                                                     "redisclosure": "permitted"}}})
    result = cli("check", "--format", "json", str(path))
    assert result.code == 1
    assert result.codes("MDS") == ["MDS401", "MDS402"]
    assert all(f["layer"] == "preset md" and "4-131" in f["message"] for f in result.findings("MDS"))


def test_what_domain_md_leaves_unconfirmed_is_not_checked_as_maryland_law(cli, agreement):
    """Deletion on request and a breach deadline are [U] for Maryland: no MDS rule judges them;
    the NDPA baseline's own numbers (DPA201, DPA501) still apply."""
    path = agreement("md", {"clauses": {"disposal": {"on_request": None},
                                        "breach_notification": {"window": "30 calendar days"}}})
    result = cli("check", "--format", "json", str(path))
    assert result.codes("MDS") == []
    assert result.codes("DPA") == ["DPA201", "DPA501"]


def test_disable_plugin_md_keeps_maryland_law_out(cli, agreement):
    path = agreement("md", {"clauses": {"data_use": {"redisclosure": "permitted"}}})
    assert cli("check", "--format", "json", str(path)).codes("MDS") == ["MDS402"]
    kept_out = cli("check", "--disable-plugin", "md", "--format", "json", str(path))
    assert kept_out.codes("MDS") == [] and kept_out.codes() == ["DPA122", "DPA402"]  # Maryland law unchecked
