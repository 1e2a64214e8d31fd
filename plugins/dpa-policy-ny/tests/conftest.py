"""Fixtures of the pack's tests.

The core runs these tests too, with ``--import-mode=importlib``, so test modules share code
through fixtures here rather than by importing a helper module.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import Callable

import pytest

from dpa_policy.cli import main
from dpa_policy.plugins import AUTOLOAD_ENV


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)


def _run_cli(*argv: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return Run(int(code), out.getvalue(), err.getvalue())


@pytest.fixture(autouse=True)
def _autoload_on(monkeypatch):
    """Every test starts with installed packs autoloaded, whatever the caller's environment says."""
    monkeypatch.delenv(AUTOLOAD_ENV, raising=False)


@pytest.fixture
def cli() -> Callable[..., Run]:
    """Run the real CLI in-process: ``cli("rules")`` -> Run(code, out, err)."""
    return _run_cli
