"""Start-up benchmark: what one small ``dpa-policy`` run costs next to the bare interpreter.

    python bench/startup.py [--runs N] [--agreement FILE] [--importtime-runs R] [--top K]

pre-commit starts ``dpa-policy check`` on every commit that touches an agreement, usually with
one or two files, so start-up is most of what a user waits for. This script times, as separate
processes (wall time, median and minimum of N runs, interleaved, after one untimed warm-up run
each so .pyc files exist):

1. ``python -c pass``: the interpreter alone;
2. ``python -c "import yaml, pydantic, jsonschema, pluggy"``: the interpreter importing the
   project's dependencies, the floor any Python tool built on them pays ("bare import");
3. ``python -c "import yaml, pydantic, pluggy, importlib.metadata"``: what a check of a valid
   agreement really imports of those (jsonschema only runs to explain a rejected document);
4. ``dpa-policy --version``;
5. ``dpa-policy check FILE`` on one agreement (default: the package's base agreement, which
   passes every rule, so the run is the common "clean commit" path),

prints the ratio one-file check / bare import, then runs the one-file check under
``python -X importtime`` (PYTHONPROFILEIMPORTTIME) R times and lists the K imports with the
largest cumulative time (best of the R runs per module).

``dpa-policy`` is the console script installed beside this interpreter (what pre-commit runs),
or ``python -m dpa_policy`` when there is none. Installed rule packs load as they would for a
user; the --version line printed at the top names them. Standard library only; prints numbers,
asserts nothing about time (tests/test_startup.py only checks that it runs).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_AGREEMENT = REPO / "src" / "dpa_policy" / "testdata" / "base-agreement.yaml"
DEPENDENCIES = "import yaml, pydantic, jsonschema, pluggy"
# What a one-file check of a valid agreement really imports of those: jsonschema only runs
# to explain a rejected document, while plugin discovery needs importlib.metadata.
CHECK_DEPENDENCIES = "import yaml, pydantic, pluggy, importlib.metadata"


def dpa_policy_command() -> list[str]:
    """The installed console script beside this interpreter, else ``python -m dpa_policy``."""
    scripts = Path(sys.executable).parent
    for name in ("dpa-policy", "dpa-policy.exe"):
        if (scripts / name).is_file():
            return [str(scripts / name)]
    found = shutil.which("dpa-policy")
    if found:
        return [found]
    return [sys.executable, "-m", "dpa_policy"]


def _run(cmd: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if result.returncode not in ok:
        sys.exit(f"startup.py: {' '.join(cmd)} exited {result.returncode}, expected {ok}:\n"
                 f"{result.stdout}{result.stderr}")
    return result


def time_commands(commands: dict[str, tuple[list[str], tuple[int, ...]]], runs: int,
                  env: dict[str, str]) -> dict[str, list[float]]:
    """Wall time in seconds of each command, ``runs`` times, interleaved (a, b, c, a, b, c...)
    so a slow spell on the machine is spread over every command instead of hitting one."""
    for cmd, ok in commands.values():  # warm-up: writes .pyc files, fills the OS file cache
        _run(cmd, env, ok)
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, (cmd, ok) in commands.items():
            start = time.perf_counter()
            result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            times[label].append(time.perf_counter() - start)
            if result.returncode not in ok:
                sys.exit(f"startup.py: {' '.join(cmd)} exited {result.returncode} during timing")
    return times


def parse_importtime(stderr: str) -> list[tuple[str, int, int, int]]:
    """``-X importtime`` lines as (module, self us, cumulative us, nesting depth)."""
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        parts = line[len("import time:"):].split("|")
        if len(parts) != 3 or not parts[0].strip().isdigit():
            continue  # the header line
        name = parts[2].rstrip()
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        rows.append((name.strip(), int(parts[0]), int(parts[1]), depth))
    return rows


def importtime_profile(cmd: list[str], runs: int, env: dict[str, str]) -> tuple[dict[str, tuple[int, int, int]], int]:
    """Best (smallest cumulative) self/cumulative/depth per module over ``runs`` runs, and the
    number of modules one run imports."""
    best: dict[str, tuple[int, int, int]] = {}
    count = 0
    for _ in range(runs):
        result = _run(cmd, {**env, "PYTHONPROFILEIMPORTTIME": "1"}, ok=(0, 1))
        rows = parse_importtime(result.stderr)
        count = len(rows)
        for name, self_us, cumulative_us, depth in rows:
            if name not in best or cumulative_us < best[name][1]:
                best[name] = (self_us, cumulative_us, depth)
    return best, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command (default 15)")
    parser.add_argument("--agreement", type=Path, default=DEFAULT_AGREEMENT,
                        help="agreement for the one-file check (default: the package's base agreement)")
    parser.add_argument("--importtime-runs", type=int, default=3,
                        help="runs under -X importtime, best per module is kept (default 3)")
    parser.add_argument("--top", type=int, default=10, help="imports to list (default 10)")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.importtime_runs < 1:
        parser.error("--runs and --importtime-runs must be at least 1")
    if not args.agreement.is_file():
        parser.error(f"agreement not found: {args.agreement}")

    # A PYTHONPROFILEIMPORTTIME or PYTHONDONTWRITEBYTECODE inherited from the shell would
    # measure something else.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPROFILEIMPORTTIME", "PYTHONDONTWRITEBYTECODE")}
    dpa = dpa_policy_command()
    agreement = str(args.agreement)
    check = dpa + ["check", agreement]
    commands = {
        "python -c pass": ([sys.executable, "-c", "pass"], (0,)),
        "bare import (yaml, pydantic, jsonschema, pluggy)": ([sys.executable, "-c", DEPENDENCIES], (0,)),
        "deps a clean check imports (no jsonschema)": ([sys.executable, "-c", CHECK_DEPENDENCIES], (0,)),
        "dpa-policy --version": (dpa + ["--version"], (0,)),
        # 1 is accepted: an agreement with findings is still a complete check.
        "dpa-policy check <one agreement>": (check, (0, 1)),
    }

    version = _run(dpa + ["--version"], env).stdout.strip().replace("\n", "; ")
    print(f"dpa-policy start-up: median and minimum of {args.runs} runs per command, "
          "interleaved, after one warm-up run each")
    print(f"Python {platform.python_version()} ({sys.executable}), {platform.platform()}, {os.cpu_count()} CPUs")
    print(f"{version}")
    print(f"dpa-policy command: {' '.join(dpa)}")
    print(f"agreement: {agreement}")
    print()

    times = time_commands(commands, args.runs, env)
    width = max(len(label) for label in times)
    print(f"{'':{width}}  {'median':>9}  {'min':>9}")
    medians = {}
    for label, values in times.items():
        medians[label] = statistics.median(values)
        print(f"{label:{width}}  {medians[label] * 1000:7.1f} ms  {min(values) * 1000:7.1f} ms")
    print()
    one_file = medians["dpa-policy check <one agreement>"]
    bare = medians["bare import (yaml, pydantic, jsonschema, pluggy)"]
    interpreter = medians["python -c pass"]
    print(f"ratio one-file check / bare import: {one_file / bare:.2f}x")
    print(f"ratio one-file check / python -c pass: {one_file / interpreter:.2f}x")
    print(f"ratio one-file check / deps a clean check imports: "
          f"{one_file / medians['deps a clean check imports (no jsonschema)']:.2f}x")
    print(f"one-file check beyond the bare import: {(one_file - bare) * 1000:.1f} ms")
    print()

    best, count = importtime_profile(check, args.importtime_runs, env)
    top = sorted(best.items(), key=lambda item: item[1][1], reverse=True)[: args.top]
    total = sum(cumulative for _self, cumulative, depth in best.values() if depth == 0)
    print(f"top {len(top)} imports by cumulative time, one-file check under -X importtime "
          f"(best of {args.importtime_runs} runs per module; {count} modules, "
          f"{total / 1000:.1f} ms in top-level imports; importtime itself adds overhead):")
    print(f"  {'cumulative':>10}  {'self':>8}  module (indented by nesting depth)")
    for name, (self_us, cumulative_us, depth) in top:
        print(f"  {cumulative_us / 1000:7.1f} ms  {self_us / 1000:5.1f} ms  {'  ' * depth}{name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
