"""The agreement JSON Schema as a local file, and the first line that points an agreement at
it: what ``dpa-policy schema --write PATH`` and ``dpa-policy init`` both write, so an editor
with yaml-language-server completes and validates agreements without a network."""

from __future__ import annotations

import os
from pathlib import Path

from .. import schema
from .atomic import write_atomic
from .new_file import write_new

#: The modeline yaml-language-server reads from an agreement's first line.
MODELINE = "# yaml-language-server: $schema={}"


def write_schema(path: Path | str, *, generate: bool = False, replace: bool = True) -> bool:
    """Write the packaged schema (or one generated from the models) to ``path``. With
    ``replace`` an older copy is replaced whole (atomically); without, an existing file is
    left alone and False is returned."""
    text = schema.dumps(schema.generate() if generate else schema.packaged())
    if replace:
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # write_atomic says why it cannot write there
        write_atomic(Path(path), text)
        return True
    return write_new(Path(path), text)


def modeline(schema_path: Path | str, agreement_folder: Path | str) -> str:
    """The first line for an agreement in ``agreement_folder``: the schema's path relative to
    that folder, with forward slashes (what the language server resolves it against)."""
    relative = os.path.relpath(os.path.abspath(schema_path), os.path.abspath(agreement_folder))
    return MODELINE.format(Path(relative).as_posix())
