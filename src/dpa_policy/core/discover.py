"""Which files a run checks: the paths given, folders searched for agreement files.

Files named explicitly are checked whatever their suffix; folders are searched for *.yaml /
*.yml without recursion and without following links to folders, hidden folders skipped.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import UsageError
from ..findings import InputProblem, Position
from .reading import os_reason

AGREEMENT_SUFFIXES = (".yaml", ".yml")
DEFAULT_PATH = "agreements"


def discover(paths: tuple[str, ...]) -> list[str]:
    """Files named explicitly are checked whatever their suffix; folders are searched for
    *.yaml / *.yml, skipping hidden folders. The result is sorted and free of duplicates."""
    return sorted(discover_with_problems(paths))


def discover_with_problems(paths: tuple[str, ...]) -> dict[str, InputProblem | None]:
    """Every path to check, with the problem already found for it (a folder that cannot be
    listed). Whatever is not a folder is kept, FIFOs and broken links included: reading it
    reports why it is not an agreement, where skipping it would pass it in silence."""
    found: dict[str, InputProblem | None] = {}
    for given in paths or (DEFAULT_PATH,):
        path = Path(given)
        try:
            is_folder = stat.S_ISDIR(os.stat(path).st_mode)
        except (FileNotFoundError, NotADirectoryError):
            if not os.path.islink(path):  # a broken link named explicitly is read, and reported
                hint = " (no path given, so the default folder 'agreements' was used)" if not paths else ""
                raise UsageError(f"path not found: {given}{hint}") from None
            is_folder = False
        except OSError:  # a link loop, a path too long: reading it says so
            is_folder = False
        if is_folder:
            _search(path, found)
        else:
            found.setdefault(path.as_posix(), None)
    return found


def _search(top: Path, found: dict[str, InputProblem | None]) -> None:
    """Walk ``top`` without recursion (a tree can be thousands of levels deep) and without
    following symbolic links to folders (they can loop)."""
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted((entry.name, entry) for entry in listing)
        except OSError as exc:
            found[folder.as_posix()] = InputProblem("DPA006", f"cannot list folder: {os_reason(exc, folder)}",
                                                    Position(1, 1))
            continue
        # Names joined as text, exactly as ``(folder / name).as_posix()`` would (a folder may
        # hold 100,000 files, and a Path per file cost more than listing them).
        base = folder.as_posix()
        prefix = "" if base == "." else base.rstrip("/") + "/"
        for name, entry in entries:
            if name.startswith("."):
                continue
            if _is_folder(entry, follow_symlinks=False):
                pending.append(folder / name)
            elif name.endswith(AGREEMENT_SUFFIXES) and not _is_folder(entry, follow_symlinks=True):
                found.setdefault(prefix + name, None)


def _is_folder(entry: os.DirEntry, *, follow_symlinks: bool) -> bool:
    try:
        return entry.is_dir(follow_symlinks=follow_symlinks)
    except OSError:  # cannot tell (a link loop, a path too long): treat it as a file, and report it
        return False
