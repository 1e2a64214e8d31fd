"""State packs at work: the CT preset joins CT agreements by itself, leaves when disabled,
and the same agreement can pass Connecticut's breach rule while failing New York's."""

from __future__ import annotations

from pathlib import Path

import pytest

from ct_support import AGREEMENTS, CT_BASE, dpa_policy

TESSELLATE = AGREEMENTS / "tessellate.yaml"  # Connecticut (CT) sample
READWELL = AGREEMENTS / "readwell.yaml"  # New York (NY) sample
WINDOW = "/clauses/breach_notification/window"


def _check(*args: str, exit_code: int) -> dict:
    result = dpa_policy("check", "--format", "json", *args)
    assert result.returncode == exit_code, result.stdout + result.stderr
    report = result.json()
    assert report["internal_errors"] == []
    return report


def _layers(report: dict, path: Path) -> list[str]:
    (agreement,) = [a for a in report["agreements"] if a["path"].endswith(path.name)]
    return agreement["policy_layers"]


def _cts(report: dict, path: Path) -> list[tuple[str, str, str]]:
    return sorted((f["code"], f["pointer"], f["layer"]) for f in report["findings"]
                  if f["file"].endswith(path.name) and f["code"].startswith("CTS"))


def test_the_ct_sample_gets_the_pack_under_the_default_policy():
    assert TESSELLATE.is_file(), f"the CT sample agreement is missing: {TESSELLATE}"
    report = _check(str(TESSELLATE), str(READWELL), exit_code=1)  # both fail a breach rule
    assert "preset ct" in _layers(report, TESSELLATE)
    assert "preset ct" not in _layers(report, READWELL)
    # Tessellate follows the NDPA: 72 hours from *confirmation*. Connecticut counts 30 days
    # from discovery (10-234dd [S]), and confirmation can come later, so the clock start is
    # the one CT finding; everything else in the sample meets the CT terms.
    assert _cts(report, TESSELLATE) == [("CTS201", "/clauses/breach_notification/trigger", "preset ct")]
    assert _cts(report, READWELL) == []


def test_disable_plugin_ct_removes_the_rules_and_the_preset():
    rules = dpa_policy("rules", "--disable-plugin", "ct")
    assert rules.returncode == 0, rules.stderr
    assert "CTS" not in rules.stdout and "DPA201" in rules.stdout

    report = _check("--disable-plugin", "ct", str(TESSELLATE), exit_code=0)  # its one finding was CT's
    assert "preset ct" not in _layers(report, TESSELLATE)
    assert _cts(report, TESSELLATE) == []
    assert all(not rule["code"].startswith("CTS") for rule in report["policy"]["rules"])

    # The pack's name is gone for verify and for policies too.
    assert dpa_policy("verify", "ct", "--disable-plugin", "ct").returncode == 2
    assert dpa_policy("policy", "show", "--state", "CT", "--disable-plugin", "ct").stdout.count("CTS") == 0


# -------------------------------------------------------------- one agreement, two states
def _ten_day_agreement(tmp_path: Path) -> Path:
    """The CT base agreement with a breach notice 10 calendar days after discovery:
    inside Connecticut's 30 days, outside New York's 7 calendar days."""
    text = CT_BASE.read_text(encoding="utf-8")
    old = ("    window: 72 hours\n", "    trigger: discovery\n",
           "seventy-two (72) hours of discovering")
    new = ("    window: 10 calendar days\n", "    trigger: discovery\n",
           "ten (10) calendar days of discovering")
    for before, after in zip(old, new):
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    path = tmp_path / "ten-days.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _policy(tmp_path: Path, state_preset: str) -> Path:
    path = tmp_path / f"federal-{state_preset}.yaml"
    path.write_text(
        "policy_version: 1\n"
        f"name: federal baseline plus {state_preset}\n"
        f"extends: [federal, {state_preset}]\n"
        "state_packs: none\n",
        encoding="utf-8",
    )
    return path


def _breach_window_findings(report: dict) -> list[tuple[str, str]]:
    # The federal baseline has no breach rule, so a finding here comes from the state pack.
    return [(f["code"], f["layer"]) for f in report["findings"] if f["pointer"] == WINDOW]


def test_ten_days_from_discovery_passes_the_ct_policy(tmp_path):
    agreement = _ten_day_agreement(tmp_path)
    result = dpa_policy("check", "--format", "json", "--policy", str(_policy(tmp_path, "ct")), str(agreement))
    report = result.json()
    assert "CTS201" in [rule["code"] for rule in report["policy"]["rules"]]
    assert _breach_window_findings(report) == []
    assert [f for f in report["findings"] if f["code"] == "CTS201"] == []
    assert (result.returncode, report["findings"]) == (0, []), "the CT policy should pass the agreement as a whole"


def test_the_same_agreement_passes_ct_and_fails_ny(tmp_path):
    pytest.importorskip("dpa_policy_ny", reason="the New York pack (plugins/dpa-policy-ny) is not installed")
    agreement = _ten_day_agreement(tmp_path)

    ct = dpa_policy("check", "--format", "json", "--policy", str(_policy(tmp_path, "ct")), str(agreement))
    ny = dpa_policy("check", "--format", "json", "--policy", str(_policy(tmp_path, "ny")), str(agreement))
    assert ct.returncode == 0, ct.stdout + ct.stderr
    assert ny.returncode == 1, ny.stdout + ny.stderr

    assert _breach_window_findings(ct.json()) == []
    # New York's 7 calendar days reject the 10-day window; no CT or core rule has a say.
    assert _breach_window_findings(ny.json()) == [("NYS201", "preset ny")]
    (finding,) = [f for f in ny.json()["findings"] if f["pointer"] == WINDOW]
    assert finding["observed"] == "10 calendar days"
