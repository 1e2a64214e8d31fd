"""How each clause's terms are compared: one function per clause kind, each recording into a
:class:`~.classify.Changes` with the right judgement for every term (a commitment, a burden,
a ranked value, a window, a list).

Judgements are the district's: a commitment the vendor gives (a prohibition, a right, a
certification) is weakened when lost; a permission the vendor gets (de-identified data use,
delaying a breach notice for law enforcement, data passing to a buyer) is weakened when
gained; a window is weakened when it may be longer; more data shared is expanded.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from .classify import Changes, Impact

_TRIGGER_RANK = {"incident": 0, "discovery": 1, "confirmation": 2, "determination": 2, None: 3}
_REDISCLOSURE_RANK = {"prohibited_without_consent": 0, "to_subprocessors_only": 1, "permitted": 2, None: 2}
# Who pays for a breach: the vendor is best for the district; silence leaves it where it falls.
_COSTS_RANK = {"vendor": 0, "shared": 1, "district": 2, None: 2}
# Where the data may be stored: no limit stated is no limit.
_STORAGE_RANK = {"us_only": 0, "named_countries": 1, "anywhere": 2, None: 2}
_PROHIBITIONS = ("sale", "targeted_advertising", "marketing", "non_educational_profiling",
                 "commercial_product_development")
_MEDIA = ("magnetic", "flash", "optical", "paper", "unspecified")


def trigger(d: Changes, path: str, old: Any, new: Any) -> None:
    d.ranked(path, old, new, _TRIGGER_RANK.__getitem__,
             note_worse="the clock starts later", note_better="the clock starts earlier")


def _ownership(d: Changes, path: str, old: Any, new: Any) -> None:
    for term in ("district_owns", "district_controls", "vendor_rights_limited_to_service"):
        d.commitment(f"{path}.{term}", getattr(old, term), getattr(new, term))


def _breach(d: Changes, path: str, old: Any, new: Any) -> None:
    d.duration(f"{path}.window", old.window, new.window)
    trigger(d, f"{path}.trigger", old.trigger, new.trigger)
    d.members(f"{path}.recipients", old.recipients, new.recipients,
              added=Impact.STRENGTHENED, removed=Impact.WEAKENED)
    d.members(f"{path}.contents", old.contents, new.contents, added=Impact.STRENGTHENED, removed=Impact.WEAKENED)
    d.commitment(f"{path}.incident_response_plan", old.incident_response_plan, new.incident_response_plan)
    d.commitment(f"{path}.law_enforcement_delay", old.law_enforcement_delay, new.law_enforcement_delay,
                 burden=True, note="notice may wait for a law-enforcement investigation")
    d.ranked(f"{path}.costs", old.costs, new.costs, _COSTS_RANK.__getitem__,
             note_worse="more of the breach costs fall on the district",
             note_better="less of the breach costs fall on the district")
    _by_category(d, path, old, new)


def _by_category(d: Changes, path: str, old: Any, new: Any) -> None:
    """Each class of data by its effective window and trigger: its own entry's, or the
    clause's general one when no entry lists it. Compared wherever either version lists it."""
    def effective(clause: Any, category: str) -> tuple[Any, Any, bool]:
        for entry in clause.by_category:
            if category in entry.categories:
                return entry.window, entry.trigger or clause.trigger, True
        return clause.window, clause.trigger, False

    listed = [c for clause in (old, new) for entry in clause.by_category for c in entry.categories]
    for category in dict.fromkeys(listed):
        (was, was_trigger, _), (now, now_trigger, now_listed) = effective(old, category), effective(new, category)
        where = f"{path}.by_category[{category}]"
        before = len(d.items)
        d.duration(f"{where}.window", was, now)
        trigger(d, f"{where}.trigger", was_trigger, now_trigger)
        if not now_listed:  # the entry went: say which window now applies
            d.items[before:] = [c._replace(note="; ".join(filter(None, [c.note, "the clause's general term applies"])))
                                for c in d.items[before:]]


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
    def provision(window: Any) -> str:
        if window is None:
            return "not provided for"
        return f"within {window.within}" if window.within is not None else "provided for, no number of days"

    for term in ("on_request", "at_termination"):
        before, after = getattr(old, term), getattr(new, term)
        if (before is None) != (after is None):  # the provision itself came or went
            d.add(Impact.WEAKENED if after is None else Impact.STRENGTHENED, f"{path}.{term}",
                  provision(before), provision(after))
            continue
        d.duration(f"{path}.{term}.within", getattr(before, "within", None), getattr(after, "within", None))
        for key in ("citation", "page"):
            d.tree(f"{path}.{term}.{key}", getattr(before, key, None), getattr(after, key, None))
    d.commitment(f"{path}.return_before_disposal", old.return_before_disposal, new.return_before_disposal)
    _sanitization(d, f"{path}.sanitization", old.sanitization, new.sanitization)
    d.commitment(f"{path}.sanitization_covers_all_media", old.sanitization_covers_all_media,
                 new.sanitization_covers_all_media, note="the vendor's word that the media listed are all there are")
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
    d.commitment(f"{path}.no_sale", old.no_sale, new.no_sale)
    d.members(f"{path}.named", old.named, new.named, added=Impact.EXPANDED, removed=Impact.NARROWED,
              note=lambda item: "a subprocessor that receives the data")


def _legal(d: Changes, path: str, old: Any, new: Any) -> None:
    from ..model.vocabulary import LAWS

    d.members(f"{path}.laws", old.laws, new.laws, added=Impact.STRENGTHENED, removed=Impact.WEAKENED,
              note=lambda key: LAWS.get(key, ""))
    d.members(f"{path}.other_laws", old.other_laws, new.other_laws,
              added=Impact.STRENGTHENED, removed=Impact.WEAKENED)


def _precedence(d: Changes, path: str, old: Any, new: Any) -> None:
    d.commitment(f"{path}.over_vendor_terms", old.over_vendor_terms, new.over_vendor_terms,
                 note="the agreement prevails over the vendor's terms of service")
    d.commitment(f"{path}.over_privacy_policy", old.over_privacy_policy, new.over_privacy_policy,
                 note="the agreement prevails over the vendor's privacy policy")


def _parent_access(d: Changes, path: str, old: Any, new: Any) -> None:
    d.commitment(f"{path}.parents_may_review", old.parents_may_review, new.parents_may_review)
    d.duration(f"{path}.window", old.window, new.window)
    d.commitment(f"{path}.correction", old.correction, new.correction)


def _deidentified(d: Changes, path: str, old: Any, new: Any) -> None:
    d.commitment(f"{path}.permitted", old.permitted, new.permitted, burden=True,
                 note="the vendor may use de-identified data")
    d.commitment(f"{path}.reidentification_prohibited", old.reidentification_prohibited,
                 new.reidentification_prohibited)
    d.commitment(f"{path}.transfer_prohibited", old.transfer_prohibited, new.transfer_prohibited)
    d.members(f"{path}.purposes", old.purposes, new.purposes, added=Impact.EXPANDED, removed=Impact.NARROWED,
              note=lambda item: "a use of de-identified data")


def _storage(d: Changes, path: str, old: Any, new: Any) -> None:
    d.ranked(f"{path}.location", old.location, new.location, _STORAGE_RANK.__getitem__,
             render=lambda v: "no limit stated" if v is None else v.replace("_", " "),
             note_worse="the data may be stored in more places", note_better="the data is kept closer to home")
    d.members(f"{path}.countries", old.countries, new.countries, added=Impact.EXPANDED, removed=Impact.NARROWED,
              note=lambda code: "a country where the data may be stored")


def _confidentiality(d: Changes, path: str, old: Any, new: Any) -> None:
    for term in ("employees_bound", "training_required", "access_limited_to_need"):
        d.commitment(f"{path}.{term}", getattr(old, term), getattr(new, term))


def _sale_or_merger(d: Changes, path: str, old: Any, new: Any) -> None:
    d.commitment(f"{path}.notice_to_district", old.notice_to_district, new.notice_to_district)
    if old.notice != new.notice:
        # The format does not say whether the period runs before or after the sale, so a
        # longer one is neither better nor worse until someone reads the clause.
        d.add(Impact.CHANGED, f"{path}.notice", str(old.notice or "not stated"), str(new.notice or "not stated"),
              "read the clause: notice before the sale or after it")
    d.commitment(f"{path}.successor_bound", old.successor_bound, new.successor_bound)
    d.commitment(f"{path}.data_may_transfer", old.data_may_transfer, new.data_may_transfer, burden=True,
                 note="the data may pass to the buyer or successor")


def _termination(d: Changes, path: str, old: Any, new: Any) -> None:
    for term in ("for_material_breach", "by_district_for_convenience", "no_termination_fee"):
        d.commitment(f"{path}.{term}", getattr(old, term), getattr(new, term))


def state_terms(d: Changes, path: str, old: Any, new: Any) -> None:
    """A state rider's structured terms (model.state_terms.StateRiderTerms)."""
    if old is None and new is None:
        return
    if old is None or new is None:
        d.add(Impact.STRENGTHENED if old is None else Impact.WEAKENED, f"{path}.terms",
              None if old is None else "stated", None if new is None else "stated")
        return
    for term in ("no_sale", "no_targeted_advertising", "parents_bill_of_rights", "prohibited_elements_excluded"):
        d.commitment(f"{path}.terms.{term}", getattr(old, term), getattr(new, term))
    d.duration(f"{path}.terms.breach_window", old.breach_window, new.breach_window)
    trigger(d, f"{path}.terms.breach_trigger", old.breach_trigger, new.breach_trigger)


#: Clause name -> how its terms are compared, in the format's order.
CLAUSE_TERMS: dict[str, Callable[[Changes, str, Any, Any], None]] = {
    "ownership": _ownership,
    "breach_notification": _breach,
    "audit": _audit,
    "data_use": _data_use,
    "disposal": _disposal,
    "security": _security,
    "subprocessors": _subprocessors,
    "legal_compliance": _legal,
    "precedence": _precedence,
    "parent_access": _parent_access,
    "deidentified_data": _deidentified,
    "storage": _storage,
    "confidentiality": _confidentiality,
    "sale_or_merger": _sale_or_merger,
    "termination": _termination,
}

__all__ = ["CLAUSE_TERMS", "state_terms", "trigger"]
