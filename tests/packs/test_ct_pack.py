"""The Connecticut pack as a district gets it with dpa-policy: listed, verified, its preset
joining Connecticut agreements by itself, removable by name; and one agreement that passes
Connecticut's breach rule while failing New York's."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from dpa_policy.packs.ct.rules import RULES

AGREEMENTS = Path(__file__).resolve().parents[2] / "agreements"
TESSELLATE = AGREEMENTS / "tessellate.yaml"  # Connecticut (CT) sample
READWELL = AGREEMENTS / "readwell.yaml"  # New York (NY) sample
CT_BASE = Path(str(resources.files("dpa_policy.packs.ct").joinpath("testdata", "ct-base-agreement.yaml")))
CTS_CODES = ["CTS101", "CTS102", "CTS201", "CTS401", "CTS501", "CTS502"]
WINDOW = "/clauses/breach_notification/window"


def _layers(report: dict, path: Path) -> list[str]:
    (agreement,) = [a for a in report["agreements"] if a["path"].endswith(path.name)]
    return agreement["policy_layers"]


def _cts(report: dict, path: Path) -> list[tuple[str, str, str]]:
    return sorted((f["code"], f["pointer"], f["layer"]) for f in report["findings"]
                  if f["file"].endswith(path.name) and f["code"].startswith("CTS"))


# ---------------------------------------------------------------------------- shipped
def test_verify_ct_exits_0_and_covers_every_rule(cli):
    result = cli("verify", "ct")
    assert result.code == 0, result.out + result.err
    assert "ct: " in result.out and "0 failed; 6 rules covered" in result.out


def test_rules_lists_every_cts_rule_beside_the_builtins(cli):
    result = cli("rules")
    assert result.code == 0, result.err
    listed = {line.split()[0]: line.split()[1] for line in result.out.splitlines() if line.strip()}
    assert {code: listed.get(code) for code in CTS_CODES} == {rule.code: rule.slug for rule in RULES}
    assert "DPA201" in listed


def test_plugins_lists_the_pack_as_built_in(cli):
    result = cli("plugins")
    assert result.code == 0, result.err
    (line,) = [line for line in result.out.splitlines() if line.startswith("ct ")]
    assert "built in" in line and "6 rules (CTS101-CTS502)" in line and "presets: ct" in line


def test_explain_shows_the_documentation_and_option_defaults(cli):
    result = cli("explain", "ct-breach-notice-window")
    assert result.code == 0, result.err
    assert "CTS201 ct-breach-notice-window" in result.out and "from plugin ct" in result.out
    assert 'max_window: "30 calendar days"' in result.out
    assert 'accepted_triggers: ["incident", "discovery"]' in result.out


def test_the_ct_preset_enables_exactly_the_cts_rules(cli, tmp_path):
    policy = tmp_path / "ct-only.yaml"
    policy.write_text("policy_version: 1\nname: Connecticut only\nextends: [ct]\nstate_packs: none\n", "utf-8")
    shown = cli("policy", "show", "--policy", str(policy))
    assert shown.code == 0, shown.err
    enabled = sorted(line.split()[0] for line in shown.out.splitlines() if "[enabled by preset ct" in line)
    assert enabled == CTS_CODES


@pytest.mark.parametrize("state, joined", [("CT", True), ("NY", False), ("FL", False)])
def test_the_default_policy_adds_the_preset_for_ct_agreements_only(cli, state, joined):
    shown = cli("policy", "show", "--state", state)
    assert shown.code == 0, shown.err
    assert ("preset ct" in shown.out) is joined
    assert ("CTS201" in shown.out) is joined


# -------------------------------------------------------------- the pack on CT agreements
def test_the_ct_sample_gets_the_pack_under_the_default_policy(cli):
    result = cli("check", "--format", "json", str(TESSELLATE), str(READWELL))
    assert result.code == 1, result.out + result.err  # both fail a breach rule
    report = result.json()
    assert "preset ct" in _layers(report, TESSELLATE)
    assert "preset ct" not in _layers(report, READWELL)
    # Tessellate follows the NDPA: 72 hours from *confirmation*. Connecticut counts 30 days
    # from discovery (10-234dd [S]), and confirmation can come later, so the clock start is
    # the one CT finding; everything else in the sample meets the CT terms.
    assert _cts(report, TESSELLATE) == [("CTS201", "/clauses/breach_notification/trigger", "preset ct")]
    assert _cts(report, READWELL) == []


def test_a_compliant_ct_agreement_passes_connecticut_law(cli):
    result = cli("check", "--format", "json", str(CT_BASE))
    assert result.code == 0, result.out + result.err
    assert "preset ct" in result.json()["agreements"][0]["policy_layers"]
    assert result.codes("CTS") == []


def test_disable_plugin_ct_removes_the_rules_and_the_preset(cli):
    rules = cli("rules", "--disable-plugin", "ct")
    assert rules.code == 0, rules.err
    assert "CTS" not in rules.out and "DPA201" in rules.out

    result = cli("check", "--format", "json", "--disable-plugin", "ct", str(TESSELLATE))
    # Its one error was Connecticut's; without the pack, Connecticut law goes unchecked (DPA122).
    assert result.code == 1, result.out + result.err
    report = result.json()
    # (and DPA502: it names only NIST SP 800-88 Rev. 1, withdrawn before the date judged)
    assert [(f["code"], f["outcome"]) for f in report["findings"]] == [("DPA122", "review"), ("DPA502", "review")]
    assert "preset ct" not in _layers(report, TESSELLATE)
    assert _cts(report, TESSELLATE) == []
    assert all(not rule["code"].startswith("CTS") for rule in report["policy"]["rules"])

    assert cli("verify", "ct", "--disable-plugin", "ct").code == 2
    assert cli("policy", "show", "--state", "CT", "--disable-plugin", "ct").out.count("CTS") == 0


# -------------------------------------------------------------- one agreement, two states
def _ten_day_agreement(tmp_path: Path) -> Path:
    """The CT base agreement with a breach notice 10 calendar days after discovery:
    inside Connecticut's 30 days, outside New York's 7 calendar days."""
    text = CT_BASE.read_text(encoding="utf-8")
    old = ("    window: 72 hours\n", "    trigger: discovery\n", "seventy-two (72) hours of discovering")
    new = ("    window: 10 calendar days\n", "    trigger: discovery\n", "ten (10) calendar days of discovering")
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


def test_ten_days_from_discovery_passes_the_ct_policy(cli, tmp_path):
    agreement = _ten_day_agreement(tmp_path)
    result = cli("check", "--format", "json", "--policy", str(_policy(tmp_path, "ct")), str(agreement))
    report = result.json()
    assert "CTS201" in [rule["code"] for rule in report["policy"]["rules"]]
    assert _breach_window_findings(report) == []
    assert (result.code, report["findings"]) == (0, []), "the CT policy should pass the agreement as a whole"


def test_the_same_agreement_passes_ct_and_fails_ny(cli, tmp_path):
    agreement = _ten_day_agreement(tmp_path)
    ct = cli("check", "--format", "json", "--policy", str(_policy(tmp_path, "ct")), str(agreement))
    ny = cli("check", "--format", "json", "--policy", str(_policy(tmp_path, "ny")), str(agreement))
    assert ct.code == 0, ct.out + ct.err
    assert ny.code == 1, ny.out + ny.err
    assert _breach_window_findings(ct.json()) == []
    # New York's 7 calendar days reject the 10-day window; no CT or core rule has a say.
    assert _breach_window_findings(ny.json()) == [("NYS201", "preset ny")]
    (finding,) = [f for f in ny.json()["findings"] if f["pointer"] == WINDOW]
    assert finding["observed"] == "10 calendar days"
