"""Fixtures for the shipped state packs' tests: the real CLI in process, and agreements
written from a pack's base agreement with the one change a test makes.

Installed (third-party) packs are kept out with DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD, so each
test shows what a plain ``pip install dpa-policy`` checks. The core runs these tests with
``--import-mode=importlib``, so test modules share code through fixtures here.
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
from dpa_policy.core.loader import load_text
from dpa_policy.plugins import AUTOLOAD_ENV
from dpa_policy.testing import merge


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)

    def findings(self, prefix: str = "") -> list[dict]:
        """The JSON report's findings whose code starts with ``prefix``."""
        return [f for f in self.json()["findings"] if f["code"].startswith(prefix)]

    def codes(self, prefix: str = "") -> list[str]:
        return sorted(f["code"] for f in self.findings(prefix))


@pytest.fixture(autouse=True)
def _shipped_packs_only(monkeypatch):
    monkeypatch.setenv(AUTOLOAD_ENV, "1")


@pytest.fixture
def cli() -> Callable[..., Run]:
    """``cli("check", "--format", "json", path)`` runs the real CLI and returns Run(code, out, err)."""

    def run(*argv: str) -> Run:
        out, err = io.StringIO(), io.StringIO()
        code = main(list(argv), stdout=out, stderr=err)
        return Run(int(code), out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def agreement(tmp_path) -> Callable[..., Path]:
    """``agreement("fl", {"term": {...}})`` writes the fl pack's base agreement with the patch
    deep-merged onto it (a None value removes a key) and returns its path."""

    def write(pack: str, patch: dict[str, Any] | None = None, name: str = "agreement.yaml") -> Path:
        base = resources.files(f"dpa_policy.packs.{pack}").joinpath("testdata", f"{pack}-base-agreement.yaml")
        data = merge(load_text(base.read_text("utf-8")).data, patch or {})
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
        return path

    return write
