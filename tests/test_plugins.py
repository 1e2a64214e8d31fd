"""Plugin discovery, validation and failure modes, with entry points built in memory.

Nothing here depends on which packs happen to be installed: each test replaces the
entry-point list with its own (flake8's finder tests do the same).
"""

from __future__ import annotations

import io
import json
import textwrap
from importlib import metadata
from pathlib import Path

import pytest

from dpa_policy.cli import main
from dpa_policy.errors import PluginError
from dpa_policy.plugins import get_plugin_manager
from dpa_policy.registry import RuleRegistry
from dpa_policy.testing import base_agreement_text, write_distribution

GOOD_PACK = '''
from typing import Iterator
from pathlib import Path
from dpa_policy import Rule, RuleOptions, Violation, hookimpl
from dpa_policy.rule import clause_path

class ParentPortal(Rule):
    """Parents must be able to see what is shared.

    What it checks
        The agreement lists at least one purpose for parent/guardian data.
    """

    code = "ACME101"
    slug = "acme-parent-portal"
    clause = "data_use"
    tags = ("acme",)

    def check(self, agreement, options) -> Iterator[Violation]:
        if agreement.data.parent_guardian is None:
            yield Violation(("data",), "no parent data purposes", observed="absent")
        if agreement.id == "CRASH":
            raise RuntimeError("boom")

@hookimpl
def dpa_policy_rules():
    return [ParentPortal]

@hookimpl
def dpa_policy_presets():
    return {"acme": Path(__file__).with_name("acme.yaml")}
'''

ACME_PRESET = "policy_version: 1\nname: Acme pack\nrules:\n  ACME101: {}\n"


def make_pack(tmp_path: Path, monkeypatch, name: str, source: str, entry_name: str | None = None, preset: str | None = None):
    """Write a module to a folder on sys.path and return an entry point for it.

    The module name is unique per test: Python caches imported modules by name."""
    folder = tmp_path / f"site-{name}"
    folder.mkdir()
    name = f"{name}_{abs(hash(str(tmp_path)))}"
    (folder / f"{name}.py").write_text(textwrap.dedent(source))
    if preset is not None:
        (folder / "acme.yaml").write_text(preset)
    monkeypatch.syspath_prepend(str(folder))
    return metadata.EntryPoint(name=entry_name or name, value=name, group="dpa_policy")


def install(monkeypatch, tmp_path, *entry_points):
    """Install the packs as pip would: one distribution declaring their entry points."""
    site = tmp_path / "site-packages"
    write_distribution(site, "acme-packs", {ep.name: ep.value for ep in entry_points})
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv("DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD", raising=False)


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


@pytest.fixture
def agreement(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(base_agreement_text())  # passes every built-in rule
    return path


def test_a_pack_contributes_rules_listed_with_the_builtins(tmp_path, monkeypatch):
    install(monkeypatch, tmp_path, make_pack(tmp_path, monkeypatch, "acme_pack", GOOD_PACK, "acme", ACME_PRESET))
    code, out, _ = run("rules")
    assert code == 0 and "ACME101  acme-parent-portal" in out and "DPA201" in out
    code, out, _ = run("plugins")
    assert "acme" in out and "rule ACME101" in out and "presets: acme" in out


def test_pack_preset_can_be_extended_and_finding_records_its_layer(tmp_path, monkeypatch):
    install(monkeypatch, tmp_path, make_pack(tmp_path, monkeypatch, "acme_pack", GOOD_PACK, "acme", ACME_PRESET))
    policy = tmp_path / "district.yaml"
    policy.write_text("policy_version: 1\nname: district\nextends: [acme]\n")
    path = tmp_path / "no-parents.yaml"
    text = base_agreement_text()
    start = text.index("  parent_guardian:")
    end = text.index("clauses:")
    path.write_text(text[:start] + "  student:\n    elements: [student_name.first_last]\n    purposes: [Reading.]\n\n" + text[end:])
    code, out, _ = run("check", "--format", "json", "--policy", str(policy), str(path))
    report = json.loads(out)
    assert code == 1
    assert [(f["code"], f["layer"]) for f in report["findings"]] == [("ACME101", "preset acme")]


def test_a_pack_that_fails_to_import_stops_the_run_with_exit_2(tmp_path, monkeypatch, agreement):
    install(monkeypatch, tmp_path, make_pack(tmp_path, monkeypatch, "broken_pack", "import no_such_module_xyz\n", "broken"))
    code, out, err = run("check", str(agreement))
    assert code == 2 and out == ""
    assert "plugin 'broken'" in err and "failed to load" in err and "no_such_module_xyz" in err


def test_disable_plugin_skips_a_broken_pack(tmp_path, monkeypatch, agreement):
    install(monkeypatch, tmp_path, make_pack(tmp_path, monkeypatch, "broken_pack", "import no_such_module_xyz\n", "broken"))
    code, _, _ = run("check", "--disable-plugin", "broken", str(agreement))
    assert code == 0


def test_autoload_can_be_turned_off_by_environment(tmp_path, monkeypatch, agreement):
    install(monkeypatch, tmp_path, make_pack(tmp_path, monkeypatch, "broken_pack", "import no_such_module_xyz\n", "broken"))
    monkeypatch.setenv("DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD", "1")
    code, out, err = run("rules")
    assert code == 0 and err == "" and "DPA201" in out  # the broken pack was never imported


def test_builtins_cannot_be_disabled():
    with pytest.raises(PluginError, match="built in and cannot be disabled"):
        get_plugin_manager(autoload=False, blocked=("dpa_policy.rules",))


NO_DOC = GOOD_PACK[: GOOD_PACK.index('    """Parents')] + GOOD_PACK[GOOD_PACK.index('    code = "ACME101"'):]


@pytest.mark.parametrize("source, message", [
    (GOOD_PACK.replace('code = "ACME101"', 'code = "DPA999"'), "reserved for built-in rules"),
    (GOOD_PACK.replace('code = "ACME101"', 'code = "acme-1"'), "must be 2-5 capital letters and 3 digits"),
    (GOOD_PACK.replace('slug = "acme-parent-portal"', 'slug = "Acme_Portal"'), "lower kebab-case"),
    (GOOD_PACK.replace('slug = "acme-parent-portal"', 'slug = "breach-notice-window"'),
     "provided twice: by plugin 'dpa_policy.rules'"),
    (NO_DOC, "has no documentation"),
    (GOOD_PACK.replace('    tags = ("acme",)', '    tags = ("acme",)\n    Options = dict'), "must declare Options"),
], ids=["dpa-prefix", "bad-code", "bad-slug", "slug-clash", "no-doc", "bad-options"])
def test_invalid_rules_are_refused_at_registration_naming_the_pack(tmp_path, monkeypatch, source, message):
    install(monkeypatch, tmp_path, make_pack(tmp_path, monkeypatch, "acme_pack", source, "acme"))
    code, _, err = run("rules")
    assert code == 2, err
    assert "plugin 'acme'" in err and message in err


def test_two_packs_with_the_same_code_name_both(tmp_path, monkeypatch):
    first = make_pack(tmp_path, monkeypatch, "acme_pack", GOOD_PACK, "acme")
    second = make_pack(tmp_path, monkeypatch, "other_pack", GOOD_PACK.replace('"acme-parent-portal"', '"other-portal"'), "other")
    install(monkeypatch, tmp_path, first, second)
    code, _, err = run("rules")
    assert code == 2 and "'ACME101' is provided twice: by plugin 'acme'" in err and "by plugin 'other'" in err


def test_a_misspelled_hook_is_an_error_not_silence(tmp_path, monkeypatch):
    source = GOOD_PACK.replace("def dpa_policy_rules():", "def dpa_policy_rule():")
    install(monkeypatch, tmp_path, make_pack(tmp_path, monkeypatch, "acme_pack", source, "acme"))
    code, _, err = run("rules")
    assert code == 2 and "plugin 'acme' is invalid" in err and "dpa_policy_rule" in err


def test_a_crashing_pack_rule_exits_3_naming_rule_and_file(tmp_path, monkeypatch):
    install(monkeypatch, tmp_path, make_pack(tmp_path, monkeypatch, "acme_pack", GOOD_PACK, "acme", ACME_PRESET))
    policy = tmp_path / "p.yaml"
    policy.write_text("policy_version: 1\nname: p\nextends: [ndpa, acme]\n")
    path = tmp_path / "crash.yaml"
    path.write_text(base_agreement_text().replace("id: BASE-0001", "id: CRASH"))
    code, out, _ = run("check", "--policy", str(policy), str(path))
    assert code == 3
    assert f"{path.as_posix()}: internal error: rule ACME101 [acme-parent-portal] crashed: RuntimeError: boom" in out


def test_a_crash_beside_findings_still_exits_3(tmp_path, monkeypatch):
    """Findings from the rules that ran do not turn a crash into an ordinary failure (exit 1)."""
    install(monkeypatch, tmp_path, make_pack(tmp_path, monkeypatch, "acme_pack", GOOD_PACK, "acme", ACME_PRESET))
    policy = tmp_path / "p.yaml"
    policy.write_text("policy_version: 1\nname: p\nextends: [ndpa, acme]\n")
    path = tmp_path / "crash-and-late.yaml"
    path.write_text(base_agreement_text().replace("id: BASE-0001", "id: CRASH")
                    .replace("window: 72 hours", "window: 5 business days"))
    code, out, _ = run("check", "--policy", str(policy), str(path))
    assert code == 3, out
    assert f"{path.as_posix()}: internal error: rule ACME101 [acme-parent-portal] crashed: RuntimeError: boom" in out
    assert ": DPA201 [breach-notice-window] breach notice window 5 business days" in out
    code, out, _ = run("check", "--format", "json", "--policy", str(policy), str(path))
    report = json.loads(out)
    assert code == 3 == report["exit_code"]
    assert [f["code"] for f in report["findings"]] == ["DPA201"]
    assert [e["code"] for e in report["internal_errors"]] == ["ACME101"]


def test_a_pack_reporter_becomes_a_format(tmp_path, monkeypatch, agreement):
    source = '''
from dpa_policy import hookimpl
from dpa_policy.reporters import Reporter

class Count(Reporter):
    name = "count"
    def render(self, report):
        return f"{len(report.findings)}\\n"

@hookimpl
def dpa_policy_reporters():
    return {"count": Count}
'''
    install(monkeypatch, tmp_path, make_pack(tmp_path, monkeypatch, "count_pack", source, "count"))
    code, out, _ = run("check", "--format", "count", str(agreement))
    assert (code, out) == (0, "0\n")


def test_registry_is_sorted_and_keyed_by_code_and_slug():
    registry = RuleRegistry.from_plugins(get_plugin_manager(autoload=False))
    codes = [e.code for e in registry]
    assert codes == sorted(codes)
    assert registry.get("DPA201") is registry.get("breach-notice-window")
