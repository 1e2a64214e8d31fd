"""Firm ground for every output: nothing the user wrote is overwritten, a run where a rule
crashed says so everywhere, and no value can forge an output line.

Each case drives the command line with the sample agreements copied into a temporary
folder, and hashes every input before and after: a refused run must leave them all
byte-identical. "Forged" means what a GitHub Actions runner would act on: a line that
starts with ``::`` after leading whitespace, or the legacy ``##[command]`` form anywhere.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dpa_policy.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "agreements"
NO_PACKS = ["--disable-plugin", "ny", "--disable-plugin", "ct"]
FORGED_NAME = "late\n::error file=README.md,line=1::forged by a file name.yaml"
SCHEMAS = ROOT.parent / "shared" / "schemas"
needs_schemas = pytest.mark.skipif(not (SCHEMAS / "jenkins-junit.xsd").is_file(),
                                   reason=f"schemas not found at {SCHEMAS} (../shared is beside the repo only in CI)")


def run(command: str, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([command, *NO_PACKS, *argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def forged(output: str) -> list[str]:
    """Lines a GitHub Actions runner would read as workflow commands."""
    return [line for line in output.splitlines() if line.lstrip().startswith("::") or "##[" in line]


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A district's repository: three sample agreements (one passes, two fail), a policy
    that extends a second file, and a waivers file."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "agreements").mkdir()
    for name in ("clever.yaml", "allhere.yaml", "schoology.yaml"):
        shutil.copy(SAMPLES / name, tmp_path / "agreements" / name)
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "base.yaml").write_text("policy_version: 1\nname: District base\nextends: [ndpa]\n")
    (tmp_path / "policies" / "district.yaml").write_text(
        "policy_version: 1\nname: District policy\nextends: [./base.yaml]\n")
    (tmp_path / "waivers.yaml").write_text(
        "waivers_version: 1\nwaivers:\n"
        "  - agreement: MDCPS-DSA-2023-0291\n    rule: breach-notice-window\n"
        "    justification: Amendment with a 72-hour window is in signature.\n"
        "    approver: Dana Whitfield, General Counsel\n    expires: 2027-06-30\n")
    return tmp_path


# ------------------------------------------------------------------ 1. nothing is overwritten
@pytest.mark.parametrize("argv, output, overwrites", [
    (["check", "agreements/clever.yaml", "--format", "json", "--output", "agreements/clever.yaml"],
     "agreements/clever.yaml (--output)", "agreements/clever.yaml, the agreement being checked"),
    (["check", "agreements", "--format", "text", "--format", "sarif:agreements/allhere.yaml"],
     "agreements/allhere.yaml (--format sarif:FILE)", "inside agreements, a folder being checked"),
    (["check", "agreements", "--output", "agreements/report.txt"],
     "agreements/report.txt (--output)", "inside agreements, a folder being checked"),
    (["check", "agreements", "--policy", "policies/district.yaml", "--format", "junit:policies/base.yaml"],
     "policies/base.yaml (--format junit:FILE)", "policies/base.yaml, a policy file the policy extends"),
    (["check", "agreements", "--policy", "policies/district.yaml", "-o", "policies/district.yaml"],
     "policies/district.yaml (--output)", "policies/district.yaml, the policy file"),
    (["check", "agreements", "--waivers", "waivers.yaml", "--format", "json:waivers.yaml"],
     "waivers.yaml (--format json:FILE)", "waivers.yaml, the waivers file"),
    (["report", "agreements/allhere.yaml", "--html", "agreements/allhere.yaml"],
     "agreements/allhere.yaml (--html)", "agreements/allhere.yaml, the agreement being checked"),
    (["report", "agreements", "--html", "counsel.html", "--markdown", "agreements/counsel.md"],
     "agreements/counsel.md (--markdown)", "inside agreements, a folder being checked"),
    (["diff", "agreements/clever.yaml", "agreements/allhere.yaml", "--output", "agreements/allhere.yaml"],
     "agreements/allhere.yaml (--output)", "agreements/allhere.yaml, the agreement being compared"),
    (["diff", "agreements/clever.yaml", "agreements/allhere.yaml", "-o", "agreements/clever.yaml"],
     "agreements/clever.yaml (--output)", "agreements/clever.yaml, the agreement being compared"),
])
def test_an_output_that_would_overwrite_an_input_is_refused_before_anything_is_written(repo, argv, output, overwrites):
    before = hashes(repo)
    command, *rest = argv
    code, out, err = run(command, *rest)
    assert code == 2 and out == ""
    assert f"refusing to write {output}" in err and overwrites in err and "nothing was written" in err
    assert len(err.splitlines()) == 1
    assert hashes(repo) == before  # byte-identical, and nothing new (no report, no temp file)


def test_a_symlink_or_hard_link_to_an_agreement_is_the_agreement(repo):
    os.symlink("agreements/clever.yaml", repo / "report.json")
    os.link(repo / "agreements" / "allhere.yaml", repo / "also-allhere.xml")
    before = hashes(repo)
    code, _, err = run("check", "agreements/clever.yaml", "--format", "json", "--output", "report.json")
    assert code == 2 and "it would overwrite agreements/clever.yaml, the agreement being checked" in err
    code, _, err = run("check", "agreements/allhere.yaml", "--format", "junit:also-allhere.xml")
    assert code == 2 and "it would overwrite agreements/allhere.yaml" in err
    assert hashes(repo) == before and (repo / "report.json").is_symlink()


@pytest.mark.parametrize("argv, message", [
    (["agreements", "--out", "agreements"], "refusing to write to agreements (--out): it is inside agreements"),
    (["agreements", "--out", "agreements/site"], "refusing to write to agreements/site (--out): it is inside agreements"),
    (["agreements/clever.yaml", "--out", "."],
     "refusing to write to . (--out): it holds agreements/clever.yaml, the agreement being checked"),
    (["agreements/clever.yaml", "--waivers", "waivers.yaml", "--out", "agreements"],
     "refusing to write to agreements (--out): it holds agreements/clever.yaml"),
])
def test_publish_refuses_a_folder_that_is_in_or_holds_the_inputs(repo, argv, message):
    before = hashes(repo)
    code, out, err = run("publish", *argv)
    assert code == 2 and out == "" and message in err
    assert hashes(repo) == before and not (repo / "agreements" / "site").exists()


def test_outputs_beside_the_inputs_are_still_written(repo):
    """The guard refuses overwrites only: the documented set-ups keep working."""
    before = hashes(repo)
    code, _, _ = run("check", "agreements", "--policy", "policies/district.yaml", "--waivers", "waivers.yaml",
                     "--format", "text", "--format", "json:dpa-policy.json")
    assert code == 1 and json.loads((repo / "dpa-policy.json").read_text())["exit_code"] == 1
    code, _, _ = run("publish", "agreements", "--out", "site")
    assert code == 0 and (repo / "site" / "index.html").is_file()
    code, _, _ = run("diff", "agreements/clever.yaml", "agreements/allhere.yaml", "-o", "diff.txt")
    assert code == 1 and (repo / "diff.txt").read_text().startswith("WEAKENED")
    after = hashes(repo)
    assert {k: after[k] for k in before} == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("command, argv, module, second", [
    ("report", ["--html", "out/counsel.html", "--markdown", "out/counsel.md"], "render.counsel.render",
     "write_markdown"),
    ("publish", ["--out", "out"], "render.clearinghouse.html", "write_html"),
])
def test_a_renderer_that_fails_midway_leaves_the_earlier_outputs_as_they_were(repo, monkeypatch, command, argv,
                                                                               module, second):
    """Reports are written as they are rendered, to staged files: when the second document
    fails partway (the first already written in full), neither is put in place and nothing
    is left behind; the files of an earlier run stay as they were."""
    import importlib

    out = repo / "out"
    out.mkdir()
    earlier = {name: f"earlier {name}\n" for name in ("counsel.html", "counsel.md", "index.html", "clearinghouse.json")}
    for name, text in earlier.items():
        (out / name).write_text(text)

    def fails_midway(_document, stream):
        stream.write("the first part of the document\n")
        raise RuntimeError("renderer failed midway")

    monkeypatch.setattr(importlib.import_module(f"dpa_policy.{module}"), second, fails_midway)
    code, _, err = run(command, "agreements", *argv)
    assert code == 3 and "renderer failed midway" in err
    assert {p.name: p.read_text() for p in out.iterdir()} == earlier


def test_an_output_that_is_a_fifo_is_written_into_not_replaced(repo):
    """`--output /dev/null` or a named pipe: renaming a file over the target would replace the
    device or pipe itself (it once turned this machine's /dev/null into a regular file)."""
    import stat
    import threading

    pipe = repo / "report.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    code, _, err = run("check", "agreements/clever.yaml", "--format", "json", "--output", str(pipe))
    reader.join(10)
    assert (code, err) == (0, "")
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert json.loads(received[0])["exit_code"] == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_nobody_reads_is_a_setup_error_not_a_hang(repo):
    pipe = repo / "nobody.pipe"
    os.mkfifo(pipe)
    code, _, err = run("check", "agreements/clever.yaml", "--format", "json", "--output", str(pipe))
    assert code == 2 and "cannot write" in err and str(pipe) in err


@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="no /dev/null device here")
def test_dev_null_stays_a_device(repo):
    code, _, _ = run("check", "agreements/clever.yaml", "--format", "sarif", "--output", "/dev/null")
    assert code == 0 and Path("/dev/null").is_char_device()


# -------------------------------------------------------------- 2. a crashed rule is never a pass
@pytest.fixture
def audit_crashes(monkeypatch):
    from dpa_policy.rules.audit import AuditRights

    def crash(self, agreement, options):
        raise RuntimeError("audit rule bug")

    monkeypatch.setattr(AuditRights, "check", crash)


def test_every_check_format_says_the_run_is_incomplete_and_names_the_rule(repo, audit_crashes):
    # allhere.yaml and schoology.yaml also have findings: the crash still decides the exit code.
    outputs = {}
    for fmt in ("text", "json", "markdown", "junit", "sarif", "github"):
        code, outputs[fmt], _ = run("check", "agreements", "--format", fmt)
        assert code == 3, fmt
    summary = outputs["text"].splitlines()[-1]
    assert summary.startswith("3 agreements checked: 0 passed, 0 failed, 3 incomplete;")
    assert "Run incomplete: rule DPA301 [audit-rights] crashed" in summary
    assert outputs["github"].splitlines()[-1] == summary
    report = json.loads(outputs["json"])
    assert report["summary"]["complete"] is False and report["summary"]["crashed_rules"] == ["DPA301 [audit-rights]"]
    assert report["summary"]["passed"] == 0 and report["summary"]["incomplete"] == 3
    assert {a["verdict"] for a in report["agreements"]} == {"incomplete"}
    assert outputs["markdown"].startswith(
        "## dpa-policy: internal error, the run is incomplete: rule DPA301 \\[audit-rights\\] crashed")
    assert "| **incomplete** |" in outputs["markdown"]
    errors = [s.find("system-err").text for s in ET.fromstring(outputs["junit"]).iter("testsuite")]
    assert errors == ["incomplete: this agreement was not fully checked; rule DPA301 [audit-rights] crashed"] * 3
    invocation = json.loads(outputs["sarif"])["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert all(n["message"]["text"].startswith("the run is incomplete: rule DPA301 [audit-rights] crashed")
               for n in invocation["toolExecutionNotifications"])


def test_report_publish_and_diff_say_the_run_is_incomplete(repo, audit_crashes):
    code, out, _ = run("report", "agreements", "--html", "counsel.html", "--markdown", "counsel.md")
    assert code == 3
    assert out.startswith("3 agreements: 0 passed, 0 failed, 3 incomplete; report written to counsel.html, counsel.md.")
    assert "Run incomplete: rule DPA301 [audit-rights] crashed" in out
    markdown = (repo / "counsel.md").read_text("utf-8")
    assert "| Incomplete (a rule crashed) |" in markdown and "**The run is incomplete.**" in markdown
    html = (repo / "counsel.html").read_text("utf-8")
    assert "incomplete (a rule crashed)" in html and "rule DPA301 (audit-rights) crashed" in html

    code, out, _ = run("publish", "agreements", "--out", "site")
    assert code == 3 and not (repo / "site").exists()
    assert out.splitlines()[-1] == ("nothing published: the run is incomplete (rule DPA301 [audit-rights] crashed); "
                                    "site left unchanged")

    code, out, _ = run("diff", "agreements/clever.yaml", "agreements/allhere.yaml")
    assert code == 3 and "WEAKENED" in out  # changes and newly failing rules do not hide the crash
    assert "Run incomplete: rule DPA301 [audit-rights] crashed" in out.splitlines()[-1]


# ----------------------------------------------------------------- 3. no output line is forged
@pytest.fixture
def forged_repo(repo):
    """Two failing agreements: one whose file name carries a newline and a workflow command,
    one named with the legacy command form."""
    shutil.move(repo / "agreements" / "schoology.yaml", repo / "agreements" / FORGED_NAME)
    shutil.move(repo / "agreements" / "allhere.yaml", repo / "agreements" / "##[warning]legacy.yaml")
    return repo


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "markdown"])
def test_a_file_name_cannot_forge_a_workflow_command(forged_repo, fmt):
    before = hashes(forged_repo)
    code, out, _ = run("check", "agreements", "--format", fmt)
    assert code == 1 and forged(out) == []
    assert hashes(forged_repo) == before


def test_text_keeps_one_finding_per_line_with_the_newline_shown_escaped(forged_repo):
    _, out, _ = run("check", "agreements", "--format", "json")
    findings = json.loads(out)["findings"]
    _, text, _ = run("check", "agreements")
    lines = text.splitlines()
    assert len(lines) == len(findings) + 1  # one line per finding, then the summary
    assert any(line.startswith("agreements/late\\n::error file=README.md,line=1::forged by a file name.yaml:")
               for line in lines)


def test_github_annotations_escape_properties_and_only_ours_start_with_colons(forged_repo):
    _, out, _ = run("check", "agreements", "--format", "json")
    findings = json.loads(out)["findings"]
    code, out, _ = run("check", "agreements", "--format", "github")
    lines = out.splitlines()
    assert code == 1 and len(lines) == len(findings) + 1
    annotation = re.compile(r"^::(error|warning|notice) file=([^,:]*),line=\d+,col=\d+,title=[^,:]*::[^\n]*$")
    files = {annotation.match(line).group(2) for line in lines[:-1]}
    assert "agreements/late%0A%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged by a file name.yaml" in files
    assert not lines[-1].lstrip().startswith("::") and "##[" not in out


def test_a_file_named_like_a_command_still_cannot_start_a_line(repo, monkeypatch):
    shutil.move(repo / "agreements" / "allhere.yaml", repo / "agreements" / " ::error::hi.yaml")
    monkeypatch.chdir(repo / "agreements")
    code, out, _ = run("check", ".")
    assert code == 1 and forged(out) == []
    assert out.startswith("./ ::error::hi.yaml:")  # the same file, named so no runner reads a command


def test_waiver_approver_crash_text_and_policy_name_cannot_forge_lines(repo, monkeypatch):
    waivers = (repo / "waivers.yaml").read_text().replace(
        "approver: Dana Whitfield, General Counsel", 'approver: "Dana\\n::error::approved by nobody"')
    (repo / "waivers.yaml").write_text(waivers)
    (repo / "policies" / "district.yaml").write_text(
        'policy_version: 1\nname: "District\\n::warning::policy ##[error]name"\nextends: [./base.yaml]\n')
    argv = ["agreements", "--waivers", "waivers.yaml", "--policy", "policies/district.yaml", "--as-of", "2026-11-22"]
    code, out, _ = run("check", *argv)
    assert code == 1 and forged(out) == []
    assert "(waived by Dana\\n::error::approved by nobody until 2027-06-30)" in out
    assert re.search(r"Policy: District\\n::warning::policy #\\u0023\[error\]name \(\d+ rules\), fail on error\.$",
                     out.splitlines()[-1])

    from dpa_policy.rules.disposal import DisposalWindow

    def crash(self, agreement, options):
        raise RuntimeError("on_request\n::error file=x::forged by a crash ##[error]")

    monkeypatch.setattr(DisposalWindow, "check", crash)
    for fmt in ("text", "markdown", "junit", "json", "sarif"):
        code, out, _ = run("check", *argv, "--format", fmt)
        assert code == 3 and forged(out) == [], fmt
    code, out, _ = run("check", *argv, "--format", "github")
    lines = out.splitlines()
    assert code == 3 and "##[" not in out and not lines[-1].lstrip().startswith("::")
    # Every line that starts with "::" is one of ours: one per finding, one per crash.
    assert all(line.startswith(("::error file=", "::warning file=", "::notice file=")) for line in lines[:-1])
    crashes = [line for line in lines if "title=dpa-policy internal error" in line]
    assert len(crashes) == 3 and all("on_request%0A::error file=x::forged by a crash" in line for line in crashes)


def test_markdown_tables_keep_their_columns_and_mention_nobody(repo):
    text = (repo / "agreements" / "allhere.yaml").read_text()
    (repo / "agreements" / "allhere.yaml").write_text(
        text.replace("name: AllHere Education, Inc.", 'name: "AllHere | @district/legal-team\\nsee #12"'))
    shutil.move(repo / "agreements" / "schoology.yaml", repo / "agreements" / "a|b\nc`d @someone.yaml")
    code, out, _ = run("check", "agreements", "--format", "markdown")
    assert code == 1 and forged(out) == []
    assert _tables(out) == [4, 4]  # the agreements and the findings, each row with the header's cells
    assert "@district" not in out and "AllHere \\| @&#8203;district/legal-team see \\#&#8203;12" in out
    # The file name sits in a code span (where GitHub links no mention) whose fence outlasts its backtick.
    assert "| ``agreements/a\\|b\\nc`d @someone.yaml`` |" in out

    code, _, _ = run("report", "agreements", "--markdown", "counsel.md")
    counsel = (repo / "counsel.md").read_text("utf-8")
    assert code == 1 and "@district" not in counsel and "@&#8203;district/legal-team" in counsel
    assert _tables(counsel)[:3] == [8, 3, 6]  # the portfolio summary, the rules failing most, every agreement


def _tables(markdown: str) -> list[int]:
    """The cell count of each GFM table, asserting every row of a table has as many cells
    as its header (cells split on '|' that no backslash escapes)."""
    counts: list[int] = []
    previous = False
    for line in markdown.splitlines():
        row = line.startswith("|")
        if row:
            cells = len(re.split(r"(?<!\\)\|", line.strip())[1:-1])
            if not previous:
                counts.append(cells)
            assert cells == counts[-1], line
        previous = row
    return counts


def test_junit_is_well_formed_whatever_a_name_holds(repo):
    text = (repo / "agreements" / "allhere.yaml").read_text()
    (repo / "agreements" / "allhere.yaml").write_text(
        text.replace("name: AllHere Education, Inc.", 'name: "AllHere\\x01\\x1b[31m Education"'))
    shutil.move(repo / "agreements" / "schoology.yaml", repo / "agreements" / "ctl\x01\x0b.yaml")
    code, out, _ = run("check", "agreements", "--format", "junit")
    assert code == 1 and forged(out) == []
    root = ET.fromstring(out)
    names = {s.get("name") for s in root.iter("testsuite")}
    assert "agreements/ctl\\u0001\\u000b.yaml" in names
    vendor = next(p.get("value") for p in root.iter("property") if p.get("name") == "vendor" and "AllHere" in p.get("value"))
    assert vendor == "AllHere\\u0001\\u001b[31m Education"


@needs_schemas
def test_hostile_names_and_a_crash_still_give_valid_sarif_and_junit(forged_repo, audit_crashes, junit_xsd):
    import jsonschema

    code, out, _ = run("check", "agreements", "--format", "junit")
    assert code == 3
    junit_xsd.validate(io.StringIO(out))  # the Jenkins XSD, plus the `file` attribute (tests/conftest.py)
    code, out, _ = run("check", "agreements", "--format", "sarif")
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text())
    assert code == 3 and not list(jsonschema.validators.validator_for(schema)(schema).iter_errors(json.loads(out)))


def test_a_file_name_that_is_not_utf8_is_reported_not_a_crash(repo):
    shutil.move(repo / "agreements" / "schoology.yaml", repo / "agreements" / os.fsdecode(b"caf\xe9.yaml"))
    for fmt in ("text", "json", "sarif", "junit", "markdown", "github"):
        code, out, _ = run("check", "agreements", "--format", fmt, "--output", f"out.{fmt}")
        assert code == 1, fmt
    assert "agreements/caf\\udce9.yaml:" in (repo / "out.text").read_text("utf-8")
    sarif = json.loads((repo / "out.sarif").read_text("utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert "agreements/caf%E9.yaml" in uris  # the file's real bytes


def test_diff_publish_and_error_messages_cannot_forge_lines(forged_repo):
    forged_file = f"agreements/{FORGED_NAME}"
    code, out, _ = run("diff", "agreements/clever.yaml", forged_file)
    assert code == 1 and forged(out) == [] and out.splitlines()[-1].startswith("agreements/clever.yaml -> agreements/late\\n")
    code, out, _ = run("diff", "--format", "markdown", "agreements/clever.yaml", forged_file)
    assert code == 1 and forged(out) == [] and _tables(out) == [5, 4]  # changes, then verdicts
    code, out, _ = run("publish", "agreements", "--out", "site")
    assert code == 0 and forged(out) == [] and "left out: agreements/late\\n::error" in out
    code, out, err = run("check", "agreements/missing\n::error::forged by an error message.yaml")
    assert code == 2 and forged(err) == [] and len(err.splitlines()) == 1
