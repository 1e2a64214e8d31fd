"""The pre-commit hooks in .pre-commit-hooks.yaml, driven by the real pre-commit.

A throwaway git repository in tmp_path plays a district's repository: it installs the hooks
(``pre-commit install``) and makes real commits. The hook repository is a snapshot of the
checkout that holds this test (tracked files plus untracked, not ignored ones, committed to a
temporary git repository), so the tests exercise the working tree, manifest included, even
before it is committed; in CI, a fresh clone, the snapshot is HEAD.

Cost: pre-commit builds the hooks' virtualenv with pip, from PyPI (about 10 s with a warm pip
cache). Commits and ``pre-commit run`` share one PRE_COMMIT_HOME per session, so they build it
once. ``pre-commit try-repo`` ignores PRE_COMMIT_HOME (it makes a throwaway store of its own,
pre_commit/commands/try_repo.py), so the one try-repo test builds its own environment.

Without a reachable package index pip cannot build that environment, so the tests skip and
say so (one 5-second request to the index pip is configured with, per session)
rather than fail on something that is not dpa-policy's doing.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import ssl
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.precommit

ROOT = Path(__file__).resolve().parents[1]
BASE_AGREEMENT = ROOT / "src" / "dpa_policy" / "testdata" / "base-agreement.yaml"
RULE_CASE = ROOT / "src" / "dpa_policy" / "rule_cases" / "DPA201.yaml"
TIMEOUT = 900  # building the hook environment downloads from PyPI


def _configured_index() -> str:
    """The index pip (and so pre-commit) installs from."""
    url = os.environ.get("PIP_INDEX_URL", "")
    if not url:
        configured = subprocess.run([sys.executable, "-m", "pip", "config", "get", "global.index-url"],
                                    capture_output=True, text=True, timeout=60)
        url = configured.stdout.strip() if configured.returncode == 0 else ""
    return url or "https://pypi.org/simple"


@functools.cache
def _index_unreachable() -> str | None:
    """Why pip cannot use its package index, or None when the index answers within 5 s.

    An HTTP request rather than a bare connection: some networks accept every connection and
    answer for hosts they cannot reach. urllib honours the same proxy variables as pip."""
    index = _configured_index().rstrip("/")
    if index.startswith("file:"):
        path = Path(urlsplit(index).path)
        return None if path.is_dir() else f"the package index {path} does not exist"
    probe = f"{index}/pip/"  # every index of PyPI packages lists pip
    cafile = os.environ.get("PIP_CERT") or None
    try:
        context = ssl.create_default_context(cafile=cafile)
        with urllib.request.urlopen(probe, timeout=5, context=context) as response:
            if response.status == 200:
                return None
            failure = f"HTTP {response.status}"
    except (OSError, ValueError) as exc:  # URLError, HTTPError, timeouts, SSL errors are OSErrors
        failure = str(exc)
    return f"no package index reachable ({probe}: {failure}); pre-commit needs one to build the hook environment"


@pytest.fixture(scope="session", autouse=True)
def _needs_package_index() -> None:
    reason = _index_unreachable()
    if reason:
        pytest.skip(reason)


def _env(pre_commit_home: Path) -> dict[str, str]:
    # Nothing from the caller's git or pre-commit set-up may leak in: GIT_DIR from a hook that
    # runs pytest, a global core.hooksPath (pre-commit install refuses it), commit signing,
    # SKIP=dpa-policy, a stray PRE_COMMIT=1.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PRE_COMMIT")) and k != "SKIP"}
    env.update(PRE_COMMIT_HOME=str(pre_commit_home), PRE_COMMIT_COLOR="never",
               GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    return env


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=TIMEOUT)


def _git(repo: Path, env: dict[str, str], *args: str) -> str:
    result = _run(["git", *args], repo, env)
    assert result.returncode == 0, f"git {' '.join(args)}:\n{result.stdout}"
    return result.stdout


def _init_repo(repo: Path, env: dict[str, str]) -> None:
    repo.mkdir(parents=True, exist_ok=True)
    _git(repo, env, "init", "-q")
    _git(repo, env, "config", "user.name", "dpa-policy tests")
    _git(repo, env, "config", "user.email", "tests@example.invalid")
    _git(repo, env, "config", "commit.gpgsign", "false")


def _source_files(root: Path) -> list[str]:
    """Files of the checkout as a clone would have them, plus untracked work not ignored."""
    top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True, text=True)
    if top.returncode != 0 or Path(top.stdout.strip()).resolve() != root.resolve():
        # Not a git checkout of this project (an unpacked sdist): every file but build output.
        skip = {".git", "__pycache__", ".pytest_cache", ".hypothesis", ".venv", "venv", "build", "dist"}
        return [p.relative_to(root).as_posix() for p in sorted(root.rglob("*"))
                if (p.is_file() or p.is_symlink()) and not skip & set(p.relative_to(root).parts)
                and not any(part.endswith(".egg-info") for part in p.parts)]
    listing = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                             cwd=root, capture_output=True, check=True)
    return [name for name in listing.stdout.decode("utf-8").split("\0") if name]


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, pre_commit_home: Path) -> tuple[Path, str]:
    """(path, commit) of a git repository holding a snapshot of this checkout."""
    env = _env(pre_commit_home)
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in _source_files(ROOT):
        source, target = ROOT / name, repo / name
        if not os.path.lexists(source):  # deleted in the working tree, not yet in git
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():  # src/dpa_policy/policies/* link to policies/
            os.symlink(os.readlink(source), target)
        else:
            shutil.copy2(source, target)
    assert (repo / ".pre-commit-hooks.yaml").is_file(), f"no .pre-commit-hooks.yaml in {ROOT}"
    _init_repo(repo, env)
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "--no-verify", "-m", "snapshot of the dpa-policy checkout")
    return repo, _git(repo, env, "rev-parse", "HEAD").strip()


@pytest.fixture
def project(tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path) -> Path:
    """A district's repository using both hooks, with the git hook installed."""
    env = _env(pre_commit_home)
    repo_path, rev = hook_repo
    project = tmp_path / "district"
    _init_repo(project, env)
    (project / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {repo_path.as_posix()}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: dpa-policy\n"
        "      - id: dpa-policy-verify\n"
        "        verbose: true  # show verify's summary even when it passes\n",
        "utf-8",
    )
    (project / "README.md").write_text("Springfield district agreements\n", "utf-8")
    _pin_the_date(project)
    _git(project, env, "add", "-A")
    _git(project, env, "commit", "-q", "--no-verify", "-m", "start")
    installed = _run([sys.executable, "-m", "pre_commit", "install"], project, env)
    assert installed.returncode == 0, installed.stdout
    return project


def _pin_the_date(project: Path) -> None:
    """The district's config pins the date lifecycle rules judge by, as a repository that wants
    reproducible hook runs does (found by config discovery, no hook argument needed)."""
    (project / ".dpa-policy.yaml").write_text("as_of: 2026-11-30\n", "utf-8")


def _with_id(text: str, agreement_id: str) -> str:
    """Each file in one run is its own agreement: the same id twice is DPA008."""
    return text.replace("id: BASE-0001", f"id: {agreement_id}", 1)


def _commit(project: Path, env: dict[str, str], files: dict[str, str]) -> subprocess.CompletedProcess[str]:
    for name, text in files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    _git(project, env, "add", *files)
    return _run(["git", "commit", "-m", "change"], project, env)


def _commits(project: Path, env: dict[str, str]) -> int:
    return int(_git(project, env, "rev-list", "--count", "HEAD"))


def _hook_line(output: str, name: str) -> str:
    """pre-commit's status line for a hook: `name.....(no files to check)Skipped`."""
    match = re.search(rf"^{re.escape(name)}\.+.*$", output, re.MULTILINE)
    assert match, f"no status line for {name!r} in:\n{output}"
    return match.group(0)


CLEAN = BASE_AGREEMENT.read_text("utf-8")
# Breach notice in 5 business days (up to 7 calendar days) against the 72-hour maximum.
LATE = CLEAN.replace("window: 72 hours", "window: 5 business days")
_WINDOW_LINE = next(i for i, line in enumerate(CLEAN.splitlines(), 1) if "window: 72 hours" in line)
_WINDOW_COLUMN = CLEAN.splitlines()[_WINDOW_LINE - 1].index("72 hours") + 1


def test_clean_agreement_commit_passes(project: Path, pre_commit_home: Path):
    env = _env(pre_commit_home)
    result = _commit(project, env, {"agreements/springfield-allhere.yaml": CLEAN})
    assert result.returncode == 0, result.stdout
    assert _hook_line(result.stdout, "dpa-policy check").endswith("Passed")
    # No rule case or rule source changed: the verify hook did not start.
    assert _hook_line(result.stdout, "dpa-policy verify").endswith("(no files to check)Skipped")
    assert _commits(project, env) == 2


def test_bad_agreement_commit_is_rejected_with_file_line_col(project: Path, pre_commit_home: Path):
    env = _env(pre_commit_home)
    result = _commit(project, env, {"agreements/late-notice.yaml": _with_id(LATE, "SPR-LATE"),
                                        "agreements/good.yaml": CLEAN})
    assert result.returncode == 1, result.stdout
    assert _hook_line(result.stdout, "dpa-policy check").endswith("Failed")
    assert "- exit code: 1" in result.stdout
    assert re.search(rf"^agreements/late-notice\.yaml:{_WINDOW_LINE}:{_WINDOW_COLUMN}: DPA201 "
                     r"\[breach-notice-window\] ", result.stdout, re.MULTILINE), result.stdout
    assert "agreements/good.yaml:" not in result.stdout
    # require_serial: both files in one run, so one summary for the commit.
    summaries = re.findall(r"^\d+ agreements? checked: .*$", result.stdout, re.MULTILINE)
    assert len(summaries) == 1 and summaries[0].startswith("2 agreements checked: 1 passed, 1 failed"), result.stdout
    assert _commits(project, env) == 1  # the commit was refused


def test_commit_without_agreements_skips_the_hook(project: Path, pre_commit_home: Path):
    env = _env(pre_commit_home)
    result = _commit(project, env, {"README.md": "Springfield district agreements, reviewed by counsel\n",
                                    "notes/ci.yaml": "owner: it\n"})  # YAML outside agreements/
    assert result.returncode == 0, result.stdout
    assert _hook_line(result.stdout, "dpa-policy check").endswith("(no files to check)Skipped")
    assert _hook_line(result.stdout, "dpa-policy verify").endswith("(no files to check)Skipped")
    assert "agreements checked" not in result.stdout  # dpa-policy never started
    assert _commits(project, env) == 2


def test_verify_hook_runs_when_rule_cases_change(project: Path, pre_commit_home: Path):
    env = _env(pre_commit_home)
    result = _commit(project, env, {"rule_cases/DPA201.yaml": RULE_CASE.read_text("utf-8")})
    assert result.returncode == 0, result.stdout
    assert _hook_line(result.stdout, "dpa-policy verify").endswith("Passed")
    assert _hook_line(result.stdout, "dpa-policy check").endswith("(no files to check)Skipped")
    # The built-in rules' golden cases ran (the hook environment installs dpa-policy alone).
    assert re.search(r"^dpa_policy\.rules: \d+ cases, \d+ passed, 0 failed", result.stdout, re.MULTILINE), result.stdout
    assert re.search(r"^[1-9]\d* passed, 0 failed$", result.stdout, re.MULTILINE), result.stdout
    assert _commits(project, env) == 2

    # pre-commit run, as CI or a developer would, names no file to `dpa-policy verify`.
    rerun = _run([sys.executable, "-m", "pre_commit", "run", "dpa-policy-verify", "--files", "rule_cases/DPA201.yaml"],
                 project, env)
    assert rerun.returncode == 0, rerun.stdout
    assert _hook_line(rerun.stdout, "dpa-policy verify").endswith("Passed")


def test_try_repo_all_files_gives_one_report(tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path):
    """`pre-commit try-repo`, the documented way to try a hook repository, on ten agreements."""
    env = _env(pre_commit_home)
    repo_path, rev = hook_repo
    project = tmp_path / "district"
    _init_repo(project, env)
    for number in range(9):
        (project / "agreements").mkdir(exist_ok=True)
        (project / "agreements" / f"clean-{number}.yaml").write_text(_with_id(CLEAN, f"SPR-{number}"), "utf-8")
    (project / "agreements" / "late-notice.yml").write_text(_with_id(LATE, "SPR-LATE"), "utf-8")
    _pin_the_date(project)
    (project / "other.yaml").write_text("not: an agreement\n", "utf-8")  # outside agreements/
    _git(project, env, "add", "-A")
    _git(project, env, "commit", "-q", "--no-verify", "-m", "agreements")

    result = _run([sys.executable, "-m", "pre_commit", "try-repo", str(repo_path), "dpa-policy",
                   "--ref", rev, "--all-files"], project, env)
    assert result.returncode == 1, result.stdout
    assert _hook_line(result.stdout, "dpa-policy check").endswith("Failed")
    assert re.search(rf"^agreements/late-notice\.yml:{_WINDOW_LINE}:{_WINDOW_COLUMN}: DPA201 ",
                     result.stdout, re.MULTILINE), result.stdout
    # Ten files, more than pre-commit puts in one batch on a multi-core machine: require_serial
    # keeps them in one process, so there is exactly one summary, and other.yaml is not in it.
    summaries = re.findall(r"^\d+ agreements? checked: .*$", result.stdout, re.MULTILINE)
    assert len(summaries) == 1 and summaries[0].startswith("10 agreements checked: 9 passed, 1 failed"), result.stdout
