"""``compare(old, new)``: every change between two versions of an agreement, term by term
through the models (never as text), each classified by :mod:`.classify`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Sequence

from .classify import Change, Changes, Impact

if TYPE_CHECKING:  # pragma: no cover
    from ..model.agreement import Agreement

__all__ = ["Change", "Impact", "compare"]

_TRIGGER_RANK = {"incident": 0, "discovery": 1, "confirmation": 2, "determination": 2, None: 3}
_REDISCLOSURE_RANK = {"prohibited_without_consent": 0, "to_subprocessors_only": 1, "permitted": 2, None: 2}
_PROHIBITIONS = ("sale", "targeted_advertising", "marketing", "non_educational_profiling",
                 "commercial_product_development")
_MEDIA = ("magnetic", "flash", "optical", "paper", "unspecified")
_SUBJECTS = ("student", "parent_guardian", "staff")
_CLAUSES = ("ownership", "breach_notification", "audit", "data_use", "disposal", "security",
            "subprocessors", "legal_compliance")


def compare(old: "Agreement", new: "Agreement") -> list[Change]:
    """Every change from ``old`` to ``new``, weakened first, then in document order."""
    d = Changes()
    d.tree("id", old.id, new.id)
    d.tree("title", old.title, new.title)
    d.tree("parties", old.parties.model_dump(mode="json"), new.parties.model_dump(mode="json"))
    _products(d, old, new)
    before = len(d.items)
    d.tree("term", old.term.model_dump(mode="json"), new.term.model_dump(mode="json"))
    if old.term.governing_state != new.term.governing_state:
        d.items[before:] = [
            c._replace(note="each version is checked with its own state's rules")
            if c.path == "term.governing_state" else c
            for c in d.items[before:]
        ]
    _data(d, old, new)
    for name in _CLAUSES:
        _clause(d, name, getattr(old.clauses, name), getattr(new.clauses, name))
    d.members("attachments", [_attachment(a) for a in old.attachments], [_attachment(a) for a in new.attachments],
              added=Impact.CHANGED, removed=Impact.CHANGED)
    return sorted(d.items, key=lambda c: (c.impact, c.order))


def _products(d: Changes, old: "Agreement", new: "Agreement") -> None:
    olds = {p.name: p.model_dump(mode="json") for p in old.products}
    news = {p.name: p.model_dump(mode="json") for p in new.products}
    d.members("products", list(olds), list(news), added=Impact.CHANGED, removed=Impact.CHANGED)
    for name, product in olds.items():
        if name in news:
            for key in ("description", "website"):
                d.tree(f"products[{name}].{key}", product.get(key), news[name].get(key))


def _attachment(attachment: Any) -> str:
    text = f"{attachment.kind} ({attachment.citation})"
    return text + (f": {attachment.title}" if attachment.title else "")


def _data(d: Changes, old: "Agreement", new: "Agreement") -> None:
    from ..model.vocabulary import ELEMENTS

    def element_note(key: str) -> str:
        element = ELEMENTS[key]
        return ("sensitive: " if element.sensitive else "") + element.label

    for subject in _SUBJECTS:
        before, after = getattr(old.data, subject), getattr(new.data, subject)
        path = f"data.{subject}"
        for term, note in (("elements", element_note),
                           ("other_elements", lambda item: "free text, not in the vocabulary"),
                           ("purposes", lambda item: "")):
            d.members(f"{path}.{term}", getattr(before, term, None) or [], getattr(after, term, None) or [],
                      added=Impact.EXPANDED, removed=Impact.NARROWED, note=note)


def _normalized(text: str) -> str:
    return " ".join(text.split())


def _clause(d: Changes, name: str, old: Any, new: Any) -> None:
    path = f"clauses.{name}"
    if old is None and new is None:
        return
    if new is None:
        d.add(Impact.WEAKENED, path, f"the clause ({old.citation})", None)
        return
    if old is None:
        d.add(Impact.STRENGTHENED, path, None, f"the clause ({new.citation})")
        return
    before = len(d.items)
    _TERMS[name](d, path, old, new)
    structured = any(not c.path.endswith(".citation") for c in d.items[before:])
    if old.citation != new.citation:
        d.add(Impact.CHANGED, f"{path}.citation", old.citation, new.citation)
    if not structured and _normalized(old.text) != _normalized(new.text):
        was, now, summary = _wording(old.text, new.text)
        d.add(Impact.CHANGED, f"{path}.text", was, now,
              "no structured term changed; counsel should read the clause", summary=f"wording changed: {summary}")


def _wording(old: str, new: str, hunks: int = 2, width: int = 60) -> tuple[str, str, str]:
    """The first phrases that differ, word by word, as (old side, new side, one-line summary):
    '"seventy-two (72) hours" -> "ten (10) business days"'."""
    import difflib

    a, b = _normalized(old).split(), _normalized(new).split()

    def phrase(words: list[str]) -> str:
        text = " ".join(words)
        return f'"{text if len(text) <= width else text[:width - 3] + "..."}"'

    was, now, parts = [], [], []
    ops = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    for tag, i1, i2, j1, j2 in ops[:hunks]:
        if tag == "replace":
            was.append(phrase(a[i1:i2]))
            now.append(phrase(b[j1:j2]))
            parts.append(f"{was[-1]} -> {now[-1]}")
        elif tag == "delete":
            was.append(phrase(a[i1:i2]))
            parts.append(f"removed {was[-1]}")
        else:
            now.append(phrase(b[j1:j2]))
            parts.append(f"added {now[-1]}")
    if len(ops) > hunks:
        parts.append(f"and {len(ops) - hunks} more")
    return " ... ".join(was) or "—", " ... ".join(now) or "—", "; ".join(parts)


def _ownership(d: Changes, path: str, old: Any, new: Any) -> None:
    for term in ("district_owns", "district_controls", "vendor_rights_limited_to_service"):
        d.commitment(f"{path}.{term}", getattr(old, term), getattr(new, term))


def _breach(d: Changes, path: str, old: Any, new: Any) -> None:
    d.duration(f"{path}.window", old.window, new.window)
    d.ranked(f"{path}.trigger", old.trigger, new.trigger, _TRIGGER_RANK.__getitem__,
             note_worse="the clock starts later", note_better="the clock starts earlier")
    d.members(f"{path}.recipients", old.recipients, new.recipients,
              added=Impact.STRENGTHENED, removed=Impact.WEAKENED)
    d.members(f"{path}.contents", old.contents, new.contents, added=Impact.STRENGTHENED, removed=Impact.WEAKENED)
    d.commitment(f"{path}.incident_response_plan", old.incident_response_plan, new.incident_response_plan)


def _audit(d: Changes, path: str, old: Any, new: Any) -> None:
    d.commitment(f"{path}.district_may_audit", old.district_may_audit, new.district_may_audit)
    # No per_year limit stated: the district may audit as often as it needs.
    d.ranked(f"{path}.per_year", old.per_year, new.per_year,
             lambda n: -float("inf") if n is None else -n,
             render=lambda n: "no limit stated" if n is None else str(n),
             note_worse="fewer audits a year", note_better="more audits a year")
    d.commitment(f"{path}.after_unauthorized_access", old.after_unauthorized_access, new.after_unauthorized_access)
    d.duration(f"{path}.notice", old.notice, new.notice, unstated_is_best=True)
    d.commitment(f"{path}.confidentiality_agreement_required", old.confidentiality_agreement_required,
                 new.confidentiality_agreement_required, burden=True,
                 note="a condition on the district's audits")


def _data_use(d: Changes, path: str, old: Any, new: Any) -> None:
    d.members(f"{path}.permitted_purposes", old.permitted_purposes, new.permitted_purposes,
              added=Impact.EXPANDED, removed=Impact.NARROWED)
    for term in _PROHIBITIONS:
        d.commitment(f"{path}.prohibits.{term}", getattr(old.prohibits, term, None),
                     getattr(new.prohibits, term, None))
    d.members(f"{path}.carve_outs", old.carve_outs, new.carve_outs,
              added=Impact.WEAKENED, removed=Impact.STRENGTHENED,
              note=lambda item: "an exception to the prohibitions")
    d.ranked(f"{path}.redisclosure", old.redisclosure, new.redisclosure, _REDISCLOSURE_RANK.__getitem__,
             note_worse="more permissive", note_better="more restrictive")


def _disposal(d: Changes, path: str, old: Any, new: Any) -> None:
    for term in ("on_request", "at_termination"):
        before, after = getattr(old, term), getattr(new, term)
        d.duration(f"{path}.{term}.within", getattr(before, "within", None), getattr(after, "within", None))
        d.tree(f"{path}.{term}.citation", getattr(before, "citation", None), getattr(after, "citation", None))
    d.commitment(f"{path}.return_before_disposal", old.return_before_disposal, new.return_before_disposal)
    _sanitization(d, f"{path}.sanitization", old.sanitization, new.sanitization)
    d.commitment(f"{path}.written_certification", old.written_certification, new.written_certification)


def _sanitization(d: Changes, path: str, old: Sequence[Any], new: Sequence[Any]) -> None:
    """Per media: the level committed is the weakest entry's (the vendor may use any of them),
    each entry judged as DPA502 judges it (the method's reach, capped by the level claimed)."""
    from ..model.sanitization import LEVEL_RANK, effective

    def entry(e: Any) -> str:
        extras = [f"{k}: {getattr(e, k)}" for k in ("level", "standard") if getattr(e, k) is not None]
        return e.method + (f" [{', '.join(extras)}]" if extras else "")

    def level(entries: list[Any]) -> str | None:
        return min((effective(e) for e in entries), key=lambda lvl: LEVEL_RANK[lvl])

    def level_text(lvl: str | None) -> str:
        return f"NIST SP 800-88 {lvl.capitalize()}" if lvl else "no NIST SP 800-88 level"

    for media in _MEDIA:
        before = [e for e in old if e.media == media]
        after = [e for e in new if e.media == media]
        if before == after:
            continue
        where = f"{path}[{media}]"
        if not after:
            lost = level(before)
            d.add(Impact.WEAKENED if lost else Impact.CHANGED, where, "; ".join(map(entry, before)), None,
                  f"{media} media no longer covered ({level_text(lost)})")
            continue
        if not before:
            gained = level(after)
            d.add(Impact.STRENGTHENED if gained else Impact.CHANGED, where, None, "; ".join(map(entry, after)),
                  level_text(gained))
            continue
        was, now = level(before), level(after)
        impact = (Impact.WEAKENED if LEVEL_RANK[now] < LEVEL_RANK[was]
                  else Impact.STRENGTHENED if LEVEL_RANK[now] > LEVEL_RANK[was] else Impact.CHANGED)
        note = f"{level_text(was)} -> {level_text(now)}" if was != now else level_text(now)
        d.add(impact, where, "; ".join(map(entry, before)), "; ".join(map(entry, after)), note)


def _security(d: Changes, path: str, old: Any, new: Any) -> None:
    from ..model.vocabulary import SECURITY_FRAMEWORKS

    removed_all = bool(old.frameworks) and not new.frameworks
    d.members(f"{path}.frameworks", old.frameworks, new.frameworks,
              added=Impact.STRENGTHENED if not old.frameworks else Impact.CHANGED,
              removed=Impact.WEAKENED if removed_all else Impact.CHANGED,
              note=lambda key: SECURITY_FRAMEWORKS.get(key, ""))
    d.commitment(f"{path}.encryption_at_rest", old.encryption_at_rest, new.encryption_at_rest)
    d.commitment(f"{path}.encryption_in_transit", old.encryption_in_transit, new.encryption_in_transit)


def _subprocessors(d: Changes, path: str, old: Any, new: Any) -> None:
    d.commitment(f"{path}.bound_no_less_stringent", old.bound_no_less_stringent, new.bound_no_less_stringent)
    d.members(f"{path}.named", old.named, new.named, added=Impact.EXPANDED, removed=Impact.NARROWED,
              note=lambda item: "a subprocessor that receives the data")


def _legal(d: Changes, path: str, old: Any, new: Any) -> None:
    from ..model.vocabulary import LAWS

    d.members(f"{path}.laws", old.laws, new.laws, added=Impact.STRENGTHENED, removed=Impact.WEAKENED,
              note=lambda key: LAWS.get(key, ""))
    d.members(f"{path}.other_laws", old.other_laws, new.other_laws,
              added=Impact.STRENGTHENED, removed=Impact.WEAKENED)


_TERMS: dict[str, Callable[[Changes, str, Any, Any], None]] = {
    "ownership": _ownership,
    "breach_notification": _breach,
    "audit": _audit,
    "data_use": _data_use,
    "disposal": _disposal,
    "security": _security,
    "subprocessors": _subprocessors,
    "legal_compliance": _legal,
}
