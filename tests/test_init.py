"""`dpa-policy init [DIR] [--state XX]` sets up a folder a district can check right away, and
never overwrites anything; `dpa-policy schema --write PATH` writes the schema it points at."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dpa_policy.cli import main
from dpa_policy.core.document import load_agreement

AS_OF = "2026-11-30"
WRITTEN = [".dpa-policy.yaml", "policies/district.yaml", "schema/agreement-1.schema.json",
           "agreements/example-ny.yaml", ".pre-commit-config.yaml"]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_init_sets_up_a_folder_that_checks_and_passes_without_flags(repo):
    code, out, err = run("init", "--state", "ny")
    assert code == 0, err
    assert out.splitlines()[:5] == [f"created {name}" for name in WRITTEN]
    assert out.endswith("next: `dpa-policy check` checks agreements/ with policies/district.yaml\n")
    code, out, err = run("check", "--as-of", AS_OF)
    assert code == 0, out + err
    assert out.splitlines()[-1].startswith("1 agreement checked: 1 passed")
    assert "Policy: District policy (" in out and "config .dpa-policy.yaml" in out
    shown = run("policy", "show", "--state", "NY")[1]
    assert "  policy: policies/district.yaml  [.dpa-policy.yaml:5:9]" in shown and "preset ny" in shown


def test_the_example_is_governed_by_the_state_and_points_at_the_schema_written_beside_it(repo):
    run("init", "--state", "NY")
    example = repo / "agreements" / "example-ny.yaml"
    first = example.read_text("utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/agreement-1.schema.json"
    assert (example.parent / first.split("$schema=")[1]).resolve() == (repo / "schema" / "agreement-1.schema.json")
    loaded = load_agreement(example)
    assert loaded.agreement.term.governing_state == "NY" == loaded.agreement.parties.district.state
    # The schema file is the one `dpa-policy schema` prints, byte for byte.
    assert (repo / "schema" / "agreement-1.schema.json").read_text("utf-8") == run("schema")[1]


def test_a_state_without_a_pack_gets_an_example_under_its_own_law_and_is_told_so(repo):
    code, out, _ = run("init", "--state", "OH")
    assert code == 0
    assert "dpa-policy ships no rule pack for Ohio law" in out
    text = (repo / "agreements" / "example-oh.yaml").read_text("utf-8")
    assert "Florida" not in text and "fl_1002_222" not in text
    agreement = load_agreement(repo / "agreements" / "example-oh.yaml").agreement
    assert agreement.term.governing_state == "OH" == agreement.parties.district.state
    report = json.loads(run("check", "--as-of", AS_OF, "--format", "json")[1])
    assert [a["loaded"] for a in report["agreements"]] == [True]


def test_without_a_state_the_example_says_whose_law_it_is(repo):
    code, out, _ = run("init")
    assert code == 0 and "created agreements/example-fl.yaml" in out
    assert "`dpa-policy init --state XX` writes your state's" in out
    assert run("check", "--as-of", AS_OF)[0] == 0


def test_init_never_overwrites_and_prints_the_hook_for_an_existing_precommit_config(repo):
    (repo / ".pre-commit-config.yaml").write_text("repos: []\n", "utf-8")
    (repo / "policies").mkdir()
    (repo / "policies" / "district.yaml").write_text("# ours\n", "utf-8")
    code, out, _ = run("init", "--state", "NY")
    assert code == 0
    assert "skipped policies/district.yaml: it exists (left as it is)" in out
    assert "skipped .pre-commit-config.yaml: it exists (left as it is); add this hook to it:\n  - repo: local\n" in out
    assert "        entry: dpa-policy check\n" in out
    assert (repo / ".pre-commit-config.yaml").read_text("utf-8") == "repos: []\n"
    assert (repo / "policies" / "district.yaml").read_text("utf-8") == "# ours\n"
    before = snapshot(repo)
    code, out, _ = run("init", "--state", "CA")  # again, another state: everything is there already
    assert code == 0 and "created" not in out
    assert out.endswith("next: `dpa-policy policy show` says which configuration and policy apply\n")
    assert "skipped agreements/example-ca.yaml: agreements/ already holds agreements" in out
    assert snapshot(repo) == before


def test_init_into_a_new_folder_and_refusals(repo):
    code, out, _ = run("init", "district", "--state", "wa")
    assert code == 0 and "created district/agreements/example-wa.yaml" in out
    assert "next: `cd district && dpa-policy check`" in out
    assert sorted(snapshot(repo / "district")) == sorted(WRITTEN[:3] + ["agreements/example-wa.yaml", WRITTEN[4]])
    (repo / "a-file").write_text("x", "utf-8")
    code, _, err = run("init", "a-file")
    assert code == 2 and "init needs a folder, but a-file is a file" in err
    code, _, err = run("init", "--state", "XX")
    assert code == 2 and "--state must be a two-letter US state code, got 'XX'" in err


def test_schema_write_writes_and_replaces_the_schema_file(repo):
    code, out, _ = run("schema", "--write", "editor/agreement.schema.json")
    assert code == 0
    assert out == ("wrote editor/agreement.schema.json; an agreement in agreements/ points at it with this first line:\n"
                   "# yaml-language-server: $schema=../editor/agreement.schema.json\n")
    written = repo / "editor" / "agreement.schema.json"
    assert written.read_text("utf-8") == run("schema")[1]
    written.write_text("{}", "utf-8")  # an older copy is replaced whole
    assert run("schema", "--write", str(written))[0] == 0
    assert json.loads(written.read_text("utf-8"))["title"] == "dpa-policy agreement"


@pytest.mark.precommit
def test_the_written_precommit_hook_checks_a_changed_agreement_with_the_district_policy(tmp_path):
    """The real pre-commit, on the .pre-commit-config.yaml init writes (a local hook: no
    package index needed), in a real git repository."""
    pre_commit = shutil.which("pre-commit") or shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    dpa_policy = shutil.which("dpa-policy", path=str(Path(sys.executable).parent))
    if pre_commit is None or dpa_policy is None or shutil.which("git") is None:
        pytest.skip("needs git, pre-commit and dpa-policy installed")
    env = {**os.environ, "PATH": f"{Path(dpa_policy).parent}{os.pathsep}{os.environ['PATH']}",
           "PRE_COMMIT_HOME": str(tmp_path / ".cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}

    def sh(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)

    assert sh("git", "init", "-q", ".").returncode == 0
    assert main(["init", str(tmp_path), "--state", "NY"], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    example = tmp_path / "agreements" / "example-ny.yaml"
    late = example.read_text("utf-8").replace("window: 72 hours", "window: 96 hours")
    assert late != example.read_text("utf-8")
    example.write_text(late, "utf-8")
    sh("git", "add", "-A")
    run_hook = sh(pre_commit, "run", "--files", "agreements/example-ny.yaml")
    assert run_hook.returncode == 1, run_hook.stdout + run_hook.stderr
    assert "DPA201 [breach-notice-window]" in run_hook.stdout
    assert "config .dpa-policy.yaml" in run_hook.stdout and "Policy: District policy" in run_hook.stdout
