"""--jobs and the findings cache change how fast a run is, never what it says.

The folder checked is mixed on purpose: agreements that pass, fail, do not load, have a
waived finding, and one on which a rule crashes. The crashing rule comes from a plugin
registered in this process only (no entry point, no installed package): worker processes
must see exactly the plugins the run was set up with.
"""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from dpa_policy import Rule, Violation, hookimpl
from dpa_policy.cli import main
from dpa_policy.core import cache as cache_module
from dpa_policy.core import parallel
from dpa_policy.testing import base_agreement_text

FORMATS = ("text", "json", "sarif", "junit", "github", "markdown")
needs_fork = pytest.mark.skipif(not parallel.can_fork(), reason="--jobs uses worker processes started by fork")


class _Tripwire(Rule):
    """Crashes on the agreement whose id is CRASH-0001; finds nothing anywhere else.

    What it checks
        Nothing: it exists to crash, so that a test can see a crash reported from a worker.
    """

    code = "TRIP101"
    slug = "tripwire"
    clause = "data_use"

    def check(self, agreement, options):
        if agreement.id == "CRASH-0001":
            raise RuntimeError("tripped")
        return iter(())


class _InProcessPlugin:
    @hookimpl
    def dpa_policy_rules(self):
        return [_Tripwire]


@pytest.fixture
def with_tripwire(monkeypatch):
    """The command line's plugin manager, plus a plugin that exists only in this process."""
    from dpa_policy import plugins

    real = plugins.plugin_manager

    def plugin_manager(disabled=()):
        pm = real(disabled)
        pm.register(_InProcessPlugin(), name="tripwire")
        return pm

    monkeypatch.setattr(plugins, "plugin_manager", plugin_manager)


def agreement(identifier: str, *changes: tuple[str, str]) -> str:
    text = base_agreement_text().replace("id: BASE-0001", f"id: {identifier}")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of 20 agreements: passing, failing, broken, waived and crashing (under
    tripwire.yaml, the policy enabling the tripwire rule; policy.yaml is the NDPA baseline),
    and a waivers file."""
    folder = tmp_path / "agreements"
    folder.mkdir()
    late = ("window: 72 hours", "window: 10 business days")
    for number in range(12):
        changes = (late,) if number % 3 == 0 else ()
        (folder / f"vendor-{number:02d}.yaml").write_text(agreement(f"V-{number:04d}", *changes), "utf-8")
    (folder / "waived.yaml").write_text(agreement("WAIVED-0001", late), "utf-8")
    (folder / "crash.yaml").write_text(agreement("CRASH-0001"), "utf-8")
    (folder / "broken.yaml").write_text(base_agreement_text().replace("id: BASE-0001", "id: A\nid: B"), "utf-8")
    (folder / "tabs.yaml").write_text("a:\n\tb: 1\n", "utf-8")
    for number in range(4):
        (folder / f"state-{number}.yml").write_text(agreement(f"S-{number:04d}"), "utf-8")
    (tmp_path / "waivers.yaml").write_text(
        "waivers_version: 1\nwaivers:\n  - agreement: WAIVED-0001\n    rule: DPA201\n"
        "    justification: Amendment signed, takes effect next term.\n    approver: Dana Whitfield\n"
        "    expires: 2030-01-01\n", "utf-8")
    (tmp_path / "policy.yaml").write_text("policy_version: 1\nname: mixed\nextends: [ndpa]\n", "utf-8")
    (tmp_path / "tripwire.yaml").write_text("policy_version: 1\nname: mixed\nextends: [ndpa]\nrules:\n  TRIP101: {}\n",
                                            "utf-8")
    return folder


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def check(folder: Path, *options: str, policy: str = "policy.yaml") -> tuple[int, str, str]:
    tmp = folder.parent
    return run("check", str(folder), "--policy", str(tmp / policy), "--waivers", str(tmp / "waivers.yaml"),
               "--as-of", "2026-11-30", *options)


@needs_fork
@pytest.mark.parametrize("fmt", FORMATS)
def test_jobs_2_writes_what_jobs_1_writes_byte_for_byte(mixed, with_tripwire, fmt):
    one = check(mixed, "--format", fmt, "--jobs", "1", "--no-cache", policy="tripwire.yaml")
    two = check(mixed, "--format", fmt, "--jobs", "2", "--no-cache", policy="tripwire.yaml")
    three = check(mixed, "--format", fmt, "--jobs", "3", "--no-cache", policy="tripwire.yaml")
    assert one == two == three
    assert one[0] == 3  # the crash makes the run incomplete, in every process count


@needs_fork
def test_a_crash_in_a_worker_is_reported_as_in_one_process(mixed, with_tripwire):
    code, out, _ = check(mixed, "--format", "json", "--jobs", "2", "--no-cache", policy="tripwire.yaml")
    report = json.loads(out)
    assert code == 3 and report["internal_errors"] == [
        {"code": "TRIP101", "slug": "tripwire", "file": (mixed / "crash.yaml").as_posix(), "error": "RuntimeError: tripped"}]
    verdicts = {Path(a["path"]).name: a["verdict"] for a in report["agreements"]}
    assert verdicts["crash.yaml"] == "incomplete" and verdicts["broken.yaml"] == "fail"
    assert verdicts["vendor-01.yaml"] == "pass" and verdicts["vendor-00.yaml"] == "fail"
    waived = [f for f in report["findings"] if f["file"].endswith("waived.yaml") and f["code"] == "DPA201"]
    assert waived and all(f["waiver"] is not None for f in waived) and verdicts["waived.yaml"] == "pass"


def test_jobs_auto_and_bad_values(mixed, with_tripwire):
    assert check(mixed, "--jobs", "auto", "--no-cache", policy="tripwire.yaml")[0] == 3
    code, _, err = check(mixed, "--jobs", "0")
    assert code == 2 and "--jobs" in err
    code, _, err = check(mixed, "--jobs", "many")
    assert code == 2 and "--jobs" in err


# ------------------------------------------------------------------------------------ cache
def entries(cache_home: Path) -> int:
    database = cache_home / "dpa-policy" / f"findings-{cache_module.FORMAT}.sqlite3"
    if not database.exists():
        return 0
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT count(*) FROM entries").fetchone()[0]


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_warm_run_writes_what_the_cold_run_wrote(mixed, with_tripwire, cache_home, fmt):
    cold = check(mixed, "--format", fmt, policy="tripwire.yaml")
    assert entries(cache_home) == 19  # every file read but crash.yaml: a crash is never remembered
    warm = check(mixed, "--format", fmt, policy="tripwire.yaml")
    fresh = check(mixed, "--format", fmt, "--no-cache", policy="tripwire.yaml")
    assert cold[0] == 3
    assert cold == warm == fresh


def test_cached_findings_are_not_reevaluated(mixed, cache_home, monkeypatch):
    check(mixed)
    from dpa_policy.core import checking

    def no_evaluation(*_):
        raise AssertionError("an unchanged agreement was evaluated again")

    monkeypatch.setattr(checking, "evaluate", no_evaluation)
    monkeypatch.setattr(checking, "load_agreement_bytes", no_evaluation)
    code, out, _ = check(mixed, "--format", "json")
    assert code == 1 and json.loads(out)["summary"]["agreements"] == 20


@pytest.mark.parametrize("change", ["agreement", "policy", "waivers", "as-of"])
def test_what_the_findings_depend_on_is_in_the_key(mixed, cache_home, change):
    tmp = mixed.parent
    check(mixed)
    before = entries(cache_home)
    as_of = "2026-11-30"
    if change == "agreement":
        (mixed / "vendor-01.yaml").write_text(agreement("V-0001", ("window: 72 hours", "window: 9 business days")))
    elif change == "policy":
        (tmp / "policy.yaml").write_text("policy_version: 1\nname: mixed\nextends: [ndpa]\nrules:\n"
                                         "  DPA201: {options: {max_window: 14 calendar days}}\n")
    elif change == "waivers":
        (tmp / "waivers.yaml").write_text((tmp / "waivers.yaml").read_text().replace("2030-01-01", "2031-01-01"))
    else:
        as_of = "2026-12-01"
    cached = run("check", str(mixed), "--policy", str(tmp / "policy.yaml"), "--waivers", str(tmp / "waivers.yaml"),
                 "--as-of", as_of, "--format", "json")
    fresh = run("check", str(mixed), "--policy", str(tmp / "policy.yaml"), "--waivers", str(tmp / "waivers.yaml"),
                "--as-of", as_of, "--format", "json", "--no-cache")
    assert cached == fresh
    # One changed agreement adds one entry; any other change keys every agreement afresh.
    assert entries(cache_home) == before + (1 if change == "agreement" else before)


def test_a_run_under_a_key_no_run_has_stored_looks_nothing_up(mixed, cache_home, monkeypatch):
    """The first run after a change to the policy (or the tool) cannot hit the cache: it
    checks everything without asking for entries, and the run after it hits them all."""
    lookups: list[str] = []
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        connection = real_connect(*args, **kwargs)
        connection.set_trace_callback(lambda sql: lookups.append(sql) if "FROM entries WHERE key" in sql else None)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)
    first = check(mixed, "--format", "json")
    assert lookups == [] and entries(cache_home) == 20
    from dpa_policy.core import checking

    def no_evaluation(*_):
        raise AssertionError("an unchanged agreement was evaluated again")

    monkeypatch.setattr(checking, "evaluate", no_evaluation)
    assert check(mixed, "--format", "json") == first and len(lookups) == 20


def test_the_files_of_an_earlier_cache_format_are_removed(mixed, cache_home):
    folder = cache_home / "dpa-policy"
    folder.mkdir(parents=True)
    older = [folder / f"findings-{n}.sqlite3" for n in range(1, cache_module.FORMAT)]
    for path in older:
        path.write_bytes(b"an earlier format's entries")
    check(mixed)
    assert older and not any(path.exists() for path in older)
    assert entries(cache_home) == 20


def test_a_damaged_entry_is_ignored_and_replaced(mixed, cache_home):
    expected = check(mixed, "--format", "json", "--no-cache")
    check(mixed, "--format", "json")
    database = cache_home / "dpa-policy" / f"findings-{cache_module.FORMAT}.sqlite3"
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT key, value FROM entries").fetchall()
        # Flip a finding's line in every entry, keep the checksum: a silent change.
        for key, value in rows:
            damaged = bytes(value).replace(b'"DPA201"', b'"DPA999"').replace(b"[", b"[7", 1)
            connection.execute("UPDATE entries SET value = ? WHERE key = ?", (damaged, key))
    assert check(mixed, "--format", "json") == expected
    assert check(mixed, "--format", "json") == expected  # and the replaced entries are good


def test_a_database_that_is_not_one_is_set_aside(mixed, cache_home):
    expected = check(mixed, "--format", "json", "--no-cache")
    database = cache_home / "dpa-policy" / f"findings-{cache_module.FORMAT}.sqlite3"
    database.parent.mkdir(parents=True)
    database.write_bytes(b"this is not an SQLite database, and never was" * 100)
    assert check(mixed, "--format", "json") == expected
    assert (database.parent / (database.name + ".damaged")).exists()
    assert check(mixed, "--format", "json") == expected and entries(cache_home) == 20


def test_no_cache_neither_reads_nor_writes(mixed, cache_home):
    check(mixed, "--no-cache")
    assert not (cache_home / "dpa-policy").exists()


def test_a_cache_folder_that_cannot_be_made_only_means_checking(mixed, tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert check(mixed, "--format", "json") == check(mixed, "--format", "json", "--no-cache")


def test_the_cache_lives_in_the_xdg_cache_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "c"))
    assert cache_module.default_folder() == tmp_path / "c" / "dpa-policy"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_module.default_folder() == tmp_path / "home" / ".cache" / "dpa-policy"


def test_a_small_run_skips_the_cache(tmp_path, cache_home):
    path = tmp_path / "one.yaml"
    path.write_text(base_agreement_text())
    assert run("check", str(path))[0] == 0
    assert not (cache_home / "dpa-policy").exists()


class _Killer(Rule):
    """Ends the worker process that checks the agreement KILL-0001, as an out-of-memory kill would.

    What it checks
        Nothing: it exists so that a test can see a worker die.
    """

    code = "KILL101"
    slug = "killer"
    clause = "data_use"
    main_process = 0

    def check(self, agreement, options):
        import os

        if agreement.id == "KILL-0001" and os.getpid() != self.main_process:
            os._exit(9)  # a worker only: never the test's own process
        return iter(())


@needs_fork
def test_a_worker_that_dies_ends_the_run_with_an_internal_error_not_a_hang(mixed, monkeypatch):
    import os

    from dpa_policy import plugins

    class Plugin:
        @hookimpl
        def dpa_policy_rules(self):
            return [_Killer]

    real = plugins.plugin_manager

    def plugin_manager(disabled=()):
        pm = real(disabled)
        pm.register(Plugin(), name="killer")
        return pm

    monkeypatch.setattr(plugins, "plugin_manager", plugin_manager)
    monkeypatch.setattr(_Killer, "main_process", os.getpid())
    (mixed / "kill.yaml").write_text(agreement("KILL-0001"), "utf-8")
    (mixed.parent / "killer.yaml").write_text("policy_version: 1\nname: k\nextends: [ndpa]\nrules:\n  KILL101: {}\n")
    code, _, err = check(mixed, "--jobs", "2", "--no-cache", policy="killer.yaml")
    assert code == 3 and "internal error: BrokenProcessPool" in err
