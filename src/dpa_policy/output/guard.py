"""Nothing a user wrote is ever overwritten: every command checks its output paths here
before it writes anything.

``check --output/--format FMT:FILE``, ``report --html/--markdown``, ``diff --output`` and
``publish --out`` all name paths to write. A path is refused (exit 2, one message naming the
output and what it would overwrite) when it resolves (symlinks followed, hard links
compared by identity) to an input of the run: an agreement being checked or compared, the
policy file or a file it extends, the waivers file, or the configuration file
(.dpa-policy.yaml); or when it lies inside a folder being checked. ``publish`` writes a
folder that is meant to be deployed whole, so its folder is also refused when it *holds* an
input.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from ..errors import UsageError


class _Input(NamedTuple):
    shown: str
    #: What it is, for the message: "the agreement being checked", "the policy file"...
    role: str
    real: str
    folder: bool


def _real(path: Path | str) -> str:
    return os.path.realpath(os.fspath(path))


def _identity(real: str) -> tuple[int, int] | None:
    try:
        status = os.stat(real)
    except OSError:  # does not exist (yet): it can be no input
        return None
    return status.st_dev, status.st_ino


def _inside(real_child: str, real_folder: str) -> bool:
    try:
        return os.path.commonpath([real_child, real_folder]) == real_folder
    except ValueError:  # different drives
        return False


class Inputs:
    """What a run reads, to be protected from what it writes."""

    def __init__(self) -> None:
        self._items: list[_Input] = []

    def add_file(self, path: Path | str, role: str) -> "Inputs":
        self._items.append(_Input(Path(path).as_posix(), role, _real(path), False))
        return self

    def add_folder(self, path: Path | str, role: str) -> "Inputs":
        self._items.append(_Input(Path(path).as_posix(), role, _real(path), True))
        return self

    def add_policy(self, policy_set: Any) -> "Inputs":
        """The policy file and every file it extends (presets are packaged, not the user's)."""
        # Each loaded document is keyed "file:<resolved path>" (or "preset:NAME", not the user's).
        for doc in policy_set.documents():
            if doc.key.startswith("file:"):
                role = "the policy file" if doc is policy_set.top else "a policy file the policy extends"
                self._items.append(_Input(doc.label, role, _real(doc.key[len("file:"):]), False))
        return self

    # ------------------------------------------------------------------------- refusals
    def refuse_file(self, output: Path | str, flag: str) -> None:
        """Raise a usage error when writing the file ``output`` could overwrite an input."""
        real = _real(output)
        # A hard link, or a case-insensitive file system, names one file two ways: compare
        # identities too when the output exists already.
        identity = _identity(real)
        for item in self._items:
            if item.folder and _inside(real, item.real):
                raise UsageError(f"refusing to write {_show(output)} ({flag}): it is inside {item.shown}, "
                                 f"{item.role}; nothing was written")
            if not item.folder and (real == item.real or (identity is not None and identity == _identity(item.real))):
                raise UsageError(f"refusing to write {_show(output)} ({flag}): it would overwrite "
                                 f"{item.shown}, {item.role}; nothing was written")

    def refuse_folder(self, folder: Path | str, flag: str) -> None:
        """Raise a usage error when the output folder is inside an input folder, is an
        input, or holds an input."""
        real = _real(folder)
        for item in self._items:
            if (item.folder and _inside(real, item.real)) or real == item.real:
                raise UsageError(f"refusing to write to {_show(folder)} ({flag}): it is inside {item.shown}, "
                                 f"{item.role}; nothing was written")
            if _inside(item.real, real):
                raise UsageError(f"refusing to write to {_show(folder)} ({flag}): it holds {item.shown}, "
                                 f"{item.role}, and the folder written is meant to be published whole; "
                                 "nothing was written")


def _show(path: Path | str) -> str:
    return Path(path).as_posix()


def run_inputs(paths: Iterable[str], policy_set: Any, waivers: str | None) -> Inputs:
    """The inputs of ``check``, ``report`` and ``publish``: the folders given (or the
    default one), every agreement file they hold or that is named, the policy files and the
    waivers file."""
    from ..core.discover import DEFAULT_PATH, discover

    given = tuple(paths)
    inputs = Inputs()
    for path in given or (DEFAULT_PATH,):
        if Path(path).is_dir():
            inputs.add_folder(path, "a folder being checked")
    # Every file the run reads, including one a symlink inside a folder points elsewhere to.
    for path in discover(given):
        inputs.add_file(path, "the agreement being checked")
    if waivers:
        inputs.add_file(waivers, "the waivers file")
    config = _config_file()
    if config is not None:
        inputs.add_file(config, "the configuration file")
    return inputs.add_policy(policy_set)


def _config_file() -> Path | None:
    """The configuration file that applies here, used or not (--no-config): the user wrote it."""
    from ..core.config import ConfigError, find_config, shown_path

    try:
        found = find_config()
    except ConfigError:  # two in one folder: the run has said so already, or ignores both
        return None
    return Path(shown_path(found)) if found is not None else None

