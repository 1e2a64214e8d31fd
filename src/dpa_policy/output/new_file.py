"""Create a file that does not exist yet, never replacing one: what ``dpa-policy init`` writes
into a folder the user may already have set up."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import UsageError


def write_new(path: Path, text: str) -> bool:
    """Create ``path`` with ``text`` (and its missing folders); False, touching nothing, when
    something already exists there (a file, a folder, even a broken link). The check and the
    creation are one step (O_EXCL), so a file that appears in between is not overwritten either."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
    except FileExistsError:
        return False
    except OSError as exc:
        raise UsageError(f"cannot create {path.as_posix()}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise UsageError(f"cannot write {path.as_posix()}: {exc.strerror or exc}") from None
    return True
