"""The incremental cache: an agreement checked before under the same settings is not checked
again; its findings are read back.

An entry is keyed by a hash of the agreement's bytes and of everything else its findings
depend on (:func:`run_key`): the policy (every policy file and preset, as loaded, with every
option), the rules' code (dpa-policy's own files and each plugin's modules, by size and
modification time) and the versions of the installed packs, of dpa-policy, of Python and of
pydantic and PyYAML, the waivers file's bytes and the ``--as-of`` date. Change any of them and
every agreement is checked afresh. A rule that crashed is never remembered.

Entries live in one SQLite file, ``$XDG_CACHE_HOME/dpa-policy/findings-2.sqlite3``
(``~/.cache/dpa-policy`` when XDG_CACHE_HOME is not set), so ten thousand agreements are not
ten thousand small files. The file also lists the run keys that have stored entries, so the
first run after a change (every lookup a miss) looks nothing up. SQLite makes concurrent
runs safe: each run adds its new entries in transactions, which other runs see whole or not
at all. Each entry also carries its format, its key and a checksum of its content, so a
damaged or stale entry is ignored (and replaced), never trusted; a damaged database file is
set aside and started afresh. Findings are stored as plain JSON, never pickled: even a
planted entry can only be refused, never run. Entries older than :data:`MAX_AGE_DAYS` are
removed, at most once a day, with the files of earlier formats. The cache is best effort:
when it cannot be opened or written, agreements are simply checked.

Worker processes (``--jobs``) read the cache through their own connection; only the main
process writes, in batches, as the records come back.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, NamedTuple

from .checking import Checked
from .results import AgreementSummary

FORMAT = 2  # 2: an agreement's summary carries why it is not in effect
MAX_AGE_DAYS = 30
#: A run of fewer agreements than this skips the cache (a pre-commit hook's one or two
#: files): checking them costs less than working out the run's key.
MIN_FILES = 16
_BATCH = 500
_HEADER = b"dpa-policy-cache %d %s\n"
_SCHEMA = ("CREATE TABLE IF NOT EXISTS entries (key BLOB PRIMARY KEY, value BLOB NOT NULL, day INTEGER NOT NULL) "
           "WITHOUT ROWID")
#: The run keys that have entries: a run whose key is not here (the first after any change to
#: the policy, the rules or the tool) looks nothing up, since nothing can match.
_RUNS = "CREATE TABLE IF NOT EXISTS runs (key BLOB PRIMARY KEY, day INTEGER NOT NULL) WITHOUT ROWID"


def default_folder() -> Path:
    """``$XDG_CACHE_HOME/dpa-policy``, else ``~/.cache/dpa-policy`` (the XDG base directory
    specification: a relative XDG_CACHE_HOME is ignored)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "dpa-policy"


class CacheSettings(NamedTuple):
    """What a run's cache is made of; :meth:`open` makes it, once the run knows its size."""

    folder: Path
    policy_set: Any
    pm: Any
    registry: Any
    tool_version: str
    as_of: datetime.date
    waivers: bytes | None

    def open(self, files: int) -> "FindingsCache | None":
        """The cache for a run of ``files`` agreements, or None when the run is too small to
        gain from one."""
        if files < MIN_FILES:
            return None
        key = run_key(self.policy_set, self.pm, self.registry, tool_version=self.tool_version, as_of=self.as_of,
                      waivers=self.waivers)
        return FindingsCache(self.folder, key, self.as_of)


class FindingsCache:
    """Checked records by agreement digest, for one :func:`run_key`."""

    def __init__(self, folder: Path, key: bytes, as_of: datetime.date | None = None) -> None:
        self.path = folder / f"findings-{FORMAT}.sqlite3"
        self.key = key
        #: The run's date (part of the key): what entries' summaries were judged as of.
        self.as_of = as_of
        self._connection: Any = None
        self._pid = 0  # the process that opened the connection: a forked worker opens its own
        self._pending: list[tuple[bytes, bytes, int]] = []
        self._broken = False
        #: Whether entries under this key may exist (None: not asked yet, in this process).
        self._known: bool | None = None

    def _db(self) -> Any:
        if self._broken:
            return None
        if self._connection is None or self._pid != os.getpid():
            import sqlite3

            try:
                self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
                connection.execute("PRAGMA synchronous=OFF")  # a cache: a crash costs entries, never the truth
                connection.execute(_SCHEMA)
                connection.execute(_RUNS)
            except (OSError, sqlite3.Error) as exc:
                return self._fail(exc)
            self._connection, self._pid = connection, os.getpid()
        return self._connection

    def _fail(self, exc: BaseException) -> None:
        """Stop using the cache for this run; a database that is not one is set aside."""
        self._broken = True
        if any(word in str(exc) for word in ("malformed", "not a database", "file is not a database")):
            try:
                os.replace(self.path, self.path.with_name(self.path.name + ".damaged"))
            except OSError:
                pass
        return None

    def _name(self, digest: bytes) -> bytes:
        return hashlib.blake2b(self.key + digest, digest_size=20).digest()

    def get(self, digest: bytes) -> Checked | None:
        """The record stored for an agreement with this digest, or None (none, or damaged)."""
        import sqlite3

        db = self._db()
        if db is None or not self._may_hold(db):
            return None
        name = self._name(digest)
        try:
            row = db.execute("SELECT value FROM entries WHERE key = ?", (name,)).fetchone()
        except sqlite3.Error as exc:
            return self._fail(exc)
        if row is None:
            return None
        try:
            return _decode(bytes(row[0]), name, digest, self.as_of)
        except (ValueError, TypeError, KeyError, IndexError):  # damaged: ignored, and replaced after the check
            return None

    def _may_hold(self, db: Any) -> bool:
        """Has a run under this key stored entries? Asked once per process."""
        import sqlite3

        if self._known is None:
            try:
                self._known = db.execute("SELECT 1 FROM runs WHERE key = ?", (self.key,)).fetchone() is not None
            except sqlite3.Error as exc:
                self._fail(exc)
                return False
        return self._known

    def add(self, digest: bytes, record: Checked) -> None:
        """Remember ``record`` (written in batches; :meth:`close` writes the rest)."""
        name = self._name(digest)
        try:
            self._pending.append((name, _encode(record, name), _today()))
        except (TypeError, ValueError):  # a value JSON cannot hold: not worth a cache entry
            return
        if len(self._pending) >= _BATCH:
            self._write()

    def close(self) -> None:
        """Write what is pending, remove old entries (once a day), and let go of the file."""
        self._write()
        self._prune()
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._connection = None

    def _write(self) -> None:
        import sqlite3

        pending, self._pending = self._pending, []
        db = self._db() if pending else None
        if db is None:
            return
        try:
            with _transaction(db):
                db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", pending)
                db.execute("INSERT OR REPLACE INTO runs VALUES (?, ?)", (self.key, _today()))
        except sqlite3.Error as exc:  # locked by another run beyond the timeout, disk full: skip
            if "locked" not in str(exc) and "busy" not in str(exc):
                self._fail(exc)

    def _prune(self) -> None:
        import sqlite3

        marker = self.path.with_name(self.path.name + ".pruned")
        try:
            if time.time() - marker.stat().st_mtime < 86400:
                return
        except FileNotFoundError:
            pass
        except OSError:
            return
        for older in range(1, FORMAT):  # files an earlier version of dpa-policy wrote: nothing reads them now
            for leftover in (self.path.with_name(f"findings-{older}.sqlite3"),
                             self.path.with_name(f"findings-{older}.sqlite3.pruned")):
                try:
                    leftover.unlink(missing_ok=True)
                except OSError:
                    pass
        db = self._db()
        if db is None:
            return
        try:
            marker.touch()
            with _transaction(db):
                db.execute("DELETE FROM entries WHERE day < ?", (_today() - MAX_AGE_DAYS,))
                db.execute("DELETE FROM runs WHERE day < ?", (_today() - MAX_AGE_DAYS,))
        except (OSError, sqlite3.Error):
            return


class _transaction:
    """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error): another run waits for it, whole."""

    def __init__(self, db: Any) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: Any, *_: Any) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def _today() -> int:
    return int(time.time() // 86400)


def _encode(record: Checked, name: bytes) -> bytes:
    meta = json.dumps({
        "summary": None if record.summary is None else [record.summary.id, record.summary.vendor,
                                                        record.summary.term_note],
        "policy_key": None if record.policy_key is None else list(record.policy_key),
        "tally": list(record.tally),
    }, separators=(",", ":")).encode("ascii")
    body = meta + b"\n" + record.findings
    return _HEADER % (FORMAT, name.hex().encode("ascii")) + hashlib.blake2b(body).hexdigest().encode("ascii") + b"\n" + body


def _decode(data: bytes, name: bytes, digest: bytes, as_of: datetime.date | None = None) -> Checked:
    header, checksum, body = data.split(b"\n", 2)
    if header + b"\n" != _HEADER % (FORMAT, name.hex().encode("ascii")):
        raise ValueError("another format or another key")
    if hashlib.blake2b(body).hexdigest().encode("ascii") != checksum:
        raise ValueError("damaged")
    meta_line, findings = body.split(b"\n", 1)
    meta = json.loads(meta_line)
    summary, policy_key, tally = meta["summary"], meta["policy_key"], meta["tally"]
    if summary is not None and not (len(summary) == 3 and all(isinstance(v, str) for v in summary[:2])
                                    and (summary[2] is None or isinstance(summary[2], str))):
        raise ValueError("summary")
    if not (isinstance(tally, list) and all(type(n) is int and n >= 0 for n in tally)):
        raise ValueError("tally")
    return Checked(
        path="",
        summary=None if summary is None else AgreementSummary(summary[0], sys.intern(summary[1]), digest, as_of,
                                                              summary[2]),
        policy_key=None if policy_key is None else tuple(policy_key),
        findings=findings,
        tally=tuple(tally),
        digest=digest,
    )


# -------------------------------------------------------------------------- the run's key
def run_key(policy_set: Any, pm: Any, registry: Any, *, tool_version: str, as_of: datetime.date,
            waivers: bytes | None) -> bytes:
    """A digest of everything besides an agreement's bytes that its findings depend on."""
    from importlib.metadata import version

    digest = hashlib.blake2b(digest_size=32)

    def add(*parts: Any) -> None:
        digest.update(json.dumps(parts, sort_keys=True, default=str).encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")

    add("format", FORMAT, tool_version, sys.version, version("pydantic"), version("pydantic-core"), version("PyYAML"))
    add("as_of", as_of.isoformat())
    add("waivers", None if waivers is None else hashlib.blake2b(waivers).hexdigest())
    for doc in policy_set.documents():
        add("policy", doc.key, doc.label, doc.policy.model_dump(mode="json"))
    for name in sorted(policy_set.presets):
        add("preset", name, hashlib.blake2b(policy_set.presets[name].read_bytes()).hexdigest())
    dists = getattr(pm, "distributions", {})
    for name, plugin in sorted(pm.list_name_plugin(), key=lambda item: item[0]):
        dist = dists.get(name)
        add("plugin", name, getattr(plugin, "__name__", type(plugin).__qualname__),
            None if dist is None else [dist.name, dist.version])
    modules = {getattr(plugin, "__name__", type(plugin).__module__) for _, plugin in pm.list_name_plugin()}
    modules.update(registered.rule.__module__ for registered in registry)
    for module in sorted(modules):
        add("module", module, _file_stamp(getattr(sys.modules.get(module), "__file__", None)))
    add("package", _package_stamp())
    return digest.digest()


def _file_stamp(path: str | None) -> list | None:
    if path is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [path, info.st_mtime_ns, info.st_size]


def _package_stamp() -> list:
    """Every file of dpa-policy itself (engine, loader, built-in rules, schema, presets) by
    path, size and modification time: an edit to any of them, installed or not, changes the
    key, even when the version number stays the same."""
    root = Path(__file__).resolve().parent.parent
    stamps = []
    pending = [str(root)]
    while pending:
        with os.scandir(pending.pop()) as listing:
            for entry in listing:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        pending.append(entry.path)
                elif entry.name.endswith((".py", ".json", ".yaml")):
                    info = entry.stat(follow_symlinks=False)
                    stamps.append((entry.path, info.st_mtime_ns, info.st_size))
    return sorted(stamps)
