"""Policies resolved: which rules run, at what severity, with which options, layer upon layer.

The file format and loading are :mod:`dpa_policy.core.policy_file`. Layers apply in order:
each ``extends`` entry (itself resolved recursively), then the packs for the agreement
(presets whose ``applies_to`` names its governing state and/or the template it follows,
``term.model``), then the file's own ``rules``. Later layers override earlier
ones, value by value, and every value remembers the layer that set it
(``dpa-policy policy show``). A finding records the layer that required its rule.

Everything is validated before anything is checked: an unknown rule, selector, severity,
option or preset stops the run with exit code 2, naming the file, line and column.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import PolicyError
from ..findings import Position, Severity
from ..model.ndpa_version import DEFAULT_EDITION, EDITIONS, ndpa_edition
from ..registry import RegisteredRule, RuleRegistry
from ..rule import Rule, RuleOptions
from .policy_file import PolicyDoc, PolicyFiles, RuleSetting, collect_presets, default_policy_path, invalid_policy
from .waivers import WaiverPolicy

__all__ = ["ANY_STATE", "PolicySet", "ResolvedPolicy", "ResolvedRule", "collect_presets", "default_policy_path",
           "load_policy"]

PREFIX_RE = re.compile(r"^[A-Z]{2,5}[0-9]{0,2}$")
ANY_STATE = None


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


@dataclass
class _RuleState:
    enabled: bool = False
    severity: Severity | None = None
    options: dict[str, Any] = field(default_factory=dict)
    option_where: dict[str, tuple[str, Position]] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)
    required_by: str = ""


class PolicySet(PolicyFiles):
    """A policy file with everything it extends, resolvable per governing state."""

    def __init__(self, top: Path | str, registry: RuleRegistry, presets: dict[str, Any], *, display: str | None = None):
        super().__init__(presets)
        self.registry = registry
        self._cache: dict[tuple[str | None, str, str | None], ResolvedPolicy] = {}
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
        for state, model in self._pack_targets():
            self.for_state(state, model=model)

    # -- public ----------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.top.policy.name

    def for_state(self, state: str | None, edition: str = DEFAULT_EDITION, model: str | None = None) -> ResolvedPolicy:
        """The policy for an agreement governed by ``state``, of NDPA ``edition``, following
        the template ``model`` (term.model; None: presets that name a model do not join)."""
        key = (state, edition, model)
        if key not in self._cache:
            self._cache[key] = self._resolve(state, edition, model)
        return self._cache[key]

    def for_agreement(self, agreement: Any | None) -> ResolvedPolicy:
        """The policy for an agreement: its governing state's packs and its NDPA edition."""
        if agreement is None:
            return self.for_state(ANY_STATE)
        term = agreement.term
        return self.for_state(term.governing_state, ndpa_edition(term.model, term.model_version), term.model)

    def layers_for(self, state: str | None, edition: str = DEFAULT_EDITION, model: str | None = None) -> list[PolicyDoc]:
        order: list[PolicyDoc] = []
        self._flatten(self.top, state, order, top=True, auto=self._auto_enabled(), edition=edition, model=model)
        seen: set[str] = set()
        unique = []
        for doc in order:  # a pack named twice applies once, where it first appears
            if doc.key not in seen:
                seen.add(doc.key)
                unique.append(doc)
        return unique

    # -- loading -------------------------------------------------------------------------

    # -- layering ------------------------------------------------------------------------
    def _auto_enabled(self) -> bool:
        """state_packs: the last layer that says auto or none wins; unset inherits."""
        order: list[PolicyDoc] = []
        self._flatten(self.top, ANY_STATE, order, top=True, auto=False)
        value = False
        for doc in order:
            if doc.policy.state_packs is not None:
                value = doc.policy.state_packs == "auto"
        return value

    def _flatten(self, doc: PolicyDoc, state: str | None, order: list[PolicyDoc], *, top: bool, auto: bool,
                 edition: str = DEFAULT_EDITION, model: str | None = None) -> None:
        for child in self._children(doc) + self._edition_children(doc, edition):
            self._flatten(child, state, order, top=False, auto=False, edition=edition)
        if state is not None:
            for child in self._state_children(doc, state):
                self._flatten(child, state, order, top=False, auto=False, edition=edition)
        if top and auto:
            for pack in self._auto_packs(state, model):
                self._flatten(pack, state, order, top=False, auto=False, edition=edition)
        order.append(doc)

    def _auto_packs(self, state: str | None, model: str | None) -> list[PolicyDoc]:
        packs = []
        for name in sorted(self.presets):
            doc = self._load_preset(name, where=None)
            applies = doc.policy.applies_to
            if applies is not None and applies.matches(state, model):
                packs.append(doc)
        return packs

    def _pack_targets(self) -> list[tuple[str | None, str | None]]:
        """Every (state, model) a preset's applies_to or a policy's by_state names, so that each
        is resolved (and any error in it reported) before an agreement is checked."""
        targets: set[tuple[str | None, str | None]] = set()
        for name in self.presets:
            applies = self._load_preset(name, where=None).policy.applies_to
            if applies is not None:
                targets.update((state, model) for state in applies.governing_state or [None]
                               for model in applies.model or [None])
        for doc in list(self._docs.values()):
            targets.update((state, None) for state in doc.policy.by_state)
        return sorted(targets, key=lambda target: (target[0] or "", target[1] or ""))

    def _resolve(self, state: str | None, edition: str = DEFAULT_EDITION, model: str | None = None) -> ResolvedPolicy:
        layers = self.layers_for(state, edition, model)
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

    def _waiver_policy(self, layers: list[PolicyDoc]) -> WaiverPolicy:
        forbidden_rules: list[str] = []
        forbidden_severities: list[str] = []
        warn_days = WaiverPolicy().warn_days_before_expiry
        for doc in layers:
            settings = doc.policy.waivers
            if settings is None:
                continue
            for selector in settings.forbidden_rules:
                if isinstance(self._select(selector), str):
                    raise PolicyError(invalid_policy(doc.label, [(doc.source_map.locate(("waivers", "forbidden_rules")),
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

    def _apply(self, doc: PolicyDoc, selector: str, setting: RuleSetting, states: dict[str, _RuleState],
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
def load_policy(path: Path, registry: RuleRegistry, *, display: str | None = None,
                presets: dict[str, Any] | None = None) -> ResolvedPolicy:
    """The policy at ``path`` resolved for agreements of any state (no state packs)."""
    return PolicySet(path, registry, presets or {}, display=display).for_state(ANY_STATE)


def _join_labelled(problems: list[tuple[str, Position, str]]) -> str:
    unique = sorted(set(problems), key=lambda p: (p[0], p[1], p[2]))
    return "invalid policy:\n  " + "\n  ".join(f"{label}:{pos.line}:{pos.column}: {msg}" for label, pos, msg in unique)
