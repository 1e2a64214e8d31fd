"""The district's own configuration, found without flags: .dpa-policy.yaml (or dpa-policy.yaml)
in the current folder or the nearest parent up to the repository root; flags override it,
--no-config ignores it, a mistake in it stops the run at its line and column, every summary
names it, and `policy show` says where each value came from."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path

import pytest

from dpa_policy.cli import main
from dpa_policy.testing import base_agreement_text

AS_OF = "2026-11-30"
LATE = (base_agreement_text().replace("window: 72 hours", "window: 5 business days")
        .replace("id: BASE-0001", "id: LATE-1"))
# A district that asks for notice within 48 hours: the base agreement's 72 hours then fails.
DISTRICT_POLICY = """\
policy_version: 1
name: Springfield district policy
extends: [ndpa, district-additions]
rules:
  breach-notice-window:
    options: {max_window: 48 hours}
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A district's repository: agreements/, a policy of its own, and a folder to work in."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "agreements").mkdir()
    (tmp_path / "agreements" / "good.yaml").write_text(base_agreement_text(), "utf-8")
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "district.yaml").write_text(DISTRICT_POLICY, "utf-8")
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def config(folder: Path, body: str, name: str = ".dpa-policy.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(body), "utf-8")
    return path


def test_the_district_policy_is_found_without_flags_from_a_subfolder(repo, monkeypatch):
    config(repo, "policy: policies/district.yaml\npaths: [agreements]\n")
    monkeypatch.chdir(repo / "docs")
    code, out, err = run("check", "--as-of", AS_OF)
    assert code == 1, err
    assert "../agreements/good.yaml:" in out and "DPA201 [breach-notice-window]" in out and "48 hours" in out
    assert out.splitlines()[-1].endswith("Policy: Springfield district policy (16 rules), config ../.dpa-policy.yaml, "
                                         "fail on error.")


def test_flags_override_the_configuration_and_no_config_ignores_it(repo):
    config(repo, "policy: policies/district.yaml\npaths: agreements\nfail_on: warning\n")
    (repo / "other").mkdir()
    (repo / "other" / "late.yaml").write_text(LATE, "utf-8")
    code, out, _ = run("check", "--as-of", AS_OF, "--policy", str(repo / "policies" / "district.yaml"), "other")
    assert "other/late.yaml" in out and "good.yaml" not in out  # PATH given: the configured paths are not used
    assert "fail on warning" in out  # what the flags left unsaid still comes from the file
    code, out, _ = run("check", "--as-of", AS_OF, "--fail-on", "error")
    assert code == 1 and "fail on error" in out and "config .dpa-policy.yaml" in out
    code, out, _ = run("check", "--as-of", AS_OF, "--no-config")
    assert code == 0 and "NDPA baseline" in out and "config" not in out


def test_the_nearest_configuration_wins_and_the_search_stops_at_the_repository_root(repo, monkeypatch):
    config(repo, "fail_on: warning\n")
    config(repo / "agreements", "fail_on: error\n", name="dpa-policy.yaml")
    monkeypatch.chdir(repo / "agreements")
    code, out, _ = run("check", "--as-of", AS_OF, "good.yaml")
    assert "config dpa-policy.yaml, fail on error" in out
    # A configuration above the repository root belongs to something else.
    inner = repo / "vendored"
    (inner / ".git").mkdir(parents=True)
    (inner / "a.yaml").write_text(base_agreement_text(), "utf-8")
    monkeypatch.chdir(inner)
    code, out, _ = run("check", "--as-of", AS_OF, "a.yaml")
    assert code == 0 and "config" not in out


def test_two_configuration_files_in_one_folder_are_ambiguous(repo):
    config(repo, "fail_on: warning\n")
    config(repo, "fail_on: error\n", name="dpa-policy.yaml")
    code, out, err = run("check", "--as-of", AS_OF)
    assert code == 2 and out == ""
    assert "two configuration files in one folder: .dpa-policy.yaml and dpa-policy.yaml; keep one" in err


@pytest.mark.parametrize("body, message", [
    ("polcy: policies/district.yaml\n",
     ".dpa-policy.yaml:1:1: 'polcy' is not a known key (did you mean 'policy'?); the keys are policy, paths, "
     "waivers, fail_on, as_of, jobs"),
    ("fail_on: maybe\n", ".dpa-policy.yaml:1:10: fail_on: must be error or warning, got 'maybe'"),
    ("as_of: 2026-02-30\n", ".dpa-policy.yaml:1:8: as_of: must be a date like 2026-07-01, got '2026-02-30'"),
    ("jobs: 0\n", ".dpa-policy.yaml:1:7: jobs: must be a whole number of at least 1, or auto, got 0"),
    ("paths: [agreements, contracts]\n",
     ".dpa-policy.yaml:1:21: paths: path not found: contracts"),
    ("policy: policies/distrcit.yaml\n",
     ".dpa-policy.yaml:1:9: policy: policy file not found: policies/distrcit.yaml"),
    ("fail_on: error\nfail_on: warning\n", ".dpa-policy.yaml:2:1: duplicate key 'fail_on'"),
    ("- policies/district.yaml\n", ".dpa-policy.yaml:1:1: a configuration file is a mapping of keys to values"),
])
def test_a_mistake_in_the_configuration_stops_the_run_at_its_line_and_column(repo, body, message):
    config(repo, body)
    code, out, err = run("check", "--as-of", AS_OF)
    assert code == 2 and out == ""
    assert err.startswith("dpa-policy: error: invalid configuration:\n") and message in err
    assert "Traceback" not in err
    # --no-config: the file is not read at all
    assert run("check", "--as-of", AS_OF, "--no-config")[0] == 0


def test_a_policy_written_in_the_configuration_is_applied_and_located_there(repo):
    config(repo, """\
        paths: [agreements]
        policy:
          policy_version: 1
          name: Inline district policy
          extends: [ndpa]
          rules:
            breach-notice-window: {options: {max_window: 48 hours}}
        """)
    code, out, _ = run("check", "--as-of", AS_OF)
    assert code == 1 and "DPA201" in out and "Policy: Inline district policy" in out
    code, out, _ = run("check", "--as-of", AS_OF, "--format", "json")
    (finding,) = [f for f in json.loads(out)["findings"] if f["code"] == "DPA201"]
    assert finding["layer"] == ".dpa-policy.yaml"
    config(repo, "policy:\n  policy_version: 1\n  name: Inline\n  rules:\n    breach-notice-windw: {}\n")
    code, _, err = run("check", "--as-of", AS_OF)
    assert code == 2 and ".dpa-policy.yaml:5:5: unknown rule 'breach-notice-windw' (did you mean " in err


def test_waivers_and_as_of_come_from_the_configuration(repo):
    (repo / "agreements" / "late.yaml").write_text(LATE, "utf-8")
    (repo / "waivers.yaml").write_text(textwrap.dedent("""\
        waivers_version: 1
        waivers:
          - agreement: LATE-1
            rule: breach-notice-window
            justification: Vendor's insurer requires 5 business days; amendment due in Q1.
            approver: Dana Whitfield, General Counsel
            expires: 2027-06-30
        """), "utf-8")
    config(repo, "waivers: waivers.yaml\nas_of: 2027-01-15\n")
    code, out, _ = run("check")
    assert code == 0 and "waived by Dana Whitfield, General Counsel until 2027-06-30" in out
    config(repo, "waivers: waivers.yaml\nas_of: 2027-07-01\n")  # the day after the waiver's expiry
    code, out, _ = run("check")
    assert code == 1 and "DPA901 [waiver-expired]" in out
    code, out, _ = run("check", "--as-of", "2027-01-15")  # the flag wins
    assert code == 0


def test_policy_show_says_where_each_value_came_from(repo):
    config(repo, "policy: policies/district.yaml\npaths: [agreements]\nfail_on: warning\n")
    code, out, _ = run("policy", "show")
    assert code == 0
    assert out.startswith(
        "configuration file: .dpa-policy.yaml\n"
        "  policy: policies/district.yaml  [.dpa-policy.yaml:1:9]\n"
        "  paths: agreements  [.dpa-policy.yaml:2:8]\n"
        "  waivers: none  [default]\n"
        "  fail_on: warning  [.dpa-policy.yaml:3:10]\n"
        "  as_of: today  [default]\n")
    assert "Springfield district policy (policies/district.yaml)" in out
    assert 'max_window: "48 hours"  [policies/district.yaml]' in out
    code, out, _ = run("policy", "show", "--policy", "policies/district.yaml", "--no-config")
    assert out.startswith("configuration file: none (--no-config)\n"
                          "  policy: policies/district.yaml  [command line --policy]\n"
                          "  paths: agreements (the default folder)  [default]\n")


def test_jobs_from_the_configuration_reach_the_run_and_change_no_output(repo):
    (repo / "agreements" / "late.yaml").write_text(LATE, "utf-8")
    one = run("check", "--as-of", AS_OF, "--no-cache", "--jobs", "1")
    config(repo, "jobs: 2\n")
    assert "  jobs: 2  [.dpa-policy.yaml:1:7]" in run("policy", "show")[1]
    two = run("check", "--as-of", AS_OF, "--no-cache")
    assert two[0] == one[0] == 1
    assert two[1] == one[1].replace("fail on error.", "config .dpa-policy.yaml, fail on error.")


def test_the_json_and_sarif_reports_name_the_configuration(repo):
    config(repo, "fail_on: error\n")
    report = json.loads(run("check", "--as-of", AS_OF, "--format", "json")[1])
    assert report["config_file"] == ".dpa-policy.yaml"
    sarif = json.loads(run("check", "--as-of", AS_OF, "--format", "sarif")[1])
    assert sarif["runs"][0]["properties"]["configFile"] == ".dpa-policy.yaml"
    report = json.loads(run("check", "--as-of", AS_OF, "--format", "json", "--no-config")[1])
    assert report["config_file"] is None


def test_no_output_ever_overwrites_the_configuration(repo):
    path = config(repo, "fail_on: error\n")
    code, _, err = run("check", "--as-of", AS_OF, "--no-config", "--output", ".dpa-policy.yaml")
    assert code == 2 and "it would overwrite .dpa-policy.yaml, the configuration file" in err
    assert path.read_text("utf-8") == "fail_on: error\n"
