"""The two versions a diff compares: agreement files, or a file and its version at a git
revision (``git show REV:PATH``). A problem getting either is a usage error (exit 2); a file
that does not load is returned as its input problems, for the report to list."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:  # pragma: no cover
    from ..core.document import AgreementDocument
    from ..findings import InputProblem


def existing_file(given: str) -> Path:
    path = Path(given)
    if not path.exists():
        raise UsageError(f"file not found: {given}")
    if not path.is_file():
        raise UsageError(f"not a file: {given} (diff compares one agreement file with another)")
    return path


def load_path(path: Path) -> "AgreementDocument | list[InputProblem]":
    from ..core.document import load_agreement

    return load_agreement(path)


def load_bytes(raw: bytes, display: str) -> "AgreementDocument | list[InputProblem]":
    from ..core.document import load_agreement_bytes

    return load_agreement_bytes(raw, Path(display))


def git_show(rev: str, path: Path) -> tuple[str, bytes]:
    """The content of ``path`` at git revision ``rev``, and how to name it (``REV:repo/path``).
    Any git failure is a usage error (exit 2) quoting git's own reason."""
    if not rev.strip() or rev.startswith("-"):
        raise UsageError(f"--rev {rev!r} is not a git revision")
    directory = path.resolve().parent
    top = _git(["rev-parse", "--show-toplevel"], directory, f"{path.as_posix()} is not in a git repository")
    root = Path(top.decode("utf-8", errors="replace").strip()).resolve()
    try:
        relative = path.resolve().relative_to(root).as_posix()
    except ValueError:
        raise UsageError(f"{path.as_posix()} is outside its git repository {root.as_posix()}") from None
    raw = _git(["show", f"{rev}:{relative}"], directory, f"cannot read {relative} at revision {rev!r}")
    return f"{rev}:{relative}", raw


def _git(arguments: list[str], cwd: Path, failure: str) -> bytes:
    import subprocess

    try:
        done = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, timeout=60, check=False)
    except FileNotFoundError:
        raise UsageError("--rev needs git, and no git command was found") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"{failure}: git {' '.join(arguments)} did not finish within 60 seconds") from None
    if done.returncode != 0:
        lines = [line.strip() for line in done.stderr.decode("utf-8", errors="replace").splitlines() if line.strip()]
        reason = next((line for line in lines if line.startswith("fatal:")), lines[0] if lines else "")
        reason = reason or f"exit status {done.returncode}"
        raise UsageError(f"{failure}: git {' '.join(arguments)}: {reason}")
    return done.stdout
