"""A preset's ``applies_to``: which agreements it joins under ``state_packs: auto``, by
governing state and by the template the agreement follows (``term.model``), as a
contract-template pack (plugins/dpa-policy-sdpc-regional) declares it.

The pack here is built in memory, so nothing depends on which packs are installed.
"""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path

import pytest
import yaml

from dpa_policy.cli import main
from dpa_policy.testing import base_agreement_text, merge, write_distribution

PACK = '''
from pathlib import Path
from dpa_policy import Rule, RuleOptions, Violation, hookimpl

class FormBreachWindow(Rule):
    """A template's own breach window.

    What it checks
        The breach notice clause is present.
    """

    code = "TPL201"
    slug = "tpl-breach-clause"

    def check(self, agreement, options):
        if agreement.clauses.breach_notification is None:
            yield Violation(("clauses",), "no breach clause", observed="absent")

@hookimpl
def dpa_policy_rules():
    return [FormBreachWindow]

@hookimpl
def dpa_policy_presets():
    return {"tpl": Path(__file__).with_name("tpl.yaml")}
'''


@pytest.fixture
def template_pack(tmp_path, monkeypatch):
    """Install a pack whose preset ``tpl`` has the applies_to the test writes."""

    def install(applies_to: str) -> None:
        folder = tmp_path / "site"
        folder.mkdir(exist_ok=True)
        module = f"tpl_pack_{abs(hash(str(tmp_path)))}"
        (folder / f"{module}.py").write_text(textwrap.dedent(PACK), "utf-8")
        (folder / "tpl.yaml").write_text(
            f"policy_version: 1\nname: A contract template\napplies_to: {applies_to}\n"
            "rules:\n  TPL201: {}\n", "utf-8")
        monkeypatch.syspath_prepend(str(folder))
        write_distribution(folder, "tpl-pack", {"tpl": module})
        monkeypatch.delenv("DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD", raising=False)

    return install


def write(tmp_path: Path, name: str, term: dict) -> Path:
    """The base agreement (Florida, a custom contract) with ``term`` merged onto its term."""
    data = merge(yaml.safe_load(base_agreement_text()), {"term": term})
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    return path


def layers(*paths: Path) -> dict[str, list[str]]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--format", "json", *map(str, paths)], stdout=out, stderr=err)
    assert code in (0, 1), err.getvalue()
    return {Path(a["path"]).name: a["policy_layers"] for a in json.loads(out.getvalue())["agreements"]}


def test_a_preset_can_apply_to_a_template_in_every_state(tmp_path, template_pack):
    template_pack("{model: [state_dpa]}")
    joined = layers(write(tmp_path, "ma.yaml", {"governing_state": "MA", "model": "state_dpa"}),
                    write(tmp_path, "fl.yaml", {"model": "state_dpa"}),
                    write(tmp_path, "unstated.yaml", {"governing_state": None, "model": "state_dpa"}),
                    write(tmp_path, "custom.yaml", {"governing_state": "MA"}))
    assert {name: "preset tpl" in found for name, found in joined.items()} == {
        "ma.yaml": True, "fl.yaml": True, "unstated.yaml": True, "custom.yaml": False}


def test_state_and_model_must_both_hold(tmp_path, template_pack):
    template_pack("{governing_state: [MA, RI], model: [ndpa]}")
    joined = layers(write(tmp_path, "ma-ndpa.yaml", {"governing_state": "MA", "model": "ndpa", "model_version": "1.0"}),
                    write(tmp_path, "ri-ndpa.yaml", {"governing_state": "RI", "model": "ndpa", "model_version": "1.0"}),
                    write(tmp_path, "ma-custom.yaml", {"governing_state": "MA"}),
                    write(tmp_path, "ny-ndpa.yaml", {"governing_state": "NY", "model": "ndpa", "model_version": "1.0"}))
    assert {name: "preset tpl" in found for name, found in joined.items()} == {
        "ma-ndpa.yaml": True, "ri-ndpa.yaml": True, "ma-custom.yaml": False, "ny-ndpa.yaml": False}
    # Where it joins: after the presets the policy extends, before the policy file itself.
    assert joined["ma-ndpa.yaml"][-2:] == ["preset tpl", "default policy (NDPA baseline)"]


def test_a_state_only_preset_still_joins_every_template_of_its_state(tmp_path, template_pack):
    template_pack("{governing_state: [MA]}")
    joined = layers(write(tmp_path, "custom.yaml", {"governing_state": "MA"}),
                    write(tmp_path, "ndpa.yaml", {"governing_state": "MA", "model": "ndpa", "model_version": "2.0"}))
    assert all("preset tpl" in found for found in joined.values())


@pytest.mark.parametrize("applies_to, message", [
    ("{}", "applies_to names no governing_state and no model"),
    ("{model: [contract]}", "applies_to.model.0"),
    ("{model: []}", "applies_to.model"),
])
def test_an_applies_to_that_cannot_apply_stops_the_run_naming_the_preset(tmp_path, template_pack, applies_to, message):
    template_pack(applies_to)
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", str(write(tmp_path, "a.yaml", {}))], stdout=out, stderr=err)
    assert code == 2
    assert "preset tpl:" in err.getvalue() and message in err.getvalue()
