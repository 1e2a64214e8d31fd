"""The clearinghouse as plain data: which agreements are published (and why each other one is
left out), and one entry per agreement and product built from the agreement's own structured
terms: elements listed under the subject they describe, purposes per subject, the data-use
prohibitions and the disposal terms in plain words (the NIST SP 800-88 level a method really
reaches, from :mod:`dpa_policy.model.sanitization`).

What the JSON feed holds and the HTML page shows; nothing here escapes or renders.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from .words import (
    CARVE_OUTS,
    LEVELS,
    MEDIA,
    METHODS,
    MODELS,
    PROHIBITIONS,
    REDISCLOSURE,
    STANDARDS,
    plain_date,
    slug,
)

if TYPE_CHECKING:  # pragma: no cover
    from ...core.report import AgreementResult, RunReport
    from ...model.agreement import Agreement, Product

FEED_FORMAT = "dpa-policy-clearinghouse"
FEED_VERSION = 1


# ------------------------------------------------------------------------------ selection
class LeftOut(NamedTuple):
    path: str
    reason: str
    #: Named on the command line (not found in a folder): leaving it out fails the run.
    explicit: bool
    agreement_id: str | None = None


def blocking_codes(result: "AgreementResult", fail_on) -> list[str]:
    """Codes of the counted (not waived) violations at or above ``fail_on``, sorted."""
    return sorted({f.code for f in result.iter_findings() if f.severity >= fail_on and f.counts and not f.needs_review})


def select(report: "RunReport", explicit: set[str],
           as_of: "datetime.date | None" = None) -> tuple[list["AgreementResult"], list[LeftOut]]:
    """Split the run's agreements into those to publish and those left out (with why): only
    an agreement that loads, was fully checked, is in effect on ``as_of`` (default: the
    run's) and passes, with nothing left for a person to review, is published."""
    from ...core.report import FAIL, INCOMPLETE, NEEDS_REVIEW
    from ...rule import today

    as_of = as_of or report.as_of or today()
    crashed: dict[str, list[str]] = {}
    for crash in report.crashes:
        crashed.setdefault(crash.file, []).append(crash.code)
    incomplete = report.incomplete_paths()
    published, left_out = [], []
    for result in report.results:
        named = result.path in explicit
        verdict = report.verdict(result, incomplete)
        summary = result.summary
        if summary is None:
            codes = ", ".join(sorted({f.code for f in result.iter_findings()})) or "unknown"
            left_out.append(LeftOut(result.path, f"did not load: {codes}", named))
        elif verdict == INCOMPLETE:
            left_out.append(LeftOut(result.path, "a rule crashed: " + ", ".join(sorted(set(crashed[result.path]))),
                                    named, summary.id))
        elif (ended := _not_in_effect(result, as_of)) is not None:
            # Whatever the policy says of DPA111: parents must never see an agreement that has
            # ended, or not begun, as one that protects their child's data.
            left_out.append(LeftOut(result.path, f"not in effect on {as_of}: {ended}", named, summary.id))
        elif verdict == FAIL:
            left_out.append(LeftOut(result.path, "fails " + ", ".join(blocking_codes(result, report.fail_on)),
                                    named, summary.id))
        elif verdict == NEEDS_REVIEW:
            codes = sorted({f.code for f in result.iter_findings()
                            if f.counts and f.needs_review and f.severity >= report.fail_on})
            left_out.append(LeftOut(result.path, "needs legal review: " + ", ".join(codes), named, summary.id))
        else:
            published.append(result)
    return published, left_out


def _not_in_effect(result: "AgreementResult", as_of: "datetime.date") -> str | None:
    """Why the agreement is not in effect on ``as_of``, or None when it is: from the run's
    summary when the run judged the same date (no need to read the file again), else from
    the agreement itself."""
    from ...model.lifecycle import IN_EFFECT, describe, status

    summary = result.summary
    if summary is not None and summary.as_of == as_of:
        return summary.term_note
    term = result.agreement.term
    return None if status(term, as_of) == IN_EFFECT else describe(term, as_of)


# ------------------------------------------------------------------------------ the model
def build_page(report: "RunReport", published: list["AgreementResult"], tool_version: str = "",
               as_of: "datetime.date | None" = None) -> dict[str, Any]:
    """The clearinghouse as plain data: what the JSON feed holds and the HTML shows, as of
    ``as_of`` (default: the run's date): the page lists the agreements in effect that day."""
    from ...rule import today

    as_of = as_of or report.as_of or today()
    entries = []
    for result in published:
        waived = _waived(result)
        for product in result.agreement.products:
            entries.append(_entry(result.path, result.agreement, product, waived))
    # By vendor, as parents look a company up; then its products, then a stable tie-break.
    entries.sort(key=lambda e: (e["vendor"]["name"].casefold(), e["vendor"]["name"],
                                e["product"]["name"].casefold(), e["product"]["name"], e["agreement"]["id"], e["source"]))
    taken: set[str] = set()
    for entry in entries:  # a stable, unique fragment per entry: #clever-mdcps-ndpa-2026-0008
        base = slug(f"{entry['product']['name']} {entry['agreement']['id']}") or "entry"
        anchor, n = base, 1
        while anchor in taken or anchor == "main" or anchor == "contents-heading":
            n += 1
            anchor = f"{base}-{n}"
        taken.add(anchor)
        entry["anchor"] = anchor
    districts = {(e["district"]["name"], e["district"]["state"]) for e in entries}
    district = None
    if len(districts) == 1:
        first = next(r.agreement.parties.district for r in published)
        contact = first.contact
        district = {
            "name": first.name,
            "state": first.state,
            "website": first.website,
            "contact": None if contact is None else {
                "name": contact.name, "email": contact.email, "phone": contact.phone,
            },
        }
    return {
        "format": FEED_FORMAT,
        "format_version": FEED_VERSION,
        "generated_from": {
            "tool": "dpa-policy",
            "tool_version": tool_version,
            "policy": report.policy.name,
            "fail_on": str(report.fail_on),
            "waivers": report.waivers_source,
            "agreements_checked": len(report.results),
            "agreements_published": len(published),
        },
        # The day the page is true of: agreements in effect and passing on this date.
        "as_of": as_of.isoformat(),
        "district": district,
        "entries": entries,
    }


def _waived(result: "AgreementResult") -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for finding in result.iter_findings():
        if finding.waiver is None:
            continue
        expires = finding.waiver.entry.expires.isoformat()
        if finding.code not in seen or expires < seen[finding.code]["expires"]:  # the earliest expiry
            seen[finding.code] = {"code": finding.code, "slug": finding.slug, "expires": expires}
    return [seen[code] for code in sorted(seen)]


def _entry(path: str, agreement: "Agreement", product: "Product", waived: list[dict[str, str]]) -> dict[str, Any]:
    vendor, district, term = agreement.parties.vendor, agreement.parties.district, agreement.term
    website = product.website or vendor.website
    if term.expires is not None:
        term_text = f"In effect from {plain_date(term.effective)} to {plain_date(term.expires)}."
    else:
        term_text = f"In effect from {plain_date(term.effective)}; the agreement states no end date."
    model = MODELS[term.model]
    return {
        "anchor": "",
        "source": path,
        "agreement": {
            "id": agreement.id,
            "title": agreement.title,
            "effective": term.effective.isoformat(),
            "expires": term.expires.isoformat() if term.expires else None,
            "governing_state": term.governing_state,
            "model": term.model,
            "model_version": term.model_version,
            "term_text": term_text,
            "model_text": f"Based on {model}" + (f", version {term.model_version}." if term.model_version else "."),
            "waived": waived,
        },
        "district": {"name": district.name, "state": district.state},
        "vendor": {"name": vendor.name, "website": vendor.website},
        "product": {"name": product.name, "description": product.description, "website": product.website},
        "data_shared": _data_shared(agreement),
        "data_use": _data_use(agreement),
        "destruction": _destruction(agreement),
        "links": {
            "privacy_policy": vendor.privacy_policy,
            "terms_of_service": vendor.terms_of_service,
            "website": website,
        },
    }


def _data_shared(agreement: "Agreement") -> list[dict[str, Any]]:
    from ...model.vocabulary import ELEMENTS, SUBJECT_LABELS, SUBJECTS

    groups = []
    for subject in SUBJECTS:
        group = getattr(agreement.data, subject)
        if group is None:
            continue
        categories: dict[str, dict[str, Any]] = {}
        # The agreement's order (its author lists names first, identifiers next...), grouped
        # by Exhibit B category in order of first appearance; duplicates listed once.
        for key in dict.fromkeys(group.elements):
            element = ELEMENTS[key]
            category = categories.setdefault(element.category_label, {"label": element.category_label, "elements": []})
            category["elements"].append({"key": key, "label": element.label, "sensitive": element.sensitive})
        groups.append({
            "subject": subject,
            "label": SUBJECT_LABELS[subject],
            "categories": list(categories.values()),
            "other_elements": list(group.other_elements),
            "purposes": list(group.purposes),
        })
    return groups


def _data_use(agreement: "Agreement") -> dict[str, Any] | None:
    clause = agreement.clauses.data_use
    if clause is None:
        return None
    rules = []
    for name, (prohibited, allowed, silent) in PROHIBITIONS.items():
        value = None if clause.prohibits is None else getattr(clause.prohibits, name)
        status = "prohibited" if value is True else "allowed" if value is False else "not stated"
        rules.append({"use": name, "status": status,
                      "text": prohibited if value is True else allowed if value is False else silent})
    return {
        "permitted_purposes": list(clause.permitted_purposes),
        "limits": rules,
        "redisclosure": {"value": clause.redisclosure, "text": REDISCLOSURE[clause.redisclosure]},
        "also_allowed": [{"carve_out": c, "text": CARVE_OUTS[c]} for c in clause.carve_outs],
        "citation": clause.citation,
        "text": clause.text,
    }


def _destruction(agreement: "Agreement") -> dict[str, Any] | None:
    from ...model.sanitization import effective

    clause = agreement.clauses.disposal
    if clause is None:
        return None
    when = []
    for term, label, asked, promptly in (
        ("on_request", "When the district asks", "after the district asks",
         "Promptly after the district asks; the agreement sets no number of days."),
        ("at_termination", "When the agreement ends", "after the agreement ends",
         "Promptly after the agreement ends; the agreement sets no number of days."),
    ):
        window = getattr(clause, term)
        if window is None:
            text = "The agreement does not provide for it."
        elif window.within is None:
            text = promptly
        else:
            text = f"Within {window.within} {asked}."
        when.append({"term": term, "label": label,
                     "within": None if window is None or window.within is None else str(window.within),
                     "text": text})
    methods = []
    for entry in clause.sanitization:
        level = effective(entry)
        how = METHODS[entry.method]
        if entry.standard:
            how += f", following {STANDARDS[entry.standard]}"
        methods.append({
            "media": entry.media, "method": entry.method, "standard": entry.standard,
            "level_claimed": entry.level, "level_reached": level,
            "media_text": MEDIA[entry.media], "method_text": how + ".", "level_text": LEVELS[level],
        })
    notes = []
    if clause.return_before_disposal is True:
        notes.append("The company first returns the data to the district, then destroys its copies.")
    if not clause.sanitization:
        notes.append("The agreement does not say how the data is erased.")
    if clause.written_certification is True:
        notes.append("The company must confirm in writing that the data was destroyed.")
    elif clause.written_certification is False:
        notes.append("The agreement does not require the company to confirm the destruction in writing.")
    else:
        notes.append("The agreement does not say whether the company confirms the destruction in writing.")
    return {
        "when": when,
        "return_before_disposal": clause.return_before_disposal,
        "methods": methods,
        "written_certification": clause.written_certification,
        "notes": notes,
        "citation": clause.citation,
        "text": clause.text,
    }
