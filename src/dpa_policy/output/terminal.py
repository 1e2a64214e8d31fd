"""What a person at a terminal sees beyond the report: colour and a progress line.

Both are for terminals only. Colour is decided by ``--color``: ``never``; ``always``; or
``auto`` (the default), which colours only a terminal (standard output is a TTY), never when
``NO_COLOR`` is set to anything (https://no-color.org) or ``TERM=dumb``. The progress line goes
to standard error, only when standard error is a terminal and the run is not in CI
(``CI`` set), and only once a run has lasted a couple of seconds: piped output, files and CI
logs never hold a progress line or an escape code.

Plain ANSI escapes, no library: this module is imported by every check, and start-up time
is what a pre-commit hook's user waits for.
"""

from __future__ import annotations

import os
import re
import time
from typing import TextIO

RESET = "\x1b[0m"
RED = "\x1b[31m"
BOLD_RED = "\x1b[1;31m"
GREEN = "\x1b[32m"
YELLOW = "\x1b[33m"
BLUE = "\x1b[34m"
MAGENTA = "\x1b[35m"
DIM = "\x1b[2m"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


def use_colour(setting: str, stream: TextIO) -> bool:
    """Whether to colour what goes to ``stream`` under ``--color setting``."""
    if setting == "always":
        return True
    if setting == "never":
        return False
    if os.environ.get("NO_COLOR", "") != "" or os.environ.get("TERM") == "dumb":
        return False
    return _is_terminal(stream)


# A finding line of the text format: "path:line:col: CODE [slug] message[ (suffix)]".
_FINDING = re.compile(r"^(?P<where>.*?:\d+:\d+: )(?P<code>\S+ \[[^\]]*\])(?P<rest> .*)$")
_INTERNAL_ERROR = re.compile(r"^.*: internal error: ")
_COUNTS = (
    (re.compile(r"\b([1-9][0-9,]*) passed\b"), GREEN),
    (re.compile(r"\b([1-9][0-9,]*) failed\b"), RED),
    (re.compile(r"\b([1-9][0-9,]*) needs? review\b"), MAGENTA),
    (re.compile(r"\b([1-9][0-9,]*) incomplete\b"), BOLD_RED),
    (re.compile(r"\bRun incomplete:"), BOLD_RED),
)


def colour_line(line: str) -> str:
    """One line of the text report (or a summary line) with its severity or verdicts coloured.
    The words stay the same: only escape codes are added."""
    found = _FINDING.match(line)
    if found is not None:
        rest = found.group("rest")
        if "(waived by " in rest:
            colour = DIM
        elif rest.endswith(" (warning)"):
            colour = YELLOW
        elif rest.endswith(" (info)"):
            colour = BLUE
        elif rest.startswith(" needs review"):
            colour = MAGENTA
        else:  # at or above --fail-on: what fails the run
            colour = RED
        return f"{found.group('where')}{colour}{found.group('code')}{RESET}{rest}"
    if _INTERNAL_ERROR.match(line):
        return f"{BOLD_RED}{line}{RESET}"
    for pattern, colour in _COUNTS:
        line = pattern.sub(lambda m, c=colour: f"{c}{m.group(0)}{RESET}", line)
    return line


class ColouredText:
    """A text stream that colours each complete line written through it (:func:`colour_line`)."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self._partial = ""

    def write(self, text: str) -> int:
        lines = (self._partial + text).split("\n")
        self._partial = lines.pop()
        if lines:
            self.out.write("".join(colour_line(line) + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self._partial:
            self.out.write(colour_line(self._partial))
            self._partial = ""
        self.out.flush()


class Progress:
    """``progress(done, total)`` for a run: a line on standard error, redrawn in place."""

    #: Seconds a run lasts before the line appears: a short run shows nothing.
    DELAY = 1.5
    #: Seconds between redraws.
    INTERVAL = 0.1

    def __init__(self, stream: TextIO, what: str = "agreements") -> None:
        self.stream = stream
        self.what = what
        self.enabled = _is_terminal(stream) and os.environ.get("CI", "") == "" and os.environ.get("TERM") != "dumb"
        self.started = time.monotonic()
        self._next = self.started + self.DELAY
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now < self._next and done < total:
            return
        if not self._shown and now < self.started + self.DELAY:
            return
        self._next = now + self.INTERVAL
        self._shown = True
        percent = done * 100 // total if total else 100
        self.stream.write(f"\r\x1b[2Kdpa-policy: checked {done:,} of {total:,} {self.what} ({percent}%)")
        self.stream.flush()

    def finish(self) -> None:
        """Clear the line, so what is printed next starts on a clean line."""
        if self._shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._shown = False
