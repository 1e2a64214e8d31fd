"""California law through the CLI: Ed. Code 49073.1 and SOPIPA, B&P 22584 (the ca pack)."""

from __future__ import annotations


def test_verify_ca_is_green(cli):
    result = cli("verify", "ca")
    assert result.code == 0, result.out
    assert "ca: " in result.out and "0 failed; 9 rules covered" in result.out


def test_a_ca_ndpa_agreement_passes_california_law(cli, agreement):
    result = cli("check", "--format", "json", str(agreement("ca")))
    assert result.code == 0, result.out
    assert result.json()["findings"] == []


def test_an_agreement_without_49073_1_terms_fails_them_one_by_one(cli, agreement):
    path = agreement("ca", {"clauses": {"parent_access": None, "confidentiality": None,
                                        "disposal": {"written_certification": False}}})
    result = cli("check", "--format", "json", str(path))
    assert result.code == 1
    assert result.codes("CAS") == ["CAS103", "CAS104", "CAS502"]
    assert all("49073.1" in f["message"] or f["observed"] == "absent" for f in result.findings("CAS"))
    # the certificate is also the district-additions preset's DPA503: both say who requires it
    layers = {f["code"]: f["layer"] for f in result.findings()}
    assert layers["CAS502"] == "preset ca" and layers["DPA503"] == "preset district-additions"


def test_sopipa_forbids_profiles_whatever_the_ndpa_baseline_says(cli, agreement):
    path = agreement("ca", {"clauses": {"data_use": {"prohibits": {"non_educational_profiling": False}}}})
    result = cli("check", "--format", "json", str(path))
    [sopipa] = result.findings("CAS")
    assert sopipa["code"] == "CAS401" and "22584(b)" in sopipa["message"]


def test_a_ca_ndpa_exhibit_g_can_carry_the_sopipa_prohibitions(cli, agreement):
    rider = {"state": "CA", "citation": "Exhibit G", "text": "Provider shall not sell pupil information or use "
             "it for targeted advertising.", "terms": {"no_sale": True, "no_targeted_advertising": True}}
    path = agreement("ca", {"clauses": {"data_use": {"prohibits": {"sale": None, "targeted_advertising": None}}},
                            "state_terms": [rider]})
    result = cli("check", "--format", "json", str(path))
    assert result.codes("CAS") == []
    assert result.codes("DPA4") == ["DPA401", "DPA401"]  # the NDPA baseline reads the clause itself


def test_the_same_agreement_under_oregon_law_is_not_judged_by_california(cli, agreement):
    path = agreement("ca", {"term": {"governing_state": "OR"}, "clauses": {"parent_access": None}})
    result = cli("check", "--format", "json", str(path))
    assert result.codes("CAS") == []
