"""Model-clause drafting shared by the built-in rules and the shipped state packs.

Each rule's :meth:`~dpa_policy.rule.Rule.model_clause` builds contract language from its
resolved options; the sentences that recur (a breach-notice deadline, the data-use
prohibitions, disposal on request, a bound subprocessor...) are written once here, in the
NDPA's defined terms: "Provider", "LEA", "Student Data". Numbers come only from the options
passed in, written in words and numerals (:mod:`dpa_policy.model.contract_words`); nothing
here states a legal number of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from ..model.contract_words import duration_words, listing
from ..model.vocabulary import LAWS, SECURITY_FRAMEWORKS

if TYPE_CHECKING:  # pragma: no cover
    from ..model.duration import Duration

#: Breach-notice triggers from earliest to latest, and how a clause names each.
TRIGGER_ORDER = ("incident", "discovery", "confirmation", "determination")
TRIGGER_PHRASES = {
    "incident": "the occurrence of the Security Breach",
    "discovery": "Provider's discovery of the Security Breach",
    "confirmation": "Provider's confirmation of the Security Breach",
    "determination": "Provider's determination that a Security Breach has occurred",
}

BREACH_DEFINITION = ('any unauthorized access to, or acquisition, use or disclosure of, Student Data '
                     '(a "Security Breach")')

#: What a breach notice contains, as a contract lists it.
CONTENT_PHRASES = {
    "reporter_contact": "the name and contact information of the person reporting the Security Breach",
    "information_types": "the types of personal information reasonably believed to have been involved",
    "breach_date": "the date, the estimated date, or the date range of the Security Breach",
    "notice_date": "the date of the notice",
    "law_enforcement_delay": "whether the notice was delayed because of a law enforcement investigation",
    "incident_description": "a general description of the Security Breach",
    "affected_count": "the number of students and other individuals affected",
    "remediation_steps": "the steps Provider has taken and will take to contain the Security Breach and prevent "
                         "it from happening again",
}

#: The data-use prohibitions, each as the act a clause forbids.
PROHIBITION_PHRASES = {
    "sale": "sell, rent, or trade Student Data",
    "targeted_advertising": "use Student Data, or information derived from it, to inform, influence, or enable "
                            "targeted advertising",
    "marketing": "use Student Data to market products or services to students or their families",
    "non_educational_profiling": "use Student Data to build a profile of a student for any purpose other than "
                                 "providing the services to the LEA",
    "commercial_product_development": "use Student Data to develop commercial products or services",
}


def enumerate_items(items: Iterable[str], conjunction: str = "and") -> str:
    """["x", "y", "z"] -> "(a) x; (b) y; and (c) z", the way a contract lists duties."""
    items = list(items)
    if len(items) == 1:
        return items[0]
    marked = [f"({chr(ord('a') + i)}) {item}" for i, item in enumerate(items)]
    return "; ".join(marked[:-1]) + f"; {conjunction} " + marked[-1]


def latest_trigger(accepted: Iterable[str]) -> str:
    """The latest event the policy accepts as the start of the notice clock: the clause a
    vendor is likeliest to sign that still meets the policy."""
    accepted = set(accepted)
    return max((t for t in TRIGGER_ORDER if t in accepted), key=TRIGGER_ORDER.index)


def breach_notice(window: "Duration", trigger: str, recipient: str = "the LEA") -> str:
    return (f"Provider shall notify {recipient} in writing of {BREACH_DEFINITION} within "
            f"{duration_words(window)} of {TRIGGER_PHRASES[trigger]}.")


def prohibitions(names: Iterable[str]) -> str:
    names = list(dict.fromkeys(names))
    return "Provider shall not " + enumerate_items((PROHIBITION_PHRASES[n] for n in names), "or") + "."


#: Where a law asks the contract to state a period but the policy sets no number: the parties fill it in.
BLANK_PERIOD = "[number] calendar days"


def disposal(when: str, within: "Duration | None") -> str:
    """Disposal ``when`` is "on_request" or "at_termination"; ``within`` None sets no number."""
    if when == "on_request":
        if within is None:
            return ("Upon the LEA's written request, Provider shall dispose of the Student Data it holds, or "
                    "return it to the LEA, and shall not keep any copy.")
        return (f"Within {duration_words(within)} of the LEA's written request, Provider shall dispose of the "
                "Student Data it holds, or return it to the LEA, and shall not keep any copy.")
    if within is None:
        return ("When this Agreement terminates or expires, Provider shall dispose of all Student Data obtained "
                "under it, after giving the LEA reasonable prior notice, and shall keep no copy.")
    return (f"Within {duration_words(within)} after this Agreement terminates or expires, Provider shall dispose "
            "of all Student Data obtained under it and shall keep no copy.")


def written_certification(what: str = "that the Student Data has been disposed of") -> str:
    return f"Provider shall certify to the LEA in writing, signed by an authorized officer, {what}."


def disclosure(allow_subprocessors: bool = True) -> str:
    text = "Provider shall not disclose Student Data to any third party without the LEA's prior written consent"
    if allow_subprocessors:
        text += (", except to its Subprocessors, and then only as needed to provide the services and only to a "
                 "Subprocessor bound by written agreement to terms no less stringent than this Agreement")
    return text + "."


SUBPROCESSORS_BOUND = ("Provider shall bind each Subprocessor that receives or has access to Student Data, by "
                       "written agreement, to protect Student Data in a manner no less stringent than this "
                       "Agreement requires, and shall remain responsible to the LEA for each Subprocessor's "
                       "performance.")


def _law_name(key: str) -> str:
    # "FERPA (...)" reads alone; "Colorado Student Data ... Act" needs its article.
    label = LAWS[key]
    return f"the {label}" if (" Act" in label or " law " in label) and not label.split()[0].isupper() else label


def laws(keys: Iterable[str]) -> str:
    names = listing(_law_name(k) for k in dict.fromkeys(keys))
    return ("Provider shall comply with all federal and state laws that apply to Student Data and its privacy "
            f"and security, including {names}.")


def frameworks(keys: Iterable[str]) -> str:
    keys = list(dict.fromkeys(keys))
    names = [SECURITY_FRAMEWORKS[k] for k in keys]
    which = names[0] if len(names) == 1 else "at least one of the following: " + listing(names, "or")
    return f"Provider shall maintain a written information security program that follows {which}."


def encryption(at_rest: bool, in_transit: bool) -> str:
    where = listing([w for flag, w in ((at_rest, "at rest"), (in_transit, "in transit")) if flag])
    return f"Provider shall encrypt Student Data {where}, using encryption consistent with current industry standards."


#: One sentence per yes/no term a rule requires, keyed "clause.term".
TERM_SENTENCES = {
    "ownership.district_owns": "All Student Data provided to or collected by Provider under this Agreement is and "
                               "remains the property of the LEA.",
    "ownership.district_controls": "Student Data remains under the direct control of the LEA at all times.",
    "ownership.vendor_rights_limited_to_service": "Provider shall use Student Data only to provide the services "
                                                  "under this Agreement and acquires no other right, title, license, "
                                                  "or interest in it.",
    "parent_access.parents_may_review": "A parent or legal guardian may review their child's Student Data held by "
                                        "Provider, through the LEA, and Provider shall help the LEA answer each such "
                                        "request.",
    "parent_access.correction": "Provider shall correct Student Data that a parent or legal guardian shows to be "
                                "inaccurate, as the LEA directs.",
    "confidentiality.employees_bound": "Provider shall designate the employees who may access Student Data and "
                                       "bind each of them in writing to keep it confidential.",
    "confidentiality.training_required": "Provider shall train each such employee in protecting the privacy and "
                                         "security of Student Data before giving access to it.",
    "confidentiality.access_limited_to_need": "Provider shall give access to Student Data only to employees who "
                                              "need it to provide the services.",
    "audit.district_may_audit": "The LEA, or a third party it designates, may audit Provider's compliance with the "
                                "privacy and security terms of this Agreement, and Provider shall cooperate with "
                                "each audit.",
    "subprocessors.bound_no_less_stringent": SUBPROCESSORS_BOUND,
    "termination.for_material_breach": "The LEA may terminate this Agreement by written notice if Provider "
                                       "materially breaches it, including any breach of its privacy or security "
                                       "terms.",
    "termination.no_termination_fee": "The LEA owes no termination fee or other charge when it terminates this "
                                      "Agreement because Provider breached its privacy or security terms.",
}


def terms(clause: str, names: Iterable[str]) -> str:
    """The sentences for ``clause``'s required yes/no ``names``, in order."""
    return " ".join(TERM_SENTENCES[f"{clause}.{name}"] for name in names)
