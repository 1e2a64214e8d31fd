"""Policies: which rules run, at what severity, with which options, layer upon layer.

A policy is a YAML file::

    policy_version: 1
    name: Springfield district policy
    extends: [ndpa, ./state-addendum.yaml]   # presets by name, or files relative to this one
    state_packs: auto                        # add installed state packs by governing state
    by_state:                                # or name them per state
      NY: [ny]
    by_ndpa_version:                         # layers by the agreement's NDPA edition
      v1: [./ndpa-v1-extras.yaml]            # (v1, v2, unknown, other; see dpa_policy.ndpa_version)
    rules:
      DPA2: {severity: error}                # code prefix: every DPA2xx rule
      tag:disposal: {enabled: true}          # every rule tagged "disposal"
      breach-notice-window:                  # slug or code: one rule, options allowed
        options: {max_window: 48 hours}
      DPA204: {enabled: false}

Layers apply in order: each ``extends`` entry (itself resolved recursively), then the state
packs for the agreement's governing state, then the file's own ``rules``. Later layers
override earlier ones, value by value, and every value remembers the layer that set it
(``dpa-policy policy show``). A finding records the layer that required its rule.

Everything is validated before anything is checked: an unknown rule, selector, severity,
option or preset stops the run with exit code 2, naming the file, line and column.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import PolicyError
from .findings import Position, Severity
from .loader import LoadFailed, SourceMap, decode, load_text, read_text
from .model.vocabulary import US_STATES
from .ndpa_version import DEFAULT_EDITION, EDITIONS, ndpa_edition
from .registry import RegisteredRule, RuleRegistry
from .rule import Rule, RuleOptions
from .waivers import WaiverPolicy

PREFIX_RE = re.compile(r"^[A-Z]{2,5}[0-9]{0,2}$")
ANY_STATE = None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleSetting(_Strict):
    enabled: bool = True
    severity: Literal["error", "warning", "info"] | None = None
    options: dict[str, Any] = Field(default_factory=dict)


class AppliesTo(_Strict):
    governing_state: list[Literal[US_STATES]] = Field(min_length=1)  # type: ignore[valid-type]


class PolicyFile(_Strict):
    policy_version: Literal[1]
    name: str = Field(min_length=1)
    description: str | None = None
    extends: list[str] = Field(default_factory=list)
    state_packs: Literal["auto", "none"] | None = None
    by_state: dict[Literal[US_STATES], list[str]] = Field(default_factory=dict)  # type: ignore[valid-type]
    # Layers chosen by the agreement's NDPA edition (dpa_policy.ndpa_version): the `ndpa` preset.
    by_ndpa_version: dict[Literal[EDITIONS], list[str]] = Field(default_factory=dict)  # type: ignore[valid-type]
    applies_to: AppliesTo | None = None
    rules: dict[str, RuleSetting | None] = Field(default_factory=dict)
    waivers: WaiverPolicy | None = None


# ---------------------------------------------------------------------------- resolved form
@dataclass(frozen=True)
class ResolvedRule:
    rule: Rule
    registered: RegisteredRule
    severity: Severity
    options: RuleOptions
    #: The layer that enabled the rule: the one a finding says "required" it.
    required_by: str = ""
    #: value name ("enabled", "severity", "options.max_window") -> layer that set it.
    provenance: tuple[tuple[str, str], ...] = ()

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
    layers: tuple[str, ...] = ()
    #: What waivers may do: forbidden lists accumulate across layers (a district cannot
    #: unforbid what a state pack forbids); the warning window is the last layer's.
    waivers: WaiverPolicy = WaiverPolicy()


# ------------------------------------------------------------------------------- loading
@dataclass
class _Doc:
    """One loaded policy file or preset."""

    label: str  # how messages name it: a path, or "preset ny"
    policy: PolicyFile
    source_map: SourceMap
    base_dir: Path | None  # for relative extends; None for presets
    key: str  # identity, to detect cycles and duplicates


@dataclass
class _RuleState:
    enabled: bool = False
    severity: Severity | None = None
    options: dict[str, Any] = field(default_factory=dict)
    option_where: dict[str, tuple[str, Position]] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)
    required_by: str = ""


class PolicySet:
    """A policy file with everything it extends, resolvable per governing state."""

    def __init__(self, top: Path | str, registry: RuleRegistry, presets: dict[str, Any], *, display: str | None = None):
        self.registry = registry
        self.presets = presets
        self._docs: dict[str, _Doc] = {}
        self._cache: dict[tuple[str | None, str], ResolvedPolicy] = {}
        if isinstance(top, str):
            self.top = self._load_preset(top, where=None)
        else:
            self.top = self._load_file(top, display=display)
        self._validate_tree(self.top, ())
        # Resolve once for every state up front, so a broken pack or option fails the run
        # before any agreement is checked (exit 2), not halfway through.
        self.for_state(ANY_STATE)
        if any(doc.policy.by_ndpa_version for doc in list(self._docs.values())):
            for edition in EDITIONS:
                self.for_state(ANY_STATE, edition)
        for state in self._states_with_packs():
            self.for_state(state)

    # -- public ----------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.top.policy.name

    def for_state(self, state: str | None, edition: str = DEFAULT_EDITION) -> ResolvedPolicy:
        if (state, edition) not in self._cache:
            self._cache[state, edition] = self._resolve(state, edition)
        return self._cache[state, edition]

    def for_agreement(self, agreement: Any | None) -> ResolvedPolicy:
        """The policy for an agreement: its governing state's packs and its NDPA edition."""
        if agreement is None:
            return self.for_state(ANY_STATE)
        term = agreement.term
        return self.for_state(term.governing_state, ndpa_edition(term.model, term.model_version))

    def layers_for(self, state: str | None, edition: str = DEFAULT_EDITION) -> list[_Doc]:
        order: list[_Doc] = []
        self._flatten(self.top, state, order, top=True, auto=self._auto_enabled(), edition=edition)
        seen: set[str] = set()
        unique = []
        for doc in order:  # a pack named twice applies once, where it first appears
            if doc.key not in seen:
                seen.add(doc.key)
                unique.append(doc)
        return unique

    # -- loading -------------------------------------------------------------------------
    def _load_file(self, path: Path, display: str | None = None, where: tuple[str, Position] | None = None) -> _Doc:
        key = f"file:{os.path.realpath(path)}"  # not Path.resolve(): it raises on a link loop
        if key in self._docs:
            return self._docs[key]
        label = display or path.as_posix()
        if not os.path.lexists(path):
            raise PolicyError(_at(where, f"policy file not found: {path.as_posix()}"))
        try:
            text = read_text(path)
        except LoadFailed as failed:  # not a regular file, a broken link...: say so where it is named
            if where is None:
                raise PolicyError(_join(label, [(p.position, p.message) for p in failed.problems])) from None
            reasons = "; ".join(p.message for p in failed.problems)
            raise PolicyError(_at(where, f"cannot use policy file {path.as_posix()}: {reasons}")) from None
        try:
            loaded = load_text(text)
        except LoadFailed as failed:
            raise PolicyError(_join(label, [(p.position, p.message) for p in failed.problems])) from None
        doc = _Doc(label, self._model(loaded.data, loaded.source_map, label), loaded.source_map, path.parent, key)
        self._docs[key] = doc
        return doc

    def _load_preset(self, name: str, where: tuple[str, Position] | None) -> _Doc:
        key = f"preset:{name}"
        if key in self._docs:
            return self._docs[key]
        resource = self.presets.get(name)
        if resource is None:
            close = difflib.get_close_matches(name, list(self.presets), n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            known = ", ".join(sorted(self.presets)) or "none"
            raise PolicyError(_at(where, f"unknown preset {name!r}{hint}; installed presets: {known}"))
        label = f"preset {name}"
        try:
            loaded = load_text(decode(resource.read_bytes()))
        except LoadFailed as failed:
            raise PolicyError(_join(label, [(p.position, p.message) for p in failed.problems])) from None
        doc = _Doc(label, self._model(loaded.data, loaded.source_map, label), loaded.source_map, None, key)
        self._docs[key] = doc
        return doc

    def _model(self, data: Any, source_map: SourceMap, label: str) -> PolicyFile:
        try:
            return PolicyFile.model_validate(data)
        except ValidationError as exc:
            raise PolicyError(_join(label, _pydantic_problems(exc, source_map, ()))) from None

    def _reference(self, doc: _Doc, ref: str, path: tuple) -> _Doc:
        where = (doc.label, doc.source_map.locate(path))
        if "/" in ref or ref.endswith((".yaml", ".yml")):
            if doc.base_dir is None:
                raise PolicyError(_at(where, f"a preset can extend presets by name only, not the file {ref!r}"))
            return self._load_file(doc.base_dir / ref, where=where)
        return self._load_preset(ref, where)

    def _children(self, doc: _Doc) -> list[_Doc]:
        return [self._reference(doc, ref, ("extends", i)) for i, ref in enumerate(doc.policy.extends)]

    def _state_children(self, doc: _Doc, state: str) -> list[_Doc]:
        refs = doc.policy.by_state.get(state, [])
        return [self._reference(doc, ref, ("by_state", state, i)) for i, ref in enumerate(refs)]

    def _edition_children(self, doc: _Doc, edition: str) -> list[_Doc]:
        refs = doc.policy.by_ndpa_version.get(edition, [])
        return [self._reference(doc, ref, ("by_ndpa_version", edition, i)) for i, ref in enumerate(refs)]

    def _validate_tree(self, doc: _Doc, stack: tuple[str, ...]) -> None:
        paths = [("extends", i) for i in range(len(doc.policy.extends))]
        paths += [("by_state", state, i) for state, refs in doc.policy.by_state.items() for i in range(len(refs))]
        children = self._children(doc) + [c for s in doc.policy.by_state for c in self._state_children(doc, s)]
        paths += [("by_ndpa_version", e, i) for e, refs in doc.policy.by_ndpa_version.items() for i in range(len(refs))]
        children += [c for e in doc.policy.by_ndpa_version for c in self._edition_children(doc, e)]
        for path, child in zip(paths, children):
            if child.key in stack + (doc.key,):
                # Located at the reference that closes the cycle: the one to remove.
                chain = " -> ".join(self._docs[k].label for k in stack + (doc.key, child.key))
                raise PolicyError(_at((doc.label, doc.source_map.locate(path)), f"policy extends itself: {chain}"))
            self._validate_tree(child, stack + (doc.key,))

    # -- layering ------------------------------------------------------------------------
    def _auto_enabled(self) -> bool:
        """state_packs: the last layer that says auto or none wins; unset inherits."""
        order: list[_Doc] = []
        self._flatten(self.top, ANY_STATE, order, top=True, auto=False)
        value = False
        for doc in order:
            if doc.policy.state_packs is not None:
                value = doc.policy.state_packs == "auto"
        return value

    def _flatten(self, doc: _Doc, state: str | None, order: list[_Doc], *, top: bool, auto: bool,
                 edition: str = DEFAULT_EDITION) -> None:
        for child in self._children(doc) + self._edition_children(doc, edition):
            self._flatten(child, state, order, top=False, auto=False, edition=edition)
        if state is not None:
            for child in self._state_children(doc, state):
                self._flatten(child, state, order, top=False, auto=False, edition=edition)
            if top and auto:
                for pack in self._auto_packs(state):
                    self._flatten(pack, state, order, top=False, auto=False, edition=edition)
        order.append(doc)

    def _auto_packs(self, state: str) -> list[_Doc]:
        packs = []
        for name in sorted(self.presets):
            doc = self._load_preset(name, where=None)
            applies = doc.policy.applies_to
            if applies is not None and state in applies.governing_state:
                packs.append(doc)
        return packs

    def _states_with_packs(self) -> list[str]:
        states: set[str] = set()
        for name in self.presets:
            applies = self._load_preset(name, where=None).policy.applies_to
            if applies is not None:
                states.update(applies.governing_state)
        for doc in list(self._docs.values()):
            states.update(doc.policy.by_state)
        return sorted(states)

    def _resolve(self, state: str | None, edition: str = DEFAULT_EDITION) -> ResolvedPolicy:
        layers = self.layers_for(state, edition)
        states: dict[str, _RuleState] = {}
        problems: list[tuple[str, Position, str]] = []
        for doc in layers:
            named: dict[str, str] = {}  # within one file, one rule named by code and slug is ambiguous
            for selector, setting in doc.policy.rules.items():
                entry = self.registry.get(selector)
                if entry is not None and entry.code in named:
                    problems.append((doc.label, doc.source_map.key(("rules", selector)),
                                     f"rule {entry.code} ({entry.slug}) is configured twice: as "
                                     f"{named[entry.code]!r} and as {selector!r}"))
                    continue
                if entry is not None:
                    named[entry.code] = selector
                self._apply(doc, selector, setting or RuleSetting(), states, problems)
        resolved = []
        for code, st in states.items():
            entry = self.registry.get(code)
            assert entry is not None
            try:
                options = entry.rule.Options.model_validate(st.options)
            except ValidationError as exc:
                for error in exc.errors(include_url=False):
                    name = ".".join(str(p) for p in error["loc"])
                    label, position = st.option_where.get(str(error["loc"][0]) if error["loc"] else "", (layers[-1].label, Position(1, 1)))
                    message = "is not a known option" if error["type"] == "extra_forbidden" else error["msg"].removeprefix("Value error, ")
                    problems.append((label, position, f"rule {code} ({entry.slug}): option {name!r}: {message}"))
                continue
            if st.enabled:
                severity = st.severity or entry.rule.default_severity
                resolved.append(ResolvedRule(entry.rule(), entry, severity, options, st.required_by,
                                             tuple(sorted(st.provenance.items()))))
        if problems:
            raise PolicyError(_join_labelled(problems))
        if not resolved:
            raise PolicyError(f"{self.top.label}: the policy enables no rules; a run that checks nothing is not a pass")
        return ResolvedPolicy(self.top.policy.name, self.top.label, tuple(sorted(resolved, key=lambda r: r.code)),
                              tuple(d.label for d in layers), self._waiver_policy(layers))

    def _waiver_policy(self, layers: list[_Doc]) -> WaiverPolicy:
        forbidden_rules: list[str] = []
        forbidden_severities: list[str] = []
        warn_days = WaiverPolicy().warn_days_before_expiry
        for doc in layers:
            settings = doc.policy.waivers
            if settings is None:
                continue
            for selector in settings.forbidden_rules:
                if isinstance(self._select(selector), str):
                    raise PolicyError(_join(doc.label, [(doc.source_map.locate(("waivers", "forbidden_rules")),
                                                         f"waivers.forbidden_rules: {self._select(selector)}")]))
            forbidden_rules += [s for s in settings.forbidden_rules if s not in forbidden_rules]
            forbidden_severities += [s for s in settings.forbidden_severities if s not in forbidden_severities]
            if "warn_days_before_expiry" in settings.model_fields_set:
                warn_days = settings.warn_days_before_expiry
        return WaiverPolicy(forbidden_rules=forbidden_rules, forbidden_severities=forbidden_severities,
                            warn_days_before_expiry=warn_days)

    def selector_codes(self, selector: str) -> list[str]:
        """Rule codes a selector names (an empty list for an unknown one)."""
        matched = self._select(selector)
        return [] if isinstance(matched, str) else [e.code for e in matched]

    def _apply(self, doc: _Doc, selector: str, setting: RuleSetting, states: dict[str, _RuleState],
               problems: list[tuple[str, Position, str]]) -> None:
        key_pos = doc.source_map.key(("rules", selector))
        matched = self._select(selector)
        if isinstance(matched, str):
            problems.append((doc.label, key_pos, matched))
            return
        if setting.options and len(matched) != 1:
            problems.append((doc.label, doc.source_map.key(("rules", selector, "options")),
                             f"options need a single rule, but {selector!r} selects {len(matched)} "
                             f"({', '.join(e.code for e in matched)})"))
            return
        # Naming one rule enables it (unless enabled: false). A broad selector (prefix, tag,
        # all) enables its rules when it is empty or says enabled; one that only sets a
        # severity or options leaves enabled as earlier layers set it.
        given = setting.model_fields_set
        single = self.registry.get(selector) is not None
        sets_enabled = single or "enabled" in given or not given
        for entry in matched:
            st = states.setdefault(entry.code, _RuleState())
            if sets_enabled:
                st.enabled = setting.enabled
                st.provenance["enabled"] = doc.label
                if setting.enabled:
                    st.required_by = doc.label
            if setting.severity is not None:
                st.severity = Severity.parse(setting.severity)
                st.provenance["severity"] = doc.label
            for option, value in setting.options.items():
                st.options[option] = value
                st.option_where[option] = (doc.label, doc.source_map.key(("rules", selector, "options", option)))
                st.provenance[f"options.{option}"] = doc.label

    def _select(self, selector: str) -> list[RegisteredRule] | str:
        """The rules a selector names, or an error message."""
        entry = self.registry.get(selector)
        if entry is not None:
            return [entry]
        if selector == "all":
            return list(self.registry)
        if selector.startswith("tag:"):
            tag = selector[4:]
            matched = [e for e in self.registry if tag in e.rule.tags]
            if not matched:
                tags = sorted({t for e in self.registry for t in e.rule.tags})
                close = difflib.get_close_matches(tag, tags, n=1, cutoff=0.6)
                return f"tag {tag!r} selects no rule" + (f" (did you mean 'tag:{close[0]}'?)" if close else "")
            return matched
        if PREFIX_RE.match(selector):
            matched = [e for e in self.registry if e.code.startswith(selector)]
            if matched:
                return matched
            return f"code prefix {selector!r} selects no rule"
        hint = self.registry.suggest(selector)
        return f"unknown rule {selector!r}" + (f" (did you mean {hint!r}?)" if hint else "; `dpa-policy rules` lists them")


# --------------------------------------------------------------------------------- helpers
def collect_presets(pm: Any) -> dict[str, Any]:
    """Preset name -> resource, from every plugin; a name offered twice names both plugins."""
    presets: dict[str, Any] = {}
    owners: dict[str, str] = {}
    for impl in pm.hook.dpa_policy_presets.get_hookimpls():
        try:
            offered = impl.function() or {}
        except Exception as exc:  # noqa: BLE001 - the plugin's fault, reported as such
            from .errors import PluginError

            raise PluginError(f"plugin {impl.plugin_name!r} failed to provide its presets: {exc}") from exc
        for name, resource in offered.items():
            if name in presets:
                from .errors import PluginError

                raise PluginError(f"preset {name!r} is provided twice: by plugin {owners[name]!r} and by plugin {impl.plugin_name!r}")
            presets[name] = resource
            owners[name] = impl.plugin_name
    return presets


def default_policy_path() -> Path:
    """The NDPA baseline shipped in the package (the repo's policies/default.yaml)."""
    from importlib import resources

    return Path(str(resources.files("dpa_policy").joinpath("policies", "default.yaml")))


def load_policy(path: Path, registry: RuleRegistry, *, display: str | None = None,
                presets: dict[str, Any] | None = None) -> ResolvedPolicy:
    """The policy at ``path`` resolved for agreements of any state (no state packs)."""
    return PolicySet(path, registry, presets or {}, display=display).for_state(ANY_STATE)


def _pydantic_problems(exc: ValidationError, source_map: SourceMap, base: tuple) -> list[tuple[Position, str]]:
    out = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        path = base + loc
        name = ".".join(str(p) for p in loc)
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "is not a known field"
            position = source_map.key(path)
        else:
            position = source_map.locate(path)
        out.append((position, f"{name!r}: {message}" if name else message))
    return out


def _at(where: tuple[str, Position] | None, message: str) -> str:
    if where is None:
        return message
    label, pos = where
    return f"invalid policy:\n  {label}:{pos.line}:{pos.column}: {message}"


def _join(label: str, problems: Iterable[tuple[Position, str]]) -> str:
    lines = [f"{label}:{pos.line}:{pos.column}: {msg}" for pos, msg in sorted(problems)]
    return "invalid policy:\n  " + "\n  ".join(lines)


def _join_labelled(problems: list[tuple[str, Position, str]]) -> str:
    unique = sorted(set(problems), key=lambda p: (p[0], p[1], p[2]))
    return "invalid policy:\n  " + "\n  ".join(f"{label}:{pos.line}:{pos.column}: {msg}" for label, pos, msg in unique)
