"""Where a finding is, as tools outside dpa-policy need it: relative to the repository root.

Code scanning resolves SARIF locations, GitHub annotations' ``file=`` and GitLab's JUnit
``file`` attribute against the root of the repository, not against the folder dpa-policy
happened to run from. :func:`source_root` finds that root; :func:`repository_path` and
:func:`artifact_location` express a checked file's path relative to it.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

#: The SARIF ``uriBaseId`` of the repository root.
ROOT_ID = "SRCROOT"


def source_root(explicit: str | os.PathLike | None = None) -> Path:
    """The repository root: ``explicit`` (``--sarif-root``), else ``GITHUB_WORKSPACE`` (the
    checkout on a GitHub runner), else the git work tree holding the working directory, else
    the working directory. Symbolic links resolved, as code scanning needs."""
    if explicit is not None:
        return Path(os.path.realpath(explicit))
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace and os.path.isdir(workspace):
        return Path(os.path.realpath(workspace))
    here = Path(os.path.realpath(os.getcwd()))
    for folder in (here, *here.parents):
        if os.path.lexists(folder / ".git"):  # a folder, or a file in a linked work tree
            return folder
    return here


def _relative(path: str, root: Path) -> Path | None:
    try:
        return Path(os.path.realpath(path)).relative_to(root)
    except ValueError:
        return None


def repository_path(path: str, root: Path) -> str:
    """``path`` relative to ``root`` in forward slashes; as given when it is outside."""
    relative = _relative(path, root)
    return path if relative is None else relative.as_posix()


def file_uri(path: Path) -> str:
    """An absolute path as a ``file:`` URI. Path.as_uri() fails on a file name that is not
    UTF-8; surrogateescape percent-encodes its real bytes instead."""
    posix = path.as_posix()
    prefix = "file://" if posix.startswith("/") else "file:///"  # Windows: file:///C:/...
    return prefix + quote(posix, safe="/:", errors="surrogateescape")


def artifact_location(path: str, root: Path) -> dict:
    """A SARIF artifactLocation: ``{"uri": "agreements/x.yaml", "uriBaseId": "SRCROOT"}``
    for a file under ``root``; ``{"uri": "file:///elsewhere/x.yaml"}``, with no
    ``uriBaseId``, for one outside it (SARIF1004 forbids a base on an absolute URI)."""
    relative = _relative(path, root)
    if relative is None:
        return {"uri": file_uri(Path(os.path.realpath(path)))}
    return {"uri": quote(relative.as_posix(), safe="/", errors="surrogateescape"), "uriBaseId": ROOT_ID}
