"""Fixtures of the pack's tests: the real CLI in process with installed packs autoloaded, and
agreements written from the pack's own base agreements with the one change a test makes.

The pack must be installed (``pip install -e plugins/dpa-policy-sdpc-regional``): these tests
check what a district gets after a plain install, entry point included. dpa-policy runs them
with ``--import-mode=importlib``, so tests share code through fixtures here.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from dpa_policy.cli import main
from dpa_policy.plugins import AUTOLOAD_ENV
from dpa_policy.testing import merge

TESTDATA = resources.files("dpa_policy_sdpc_regional").joinpath("testdata")


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)

    def findings(self, prefix: str = "") -> list[dict]:
        return [f for f in self.json()["findings"] if f["code"].startswith(prefix)]

    def layers(self) -> dict[str, list[str]]:
        return {Path(a["path"]).name: a["policy_layers"] for a in self.json()["agreements"]}


@pytest.fixture(autouse=True)
def _installed_packs_load(monkeypatch):
    """Every test starts with installed packs autoloaded, whatever the caller's environment says."""
    monkeypatch.delenv(AUTOLOAD_ENV, raising=False)


@pytest.fixture(autouse=True)
def _own_cache(monkeypatch, tmp_path):
    """dpa-policy's findings cache (under XDG_CACHE_HOME) in a folder of each test's own: the
    tests never write into the real ~/.cache, and no test reads another's results."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


@pytest.fixture
def cli() -> Callable[..., Run]:
    def run(*argv: str) -> Run:
        out, err = io.StringIO(), io.StringIO()
        code = main(list(argv), stdout=out, stderr=err)
        return Run(int(code), out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def agreement(tmp_path) -> Callable[..., Path]:
    """``agreement("mspa", {"term": {...}}, "name.yaml")``: the pack's MSPA (or "regional-ndpa")
    base agreement with the patch deep-merged onto it (a None value removes a key)."""

    def write(form: str, patch: dict[str, Any] | None = None, name: str = "agreement.yaml") -> Path:
        base = yaml.safe_load(TESTDATA.joinpath(f"{form}-base-agreement.yaml").read_text("utf-8"))
        path = tmp_path / name
        path.write_text(yaml.safe_dump(merge(base, patch or {}), sort_keys=False), "utf-8")
        return path

    return write


@pytest.fixture
def ndpa_only(tmp_path) -> Path:
    """A policy of the NDPA Standard Clauses plus whatever packs join: no district additions."""
    path = tmp_path / "ndpa-only.yaml"
    path.write_text("policy_version: 1\nname: NDPA with packs\nextends: [ndpa]\nstate_packs: auto\n", "utf-8")
    return path
