"""`dpa-policy verify`: run rule packs' golden cases, like `conftest verify` or `kyverno test`.

A pack passes when every case passes and every rule it provides has at least one passing
and one failing case. A pack that provides rules but no cases fails: untested rules must not
reach a district's CI unnoticed.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..core.report import ExitCode
from ..errors import UsageError
from ._args import Parents, load_plugins

if TYPE_CHECKING:  # pragma: no cover
    from ..registry import RuleRegistry
    from ..testing import Case


def add_parser(sub: Any, parents: Parents) -> argparse.ArgumentParser:
    """Register ``verify`` on the command line's subcommand parsers."""
    parser = sub.add_parser("verify", help="run rule packs' golden cases", parents=[parents.common])
    parser.add_argument("targets", nargs="*", metavar="PACK_OR_FOLDER",
                        help="plugin names or folders of case files (default: every loaded plugin)")
    return parser


def run(args: argparse.Namespace, out: TextIO) -> int:
    """The ``dpa-policy verify`` command, from parsed arguments to exit code."""
    pm, registry = load_plugins(args)
    text, ok = verify(pm, registry, args.targets)
    out.write(text)
    return ExitCode.OK if ok else ExitCode.FINDINGS


def _case_files(resource: Any) -> list[Any]:
    if resource.is_dir():
        return sorted((r for r in resource.iterdir() if r.name.endswith((".yaml", ".yml"))), key=lambda r: r.name)
    return [resource]


def _load(resources: list[Any]) -> list[Case]:
    from ..testing import load_case_file

    cases: list[Case] = []
    for resource in resources:
        for item in _case_files(resource):
            # Cases may sit inside an installed package; load_case_file reads a real path.
            cases.extend(load_case_file(Path(str(item))))
    return cases


def verify(pm, registry: RuleRegistry, targets: list[str]) -> tuple[str, bool]:
    """The report of every target's cases, and whether all passed (and there were some)."""
    from ..testing import CaseFileError, run_case

    units: list[tuple[str, list[Any], set[str]]] = []  # (name, case resources, rule codes it must cover)
    rule_plugins = {e.plugin for e in registry}
    case_impls = {impl.plugin_name: impl for impl in pm.hook.dpa_policy_rule_cases.get_hookimpls()}
    for target in targets or sorted(rule_plugins | set(case_impls)):
        if pm.has_plugin(target):
            impl = case_impls.get(target)
            resources = list(impl.function() or []) if impl else []
            units.append((target, resources, {e.code for e in registry if e.plugin == target}))
        elif Path(target).exists():
            units.append((target, [Path(target)], set()))
        else:
            known = ", ".join(sorted(rule_plugins | set(case_impls)))
            raise UsageError(f"{target!r} is neither a loaded plugin nor a folder; plugins: {known}")

    lines: list[str] = []
    total_passed = total_failed = 0
    for name, resources, must_cover in units:
        try:
            cases = _load(resources)
        except CaseFileError as exc:
            lines.append(f"{name}: FAILED: {exc}")
            total_failed += 1
            continue
        passed = failed = 0
        coverage: dict[str, set[bool]] = {}
        for case in cases:
            result = run_case(case, registry)
            coverage.setdefault(case.rule, set()).add(bool(case.expect))
            if result.ok:
                passed += 1
            else:
                failed += 1
                lines.append(f"FAILED {name} {case.id} ({case.source})")
                lines.extend(f"    {problem}" for problem in result.problems)
        for code in sorted(must_cover | set(coverage)):
            kinds = coverage.get(code, set())
            if kinds != {True, False}:
                missing = " and ".join(w for w, k in (("a passing", False), ("a failing", True)) if k not in kinds)
                lines.append(f"FAILED {name} {code}: no {missing} case")
                failed += 1
        lines.append(f"{name}: {len(cases)} cases, {passed} passed, {failed} failed; "
                     f"{len(must_cover)} rules covered" if must_cover else
                     f"{name}: {len(cases)} cases, {passed} passed, {failed} failed")
        total_passed += passed
        total_failed += failed
    lines.append(f"{total_passed} passed, {total_failed} failed")
    return "\n".join(lines) + "\n", total_failed == 0 and (total_passed > 0)
