"""Policies: which rules run, at what severity, with which options.

A policy is a YAML file (``policies/default.yaml`` is the NDPA baseline)::

    policy_version: 1
    name: NDPA baseline
    rules:
      district-data-ownership: {}          # by slug...
      DPA201:                              # ...or by code
        severity: error
        options: {max_window: 72 hours}
      DPA204: {enabled: false}

It is loaded with the same strict loader as agreements (duplicate keys and YAML 1.1
surprises are errors) and validated completely before anything is checked: an unknown rule,
severity or option stops the run with exit code 2 and a message naming the file, line, column
and key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import PolicyError
from .findings import Position, Severity
from .loader import LoadFailed, SourceMap, load_text, read_text
from .registry import RegisteredRule, RuleRegistry
from .rule import Rule, RuleOptions


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleSetting(_Strict):
    enabled: bool = True
    severity: Literal["error", "warning", "info"] | None = None
    options: dict[str, Any] = Field(default_factory=dict)


class PolicyFile(_Strict):
    policy_version: Literal[1]
    name: str = Field(min_length=1)
    description: str | None = None
    rules: dict[str, RuleSetting | None]


@dataclass(frozen=True)
class ResolvedRule:
    rule: Rule
    registered: RegisteredRule
    severity: Severity
    options: RuleOptions

    @property
    def code(self) -> str:
        return self.registered.code

    @property
    def slug(self) -> str:
        return self.registered.slug


@dataclass(frozen=True)
class ResolvedPolicy:
    name: str
    source: str
    rules: tuple[ResolvedRule, ...]


def default_policy_path() -> Path:
    """The NDPA baseline shipped in the package (a copy of the repo's policies/default.yaml)."""
    from importlib import resources

    return Path(str(resources.files("dpa_policy").joinpath("policies", "default.yaml")))


def load_policy(path: Path, registry: RuleRegistry, *, display: str | None = None) -> ResolvedPolicy:
    shown = display or str(path)
    try:
        loaded = load_text(read_text(path))
    except LoadFailed as failed:
        raise PolicyError(_join(shown, [(p.position, p.message) for p in failed.problems])) from None
    return resolve(loaded.data, loaded.source_map, registry, shown)


def resolve(data: Any, source_map: SourceMap, registry: RuleRegistry, shown: str) -> ResolvedPolicy:
    try:
        policy = PolicyFile.model_validate(data)
    except ValidationError as exc:
        raise PolicyError(_join(shown, _pydantic_problems(exc, source_map, ()))) from None

    problems: list[tuple[Position, str]] = []
    resolved: dict[str, ResolvedRule] = {}
    first_selector: dict[str, str] = {}
    for selector, setting in policy.rules.items():
        setting = setting or RuleSetting()
        key_path = ("rules", selector)
        entry = registry.get(selector)
        if entry is None:
            hint = registry.suggest(selector)
            message = f"unknown rule {selector!r}" + (f" (did you mean {hint!r}?)" if hint else "; `dpa-policy rules` lists them")
            problems.append((source_map.key(key_path), message))
            continue
        if entry.code in first_selector:
            problems.append((source_map.key(key_path),
                             f"rule {entry.code} ({entry.slug}) is configured twice: as "
                             f"{first_selector[entry.code]!r} and as {selector!r}"))
            continue
        first_selector[entry.code] = selector
        try:
            options = entry.rule.Options.model_validate(setting.options)
        except ValidationError as exc:
            problems.extend(
                (pos, f"rule {entry.code} ({entry.slug}): {msg}")
                for pos, msg in _pydantic_problems(exc, source_map, key_path + ("options",), prefix="option ")
            )
            continue
        if setting.enabled:
            severity = Severity.parse(setting.severity) if setting.severity else entry.rule.default_severity
            resolved[entry.code] = ResolvedRule(entry.rule(), entry, severity, options)
    if problems:
        raise PolicyError(_join(shown, problems))
    if not resolved:
        raise PolicyError(f"{shown}: the policy enables no rules; a run that checks nothing is not a pass")
    rules = tuple(sorted(resolved.values(), key=lambda r: r.code))
    return ResolvedPolicy(policy.name, shown, rules)


def _pydantic_problems(exc: ValidationError, source_map: SourceMap, base: tuple, prefix: str = "") -> list[tuple[Position, str]]:
    out = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        path = base + loc
        name = ".".join(str(p) for p in loc)
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "is not a known " + ("option" if prefix else "field")
            position = source_map.key(path)
        else:
            position = source_map.locate(path)
        out.append((position, f"{prefix}{name!r}: {message}" if name else message))
    return out


def _join(shown: str, problems: list[tuple[Position, str]]) -> str:
    lines = [f"{shown}:{pos.line}:{pos.column}: {msg}" for pos, msg in sorted(problems)]
    return "invalid policy:\n  " + "\n  ".join(lines)
