"""Colour, --quiet and the progress line: for a person at a terminal, never in pipes or CI logs."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dpa_policy.cli import main
from dpa_policy.output import terminal
from dpa_policy.testing import base_agreement_text

ESC = "\x1b["


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    top = tmp_path / "agreements"
    top.mkdir()
    (top / "good.yaml").write_text(base_agreement_text(), "utf-8")
    (top / "late.yaml").write_text(base_agreement_text().replace("id: BASE-0001", "id: LATE-0001")
                                   .replace("window: 72 hours", "window: 10 business days"), "utf-8")
    return top


def run(*argv: str, stdout=None, stderr=None) -> tuple[int, str, str]:
    out, err = stdout or io.StringIO(), stderr or io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch):
    for name in ("NO_COLOR", "CI", "TERM"):
        monkeypatch.delenv(name, raising=False)


def test_piped_output_has_no_colour_by_default(folder):
    code, out, err = run("check", str(folder))
    assert code == 1 and ESC not in out and ESC not in err


def test_a_terminal_gets_severities_and_verdicts_coloured(folder):
    code, out, _ = run("check", str(folder), stdout=FakeTerminal())
    finding, summary = out.splitlines()[0], out.splitlines()[-1]
    assert code == 1
    assert f"{terminal.RED}DPA201 [breach-notice-window]{terminal.RESET}" in finding
    assert f"{terminal.GREEN}1 passed{terminal.RESET}" in summary and f"{terminal.RED}1 failed{terminal.RESET}" in summary
    # Only escape codes are added: without them, the words are the plain report's.
    plain = run("check", str(folder))[1]
    assert strip(out) == plain


def test_no_color_and_color_never_turn_it_off_and_always_turns_it_on(folder, monkeypatch):
    assert ESC not in run("check", str(folder), "--color", "never", stdout=FakeTerminal())[1]
    assert ESC in run("check", str(folder), "--color", "always")[1]  # even into a pipe, when asked
    monkeypatch.setenv("NO_COLOR", "1")
    assert ESC not in run("check", str(folder), stdout=FakeTerminal())[1]
    assert ESC in run("check", str(folder), "--colour", "always", stdout=FakeTerminal())[1]  # the flag wins


def test_machine_formats_are_never_coloured(folder):
    for fmt in ("json", "sarif", "junit", "github", "markdown"):
        assert ESC not in run("check", str(folder), "--format", fmt, "--color", "always")[1], fmt


def test_quiet_prints_the_summary_line_only(folder, tmp_path):
    code, out, _ = run("check", str(folder))
    quiet_code, quiet, _ = run("check", str(folder), "--quiet")
    assert quiet_code == code == 1 and quiet == out.splitlines()[-1] + "\n"
    # A format written to a file is written whole.
    target = tmp_path / "report.json"
    run("check", str(folder), "-q", "--format", "text", "--format", f"json:{target}")
    assert '"findings": [' in target.read_text()


def test_progress_is_drawn_on_a_terminal_and_cleared(monkeypatch):
    clock = iter([0.0, 0.5, 2.0, 2.05, 2.3, 3.0])
    monkeypatch.setattr(terminal.time, "monotonic", lambda: next(clock))
    stream = FakeTerminal()
    progress = terminal.Progress(stream)  # started at 0.0
    progress(1, 4)  # 0.5 s: too early, nothing
    assert stream.getvalue() == ""
    progress(2, 4)  # 2.0 s
    progress(3, 4)  # 2.05 s: too soon after the last redraw
    progress(4, 4)  # 2.3 s: the last one is always drawn
    progress.finish()
    assert stream.getvalue() == ("\r\x1b[2Kdpa-policy: checked 2 of 4 agreements (50%)"
                                 "\r\x1b[2Kdpa-policy: checked 4 of 4 agreements (100%)\r\x1b[2K")


def test_no_progress_into_a_pipe_in_ci_or_with_quiet(monkeypatch):
    monkeypatch.setattr(terminal.time, "monotonic", lambda: 100.0)
    assert not terminal.Progress(io.StringIO()).enabled
    monkeypatch.setenv("CI", "true")
    assert not terminal.Progress(FakeTerminal()).enabled


def test_a_real_run_into_pipes_writes_no_escape_code(folder):
    """As CI runs it: standard output and error are pipes."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CI")}
    done = subprocess.run([sys.executable, "-m", "dpa_policy", "check", str(folder)], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 1 and ESC not in done.stdout + done.stderr


def strip(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)
