"""Policy files: the format, and loading a policy with everything it extends.

A policy is a YAML file::

    policy_version: 1
    name: Springfield district policy
    extends: [ndpa, ./state-addendum.yaml]   # presets by name, or files relative to this one
    state_packs: auto                        # add packs whose applies_to fits the agreement
    by_state:                                # or name them per state
      NY: [ny]
    by_ndpa_version:                         # layers by the agreement's NDPA edition
      v1: [./ndpa-v1-extras.yaml]            # (v1, v2, unknown, other; see dpa_policy.model.ndpa_version)
    review: {severity: warning}              # findings that need legal review (default: the rule's)
    review_unconfirmed: true                 # findings of rules with an unconfirmed basis need review
    diff: {sensitive_data_added: allow}      # `diff` lists added sensitive data without failing
    rules:
      DPA2: {severity: error}                # code prefix: every DPA2xx rule
      tag:disposal: {enabled: true}          # every rule tagged "disposal"
      breach-notice-window:                  # slug or code: one rule, options allowed
        options: {max_window: 48 hours}
      DPA204: {enabled: false}

A rule's setting, its enabled or severity, or one option may be written by date (``by_date``:
a list of values, each with the date it takes effect; :mod:`dpa_policy.core.dated`).

:class:`PolicyFiles` reads each file and preset once, validates it strictly (an unknown field,
preset or file stops the run with exit code 2, naming the file, line and column) and refuses a
policy that extends itself. How the loaded layers combine into the rules a check runs is
:mod:`dpa_policy.core.policy`.
"""

from __future__ import annotations

import datetime
import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Iterable, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, WrapSerializer, WrapValidator, model_validator

from ..errors import PluginError, PolicyError
from ..findings import Position
from ..model.ndpa_version import EDITIONS
from ..model.term import Term
from ..model.vocabulary import US_STATES
from .dated import Choice, Dated, choose, lift_dated
from .loader import LoadFailed, SourceMap, decode, load_text, read_text
from .waivers import WaiverPolicy


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _keep_dated(value: Any, handler: Any) -> Any:
    """A value written ``by_date`` (already a :class:`~.dated.Dated`, its entries checked) passes
    as it is; any other is validated as the field says, with the field's usual messages."""
    return value if isinstance(value, Dated) else handler(value)


def _dump_dated(value: Any, handler: Any) -> Any:
    """A dated value dumps as it was written (``{"by_date": [...]}``), so that a dump (the
    findings cache's key) changes whenever the file does."""
    return value.as_written() if isinstance(value, Dated) else handler(value)


#: A field that may also be written ``by_date`` (see :mod:`dpa_policy.core.dated`).
DatedOr = (WrapValidator(_keep_dated), WrapSerializer(_dump_dated))


class RuleSetting(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    enabled: Annotated[bool, *DatedOr] = True
    severity: Annotated[Literal["error", "warning", "info"] | None, *DatedOr] = None
    #: An option's value may be a :class:`~.dated.Dated`; the rule's options model checks the rest.
    options: dict[str, Annotated[Any, *DatedOr]] = Field(default_factory=dict)


# The templates an agreement can follow (term.model), as the agreement format defines them.
TEMPLATE_MODELS = get_args(Term.model_fields["model"].annotation)


class AppliesTo(_Strict):
    """Which agreements a preset joins under ``state_packs: auto``: every condition given must
    hold. A state-law pack names its states; a contract-template pack (plugins/) can also, or
    instead, name the template the agreement follows (``term.model``)."""

    governing_state: list[Literal[US_STATES]] | None = Field(default=None, min_length=1)  # type: ignore[valid-type]
    model: list[Literal[TEMPLATE_MODELS]] | None = Field(default=None, min_length=1)  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _names_something(self) -> "AppliesTo":
        if self.governing_state is None and self.model is None:
            raise ValueError("applies_to names no governing_state and no model: it would apply to nothing")
        return self

    def matches(self, state: str | None, model: str | None) -> bool:
        if self.governing_state is not None and state not in self.governing_state:
            return False
        return self.model is None or model in self.model


class ReviewSetting(_Strict):
    """What a policy does with findings that need a person's review (outcome "review")."""

    #: The severity every review finding is reported at; unset, each keeps its rule's.
    #: "warning" lets review findings fail the run only with --fail-on warning.
    severity: Literal["error", "warning", "info"] | None = None


class DiffSetting(_Strict):
    """What ``dpa-policy diff`` does with a change that is not a weakened obligation."""

    #: A data element in a sensitive category (health, disability, race...) added to what the
    #: vendor receives: "fail" (the default) exits 1; "allow" lists it without failing.
    sensitive_data_added: Literal["fail", "allow"] | None = None


class PolicyFile(_Strict):
    policy_version: Literal[1]
    name: str = Field(min_length=1)
    description: str | None = None
    extends: list[str] = Field(default_factory=list)
    state_packs: Literal["auto", "none"] | None = None
    by_state: dict[Literal[US_STATES], list[str]] = Field(default_factory=dict)  # type: ignore[valid-type]
    # Layers chosen by the agreement's NDPA edition (dpa_policy.model.ndpa_version): the `ndpa` preset.
    by_ndpa_version: dict[Literal[EDITIONS], list[str]] = Field(default_factory=dict)  # type: ignore[valid-type]
    applies_to: AppliesTo | None = None
    #: A setting may be a :class:`~.dated.Dated` whose entries are settings.
    rules: dict[str, Annotated[RuleSetting | None, *DatedOr]] = Field(default_factory=dict)
    waivers: WaiverPolicy | None = None
    #: ``review: {severity: warning}``: the severity of findings that need legal review.
    review: ReviewSetting | None = None
    #: true: findings of rules whose legal basis is unconfirmed (``confidence = "unconfirmed"``)
    #: are review findings, not violations.
    review_unconfirmed: bool | None = None
    #: ``diff: {sensitive_data_added: allow}``: see :class:`DiffSetting`.
    diff: DiffSetting | None = None


@dataclass
class PolicyDoc:
    """One loaded policy file or preset."""

    label: str  # how messages name it: a path, or "preset ny"
    policy: PolicyFile
    source_map: SourceMap
    base_dir: Path | None  # for relative extends; None for presets
    key: str  # identity, to detect cycles and duplicates


@dataclass(frozen=True)
class InlinePolicy:
    """A policy written inside another file (the ``policy:`` mapping of a ``.dpa-policy.yaml``):
    its data, where each of its values was written in that file, the file as messages name it,
    and the folder its relative ``extends`` start from."""

    data: Any
    source_map: Any  # where its values are in the enclosing file: locate() and key() as a SourceMap's
    label: str
    base_dir: Path


class PolicyFiles:
    """The files and presets of one policy, each loaded once (keyed "file:<resolved path>" or
    "preset:NAME"), and the references between them."""

    def __init__(self, presets: dict[str, Any]) -> None:
        self.presets = presets
        self._docs: dict[str, PolicyDoc] = {}

    def documents(self) -> list[PolicyDoc]:
        """Every policy file and preset loaded so far (the cache keys runs by them)."""
        return list(self._docs.values())

    def _load_file(self, path: Path, display: str | None = None, where: tuple[str, Position] | None = None) -> PolicyDoc:
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
                raise PolicyError(invalid_policy(label, [(p.position, p.message) for p in failed.problems])) from None
            reasons = "; ".join(p.message for p in failed.problems)
            raise PolicyError(_at(where, f"cannot use policy file {path.as_posix()}: {reasons}")) from None
        try:
            loaded = load_text(text)
        except LoadFailed as failed:
            raise PolicyError(invalid_policy(label, [(p.position, p.message) for p in failed.problems])) from None
        doc = PolicyDoc(label, self._model(loaded.data, loaded.source_map, label), loaded.source_map, path.parent, key)
        self._docs[key] = doc
        return doc

    def _load_inline(self, inline: InlinePolicy) -> PolicyDoc:
        key = f"inline:{os.path.realpath(inline.base_dir)}:{inline.label}"
        doc = PolicyDoc(inline.label, self._model(inline.data, inline.source_map, inline.label), inline.source_map,
                        inline.base_dir, key)
        self._docs[key] = doc
        return doc

    def _load_preset(self, name: str, where: tuple[str, Position] | None) -> PolicyDoc:
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
            raise PolicyError(invalid_policy(label, [(p.position, p.message) for p in failed.problems])) from None
        doc = PolicyDoc(label, self._model(loaded.data, loaded.source_map, label), loaded.source_map, None, key)
        self._docs[key] = doc
        return doc

    def _model(self, data: Any, source_map: SourceMap, label: str) -> PolicyFile:
        data, problems = lift_dated(data, source_map, lambda what, value, path: _entry_problems(
            what, value, path, source_map))
        try:
            policy = PolicyFile.model_validate(data)
        except ValidationError as exc:
            problems += _pydantic_problems(exc, source_map, ())
        if problems:
            raise PolicyError(invalid_policy(label, problems)) from None
        return policy

    def _reference(self, doc: PolicyDoc, ref: str, path: tuple) -> PolicyDoc:
        where = (doc.label, doc.source_map.locate(path))
        if "/" in ref or ref.endswith((".yaml", ".yml")):
            if doc.base_dir is None:
                raise PolicyError(_at(where, f"a preset can extend presets by name only, not the file {ref!r}"))
            return self._load_file(doc.base_dir / ref, where=where)
        return self._load_preset(ref, where)

    def _children(self, doc: PolicyDoc) -> list[PolicyDoc]:
        return [self._reference(doc, ref, ("extends", i)) for i, ref in enumerate(doc.policy.extends)]

    def _state_children(self, doc: PolicyDoc, state: str) -> list[PolicyDoc]:
        refs = doc.policy.by_state.get(state, [])
        return [self._reference(doc, ref, ("by_state", state, i)) for i, ref in enumerate(refs)]

    def _edition_children(self, doc: PolicyDoc, edition: str) -> list[PolicyDoc]:
        refs = doc.policy.by_ndpa_version.get(edition, [])
        return [self._reference(doc, ref, ("by_ndpa_version", edition, i)) for i, ref in enumerate(refs)]

    def _validate_tree(self, doc: PolicyDoc, stack: tuple[str, ...]) -> None:
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


# --------------------------------------------------------------------------------- helpers
def collect_presets(pm: Any) -> dict[str, Any]:
    """Preset name -> resource, from every plugin; a name offered twice names both plugins."""
    presets: dict[str, Any] = {}
    owners: dict[str, str] = {}
    for impl in pm.hook.dpa_policy_presets.get_hookimpls():
        try:
            offered = impl.function() or {}
        except Exception as exc:  # noqa: BLE001 - the plugin's fault, reported as such
            raise PluginError(f"plugin {impl.plugin_name!r} failed to provide its presets: {exc}") from exc
        for name, resource in offered.items():
            if name in presets:
                    raise PluginError(f"preset {name!r} is provided twice: by plugin {owners[name]!r} and by plugin {impl.plugin_name!r}")
            presets[name] = resource
            owners[name] = impl.plugin_name
    return presets


def default_policy_path() -> Path:
    """The NDPA baseline shipped in the package (the repo's policies/default.yaml)."""
    from importlib import resources

    return Path(str(resources.files("dpa_policy").joinpath("policies", "default.yaml")))


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


def setting_on(setting: "RuleSetting | Dated | None",
               as_of: "datetime.date | None") -> tuple["RuleSetting | None", dict[str, Choice]]:
    """What a layer's setting for a rule says on ``as_of`` (None: before every date a policy
    names), as a plain setting, with the dated entry chosen for each value ("enabled",
    "severity", "options.NAME") that was written by date. None instead of a setting: on that
    date the layer says nothing about the rule (every value it writes is dated and none is in
    effect yet), as if the rule were not named there."""
    if setting is None:
        return RuleSetting(), {}
    if isinstance(setting, Dated):
        chosen = choose(setting, as_of)
        if chosen is None:
            return None, {}
        plain = RuleSetting.model_validate({} if chosen[0].value is None else chosen[0].value)
        names = ["enabled"] + (["severity"] if "severity" in plain.model_fields_set else [])  # naming enables
        return plain, {name: chosen[1] for name in names + [f"options.{o}" for o in plain.options]}
    dated_fields = [f for f in ("enabled", "severity") if isinstance(getattr(setting, f), Dated)]
    if not dated_fields and not any(isinstance(v, Dated) for v in setting.options.values()):
        return setting, {}
    values: dict[str, Any] = {}
    choices: dict[str, Choice] = {}
    for name in ("enabled", "severity"):
        if name in setting.model_fields_set:
            value = getattr(setting, name)
            chosen = choose(value, as_of) if isinstance(value, Dated) else None
            if chosen is not None:
                values[name], choices[name] = chosen[0].value, chosen[1]
            elif not isinstance(value, Dated):
                values[name] = value
    options: dict[str, Any] = {}
    for name, value in setting.options.items():
        chosen = choose(value, as_of) if isinstance(value, Dated) else None
        if chosen is not None:
            options[name], choices[f"options.{name}"] = chosen[0].value, chosen[1]
        elif not isinstance(value, Dated):
            options[name] = value
    if options:
        values["options"] = options
    if not values:
        return None, {}
    return RuleSetting.model_validate(values), choices


def _entry_problems(what: str, value: Any, path: tuple, source_map: SourceMap) -> list[tuple[Position, str]]:
    """The problems of one dated entry's value: a whole rule setting, or its enabled or severity."""
    try:
        if what == "setting":
            RuleSetting.model_validate({} if value is None else value)
        else:
            RuleSetting.model_validate({what: value})
    except ValidationError as exc:
        problems = []
        entry = f"{path[-4]}: by_date entry {path[-2] + 1}: "  # path ends (..., owner, "by_date", index, "value")
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"]) if what == "setting" else ()
            name = f"{'.'.join(str(p) for p in loc)!r}: " if loc else ""
            if error["type"] == "extra_forbidden":
                problems.append((source_map.key(path + loc), f"{entry}{name}is not a known field"))
            else:
                problems.append((source_map.locate(path + loc),
                                 f"{entry}{name}{error['msg'].removeprefix('Value error, ')}"))
        return problems
    return []


def _at(where: tuple[str, Position] | None, message: str) -> str:
    if where is None:
        return message
    label, pos = where
    return f"invalid policy:\n  {label}:{pos.line}:{pos.column}: {message}"


def invalid_policy(label: str, problems: Iterable[tuple[Position, str]]) -> str:
    """The message for problems found in one policy file, each located, in order."""
    lines = [f"{label}:{pos.line}:{pos.column}: {msg}" for pos, msg in sorted(problems)]
    return "invalid policy:\n  " + "\n  ".join(lines)
