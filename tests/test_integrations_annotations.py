"""GitHub annotations and JUnit as a district's CI shows them.

GitHub shows at most 10 annotations of each level per step: dpa-policy writes the ten that
matter most (every failing agreement before any agreement's second), says how many it left
out, and appends the full list to the job summary. JUnit has one failure per failed test
case, with ``file`` and ``time``, so junitparser's counts and the attributes agree.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dpa_policy.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "agreements"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """The ten samples in a district's git work tree, checked from a subfolder."""
    for name in ("GITHUB_WORKSPACE", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD", "1")
    root = tmp_path / "district"
    (root / ".git").mkdir(parents=True)
    (root / "contracts").mkdir()
    for sample in SAMPLES.glob("*.yaml"):
        (root / "contracts" / sample.name).write_text(sample.read_text())
    monkeypatch.chdir(root / "contracts")
    return root


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", *argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


ANNOTATION = re.compile(r"^::(error|warning|notice) file=([^,]+),line=\d+,col=\d+,title=([^:]+)::", re.M)


def test_at_most_ten_annotations_per_level_every_failing_agreement_first(repo):
    code, out, _ = run("--format", "text", ".")
    every = [line for line in out.splitlines() if re.match(r"^\S+\.yaml:\d+:\d+: ", line)]
    _, annotated, _ = run("--format", "github", ".")
    found = ANNOTATION.findall(annotated)
    assert code == 1 and len(every) > 20  # the samples have more findings than GitHub shows
    for level in ("error", "warning", "notice"):
        assert sum(1 for lvl, _, _ in found if lvl == level) <= 10
    errors = [file for level, file, _ in found if level == "error"]
    # Blocking findings have no "(warning)"/"(info)" suffix in the text format.
    failing = {line.split(":")[0] for line in every if not line.endswith(("(warning)", "(info)"))}
    assert len(errors) == 10 and len(set(errors)) == min(10, len(failing))  # one each before any second
    assert all(file.startswith("contracts/") for _, file, _ in found)  # from the repository root
    left_out = len(every) - len(found)
    assert annotated.splitlines()[-2] == (
        f"dpa-policy: {left_out} more annotations not shown (GitHub shows at most 10 errors, 10 warnings "
        "and 10 notices per step); run with --format text to list every finding.")


def test_the_full_list_is_appended_to_the_job_summary(repo, tmp_path, monkeypatch):
    summary = tmp_path / "step_summary.md"
    summary.write_text("## Earlier step\n\nkept\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run("--format", "github", ".")
    text = summary.read_text()
    assert code == 1 and text.startswith("## Earlier step\n\nkept\n## dpa-policy:")
    _, plain, _ = run("--format", "text", ".")
    findings = [line for line in plain.splitlines() if re.match(r"^\S+\.yaml:\d+:\d+: ", line)]
    rows = [line for line in text.splitlines() if line.startswith("| `") and ".yaml:" in line]
    assert len(rows) == len(findings) > 10
    assert out.splitlines()[-2].endswith("; the job summary lists every finding.")
    assert re.match(r"\d+ agreements checked: ", out.splitlines()[-1])  # the summary closes, as in text
    run("--format", "github", ".")  # a second run appends again: nothing is replaced
    assert summary.read_text().count("## dpa-policy:") == 2


def test_a_summary_that_cannot_be_written_is_said_and_changes_no_exit_code(repo, tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "missing-folder" / "summary.md"))
    code, out, _ = run("--format", "github", ".")
    assert code == 1
    assert "dpa-policy: could not append to the job summary ($GITHUB_STEP_SUMMARY): No such file or directory" in out
    assert out.splitlines()[-2].endswith("run with --format text to list every finding.")


def test_junit_has_one_failure_per_failed_case_and_junitparser_agrees(repo):
    junitparser = pytest.importorskip("junitparser", reason="junitparser is in the test extra")
    (repo / "contracts" / "broken.yaml").write_text((SAMPLES / "allhere.yaml").read_text()
                                                   .replace("  audit:", "  audit:\n  audit:")
                                                   .replace("dpa_version: 1", "dpa_version: 1\ndpa_version: 1"))
    code, out, _ = run("--format", "junit", ".")
    root = ET.fromstring(out)
    assert code == 1
    for case in root.iter("testcase"):
        assert len(case.findall("failure")) <= 1
        assert case.get("file").startswith("contracts/") and case.get("time") == "0"
    load = next(c for c in root.iter("testcase") if c.get("name") == "load")
    failure = load.find("failure")
    assert failure.get("message").startswith("2 findings; first: ") and failure.text.count("DPA004") == 2
    report = junitparser.JUnitXml.fromstring(out.encode("utf-8"))
    declared = {s.name: (s.tests, s.failures, s.errors, s.skipped) for s in report}
    report.update_statistics()  # junitparser recounts from the test cases themselves
    recounted = {s.name: (s.tests, s.failures, s.errors, s.skipped) for s in report}
    assert declared == recounted
    assert report.failures == int(root.get("failures")) == sum(f for _, f, _, _ in declared.values())
