"""The CI integrations: action.yml and the examples in docs/ci/ stay valid and keep working.

(a) each file validates against check-jsonschema's vendored schema for its CI;
(b) no `run:` script interpolates an input or event field directly (script injection);
(c) the `dpa-policy check ...` command lines they contain run against the sample agreements,
    exit 1 (the samples have findings) and write the files the CI configuration then uses.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION = ROOT / "action.yml"
GITHUB_WORKFLOW = ROOT / "docs" / "ci" / "github-actions.yml"
GITLAB_CI = ROOT / "docs" / "ci" / "gitlab-ci.yml"
BIN_DIR = Path(sys.executable).parent  # the environment running the tests: not resolved, a venv's bin


def _executable(name: str) -> Path:
    # Next to the interpreter first (a virtualenv); then where pip puts this interpreter's
    # scripts, which differs on some system Pythons and for --user installs.
    folders = [BIN_DIR, Path(sysconfig.get_path("scripts"))]
    if "posix_user" in sysconfig.get_scheme_names() or "nt_user" in sysconfig.get_scheme_names():
        folders.append(Path(sysconfig.get_path("scripts", f"{os.name}_user")))
    for folder in folders:
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.is_file():
                return candidate
    pytest.fail(f"{name} is not installed next to {sys.executable} (install the test extra: pip install -e '.[test]')")


def _load(path: Path):
    # PyYAML reads the workflow key `on` as True (YAML 1.1); nothing below needs it.
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# --- (a) schema validation --------------------------------------------------------------

@pytest.mark.parametrize(
    ("path", "schema"),
    [
        (ACTION, "vendor.github-actions"),
        (GITHUB_WORKFLOW, "vendor.github-workflows"),
        (GITLAB_CI, "vendor.gitlab-ci"),
    ],
    ids=["action", "github-workflow", "gitlab-ci"],
)
def test_ci_file_matches_vendored_schema(path: Path, schema: str):
    result = subprocess.run(
        [str(_executable("check-jsonschema")), "--builtin-schema", schema, str(path)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, f"{path.relative_to(ROOT)} does not match {schema}:\n{result.stdout}{result.stderr}"


# --- (b) script-injection guard ----------------------------------------------------------

# Values an attacker can choose (inputs, event payloads, branch names) must reach a script
# through `env:`, never be pasted into its text by the expression engine.
INJECTABLE = re.compile(r"\$\{\{\s*(inputs\.|github\.event|github\.head_ref)")


def _github_steps():
    """(where, step) for every step of the action and of every workflow job."""
    action = _load(ACTION)
    for index, step in enumerate(action["runs"]["steps"]):
        yield f"action.yml step {step.get('name', index)!r}", step
    workflow = _load(GITHUB_WORKFLOW)
    for job_id, job in workflow["jobs"].items():
        for index, step in enumerate(job.get("steps", [])):
            yield f"github-actions.yml job {job_id} step {step.get('name', index)!r}", step


def test_run_scripts_interpolate_no_inputs_or_event_fields():
    checked = 0
    for where, step in _github_steps():
        if "run" in step:
            checked += 1
            match = INJECTABLE.search(step["run"])
            assert match is None, f"{where}: `run:` interpolates {match.group(0)}...; pass it through env:"
    assert checked >= 4, "expected the action's and the example's run: scripts"


def test_the_guard_catches_an_injection():
    assert INJECTABLE.search('echo "${{ inputs.paths }}"')
    assert INJECTABLE.search("echo ${{github.event.pull_request.title}}")
    assert not INJECTABLE.search('echo "$DPA_ACTION_PATHS"')


def test_action_inputs_reach_the_shell_only_through_env():
    action = _load(ACTION)
    declared = set(action["inputs"])
    used = set()
    for step in action["runs"]["steps"]:
        for value in (step.get("env") or {}).values():
            used.update(re.findall(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", str(value)))
        for value in (step.get("with") or {}).values():
            used.update(re.findall(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", str(value)))
    assert used == declared, f"inputs declared but unused: {declared - used}; used but undeclared: {used - declared}"


# --- (c) the command lines run ------------------------------------------------------------

COMMAND = re.compile(r"^\s*dpa-policy check\b")


def command_lines(script: str) -> list[str]:
    """The logical lines (backslash continuations joined) that run `dpa-policy check`."""
    lines, current = [], ""
    for raw in script.splitlines():
        if raw.rstrip().endswith("\\"):
            current += raw.rstrip()[:-1] + " "
            continue
        current += raw
        if COMMAND.match(current):
            lines.append(current.strip())
        current = ""
    return lines


def _resolve_expressions(value: str, context: dict[str, str]) -> str:
    """Replace `${{ name }}` with a concrete value; an unknown expression fails the test."""
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in context:
            pytest.fail(f"no concrete value for ${{{{ {name} }}}} in the test: add one to the context")
        return context[name]
    return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", replace, str(value))


@dataclass
class Case:
    """One command line as the CI would run it: the environment the CI gives it, and what it promises."""
    name: str
    command: str
    env: dict[str, str]
    sarif: str | None = None
    junit: str | None = None
    json: str | None = None
    annotations: bool = False
    summary: bool = False
    extra: dict = field(default_factory=dict)


def _action_case(name: str, with_: dict[str, str]) -> Case:
    """The action's check step, with the inputs a caller passes (`with:`) over the defaults."""
    action = _load(ACTION)
    inputs = {key: str(spec.get("default", "")) for key, spec in action["inputs"].items()}
    inputs.update({key: str(value) for key, value in with_.items()})
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "check")
    context = {f"inputs.{key}": value for key, value in inputs.items()}
    context["steps.install.outputs.bin-dir"] = str(_executable("dpa-policy").parent)
    env = {key: _resolve_expressions(value, context) for key, value in step["env"].items()}
    (command,) = command_lines(step["run"])
    return Case(name, command, env, sarif=inputs["sarif-file"], annotations=True, summary=True)


def _workflow():
    return _load(GITHUB_WORKFLOW)


def _workflow_action_step(job: dict) -> dict:
    (step,) = [s for s in job["steps"] if str(s.get("uses", "")).endswith("/dpa-policy@main")]
    return step


def _upload_sarif_file(job: dict) -> str:
    (step,) = [s for s in job["steps"] if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
    assert "always()" in step["if"], "the SARIF upload must run when the gate fails"
    return step["with"]["sarif_file"]


def cases() -> list[Case]:
    found = [_action_case("action defaults", {})]

    workflow = _workflow()
    jobs = workflow["jobs"]
    action_job = jobs["dpa-policy"]
    step = _workflow_action_step(action_job)
    assert step.get("continue-on-error") is False
    case = _action_case("workflow: action job", step.get("with") or {})
    case.extra["upload"] = _upload_sarif_file(action_job)
    found.append(case)

    cli_job = jobs["dpa-policy-cli"]
    job_env = {key: str(value) for key, value in (workflow.get("env") or {}).items()}
    job_env.update({key: str(value) for key, value in (cli_job.get("env") or {}).items()})
    cli_lines = []
    for step in cli_job["steps"]:
        for line in command_lines(step.get("run", "")):
            step_env = dict(job_env, **{k: str(v) for k, v in (step.get("env") or {}).items()})
            cli_lines.append((line, step_env))
    assert len(cli_lines) == 1, "the CLI job runs dpa-policy check once"
    ((line, env),) = cli_lines
    found.append(Case("workflow: cli job", line, env, sarif=_upload_sarif_file(cli_job),
                      annotations=True, summary=True))

    gitlab = _load(GITLAB_CI)
    job = gitlab["dpa-policy"]
    assert job["image"].startswith("python:3.11")
    env = {key: str(value) for key, value in (gitlab.get("variables") or {}).items()}
    env.update({key: str(value) for key, value in (job.get("variables") or {}).items()})
    gitlab_lines = [line for item in job["script"] for line in command_lines(item)]
    assert len(gitlab_lines) == 1, "the GitLab job runs dpa-policy check once"
    artifacts = job["artifacts"]
    assert artifacts["when"] == "always", "the reports are kept when the gate fails"
    (json_file,) = [p for p in artifacts.get("paths", []) if p.endswith(".json")]
    case = Case("gitlab", gitlab_lines[0], env, junit=artifacts["reports"]["junit"], json=json_file)
    case.extra["artifacts"] = [artifacts["reports"]["junit"], *artifacts.get("paths", [])]
    found.append(case)
    return found


def _outputs_named(command: str) -> dict[str, str]:
    """FORMAT -> FILE for each `--format FORMAT:FILE` written literally in the command."""
    words = shlex.split(command)
    return dict(word.split(":", 1) for flag, word in zip(words, words[1:])
                if flag == "--format" and ":" in word and "$" not in word)


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_command_line_runs_on_the_samples(case: Case, tmp_path: Path):
    if shutil.which("bash") is None:
        pytest.skip("bash is needed to run the CI command lines")
    bin_dir = _executable("dpa-policy").parent
    work = tmp_path / "repo"
    shutil.copytree(ROOT / "agreements", work / "agreements")
    summary = tmp_path / "step_summary.md"
    summary.write_text("", encoding="utf-8")

    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("GITHUB_", "DPA_POLICY_", "CI_"))}
    env.update(case.env)
    env["PATH"] = os.pathsep.join([str(bin_dir), env.get("PATH", "")])
    if case.summary:
        env["GITHUB_STEP_SUMMARY"] = str(summary)
    env["GITHUB_OUTPUT"] = str(tmp_path / "github_output")

    # bash, as both CIs run it (GitLab's python image runs scripts in bash too); set -f as the action does.
    result = subprocess.run(["bash", "-c", "set -f\n" + case.command], cwd=work, env=env,
                            capture_output=True, text=True, timeout=300)
    transcript = f"$ {case.command}\nexit {result.returncode}\n--- stdout\n{result.stdout[-3000:]}\n--- stderr\n{result.stderr[-3000:]}"
    assert result.returncode == 1, transcript

    if case.annotations:
        assert re.search(r"^::error file=agreements/[^,]+\.yaml,line=\d+,col=\d+,title=\S+", result.stdout, re.M), transcript
    if case.summary:
        text = summary.read_text(encoding="utf-8")
        assert text.strip(), f"the Markdown summary is empty\n{transcript}"
        assert "agreements/" in text and "|" in text, text[:2000]

    # --format github appends every finding to the job summary; markdown:FILE would replace it.
    assert "markdown:$GITHUB_STEP_SUMMARY" not in case.command.replace('"', "")
    named = _outputs_named(case.command)
    if case.sarif:
        if "sarif" in named:
            assert named["sarif"] == case.sarif, "the SARIF file the command writes is the one uploaded"
        if "upload" in case.extra:
            assert case.extra["upload"] == case.sarif, "the SARIF file the action writes is the one uploaded"
        sarif = json.loads((work / case.sarif).read_text(encoding="utf-8"))
        assert sarif["version"] == "2.1.0"
        (run,) = sarif["runs"]
        assert run["tool"]["driver"]["name"] == "dpa-policy"
        assert any(r["level"] == "error" for r in run["results"])
        uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
                for r in run["results"] for loc in r["locations"]}
        assert uris and all(uri.startswith("agreements/") for uri in uris), uris
    if case.junit:
        assert named.get("junit") == case.junit, "the JUnit report GitLab collects is the one the command writes"
        suites = ET.parse(work / case.junit).getroot()
        assert suites.tag in ("testsuites", "testsuite")
        failures = suites.iter("failure")
        assert next(failures, None) is not None, "the samples' findings are JUnit failures"
    if case.json:
        assert named.get("json") == case.json
        document = json.loads((work / case.json).read_text(encoding="utf-8"))
        assert document["format"] == "dpa-policy-report"
        assert document["exit_code"] == 1
        assert document["findings"], "the samples have findings"
    for artifact in case.extra.get("artifacts", []):
        assert (work / artifact).is_file(), f"the CI keeps {artifact}, which the command did not write"
    if case.sarif is None and case.junit is None and case.json is None:  # pragma: no cover - guard
        pytest.fail("the case checks no output file")
