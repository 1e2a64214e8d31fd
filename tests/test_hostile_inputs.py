"""Hostile and broken inputs, through the command line: never a hang, a crash or a silent skip.

Each case puts one bad thing beside an agreement that is fine, then asserts what a user sees:
the exit code, a one-line message at the right file, line and column, that the good agreement
was still checked, and that no input file was touched. A bad agreement is a finding (exit 1);
a bad policy or waivers file stops the run (exit 2) naming the file, line and column.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dpa_policy.cli import main
from dpa_policy.core import loader
from dpa_policy.core.loader import MAX_DEPTH, MAX_NUMBER_DIGITS
from dpa_policy.core.waivers import MAX_WARN_DAYS
from dpa_policy.testing import base_agreement_text

GOOD = "good.yaml"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def check_json(*argv: str) -> tuple[int, dict, str]:
    code, out, err = run("check", "--format", "json", *argv)
    assert out, f"no report (exit {code}): {err}"
    return code, json.loads(out), err


def check_in_subprocess(*argv: str) -> tuple[int, dict, str]:
    """A real process, for inputs that could make a run block: a timeout fails the test
    instead of hanging the suite."""
    try:
        done = subprocess.run([sys.executable, "-m", "dpa_policy", "check", "--format", "json", *argv],
                              capture_output=True, text=True, timeout=120, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("dpa-policy check blocked on its input instead of reporting it")
    assert done.stdout, f"no report (exit {done.returncode}): {done.stderr}"
    return done.returncode, json.loads(done.stdout), done.stderr


def findings_for(report: dict, path: Path | str) -> list[tuple[int, int, str, str]]:
    shown = Path(path).as_posix()
    return [(f["line"], f["column"], f["code"], f["message"]) for f in report["findings"] if f["file"] == shown]


def assert_good_was_checked(report: dict, folder: Path) -> None:
    (good,) = [a for a in report["agreements"] if a["path"] == (folder / GOOD).as_posix()]
    assert good["loaded"] and good["findings"] == 0


def snapshot(top: Path) -> dict[tuple[str, str], object]:
    """Every entry under ``top``: a regular file's bytes, a link's target, anything else its
    type. Walks by directory descriptor (paths may be longer than the system allows) and never
    opens what is not a regular file (opening a FIFO would block)."""
    seen: dict[tuple[str, str], object] = {}
    for folder, dirs, files, dirfd in os.fwalk(top):
        for name in dirs + files:
            info = os.stat(name, dir_fd=dirfd, follow_symlinks=False)
            if stat.S_ISREG(info.st_mode):
                fd = os.open(name, os.O_RDONLY, dir_fd=dirfd)
                with open(fd, "rb") as handle:
                    seen[(folder, name)] = handle.read()
            elif stat.S_ISLNK(info.st_mode):
                seen[(folder, name)] = os.readlink(name, dir_fd=dirfd)
            else:
                seen[(folder, name)] = stat.S_IFMT(info.st_mode)
    return seen


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of agreements holding one good agreement; each test adds the bad thing."""
    top = tmp_path / "agreements"
    top.mkdir()
    (top / GOOD).write_text(base_agreement_text(), "utf-8")
    return top


def agreement_with(old: str, new: str) -> str:
    text = base_agreement_text()
    assert old in text
    return text.replace(old, new, 1)


def line_and_column(text: str, marker: str) -> tuple[int, int]:
    before = text[: text.index(marker)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


@pytest.fixture(params=["libyaml", "pure-python"])
def yaml_parser(request, monkeypatch):
    """Run a test with libyaml's parser and with PyYAML's own: the loader's limits and
    messages must not depend on which one is installed."""
    if request.param == "libyaml":
        if not loader.LIBYAML:
            pytest.skip("PyYAML is built without libyaml here")
    else:
        monkeypatch.setattr(loader, "_YamlParser", yaml.SafeLoader)
    return request.param


# ------------------------------------------------------------------------- 1. deep nesting
def test_a_flow_tower_is_stopped_by_our_depth_limit_at_its_65th_level(folder, yaml_parser):
    tower = folder / "tower.yaml"
    tower.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    before = snapshot(folder)
    code, report, _ = check_json(str(folder))
    assert code == 1
    assert findings_for(report, tower) == [(1, MAX_DEPTH + 1, "DPA007", f"nesting is deeper than {MAX_DEPTH} levels")]
    assert_good_was_checked(report, folder)
    assert snapshot(folder) == before


def test_a_tower_inside_a_mapping_is_located_at_the_level_that_breaks_the_limit(folder, yaml_parser):
    tower = folder / "tower.yaml"
    tower.write_text(agreement_with("title: Data", "extra: " + "{a: " * 5000 + "1" + "}" * 5000 + "\ntitle: Data"), "utf-8")
    line, column = line_and_column(tower.read_text("utf-8"), "extra:")
    code, report, _ = check_json(str(folder))
    # The document is level 1, so level 65 is the 64th '{'.
    assert code == 1 and findings_for(report, tower) == [
        (line, column + len("extra: ") + len("{a: ") * (MAX_DEPTH - 1), "DPA007", f"nesting is deeper than {MAX_DEPTH} levels")]


def test_a_deep_policy_stops_the_run_naming_file_line_and_column(folder, tmp_path, yaml_parser):
    policy = tmp_path / "policy.yaml"
    policy.write_text("policy_version: 1\nname: Deep\nrules: " + "[" * 5000 + "]" * 5000 + "\n", "utf-8")
    code, out, err = run("check", "--policy", str(policy), str(folder))
    assert code == 2 and out == ""
    assert f"{policy.as_posix()}:3:{len('rules: ') + MAX_DEPTH}: nesting is deeper than {MAX_DEPTH} levels" in err


# ---------------------------------------------------------- 2. FIFOs, sockets and devices
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this system cannot make a FIFO (os.mkfifo)")


@needs_fifo
def test_a_fifo_in_a_folder_is_reported_not_read(folder):
    os.mkfifo(folder / "pipe.yaml")
    before = snapshot(folder)
    code, report, _ = check_in_subprocess(str(folder))
    assert code == 1
    assert findings_for(report, folder / "pipe.yaml") == [(1, 1, "DPA006", "not a regular file (a FIFO)")]
    assert_good_was_checked(report, folder)
    assert snapshot(folder) == before


@needs_fifo
def test_a_fifo_named_explicitly_is_reported_not_read(folder):
    os.mkfifo(folder / "pipe.yml")
    code, report, _ = check_in_subprocess(str(folder / "pipe.yml"), str(folder / GOOD))
    assert code == 1
    assert findings_for(report, folder / "pipe.yml") == [(1, 1, "DPA006", "not a regular file (a FIFO)")]
    assert_good_was_checked(report, folder)


@needs_fifo
@pytest.mark.parametrize("option", ["--policy", "--waivers"])
def test_a_fifo_as_policy_or_waivers_file_stops_the_run_without_blocking(folder, tmp_path, option):
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    try:
        done = subprocess.run([sys.executable, "-m", "dpa_policy", "check", option, str(pipe), str(folder)],
                              capture_output=True, text=True, timeout=120, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"dpa-policy check {option} FIFO blocked")
    assert done.returncode == 2
    assert f"{pipe.as_posix()}:1:1: not a regular file (a FIFO)" in done.stderr


@needs_fifo
def test_a_policy_extending_a_fifo_is_located_at_the_extends_entry(folder, tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    policy = tmp_path / "policy.yaml"
    policy.write_text("policy_version: 1\nname: District\nextends: [ndpa, ./pipe.yaml]\n", "utf-8")
    code, _, err = run("check", "--policy", str(policy), str(folder))
    assert code == 2
    assert f"{policy.as_posix()}:3:17: cannot use policy file" in err and "not a regular file (a FIFO)" in err


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="this system has no Unix domain sockets")
def test_a_socket_in_a_folder_is_reported(folder, monkeypatch):
    monkeypatch.chdir(folder)  # a socket's path is limited to about 100 bytes: bind a short relative one
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("socket.yaml")
        code, report, _ = check_in_subprocess(str(folder))
    assert code == 1
    assert findings_for(report, folder / "socket.yaml") == [(1, 1, "DPA006", "not a regular file (a socket)")]
    assert_good_was_checked(report, folder)


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null device here")
def test_a_device_named_explicitly_is_reported(folder):
    code, report, _ = check_in_subprocess("/dev/null", str(folder / GOOD))
    assert code == 1
    assert findings_for(report, "/dev/null") == [(1, 1, "DPA006", "not a regular file (a character device)")]
    assert_good_was_checked(report, folder)


# ------------------------------------------------------------------------ 3. huge numbers
HUGE = "9" * 5000  # more digits than Python's int() reads by default (4,300)


def test_a_5000_digit_number_in_an_agreement_is_a_located_finding(folder):
    bad = folder / "huge.yaml"
    bad.write_text(agreement_with("per_year: 1", f"per_year: {HUGE}"), "utf-8")
    line, column = line_and_column(bad.read_text("utf-8"), HUGE)
    before = snapshot(folder)
    code, report, _ = check_json(str(folder))
    assert code == 1
    assert findings_for(report, bad) == [(line, column, "DPA007",
                                          f"a number of 5,000 digits is longer than the loader accepts "
                                          f"({MAX_NUMBER_DIGITS} digits); quote it if it is meant as text")]
    assert_good_was_checked(report, folder)
    assert snapshot(folder) == before


@pytest.mark.parametrize("number", ["1.0e400", "-2.5e309", "1" + "0" * 400 + ".5"])
def test_a_float_that_overflows_to_infinity_never_slips_through(folder, number):
    bad = folder / "inf.yaml"
    bad.write_text(agreement_with("per_year: 1", f"per_year: {number}"), "utf-8")
    line, column = line_and_column(bad.read_text("utf-8"), number)
    code, report, _ = check_json(str(folder))
    assert code == 1
    ((where_line, where_column, finding_code, message),) = findings_for(report, bad)
    assert (where_line, where_column, finding_code) == (line, column, "DPA007")
    assert "infinity" in message or "digits" in message
    assert_good_was_checked(report, folder)


@pytest.mark.parametrize("unit", ["hours", "business days"])
def test_a_duration_with_a_5000_digit_amount_is_a_finding_at_its_value(folder, unit):
    bad = folder / "window.yaml"
    bad.write_text(agreement_with("window: 72 hours", f"window: {HUGE} {unit}"), "utf-8")
    line, column = line_and_column(bad.read_text("utf-8"), HUGE)
    code, report, _ = check_json(str(folder))
    assert code == 1
    assert findings_for(report, bad) == [(line, column, "DPA003", "clauses.breach_notification.window: a duration's "
                                                                  "amount has 5,000 digits, more than the 100 this checker reads")]


def test_the_longest_business_day_window_read_is_judged_not_crashed_on(folder):
    long_window = "9" * 100  # beyond 2**53: the weekend bound is worked out in exact integers
    bad = folder / "window.yaml"
    bad.write_text(agreement_with("window: 72 hours", f"window: {long_window} business days"), "utf-8")
    code, report, err = check_json(str(folder))
    assert code == 1 and report["internal_errors"] == [] and err == ""
    assert "DPA201" in [c for _, _, c, _ in findings_for(report, bad)]  # too long a window, judged


def test_a_5000_digit_number_in_a_policy_stops_the_run_at_its_position(folder, tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text(f"policy_version: 1\nname: District\nextends: [ndpa]\nrules:\n"
                      f"  audit-rights:\n    options: {{min_per_year: {HUGE}}}\n", "utf-8")
    code, out, err = run("check", "--policy", str(policy), str(folder))
    assert code == 2 and out == ""
    assert f"{policy.as_posix()}:6:29: a number of 5,000 digits is longer than the loader accepts" in err
    assert "Traceback" not in err and "internal error" not in err


def test_a_5000_digit_number_in_a_waivers_file_stops_the_run_at_its_position(folder, tmp_path):
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text("waivers_version: 1\nwaivers:\n  - agreement: BASE-0001\n    rule: DPA201\n"
                       "    justification: The vendor is renegotiating the clause.\n    approver: Dana Whitfield\n"
                       f"    expires: 2030-01-01\n    pointer: {HUGE}\n", "utf-8")
    code, out, err = run("check", "--waivers", str(waivers), str(folder))
    assert code == 2 and out == ""
    assert f"{waivers.as_posix()}:8:14: a number of 5,000 digits is longer than the loader accepts" in err


def test_diff_reports_a_5000_digit_number_as_an_input_problem(folder):
    new = folder / "new.yaml"
    new.write_text(agreement_with("per_year: 1", f"per_year: {HUGE}"), "utf-8")
    line, column = line_and_column(new.read_text("utf-8"), HUGE)
    before = snapshot(folder)
    code, out, err = run("diff", str(folder / GOOD), str(new))
    assert code == 1 and err == ""
    assert f"{new.as_posix()}:{line}:{column}: DPA007 [document-too-complex] a number of 5,000 digits" in out
    assert snapshot(folder) == before


# ------------------------------------------------------------- 4. paths longer than allowed
def _nested_folder(top: Path, length: int) -> tuple[int, str]:
    """Make folders under ``top`` whose path is exactly ``length`` characters long; return an
    open descriptor of the deepest and its path. Made through descriptors: no system call
    ever sees the long path."""
    fd = os.open(top, os.O_RDONLY)
    path = str(top)
    while len(path) < length:
        name = "d" * min(200, length - len(path) - 1)
        os.mkdir(name, dir_fd=fd)
        deeper = os.open(name, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd, path = deeper, f"{path}/{name}"
    return fd, path


def _write_at(dirfd: int, name: str, text: str) -> None:
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644, dir_fd=dirfd)
    with open(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


@pytest.mark.skipif(not hasattr(os, "pathconf") or os.open not in os.supports_dir_fd,
                    reason="needs PATH_MAX and directory descriptors (POSIX)")
def test_paths_longer_than_the_system_allows_are_findings_and_the_rest_is_checked(folder):
    path_max = os.pathconf("/", "PC_PATH_MAX")
    long_root = folder / "long"
    long_root.mkdir()
    # A folder that can still be listed, holding a file whose path is too long to open...
    dirfd, deep = _nested_folder(long_root, path_max - 60)
    try:
        file_name = "a" * 95 + ".yaml"
        _write_at(dirfd, file_name, base_agreement_text())
        # ...and beneath it a folder whose own path is too long to list.
        os.mkdir("e" * 100, dir_fd=dirfd)
        subfd = os.open("e" * 100, os.O_RDONLY, dir_fd=dirfd)
        _write_at(subfd, "hidden-from-listing.yaml", base_agreement_text())
        os.close(subfd)
    finally:
        os.close(dirfd)
    too_long_file = f"{deep}/{file_name}"
    too_long_folder = f"{deep}/{'e' * 100}"
    before = snapshot(folder)
    try:
        code, report, err = check_json(str(folder))
        assert code == 1 and err == ""
        assert findings_for(report, too_long_file) == [
            (1, 1, "DPA006", f"cannot read file: the path is too long for this system ({len(too_long_file):,} characters)")]
        assert findings_for(report, too_long_folder) == [
            (1, 1, "DPA006", f"cannot list folder: the path is too long for this system ({len(too_long_folder):,} characters)")]
        assert_good_was_checked(report, folder)
        assert snapshot(folder) == before
    finally:
        shutil.rmtree(long_root)  # by descriptor: the paths are too long to remove by name


# ------------------------------------------------------------- 5. bounded waiver warning window
def _waiver_policy(tmp_path: Path, days: int) -> Path:
    policy = tmp_path / "policy.yaml"
    policy.write_text(f"policy_version: 1\nname: District\nextends: [ndpa]\nwaivers:\n"
                      f"  warn_days_before_expiry: {days}\n", "utf-8")
    return policy


def test_a_warning_window_of_a_billion_days_stops_the_run_at_load(folder, tmp_path):
    policy = _waiver_policy(tmp_path, 1_000_000_000)
    code, out, err = run("check", "--policy", str(policy), str(folder))
    assert code == 2 and out == ""
    assert f"{policy.as_posix()}:5:28: 'waivers.warn_days_before_expiry': Input should be less than or equal to {MAX_WARN_DAYS}" in err


def test_the_longest_allowed_warning_window_works_with_waivers(folder, tmp_path):
    policy = _waiver_policy(tmp_path, MAX_WARN_DAYS)
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text("waivers_version: 1\nwaivers:\n  - agreement: BASE-0001\n    rule: DPA201\n"
                       "    justification: The vendor is renegotiating the clause.\n    approver: Dana Whitfield\n"
                       "    expires: 2035-01-01\n", "utf-8")
    code, report, err = check_json("--policy", str(policy), "--waivers", str(waivers), "--as-of", "2026-01-01", str(folder))
    assert code == 0 and err == ""
    assert [(f["code"], f["line"]) for f in report["findings"] if f["file"] == waivers.as_posix()] == [
        ("DPA902", 3), ("DPA903", 3)]


# ------------------------------------------------------------------ 6. broken symbolic links
def _symlink(target: str, link: Path) -> None:
    try:
        os.symlink(target, link)
    except (OSError, NotImplementedError) as exc:
        pytest.skip(f"this system cannot make symbolic links: {exc}")


def test_broken_and_looping_links_are_reported_and_a_good_link_still_works(folder):
    _symlink("nowhere.yaml", folder / "broken.yaml")
    _symlink("loop.yaml", folder / "loop.yaml")
    _symlink(GOOD, folder / "alias.yml")
    before = snapshot(folder)
    code, report, _ = check_json(str(folder))
    assert code == 1
    assert findings_for(report, folder / "broken.yaml") == [
        (1, 1, "DPA006", "cannot read file: it is a broken symbolic link (its target nowhere.yaml does not exist)")]
    assert findings_for(report, folder / "loop.yaml") == [
        (1, 1, "DPA006", "cannot read file: its symbolic links go round in a loop (or nest too deeply to follow)")]
    (alias,) = [a for a in report["agreements"] if a["path"] == (folder / "alias.yml").as_posix()]
    assert alias["loaded"] and alias["findings"] == 0
    assert_good_was_checked(report, folder)
    assert snapshot(folder) == before


def test_a_broken_link_named_explicitly_is_a_finding_not_a_usage_error(folder):
    _symlink("nowhere.yaml", folder / "broken.yaml")
    code, report, _ = check_json(str(folder / "broken.yaml"), str(folder / GOOD))
    assert code == 1
    assert [c for _, _, c, _ in findings_for(report, folder / "broken.yaml")] == ["DPA006"]


def test_a_policy_that_is_a_link_loop_stops_the_run_without_a_traceback(folder, tmp_path):
    _symlink("loop.yaml", tmp_path / "loop.yaml")
    code, _, err = run("check", "--policy", str(tmp_path / "loop.yaml"), str(folder))
    assert code == 2 and "go round in a loop" in err and "internal error" not in err


# ------------------------------------------------------------------- 7. control characters
@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b"])
def test_a_control_character_is_located_at_its_own_line_and_column(folder, yaml_parser, character):
    bad = folder / "control.yaml"
    bad.write_text(agreement_with("name: AllHere Education", f"name: AllHere{character} Education"), "utf-8")
    line, column = line_and_column(bad.read_text("utf-8"), character)
    before = snapshot(folder)
    code, report, _ = check_json(str(folder))
    assert code == 1
    assert findings_for(report, bad) == [
        (line, column, "DPA001", f"control character U+{ord(character):04X} is not allowed in YAML; remove it")]
    assert_good_was_checked(report, folder)
    assert snapshot(folder) == before


def test_a_control_character_is_one_line_in_the_text_report(folder):
    (folder / "nul.yaml").write_text("dpa_version: 1\nid: \x00\n", "utf-8")
    code, out, _ = run("check", str(folder))
    assert code == 1
    (line,) = [line for line in out.splitlines() if "nul.yaml" in line]
    assert line == (f"{(folder / 'nul.yaml').as_posix()}:2:5: DPA001 [yaml-syntax] "
                    "control character U+0000 is not allowed in YAML; remove it")


# -------------------------------------------------------------------------- 8. extends cycles
def test_an_extends_cycle_is_located_at_the_entry_that_closes_it(folder, tmp_path):
    first, second = tmp_path / "district.yaml", tmp_path / "addendum.yaml"
    first.write_text("policy_version: 1\nname: District\nextends: [ndpa, ./addendum.yaml]\n", "utf-8")
    second.write_text("policy_version: 1\nname: Addendum\nextends:\n  - ndpa\n  - ./district.yaml\n", "utf-8")
    code, out, err = run("check", "--policy", str(first), str(folder))
    assert code == 2 and out == ""
    assert (f"{second.as_posix()}:5:5: policy extends itself: {first.as_posix()} -> {second.as_posix()} "
            f"-> {first.as_posix()}") in err


def test_a_policy_extending_itself_is_located(folder, tmp_path):
    policy = tmp_path / "district.yaml"
    policy.write_text("policy_version: 1\nname: District\nextends: [./district.yaml]\n", "utf-8")
    code, _, err = run("check", "--policy", str(policy), str(folder))
    assert code == 2
    assert f"{policy.as_posix()}:3:11: policy extends itself: {policy.as_posix()} -> {policy.as_posix()}" in err
