"""Utah law through the CLI: Utah Code 53E-9-309 (the ut pack), including the version in
effect from 1 July 2026."""

from __future__ import annotations


def test_verify_ut_is_green(cli):
    result = cli("verify", "ut")
    assert result.code == 0, result.out
    assert "ut: " in result.out and "0 failed; 4 rules covered" in result.out


def test_a_utah_agreement_of_august_2026_passes_utah_law(cli, agreement):
    result = cli("check", "--format", "json", str(agreement("ut")))
    assert result.code == 0, result.out
    assert result.json()["findings"] == []


def test_a_termination_fee_fails_the_2026_version(cli, agreement):
    path = agreement("ut", {"clauses": {"termination": {"no_termination_fee": False}}})
    result = cli("check", "--format", "json", str(path))
    assert result.code == 1
    [finding] = result.findings("UTS")
    assert finding["code"] == "UTS101" and "from 1 July 2026" in finding["message"]


def test_an_agreement_from_before_july_2026_is_judged_by_the_prior_version(cli, agreement):
    path = agreement("ut", {"term": {"effective": "2026-06-01", "expires": "2029-05-31"},
                            "clauses": {"termination": None}})
    result = cli("check", "--format", "json", str(path))
    assert result.code == 0 and result.codes("UTS") == []


def test_no_audit_right_and_open_sharing_fail_53e_9_309(cli, agreement):
    path = agreement("ut", {"clauses": {"audit": None, "data_use": {"redisclosure": "permitted"}}})
    result = cli("check", "--format", "json", str(path))
    assert result.codes("UTS") == ["UTS301", "UTS401"]
    assert result.codes("DPA") == ["DPA301", "DPA402"]  # the NDPA baseline says so too, for its own reasons
