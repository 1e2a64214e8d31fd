"""The command line: every exit code, both formats, and the promises around them."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dpa_policy.cli import main
from dpa_policy.testing import base_agreement_text

ROOT = Path(__file__).resolve().parents[1]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def passing(tmp_path: Path) -> Path:
    path = tmp_path / "good.yaml"
    path.write_text(base_agreement_text(), "utf-8")
    return path


@pytest.fixture
def failing(tmp_path: Path) -> Path:
    path = tmp_path / "late.yaml"
    # 5 business days can span 7 calendar days: longer than the NDPA's 72 hours, within Florida's
    # 10 days (the base agreement is governed by Florida law, so the fl pack checks it too).
    path.write_text(base_agreement_text().replace("window: 72 hours", "window: 5 business days")
                    .replace("id: BASE-0001", "id: LATE-0001"), "utf-8")
    return path


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(base_agreement_text().replace("  audit:", "  audit:\n  audit:"), "utf-8")
    return path


def test_clean_agreement_exits_0(passing):
    code, out, err = run("check", str(passing))
    assert code == 0 and err == ""
    assert out == ("1 agreement checked: 1 passed, 0 failed; 0 findings. "
                   "Policy: NDPA baseline (23 rules), fail on error.\n")


def test_violation_exits_1_with_grep_friendly_line(failing):
    code, out, _ = run("check", str(failing))
    assert code == 1
    first = out.splitlines()[0]
    line = base_agreement_text().splitlines().index("    window: 72 hours") + 1
    assert first.startswith(f"{failing.as_posix()}:{line}:13: DPA201 [breach-notice-window] breach notice window 5 business days")
    assert out.splitlines()[-1].startswith("1 agreement checked: 0 passed, 1 failed; 1 finding (1 error)")


def test_unloadable_agreement_is_a_finding_and_the_others_are_still_checked(broken, failing, passing):
    code, out, _ = run("check", str(broken), str(failing), str(passing))
    assert code == 1
    assert ": DPA004 [duplicate-key] duplicate key 'audit'" in out
    assert ": DPA201 [breach-notice-window]" in out
    assert "3 agreements checked: 1 passed, 2 failed" in out


def test_warnings_do_not_fail_unless_asked(tmp_path):
    path = tmp_path / "thin-notice.yaml"
    path.write_text(base_agreement_text().replace("reporter_contact, ", ""), "utf-8")
    code, out, _ = run("check", str(path))
    assert code == 0 and "DPA204 [breach-notice-contents]" in out and "(warning)" in out
    code, out, _ = run("check", "--fail-on", "warning", str(path))
    assert code == 1 and "(warning)" not in out


def test_folder_is_searched_and_output_is_sorted(tmp_path, failing):
    sub = tmp_path / "b"
    sub.mkdir()
    (sub / "z.yml").write_text(failing.read_text().replace("id: LATE-0001", "id: LATE-0002"))
    (tmp_path / "a.yaml").write_text(failing.read_text().replace("id: LATE-0001", "id: LATE-0003"))
    (tmp_path / "notes.txt").write_text("not an agreement")
    hidden = tmp_path / ".git"
    hidden.mkdir()
    (hidden / "x.yaml").write_text("not: checked")
    code, out, _ = run("check", str(tmp_path))
    files = [line.split(":")[0] for line in out.splitlines()[:-1]]
    assert files == sorted(files) and len(files) == 3
    assert "4 agreements" not in out and "3 agreements checked" in out


def test_no_agreements_is_not_a_pass(tmp_path):
    code, out, err = run("check", str(tmp_path))
    assert code == 2 and out == ""
    assert "no agreement files" in err and "--allow-empty" in err
    code, out, _ = run("check", "--allow-empty", str(tmp_path))
    assert code == 0 and "0 agreements checked" in out


def test_missing_path_exits_2(tmp_path):
    code, _, err = run("check", str(tmp_path / "nope.yaml"))
    assert code == 2 and "path not found" in err


@pytest.mark.parametrize("argv", [["check", "--format", "xml"], ["check", "--fail-on", "never"],
                                  ["check", "--bogus"], [], ["explain", "DPA999"]])
def test_usage_errors_exit_2_without_traceback(argv):
    code, _, err = run(*argv)
    assert code == 2 and "Traceback" not in err and err.startswith("dpa-policy: error:")


def test_unknown_rule_in_policy_exits_2_naming_file_line_and_key(tmp_path, passing):
    policy = tmp_path / "district.yaml"
    policy.write_text("policy_version: 1\nname: district\nrules:\n  breach-notice-windw: {}\n")
    code, _, err = run("check", "--policy", str(policy), str(passing))
    assert code == 2
    assert f"{policy}:4:3: unknown rule 'breach-notice-windw' (did you mean 'breach-notice-window'?)" in err


def test_invalid_option_in_policy_exits_2(tmp_path, passing):
    policy = tmp_path / "district.yaml"
    policy.write_text("policy_version: 1\nname: district\nrules:\n  DPA201:\n"
                      "    options: {max_window: 3 days, max_windw: 1 hours}\n")
    code, _, err = run("check", "--policy", str(policy), str(passing))
    assert code == 2
    assert "rule DPA201 (breach-notice-window): option 'max_window'" in err and "ambiguous" in err
    assert "option 'max_windw': is not a known option" in err


def test_policy_with_duplicate_key_or_yaml11_value_exits_2(tmp_path, passing):
    policy = tmp_path / "district.yaml"
    policy.write_text("policy_version: 1\nname: x\nrules:\n  DPA101: {}\n  DPA101: {}\n")
    code, _, err = run("check", "--policy", str(policy), str(passing))
    assert code == 2 and f"{policy}:5:3: duplicate key 'DPA101'" in err


def test_policy_naming_a_rule_twice_exits_2(tmp_path, passing):
    policy = tmp_path / "district.yaml"
    policy.write_text("policy_version: 1\nname: x\nrules:\n  DPA201: {}\n  breach-notice-window: {}\n")
    code, _, err = run("check", "--policy", str(policy), str(passing))
    assert code == 2 and "configured twice" in err


def test_missing_policy_file_exits_2(tmp_path, passing):
    code, _, err = run("check", "--policy", str(tmp_path / "none.yaml"), str(passing))
    assert code == 2 and "policy file not found" in err


def test_policy_options_change_the_verdict(tmp_path, failing):
    policy = tmp_path / "lenient.yaml"
    policy.write_text("policy_version: 1\nname: lenient\nrules:\n  DPA201:\n"
                      "    options: {max_window: 14 calendar days}\n")
    code, out, _ = run("check", "--policy", str(policy), str(failing))
    assert code == 0, out


def test_crashing_rule_exits_3_and_is_never_a_pass(monkeypatch, passing):
    from dpa_policy.rules.ownership import DistrictDataOwnership

    def boom(self, agreement, options):
        raise KeyError("district")

    monkeypatch.setattr(DistrictDataOwnership, "check", boom)
    code, out, _ = run("check", str(passing))
    assert code == 3
    assert "internal error: rule DPA101 [district-data-ownership] crashed: KeyError: 'district'" in out
    code, out, _ = run("check", "--format", "json", str(passing))
    assert code == 3 and json.loads(out)["internal_errors"][0]["code"] == "DPA101"


def test_unexpected_failure_exits_3_with_a_short_message(monkeypatch, passing):
    import dpa_policy.core.checking

    monkeypatch.setattr(dpa_policy.core.checking, "load_agreement_bytes", lambda raw, path: 1 / 0)
    code, _, err = run("check", str(passing))
    assert code == 3 and "internal error: ZeroDivisionError" in err and "Traceback" not in err
    code, _, err = run("--debug", "check", str(passing))
    assert code == 3 and "Traceback" in err


def test_json_report(failing, broken):
    code, out, _ = run("check", "--format", "json", str(failing), str(broken))
    report = json.loads(out)
    assert code == 1 == report["exit_code"]
    assert report["format"] == "dpa-policy-report" and report["format_version"] == 1
    assert report["summary"] == {"agreements": 2, "passed": 0, "failed": 2, "needs_review": 0, "incomplete": 0,
                                 "findings": 2, "review_findings": 0, "waived": 0, "internal_errors": 0,
                                 "by_severity": {"error": 2, "warning": 0, "info": 0},
                                 "complete": True, "crashed_rules": []}
    assert report["as_of"] == "2026-11-30"  # the suite's clock (tests/conftest.py); --as-of otherwise
    codes = [(f["code"], f["slug"]) for f in report["findings"]]
    assert codes == [("DPA004", "duplicate-key"), ("DPA201", "breach-notice-window")]
    window = report["findings"][1]
    assert window["pointer"] == "/clauses/breach_notification/window" and window["outcome"] == "violation"
    assert window["observed"] == "5 business days" and window["required"] == "notice within 72 hours"
    assert [a["loaded"] for a in report["agreements"]] == [False, True]


def test_output_is_deterministic(tmp_path, failing, broken):
    first = run("check", "--format", "json", str(broken), str(failing))[1]
    second = run("check", "--format", "json", str(failing), str(broken))[1]
    assert first == second


def test_output_file_is_written_whole(tmp_path, failing):
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    code, out, _ = run("check", "--format", "json", "--output", str(target), str(failing))
    assert code == 1 and out == ""
    assert json.loads(target.read_text())["exit_code"] == 1
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]  # no temp file left


def test_unwritable_output_exits_2(tmp_path, failing):
    code, _, err = run("check", "--output", str(tmp_path / "missing-dir" / "r.txt"), str(failing))
    assert code == 2 and "cannot write" in err


def test_agreements_are_never_modified(tmp_path, failing, broken):
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (failing, broken)}
    run("check", "--format", "json", str(tmp_path))
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in before} == before


def test_rules_lists_every_rule():
    code, out, _ = run("rules")
    assert code == 0
    codes = [line.split()[0] for line in out.splitlines()]
    assert codes == sorted(codes) and {"DPA101", "DPA201", "DPA301", "DPA401", "DPA502"} <= set(codes)
    line = next(line for line in out.splitlines() if line.startswith("DPA201"))
    assert line.split()[:3] == ["DPA201", "breach-notice-window", "error"]
    assert line.endswith("Breach notice to the district must arrive within the policy's maximum window.")


@pytest.mark.parametrize("selector", ["DPA201", "breach-notice-window"])
def test_explain_by_code_or_slug(selector):
    code, out, _ = run("explain", selector)
    assert code == 0
    assert out.startswith("DPA201 breach-notice-window  (default severity: error")
    assert "Legal basis" in out and "Passing example" in out and 'max_window: "72 hours"' in out


def test_explain_suggests_a_close_rule():
    code, _, err = run("explain", "breach-notice-windo")
    assert code == 2 and "did you mean 'breach-notice-window'" in err


def test_schema_prints_the_packaged_schema():
    code, out, _ = run("schema")
    assert code == 0 and json.loads(out)["title"] == "dpa-policy agreement"


def test_version():
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("dpa-policy ")


def test_python_m_and_the_console_script_behave_the_same(failing):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    module = subprocess.run([sys.executable, "-m", "dpa_policy", "check", str(failing)],
                            capture_output=True, text=True, env=env)
    assert module.returncode == 1 and "DPA201" in module.stdout
    assert main(["check", str(failing)], stdout=io.StringIO(), stderr=io.StringIO()) == module.returncode


def test_default_path_is_agreements_folder(tmp_path, monkeypatch, failing):
    monkeypatch.chdir(tmp_path)
    code, _, err = run("check")
    assert code == 2 and "default folder 'agreements'" in err
    (tmp_path / "agreements").mkdir()
    (tmp_path / "agreements" / "a.yaml").write_text(failing.read_text())
    code, out, _ = run("check")
    assert code == 1 and out.startswith("agreements/a.yaml:")


# ------------------------------------------------------------------ the exit-code contract
def _finding(code: str, severity, waived: bool = False):
    from dpa_policy.findings import Finding

    return Finding("a.yaml", 3, 5, code, "slug", severity, "message", waiver=object() if waived else None)


def _crash():
    from dpa_policy.core.engine import RuleCrash

    return RuleCrash("DPA101", "district-data-ownership", "a.yaml", "KeyError: 'district'", "Traceback ...")


@pytest.mark.parametrize("findings, waiver_findings, crashes, fail_on, expected", [
    ([], [], 0, "error", 0),
    ([("DPA201", "error")], [], 0, "error", 1),
    ([("DPA204", "warning")], [], 0, "error", 0),
    ([("DPA204", "warning")], [], 0, "warning", 1),
    ([("DPA201", "error", "waived")], [], 0, "error", 0),
    ([], [("DPA901", "error")], 0, "error", 1),  # the waivers file's own findings count
    ([], [], 1, "error", 3),
    ([("DPA201", "error")], [], 1, "error", 3),  # a crash wins over findings: never "just findings"
    ([("DPA201", "error"), ("DPA204", "warning")], [("DPA901", "error")], 2, "warning", 3),
], ids=["clean", "error", "warning-below-fail-on", "warning-at-fail-on", "waived", "waiver-file-finding",
        "crash", "crash-and-findings", "crash-and-everything"])
def test_run_report_exit_code(findings, waiver_findings, crashes, fail_on, expected):
    from dpa_policy.core.policy import ResolvedPolicy
    from dpa_policy.core.report import AgreementResult, RunReport
    from dpa_policy.findings import Severity

    def made(items):
        return [_finding(code, Severity.parse(severity), waived=bool(rest)) for code, severity, *rest in items]

    report = RunReport(ResolvedPolicy("p", "p.yaml", ()), Severity.parse(fail_on),
                       results=[AgreementResult("a.yaml", made(findings))], crashes=[_crash()] * crashes,
                       waiver_findings=made(waiver_findings))
    assert report.exit_code() == expected
