"""Write a file whole or not at all, and outputs all or none."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Any, Callable, Sequence, TextIO

from ..errors import UsageError

#: Standard output is staged in memory up to this size, then in a temporary file.
_SPOOL_IN_MEMORY = 1024 * 1024


def write_atomic(path: Path, text: str) -> None:
    """Write whole or not at all: a temporary file beside the target, then rename."""
    staged = Staged(path)
    try:
        staged.write(text)
        staged.commit()
    finally:
        staged.discard()


def write_together(outputs: Sequence[tuple[Path, Callable[[Any], None]]]) -> None:
    """Each ``(path, write)``: ``write(out)`` writes the file's content to ``out`` as it is
    rendered, into a temporary file beside ``path``; only when every one is complete are
    they all put in place, so a renderer that fails leaves no half set."""
    staged: list[Staged] = []
    try:
        for path, write in outputs:
            staged.append(Staged(path))
            write(staged[-1])
        for output in staged:
            output.commit()
    finally:
        for output in staged:
            output.discard()


class Staged:
    """One output, written in full before anyone sees it: a file (``path``) goes to a
    temporary file beside it and is renamed into place by :meth:`commit`; standard output
    (``path`` None) is held (in memory, or a temporary file when large) and copied out by
    :meth:`commit`. A reporter that fails halfway leaves nothing behind: :meth:`discard`.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._tmp: str | None = None
        #: The target is a device, FIFO or socket (``--output /dev/null``, ``/dev/stdout``):
        #: renaming a file over it would replace the device itself, so it is written in place.
        self._device = path is not None and _is_special(path)
        if path is None or self._device:
            # surrogatepass: what a reporter wrote comes back exactly, lone surrogates included.
            self.handle: TextIO = tempfile.SpooledTemporaryFile(  # type: ignore[assignment]
                max_size=_SPOOL_IN_MEMORY, mode="w+", encoding="utf-8", errors="surrogatepass", newline="")
            return
        directory = path.parent if str(path.parent) else Path(".")
        try:
            fd, self._tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
        # backslashreplace: a file name that is not UTF-8 (a lone surrogate) is written as an
        # escape instead of failing the whole report.
        self.handle = os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="\n")

    def write(self, text: str) -> None:
        try:
            self.handle.write(text)
        except OSError as exc:  # a full disk: say which output could not be written
            raise UsageError(f"cannot write {self.path}: {exc.strerror or exc}") from None

    def commit(self, out: TextIO | None = None) -> None:
        """Move the file into place, or copy standard output's text to ``out``."""
        if self._device:
            self._write_device()
            return
        if self.path is None:
            self.handle.seek(0)
            shutil.copyfileobj(self.handle, out)  # type: ignore[arg-type]
            self.handle.close()
            if hasattr(out, "flush"):
                out.flush()
            return
        assert self._tmp is not None
        try:
            self.handle.close()
            # mkstemp creates 0600; a report should get the mode any new file would (or keep
            # the mode of the file it replaces), so CI can upload and others can read it.
            try:
                mode = self.path.stat().st_mode & 0o777
            except FileNotFoundError:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.chmod(self._tmp, mode)
            os.replace(self._tmp, self.path)
            self._tmp = None
        except OSError as exc:
            raise UsageError(f"cannot write {self.path}: {exc.strerror or exc}") from None

    def _write_device(self) -> None:
        assert self.path is not None
        self.handle.seek(0)
        try:
            # O_NONBLOCK: a FIFO nobody reads fails at once (ENXIO) instead of hanging the run.
            fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        except OSError as exc:
            raise UsageError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        try:
            os.set_blocking(fd, True)
            with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as target:
                shutil.copyfileobj(self.handle, target)
        except OSError as exc:
            raise UsageError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        finally:
            self.handle.close()

    def discard(self) -> None:
        """Remove what was not committed (nothing, after :meth:`commit`)."""
        if not self.handle.closed:
            self.handle.close()
        if self._tmp is not None:
            Path(self._tmp).unlink(missing_ok=True)
            self._tmp = None


def _is_special(path: Path) -> bool:
    """An existing target that is not a regular file or a folder (a folder fails later with
    a clear message): a character or block device, a FIFO or a socket."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))
