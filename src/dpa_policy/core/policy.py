"""Policies resolved: which rules run, at what severity, with which options, layer upon layer.

The file format and loading are :mod:`dpa_policy.core.policy_file`. Layers apply in order:
each ``extends`` entry (itself resolved recursively), then the packs for the agreement
(presets whose ``applies_to`` names its governing state and/or the template it follows,
``term.model``), then the file's own ``rules``. Later layers override earlier
ones, value by value, and every value remembers the layer that set it
(``dpa-policy policy show``). A finding records the layer that required its rule.

A value written by date (:mod:`dpa_policy.core.dated`) resolves as of a date: the run's
``--as-of`` (:meth:`PolicySet.at`), else today. Resolutions are cached per span between the
dates the policies name, and every span is resolved up front.

Everything is validated before anything is checked: an unknown rule, selector, severity,
option or preset stops the run with exit code 2, naming the file, line and column.
"""

from __future__ import annotations

import copy
import datetime
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
from .policy_file import (
    InlinePolicy,
    PolicyDoc,
    PolicyFiles,
    RuleSetting,
    collect_presets,
    default_policy_path,
    invalid_policy,
    setting_on,
)
from .dated import Choice, change_dates
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
    #: value name -> the dated entry that set it ("dated entry 2 of 2, from 2025-09-26: ..."),
    #: for values the setting layer wrote by date.
    dated: tuple[tuple[str, str], ...] = ()

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
    #: The severity of every review finding (``review: {severity: ...}``, the last layer that
    #: sets it); None: each keeps its rule's severity, so by default a review fails the run.
    review_severity: Severity | None = None
    #: ``review_unconfirmed: true``: rules with an unconfirmed legal basis give review findings.
    review_unconfirmed: bool = False


@dataclass
class _RuleState:
    enabled: bool = False
    severity: Severity | None = None
    options: dict[str, Any] = field(default_factory=dict)
    #: Where each option was set: (layer, value path if dated, key path); located only on error.
    option_where: dict[str, tuple[PolicyDoc, Any, tuple[str, ...]]] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)
    required_by: str = ""
    dated: dict[str, str] = field(default_factory=dict)


class PolicySet(PolicyFiles):
    """A policy file with everything it extends, resolvable per governing state."""

    def __init__(self, top: Path | str | InlinePolicy, registry: RuleRegistry, presets: dict[str, Any], *,
                 display: str | None = None, as_of: datetime.date | None = None):
        super().__init__(presets)
        self.registry = registry
        #: The date dated values resolve as of; None: today (read when resolving).
        self.as_of = as_of
        #: Keyed (state, edition, model, the last date any policy names on or before as_of).
        self._cache: dict[tuple[str | None, str, str | None, datetime.date | None], ResolvedPolicy] = {}
        #: Keyed (the layers' keys, span): most states share their layers, so resolve those once.
        self._by_layers: dict[tuple[tuple[str, ...], datetime.date | None], ResolvedPolicy] = {}
        if isinstance(top, str):
            self.top = self._load_preset(top, where=None)
        elif isinstance(top, InlinePolicy):
            self.top = self._load_inline(top)
        else:
            self.top = self._load_file(top, display=display)
        self._validate_tree(self.top, ())
        targets = self._pack_targets()  # loads every preset, so every dated value is known
        self._change_dates = sorted(change_dates(s for doc in self._docs.values() for s in doc.policy.rules.values()))
        # Resolve once for every state, and every span between dates, up front, so a broken pack
        # or option fails the run before any agreement is checked (exit 2), not halfway through.
        for when in [datetime.date.min, *self._change_dates]:
            self.for_state(ANY_STATE, as_of=when)
            if any(doc.policy.by_ndpa_version for doc in list(self._docs.values())):
                for edition in EDITIONS:
                    self.for_state(ANY_STATE, edition, as_of=when)
            for state, model in targets:
                self.for_state(state, model=model, as_of=when)

    # -- public ----------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.top.policy.name

    @property
    def has_dated_values(self) -> bool:
        return bool(self._change_dates)

    def at(self, as_of: datetime.date) -> "PolicySet":
        """This policy set resolving dated values as of ``as_of``: a view sharing everything
        loaded and resolved (a run's --as-of; the set it is called on is unchanged)."""
        view = copy.copy(self)
        view.as_of = as_of
        return view

    def resolved_as_of(self) -> datetime.date:
        """The date dated values resolve as of: :attr:`as_of`, else today."""
        if self.as_of is not None:
            return self.as_of
        from .. import rule  # the clock, read through the module: tests pin it in one place

        return rule.today()

    def for_state(self, state: str | None, edition: str = DEFAULT_EDITION, model: str | None = None, *,
                  as_of: datetime.date | None = None) -> ResolvedPolicy:
        """The policy for an agreement governed by ``state``, of NDPA ``edition``, following
        the template ``model`` (term.model; None: presets that name a model do not join), with
        dated values as of ``as_of`` (default: :meth:`resolved_as_of`)."""
        since = self._span(as_of or self.resolved_as_of())
        key = (state, edition, model, since)
        if key not in self._cache:
            layers = self.layers_for(state, edition, model)  # all that a resolution depends on, with since
            by_layers = (tuple(doc.key for doc in layers), since)
            if by_layers not in self._by_layers:
                self._by_layers[by_layers] = self._resolve(layers, since)
            self._cache[key] = self._by_layers[by_layers]
        return self._cache[key]

    def _span(self, as_of: datetime.date) -> datetime.date | None:
        """The last date a policy names on or before ``as_of`` (None: before all of them): every
        date in one span resolves alike, so the cache holds one resolution per span."""
        earlier = [d for d in self._change_dates if d <= as_of]
        return earlier[-1] if earlier else None

    def for_agreement(self, agreement: Any | None) -> ResolvedPolicy:
        """The policy for an agreement: its governing state's packs and its NDPA edition."""
        return self.for_state(*self.resolution_key(agreement))

    def resolution_key(self, agreement: Any | None) -> tuple[str | None, str, str | None]:
        """What decides an agreement's policy, as :meth:`for_state`'s arguments: a worker
        process sends it back so that the run names the policy it applied."""
        if agreement is None:
            return (ANY_STATE, DEFAULT_EDITION, None)
        term = agreement.term
        return (term.governing_state, ndpa_edition(term.model, term.model_version), term.model)

    def layers_for(self, state: str | None, edition: str = DEFAULT_EDITION,
                   model: str | None = None) -> list[PolicyDoc]:
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

    def _resolve(self, layers: list[PolicyDoc], since: datetime.date | None) -> ResolvedPolicy:
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
                plain, choices = setting_on(setting, since)
                if plain is not None:
                    self._apply(doc, selector, plain, states, problems, choices)
                elif isinstance(matched := self._select(selector), str):  # not in effect yet, but must name rules
                    problems.append((doc.label, doc.source_map.key(("rules", selector)), matched))
        resolved = []
        for code, st in states.items():
            entry = self.registry.get(code)
            assert entry is not None
            try:
                options = entry.rule.Options.model_validate(st.options)
            except ValidationError as exc:
                for error in exc.errors(include_url=False):
                    name = ".".join(str(p) for p in error["loc"])
                    label, position = _option_position(st, str(error["loc"][0]) if error["loc"] else "", layers[-1].label)
                    message = "is not a known option" if error["type"] == "extra_forbidden" else error["msg"].removeprefix("Value error, ")
                    problems.append((label, position, f"rule {code} ({entry.slug}): option {name!r}: {message}"))
                continue
            if st.enabled:
                severity = st.severity or entry.rule.default_severity
                resolved.append(ResolvedRule(entry.rule(), entry, severity, options, st.required_by,
                                             tuple(sorted(st.provenance.items())), tuple(sorted(st.dated.items()))))
        if problems:
            raise PolicyError(_join_labelled(problems))
        if not resolved:
            raise PolicyError(f"{self.top.label}: the policy enables no rules; a run that checks nothing is not a pass")
        review_severity, review_unconfirmed = _review_settings(layers)
        return ResolvedPolicy(self.top.policy.name, self.top.label, tuple(sorted(resolved, key=lambda r: r.code)),
                              tuple(d.label for d in layers), self._waiver_policy(layers),
                              review_severity, review_unconfirmed)

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

    def pack_states(self) -> frozenset[str]:
        """The states whose law this policy checks with a pack: with ``state_packs: auto``,
        every state a state-law preset's ``applies_to`` names (a preset that also names a
        template, ``model``, checks a contract form, not the state's law); and every state a
        ``by_state`` entry names. What DPA122 compares an agreement's governing state with."""
        states: set[str] = set()
        if self._auto_enabled():
            for name in self.presets:
                applies = self._load_preset(name, where=None).policy.applies_to
                if applies is not None and applies.governing_state and applies.model is None:
                    states.update(applies.governing_state)
        for doc in self.layers_for(ANY_STATE):
            states.update(doc.policy.by_state)
        return frozenset(states)

    def selector_codes(self, selector: str) -> list[str]:
        """Rule codes a selector names (an empty list for an unknown one)."""
        matched = self._select(selector)
        return [] if isinstance(matched, str) else [e.code for e in matched]

    def _apply(self, doc: PolicyDoc, selector: str, setting: RuleSetting, states: dict[str, _RuleState],
               problems: list[tuple[str, Position, str]], choices: dict[str, Choice]) -> None:
        matched = self._select(selector)
        if isinstance(matched, str):
            problems.append((doc.label, doc.source_map.key(("rules", selector)), matched))
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
                _set_by(st, "enabled", doc.label, choices)
                if setting.enabled:
                    st.required_by = doc.label
            if setting.severity is not None:
                st.severity = Severity.parse(setting.severity)
                _set_by(st, "severity", doc.label, choices)
            for option, value in setting.options.items():
                st.options[option] = value
                chosen = choices.get(f"options.{option}")
                st.option_where[option] = (doc, chosen.value_path if chosen is not None else None,
                                           ("rules", selector, "options", option))
                _set_by(st, f"options.{option}", doc.label, choices)

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
def _set_by(st: _RuleState, name: str, label: str, choices: dict[str, Choice]) -> None:
    """Record that layer ``label`` set value ``name``, and by which dated entry if it was dated
    (a later undated value forgets an earlier layer's dated entry)."""
    st.provenance[name] = label
    chosen = choices.get(name)
    if chosen is None:
        st.dated.pop(name, None)
    else:
        st.dated[name] = chosen.description


def _option_position(st: _RuleState, option: str, fallback: str) -> tuple[str, Position]:
    """The layer and position that set ``option`` (its dated value, else its key), for an error."""
    if option not in st.option_where:
        return fallback, Position(1, 1)
    doc, value_path, key_path = st.option_where[option]
    where = doc.source_map.locate(value_path) if value_path is not None else doc.source_map.key(key_path)
    return doc.label, where


def _review_settings(layers: list[PolicyDoc]) -> tuple[Severity | None, bool]:
    """``review.severity`` and ``review_unconfirmed``: the last layer that sets each wins."""
    severity: Severity | None = None
    unconfirmed = False
    for doc in layers:
        if doc.policy.review is not None and doc.policy.review.severity is not None:
            severity = Severity.parse(doc.policy.review.severity)
        if doc.policy.review_unconfirmed is not None:
            unconfirmed = doc.policy.review_unconfirmed
    return severity, unconfirmed


def load_policy(path: Path, registry: RuleRegistry, *, display: str | None = None,
                presets: dict[str, Any] | None = None) -> ResolvedPolicy:
    """The policy at ``path`` resolved for agreements of any state (no state packs)."""
    return PolicySet(path, registry, presets or {}, display=display).for_state(ANY_STATE)


def _join_labelled(problems: list[tuple[str, Position, str]]) -> str:
    unique = sorted(set(problems), key=lambda p: (p[0], p[1], p[2]))
    return "invalid policy:\n  " + "\n  ".join(f"{label}:{pos.line}:{pos.column}: {msg}" for label, pos, msg in unique)
