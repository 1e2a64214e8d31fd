"""Helpers shared by the CT pack tests: run the real `dpa-policy` command with the installed pack.

The pack must be installed (``pip install -e plugins/dpa-policy-ct``): these tests check
what a district gets after a plain install, entry point included, so nothing is registered
by hand.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

#: The dpa-policy repository holding this pack (plugins/dpa-policy-ct/tests -> repo root).
REPO = Path(__file__).resolve().parents[3]
AGREEMENTS = REPO / "agreements"
PACKAGE = resources.files("dpa_policy_ct")
CT_BASE = Path(str(PACKAGE.joinpath("testdata", "ct-base-agreement.yaml")))
CTS_CODES = ["CTS101", "CTS102", "CTS201", "CTS401", "CTS501", "CTS502"]


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def dpa_policy(*args: str, cwd: Path | None = None) -> Result:
    """Run `dpa-policy ARGS` (as `python -m dpa_policy`) in a fresh process, packs autoloaded."""
    env = {k: v for k, v in os.environ.items() if k != "DPA_POLICY_DISABLE_PLUGIN_AUTOLOAD"}
    proc = subprocess.run([sys.executable, "-m", "dpa_policy", *args], capture_output=True, text=True,
                          cwd=cwd or REPO, env=env, timeout=120)
    return Result(proc.returncode, proc.stdout, proc.stderr)
