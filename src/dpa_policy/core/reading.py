"""Reading one input file (agreement, policy or waivers) safely: bytes -> bounded UTF-8 text.

Only regular files are opened. A FIFO, socket or device named ``*.yaml`` would block the run
or read forever, so it is refused without being opened; so are a broken or looping symbolic
link and a path too long for the system. Each becomes a DPA006 problem, never a hang or a crash.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..findings import InputProblem, Position

MAX_BYTES = 4 * 1024 * 1024


class LoadFailed(Exception):
    """The document could not be turned into data; ``problems`` says where and why."""

    def __init__(self, problems: list[InputProblem]):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    """Read a regular file as UTF-8 (a BOM is allowed), bounded in size. Raises LoadFailed."""
    return text_from_bytes(read_bytes(path, max_bytes=max_bytes), max_bytes=max_bytes)


def read_bytes(path: "Path | str", *, max_bytes: int = MAX_BYTES) -> bytes:
    """A regular file's bytes, at most ``max_bytes + 1`` of them (one more than allowed, so
    :func:`text_from_bytes` can tell the file is too large). Raises LoadFailed.

    Anything else (a FIFO, socket or device) is refused without being opened, since
    reading it could block forever; fstat after opening closes the race where the path is
    swapped in between, and O_NONBLOCK keeps even that open from waiting for a writer.
    """
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise LoadFailed([_unreadable(not_regular_file(mode))])
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                     | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as handle:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise LoadFailed([_unreadable(not_regular_file(info.st_mode))])
            # Ask for the size the file has (asking for 4 MiB each time costs more than
            # reading a small file), plus one byte to notice a file that grew meanwhile.
            data = handle.read(min(info.st_size, max_bytes) + 1)
            if info.st_size < len(data) <= max_bytes:
                data += handle.read(max_bytes + 1 - len(data))
            return data
    except OSError as exc:
        raise LoadFailed([_unreadable(f"cannot read file: {os_reason(exc, path)}")]) from None


def not_regular_file(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    kind = next((name for test, name in kinds if test(mode)), "a special file")
    return f"not a regular file ({kind})"


def os_reason(exc: OSError, path: Path | str) -> str:
    """Plain words for why ``path`` could not be opened or listed."""
    if exc.errno == errno.ENAMETOOLONG:
        return f"the path is too long for this system ({len(os.fspath(path)):,} characters)"
    if exc.errno == errno.ELOOP:
        return "its symbolic links go round in a loop (or nest too deeply to follow)"
    if exc.errno == errno.ENOENT and os.path.islink(path):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return f"it is a broken symbolic link (its target {target} does not exist)"
    return exc.strerror or exc.__class__.__name__


def _unreadable(message: str) -> InputProblem:
    return InputProblem("DPA006", message, Position(1, 1))


def text_from_bytes(raw: bytes, *, max_bytes: int = MAX_BYTES) -> str:
    """Bounded size, then UTF-8: for a file's bytes or any other source (a git blob)."""
    if len(raw) > max_bytes:
        raise LoadFailed([InputProblem(
            "DPA006",
            f"file is larger than the {max_bytes // (1024 * 1024)} MiB limit for one agreement; "
            "is it really an agreement?",
            Position(1, 1),
        )])
    return decode(raw)


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        raise LoadFailed([InputProblem(
            "DPA006",
            f"file is not valid UTF-8: byte 0x{raw[exc.start]:02x} cannot start or continue a character",
            Position(line, column),
        )]) from None
