"""``compare(old, new)``: every change between two versions of an agreement, term by term
through the models (never as text), each classified by :mod:`.classify`; how each clause's
terms are judged is :mod:`.clauses`, and what a clause's words say beside them is
:mod:`.wording`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .classify import Change, Changes, Impact
from .clauses import CLAUSE_TERMS, state_terms
from .wording import normalized, number_change, phrases

if TYPE_CHECKING:  # pragma: no cover
    from ..model.agreement import Agreement

__all__ = ["Change", "Impact", "compare"]

_SUBJECTS = ("student", "parent_guardian", "staff")
# A change to one of these is where the clause sits or came from, not what it says.
_LOCATION_KEYS = (".citation", ".page")


def compare(old: "Agreement", new: "Agreement") -> list[Change]:
    """Every change from ``old`` to ``new``, weakened first, then in document order."""
    d = Changes()
    d.tree("id", old.id, new.id)
    d.tree("title", old.title, new.title)
    d.tree("parties", old.parties.model_dump(mode="json"), new.parties.model_dump(mode="json"))
    _products(d, old, new)
    _term(d, old, new)
    _data(d, old, new)
    for name, terms in CLAUSE_TERMS.items():
        _clause(d, f"clauses.{name}", getattr(old.clauses, name), getattr(new.clauses, name), terms)
    _state_terms(d, old, new)
    d.members("attachments", [_attachment(a) for a in old.attachments], [_attachment(a) for a in new.attachments],
              added=Impact.CHANGED, removed=Impact.CHANGED)
    # What the district recorded since signing, and where the record came from: facts, not terms.
    for key in ("records", "source"):
        d.tree(key, _dump(getattr(old, key)), _dump(getattr(new, key)))
    _review(d, old.review, new.review)
    return sorted(d.items, key=lambda c: (c.impact, c.order))


def _dump(model: Any) -> Any:
    return None if model is None else model.model_dump(mode="json")


def _products(d: Changes, old: "Agreement", new: "Agreement") -> None:
    olds = {p.name: p.model_dump(mode="json") for p in old.products}
    news = {p.name: p.model_dump(mode="json") for p in new.products}
    d.members("products", list(olds), list(news), added=Impact.CHANGED, removed=Impact.CHANGED)
    for name, product in olds.items():
        if name in news:
            for key in ("description", "website"):
                d.tree(f"products[{name}].{key}", product.get(key), news[name].get(key))


def _term(d: Changes, old: "Agreement", new: "Agreement") -> None:
    """Dates, governing law and template are facts about the agreement, neutral; the renewal
    notice is the one term that binds the district: a longer one means acting earlier to stop
    an automatic renewal."""
    was, now = old.term.model_dump(mode="json"), new.term.model_dump(mode="json")
    was_notice = old.term.renewal.notice if old.term.renewal is not None else None
    now_notice = new.term.renewal.notice if new.term.renewal is not None else None
    for side in (was, now):
        if isinstance(side.get("renewal"), dict):
            side["renewal"].pop("notice", None)
    before = len(d.items)
    d.tree("term", was, now)
    notes = {"term.governing_state": "each version is checked with its own state's rules",
             "term.terminated": "the agreement ended early: its data must now be returned or disposed of"}
    d.items[before:] = [c._replace(note=notes[c.path]) if c.path in notes else c for c in d.items[before:]]
    if was_notice != now_notice:
        d.duration("term.renewal.notice", was_notice, now_notice, unstated_is_best=True)
        last = d.items[-1]
        d.items[-1] = last._replace(note="; ".join(filter(None, [last.note, "notice the district gives to stop a renewal"])))


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
                           ("other_elements", _other_element_note),
                           ("purposes", lambda item: "")):
            d.members(f"{path}.{term}", getattr(before, term, None) or [], getattr(after, term, None) or [],
                      added=Impact.EXPANDED, removed=Impact.NARROWED, note=note)


def _other_element_note(text: str) -> str:
    """A free-text element in a sensitive category says so, by DPA403's words for them
    (health, disability, biometric data, precise geolocation...)."""
    from ..rules.minimisation import TOPICS

    topics = [topic.label for topic in TOPICS.values() if topic.words.search(text)]
    return ("sensitive: " + " or ".join(topics) + "; " if topics else "") + "free text, not in the vocabulary"


def _clause(d: Changes, path: str, old: Any, new: Any, terms: Any) -> None:
    if old is None and new is None:
        return
    if new is None:
        d.add(Impact.WEAKENED, path, f"the clause ({old.citation})", None)
        return
    if old is None:
        d.add(Impact.STRENGTHENED, path, None, f"the clause ({new.citation})")
        return
    before = len(d.items)
    terms(d, path, old, new)
    _location_and_words(d, path, old, new, d.items[before:])


def _location_and_words(d: Changes, path: str, old: Any, new: Any, recorded: list[Change]) -> None:
    """Citation and page (neutral), then the words: a number the words changed that no
    recorded term did is REVIEW; other rewording with no term changed is neutral."""
    for key in ("citation", "page"):
        d.tree(f"{path}.{key}", getattr(old, key, None), getattr(new, key, None))
    if normalized(old.text) == normalized(new.text):
        return
    structured = [c for c in recorded if not c.path.endswith(_LOCATION_KEYS)]
    moved = number_change(old.text, new.text)
    # A recorded term that carries a number (a window, a count) changed: the words followed it.
    if moved and not any(any(ch.isdigit() for ch in f"{c.old}{c.new}") for c in structured):
        d.add(Impact.REVIEW, f"{path}.text", *phrases(old.text, new.text)[:2],
              "no recorded term changed with it: correct the record or the clause",
              summary=f"the wording changes a number: {moved}")
    elif not structured:
        was, now, summary = phrases(old.text, new.text)
        d.add(Impact.CHANGED, f"{path}.text", was, now,
              "no structured term changed; counsel should read the clause", summary=f"wording changed: {summary}")


def _state_terms(d: Changes, old: "Agreement", new: "Agreement") -> None:
    """State riders by state: one added is strengthened, one removed weakened; the terms of
    one in both are compared as clauses are (the first rider for a state, as packs read it)."""
    olds, news = {}, {}
    for riders, side in ((old.state_terms, olds), (new.state_terms, news)):
        for rider in riders:
            side.setdefault(rider.state, rider)
    for state in dict.fromkeys([*olds, *news]):
        path = f"state_terms[{state}]"
        was, now = olds.get(state), news.get(state)
        if was is None or now is None:
            d.add(Impact.STRENGTHENED if was is None else Impact.WEAKENED, path,
                  None if was is None else f"the {state} state terms ({was.citation})",
                  None if now is None else f"the {state} state terms ({now.citation})")
            continue
        before = len(d.items)
        d.tree(f"{path}.statute", was.statute, now.statute)
        state_terms(d, path, was.terms, now.terms)
        _location_and_words(d, path, was, now, d.items[before:])


def _review(d: Changes, old: Any, new: Any) -> None:
    """Whether a person confirmed the record against the contract: losing that is weakened
    (the checker now judges words nobody has checked), gaining it strengthened."""
    was = old.status if old is not None else None
    now = new.status if new is not None else None
    if (was == "confirmed") != (now == "confirmed"):
        d.add(Impact.STRENGTHENED if now == "confirmed" else Impact.WEAKENED, "review.status",
              was or "not stated", now or "not stated",
              "confirmed against the contract" if now == "confirmed" else "no longer confirmed against the contract")
    elif was != now:
        d.add(Impact.CHANGED, "review.status", was or "not stated", now or "not stated")
    for key in ("reviewer", "reviewed_on"):
        d.tree(f"review.{key}", _show(getattr(old, key, None)), _show(getattr(new, key, None)))


def _show(value: Any) -> Any:
    return None if value is None else str(value)
