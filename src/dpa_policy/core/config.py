"""The district's own configuration, found without flags, the way ruff, yamllint and pre-commit
find theirs: ``.dpa-policy.yaml`` (or ``dpa-policy.yaml``) in the current folder or the nearest
parent, up to the repository root (the first folder holding ``.git``; outside a repository, up
to the home folder)::

    # .dpa-policy.yaml
    policy: policies/district.yaml   # a policy file, relative to this file; or a policy mapping
    paths: [agreements]              # what `check`, `report` and `publish` check by default
    waivers: waivers.yaml
    fail_on: error                   # or warning
    as_of: 2026-07-01                # judge dates as of this day instead of today
    jobs: 4                          # agreements checked at once (or auto: one per core)

Every key is optional, and nothing else is allowed: the file is read by the project's strict
loader and an unknown key, a wrong value or a file it names that does not exist stops the run
(exit 2) with ``file:line:col``. Paths are relative to the folder the file is in, and are
shown relative to the current folder. A flag given on the command line wins over the file;
:func:`resolve` says where each value came from (``dpa-policy policy show`` prints it).
"""

from __future__ import annotations

import datetime
import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..errors import SetupError
from ..findings import Position
from .loader import LoadFailed, SourceMap, load_text, read_text
from .policy_file import InlinePolicy

#: The names a configuration file may have, in the order they are looked for in each folder.
CONFIG_NAMES = (".dpa-policy.yaml", "dpa-policy.yaml")
#: The keys a configuration file may set, in the order `policy show` lists them.
KEYS = ("policy", "paths", "waivers", "fail_on", "as_of", "jobs")
#: Where a value came from when neither a flag nor the file set it.
DEFAULT = "default"


class ConfigError(SetupError):
    """The configuration file is unreadable or invalid (exit 2); the message says where."""


@dataclass(frozen=True)
class Setting:
    """One value and where it came from: ``command line --fail-on``, ``.dpa-policy.yaml:4:10``
    (the configuration file, where the value is written) or ``default``."""

    value: Any
    origin: str


@dataclass(frozen=True)
class Config:
    """A configuration file read and checked: the values it sets, each with its position."""

    #: The file, as shown (relative to the current folder when that is shorter).
    shown: str
    values: dict[str, Setting]


# ----------------------------------------------------------------------------- discovery
def find_config(start: Path | None = None) -> Path | None:
    """The configuration file that applies in ``start`` (default: the current folder): the
    nearest one in it or a parent, stopping at the repository root, or at the home folder
    outside a repository. Two names in one folder are ambiguous, and an error."""
    folder = Path(os.path.abspath(start or Path.cwd()))
    try:
        home: Path | None = Path(os.path.abspath(Path.home()))
    except RuntimeError:  # no home folder known: search up to the file system's root
        home = None
    for candidate in (folder, *folder.parents):
        present = [candidate / name for name in CONFIG_NAMES if os.path.lexists(candidate / name)]
        if len(present) > 1:
            raise ConfigError(f"two configuration files in one folder: {shown_path(present[0])} and "
                              f"{shown_path(present[1])}; keep one")
        if present:
            return present[0]
        if os.path.lexists(candidate / ".git") or candidate == home:
            return None
    return None


# ------------------------------------------------------------------------------- loading
def load_config(path: Path) -> Config:
    """Read and check one configuration file. Raises :class:`ConfigError` naming every problem
    with its line and column."""
    shown = shown_path(path)
    try:
        loaded = load_text(read_text(path))
    except LoadFailed as failed:
        raise ConfigError(_invalid(shown, [(p.position, p.message) for p in failed.problems])) from None
    data, source_map = loaded.data, loaded.source_map
    if data is None:  # only comments: a starter file with every line commented out
        return Config(shown, {})
    if not isinstance(data, dict):
        raise ConfigError(_invalid(shown, [(source_map.locate(()), "a configuration file is a mapping of "
                                            "keys to values (" + ", ".join(KEYS) + ")")]))
    folder = Path(os.path.dirname(os.path.abspath(path)))
    values: dict[str, Setting] = {}
    problems: list[tuple[Position, str]] = []
    for key, value in data.items():
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append((source_map.key((key,)), f"{key!r} is not a known key{hint}; the keys are "
                                                     + ", ".join(KEYS)))
            continue
        position = source_map.locate((key,))
        try:
            parsed = _PARSERS[key](value, folder, source_map, shown)
        except _Located as exc:
            problems.append((source_map.locate(exc.path), f"{key}: {exc}"))
            continue
        except ValueError as exc:
            problems.append((position, f"{key}: {exc}"))
            continue
        values[key] = Setting(parsed, f"{shown}:{position.line}:{position.column}")
    if problems:
        raise ConfigError(_invalid(shown, problems))
    return Config(shown, values)


def _policy(value: Any, folder: Path, source_map: SourceMap, shown: str) -> str | InlinePolicy:
    if isinstance(value, dict):
        # Located in this file: a mistake in the policy is reported at its own line.
        return InlinePolicy(value, _Within(source_map, ("policy",)), shown, folder)
    return _existing(value, folder, "policy file")


class _Located(ValueError):
    """A problem with one part of a value (one of the paths), at that part."""

    def __init__(self, path: tuple, message: str) -> None:
        super().__init__(message)
        self.path = path


class _Within:
    """The positions of one value's contents (the inline policy), asked for as if it were a
    document of its own: the same ``locate`` and ``key`` as a :class:`SourceMap`."""

    def __init__(self, outer: SourceMap, prefix: tuple) -> None:
        self._outer, self._prefix = outer, prefix

    def locate(self, path: tuple) -> Position:
        return self._outer.locate(self._prefix + tuple(path))

    def key(self, path: tuple) -> Position:
        return self._outer.key(self._prefix + tuple(path))


def _paths(value: Any, folder: Path, source_map: SourceMap, shown: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (_existing(value, folder, "path"),)
    if not isinstance(value, list) or not value:
        raise ValueError("must be a folder or file, or a list of them")
    found = []
    for index, item in enumerate(value):
        try:
            found.append(_existing(item, folder, "path"))
        except ValueError as exc:
            raise _Located(("paths", index), str(exc)) from None
    return tuple(found)


def _waivers(value: Any, folder: Path, source_map: SourceMap, shown: str) -> str:
    return _existing(value, folder, "waivers file")


def _fail_on(value: Any, folder: Path, source_map: SourceMap, shown: str) -> str:
    if value not in ("error", "warning"):
        raise ValueError(f"must be error or warning, got {value!r}")
    return value


def _as_of(value: Any, folder: Path, source_map: SourceMap, shown: str) -> str:
    try:
        datetime.date.fromisoformat(value if isinstance(value, str) else "")
    except ValueError:
        raise ValueError(f"must be a date like 2026-07-01, got {value!r}") from None
    return value


def _jobs(value: Any, folder: Path, source_map: SourceMap, shown: str) -> int | str:
    # Passed through to the runner as --jobs is (one per core for auto); the loader reads only
    # plain decimals as numbers.
    if value == "auto" or (type(value) is int and value >= 1):
        return value
    raise ValueError(f"must be a whole number of at least 1, or auto, got {value!r}")


_PARSERS: dict[str, Callable[[Any, Path, SourceMap, str], Any]] = {
    "policy": _policy, "paths": _paths, "waivers": _waivers, "fail_on": _fail_on, "as_of": _as_of, "jobs": _jobs,
}


def _existing(value: Any, folder: Path, what: str) -> str:
    """A file or folder the configuration names, relative to its own folder, as the current
    folder sees it; it must exist, so a typo stops the run where it was written."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"must be a {what} name, relative to the configuration file, got {value!r}")
    target = folder / value
    if not os.path.lexists(target):
        looked = shown_path(target)
        raise ValueError(f"{what} not found: {value}" + (f" (looked for {looked})" if looked != value else ""))
    return shown_path(target)


# ---------------------------------------------------------------------------- resolution
def resolve(flags: dict[str, Setting | None], config: Config | None,
            defaults: dict[str, Any]) -> dict[str, Setting]:
    """Each key of ``defaults``: the flag's value when the command line gave one, else the
    configuration file's, else the default, each with its origin."""
    resolved = {}
    for key, default in defaults.items():
        flag = flags.get(key)
        if flag is not None:
            resolved[key] = flag
        elif config is not None and key in config.values:
            resolved[key] = config.values[key]
        else:
            resolved[key] = Setting(default, DEFAULT)
    return resolved


def shown_path(path: Path) -> str:
    """``path`` relative to the current folder when it is below it or close by, else absolute."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # another drive (Windows)
        return Path(absolute).as_posix()
    return Path(relative).as_posix() if not relative.startswith(".." + os.sep + "..") else Path(absolute).as_posix()


def _invalid(shown: str, problems: list[tuple[Position, str]]) -> str:
    return "invalid configuration:\n  " + "\n  ".join(f"{shown}:{p.line}:{p.column}: {m}" for p, m in sorted(problems))


__all__ = ["CONFIG_NAMES", "Config", "ConfigError", "DEFAULT", "KEYS", "Setting", "find_config", "load_config",
           "resolve", "shown_path"]
