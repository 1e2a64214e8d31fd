"""``dpa-policy publish``: the parent-facing data sharing clearinghouse.

Districts vet vendors in order to publish them: a public page that tells parents, for each
approved product, what data is shared with it, how that data may be used and when and how it
is destroyed (the seeds' "Instructional Technology Data Sharing Clearinghouse"). This module
builds that page from the same run as ``dpa-policy check``:

1. the check runs (the CLI's pipeline: policy, state packs, waivers);
2. only agreements that pass (no counted finding at or above ``--fail-on``; waived findings
   do not count) are published; every other one is left out with its reason;
3. a page model is built, one entry per agreement and product, from the agreements' own
   structured terms: elements listed under the subject they describe (the model rejects an
   element under the wrong subject), purposes per subject, the data-use prohibitions and the
   disposal terms in plain words (the NIST SP 800-88 level a method really reaches, from
   :mod:`dpa_policy.rules.disposal`);
4. ``index.html`` (no JavaScript, inline CSS, a Content-Security-Policy that forbids scripts)
   and ``clearinghouse.json`` (the same entries, versioned) are rendered, and only then
   written, each atomically. Output is deterministic: no timestamps, stable ordering, so
   publishing unchanged agreements again gives byte-identical files.

Every text from an agreement is escaped (Jinja2 autoescape); only http(s) URLs become links.

Importing this module is cheap (the CLI builds its parser from it); Jinja2 and the models are
imported when a page is built.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from .errors import UsageError
from .report import ExitCode

if TYPE_CHECKING:  # pragma: no cover
    import datetime

    from .model.agreement import Agreement, Product
    from .report import AgreementResult, RunReport

FEED_FORMAT = "dpa-policy-clearinghouse"
FEED_VERSION = 1
HTML_NAME = "index.html"
FEED_NAME = "clearinghouse.json"
TEMPLATES = Path(__file__).parent / "publish_templates"

DESCRIPTION = """\
Build the district's public data sharing clearinghouse: a page for parents listing each
approved product, the data shared with it (student, parent/guardian and staff data kept
apart), how that data may be used, when and how it is destroyed, and links to the vendor's
privacy policy, terms and website; plus a JSON feed of the same entries.

The agreements are checked exactly as `dpa-policy check` checks them. Only agreements that
pass (or whose failing findings are all waived) are published; each one left out is listed
with its reason. DIR gets index.html and clearinghouse.json, written only once everything
has been rendered."""

EPILOG = """\
exit codes:
  0  the page was built; agreements found in folders that fail are left out (and listed)
     without changing the exit code
  1  an agreement named explicitly on the command line fails or cannot be loaded:
     nothing is written (DIR is left as it was)
  2  the run could not be set up: --out missing, DIR is a file or cannot be created, bad
     flag, invalid policy or waivers file, plugin failure, path not found, no agreement
     file found (unless --allow-empty), or DIR is inside a folder being checked or holds
     an input (an agreement, the policy, the waivers file)
  3  internal error: a rule crashed, or dpa-policy itself failed: nothing is written
"""


def add_parser(sub: Any, parents: list[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register ``publish`` on the CLI's subcommand parsers."""
    parser = sub.add_parser(
        "publish", help="build the public data sharing clearinghouse page (HTML and JSON) from passing agreements",
        description=DESCRIPTION, epilog=EPILOG, parents=parents,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # PATH..., --fail-on, --allow-empty, --waivers and --as-of come from the CLI's shared run
    # options: a failing file named explicitly fails the run, one found in a folder is left out.
    parser.add_argument("--out", required=True, metavar="DIR",
                        help=f"folder to write {HTML_NAME} and {FEED_NAME} to (created if missing)")
    return parser


# ------------------------------------------------------------------------------ selection
class LeftOut(NamedTuple):
    path: str
    reason: str
    #: Named on the command line (not found in a folder): leaving it out fails the run.
    explicit: bool
    agreement_id: str | None = None


def blocking_codes(result: "AgreementResult", fail_on) -> list[str]:
    """Codes of the counted (not waived) findings at or above ``fail_on``, sorted."""
    return sorted({f.code for f in result.findings if f.severity >= fail_on and f.counts})


def select(report: "RunReport", explicit: set[str]) -> tuple[list["AgreementResult"], list[LeftOut]]:
    """Split the run's agreements into those to publish and those left out (with why)."""
    crashed: dict[str, list[str]] = {}
    for crash in report.crashes:
        crashed.setdefault(crash.file, []).append(crash.code)
    published, left_out = [], []
    for result in report.results:
        named = result.path in explicit
        if result.agreement is None:
            codes = ", ".join(sorted({f.code for f in result.findings})) or "unknown"
            left_out.append(LeftOut(result.path, f"did not load: {codes}", named))
        elif result.path in crashed:
            left_out.append(LeftOut(result.path, "a rule crashed: " + ", ".join(sorted(set(crashed[result.path]))),
                                    named, result.agreement.id))
        elif not result.passed(report.fail_on):
            left_out.append(LeftOut(result.path, "fails " + ", ".join(blocking_codes(result, report.fail_on)),
                                    named, result.agreement.id))
        else:
            published.append(result)
    return published, left_out


# ---------------------------------------------------------------------------- plain words
LINK_LABELS = {"privacy_policy": "Privacy policy", "terms_of_service": "Terms of service", "website": "Website"}

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")

# (prohibited, allowed, not stated) for each data-use prohibition, in the page's order.
_PROHIBITIONS: dict[str, tuple[str, str, str]] = {
    "sale": ("Never sold.", "May be sold: the agreement allows it.",
             "The agreement does not say whether the data may be sold."),
    "targeted_advertising": ("Not used for targeted advertising.",
                             "May be used for targeted advertising: the agreement allows it.",
                             "The agreement does not say whether the data may be used for targeted advertising."),
    "marketing": ("Not used to market products to students or families.",
                  "May be used to market products to students or families: the agreement allows it.",
                  "The agreement does not say whether the data may be used to market products to students "
                  "or families."),
    "non_educational_profiling": ("Not used to build a profile of a student for anything but school purposes.",
                                  "May be used to build profiles for purposes other than school: the agreement "
                                  "allows it.",
                                  "The agreement does not say whether the data may be used to build profiles "
                                  "for purposes other than school."),
    "commercial_product_development": ("Not used to develop commercial products.",
                                       "May be used to develop commercial products: the agreement allows it.",
                                       "The agreement does not say whether the data may be used to develop "
                                       "commercial products."),
}

_REDISCLOSURE = {
    "prohibited_without_consent": "Not passed on to anyone else without consent.",
    "to_subprocessors_only": "Passed on only to the company's own service providers, who are bound by the same terms.",
    "permitted": "May be passed on to others: the agreement allows it.",
    None: "The agreement does not say whether the data may be passed on to others.",
}

_CARVE_OUTS = {
    "adaptive_learning": "Adjusting lessons and practice to each student's answers (adaptive learning).",
    "contextual_advertising": "Advertising based only on what is on the screen, not on who the student is "
                              "(contextual advertising).",
    "product_notices_to_account_holders": "Notices about the product to the people who hold an account.",
    "recommendations_to_staff": "Recommendations to the student's teachers and school staff.",
}

_MEDIA = {
    "magnetic": "Hard drives and tapes (magnetic media)",
    "flash": "Solid-state drives and flash storage",
    "optical": "CDs and DVDs (optical media)",
    "paper": "Paper records",
    "unspecified": "Any storage (the agreement does not say which)",
}

_METHODS = {
    "delete": "Deleting the files",
    "factory_reset": "Resetting the device to factory settings",
    "single_pass_overwrite": "Overwriting the data once",
    "multi_pass_overwrite": "Overwriting the data several times",
    "ata_secure_erase": "The drive's built-in Secure Erase command",
    "block_erase": "The drive's built-in sanitize (block erase) command",
    "cryptographic_erase": "Cryptographic erase: destroying the keys the data is encrypted with",
    "degauss": "Degaussing: erasing the media with a strong magnet",
    "shred": "Shredding",
    "disintegrate": "Disintegrating the media",
    "pulverize": "Pulverizing the media",
    "incinerate": "Burning the media",
    "melt": "Melting the media",
}

_LEVELS = {
    "destroy": "NIST Destroy: the storage itself is destroyed, so nothing can be recovered.",
    "purge": "NIST Purge: the data cannot be recovered, even with laboratory tools.",
    "clear": "NIST Clear: safe from ordinary recovery tools, but not from laboratory recovery.",
    None: "No NIST SP 800-88 level: the data may still be recoverable.",
}

_STANDARDS = {
    "nist_800_88_r1": "NIST SP 800-88 Rev. 1",
    "nist_800_88_r2": "NIST SP 800-88 Rev. 2",
    "ieee_2883": "IEEE 2883",
    "dod_5220_22_m": "DoD 5220.22-M (a retired standard)",
}

_MODELS = {
    "ndpa": "the Student Data Privacy Consortium's National Data Privacy Agreement",
    "state_dpa": "a state data privacy agreement",
    "custom": "the district's or the company's own contract",
}


def plain_date(value: "datetime.date") -> str:
    """``2026-02-01`` -> ``1 February 2026``, the same in every locale."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def safe_url(value: str | None) -> str | None:
    """The URL when it may become a link (http or https with a host), else None."""
    import urllib.parse

    if not value:
        return None
    try:
        parsed = urllib.parse.urlsplit(value.strip())
    except ValueError:
        return None
    if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc:
        return None
    if any(ch.isspace() or ord(ch) < 32 for ch in value.strip()):
        return None
    return value.strip()


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")


# ------------------------------------------------------------------------------ the model
def build_page(report: "RunReport", published: list["AgreementResult"], tool_version: str = "") -> dict[str, Any]:
    """The clearinghouse as plain data: what the JSON feed holds and the HTML shows."""
    entries = []
    for result in published:
        waived = _waived(result)
        for product in result.agreement.products:
            entries.append(_entry(result.path, result.agreement, product, waived))
    entries.sort(key=lambda e: (e["product"]["name"].casefold(), e["product"]["name"],
                                e["vendor"]["name"].casefold(), e["agreement"]["id"], e["source"]))
    taken: set[str] = set()
    for entry in entries:  # a stable, unique fragment per entry: #clever-mdcps-ndpa-2026-0008
        base = _slug(f"{entry['product']['name']} {entry['agreement']['id']}") or "entry"
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
        "district": district,
        "entries": entries,
    }


def _waived(result: "AgreementResult") -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for finding in result.findings:
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
    model = _MODELS[term.model]
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
    from .model.vocabulary import ELEMENTS, SUBJECT_LABELS, SUBJECTS

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
    for name, (prohibited, allowed, silent) in _PROHIBITIONS.items():
        value = None if clause.prohibits is None else getattr(clause.prohibits, name)
        status = "prohibited" if value is True else "allowed" if value is False else "not stated"
        rules.append({"use": name, "status": status,
                      "text": prohibited if value is True else allowed if value is False else silent})
    return {
        "permitted_purposes": list(clause.permitted_purposes),
        "limits": rules,
        "redisclosure": {"value": clause.redisclosure, "text": _REDISCLOSURE[clause.redisclosure]},
        "also_allowed": [{"carve_out": c, "text": _CARVE_OUTS[c]} for c in clause.carve_outs],
        "citation": clause.citation,
        "text": clause.text,
    }


def _destruction(agreement: "Agreement") -> dict[str, Any] | None:
    from .rules.disposal import effective

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
        how = _METHODS[entry.method]
        if entry.standard:
            how += f", following {_STANDARDS[entry.standard]}"
        methods.append({
            "media": entry.media, "method": entry.method, "standard": entry.standard,
            "level_claimed": entry.level, "level_reached": level,
            "media_text": _MEDIA[entry.media], "method_text": how + ".", "level_text": _LEVELS[level],
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


# ------------------------------------------------------------------------------ rendering
def render_json(page: dict[str, Any]) -> str:
    import json

    return json.dumps(page, indent=2, ensure_ascii=False) + "\n"


def slash_breaks(text: str):
    """Escape ``text`` and let a line break after each '/': "Parent/Guardian Contact
    Information" then wraps between words on a phone instead of inside "Guardian"."""
    from markupsafe import Markup, escape

    return Markup(str(escape(text)).replace("/", "/<wbr>"))


def render_html(page: dict[str, Any]) -> str:
    import base64
    import datetime
    import hashlib

    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["slash_breaks"] = slash_breaks
    css = (TEMPLATES / "clearinghouse.css").read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    # The stylesheet is this package's own constant, not agreement text: it is inserted as is
    # (escaping would break its quotes and '>'), and the page's CSP allows exactly it.
    return env.get_template("index.html.j2").render(page=page, css=Markup(css), css_hash=f"sha256-{digest}", safe_url=safe_url,
                                                    link_labels=LINK_LABELS,
                                                    plain_date_iso=lambda text: plain_date(datetime.date.fromisoformat(text)))


# ---------------------------------------------------------------------------------- command
def run_publish(args: argparse.Namespace, pm, policy_set, out: TextIO) -> int:
    """The ``dpa-policy publish`` command, from parsed arguments to exit code."""
    from . import __version__
    from .cli import checked_report, write_atomic
    from .output_guard import run_inputs
    from .report import crashed_rules
    from .reporters.inert import text

    out_dir = Path(args.out)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"--out must be a folder, but {args.out} is a file")
    # Before the run: the folder must not overwrite, sit in or hold what the user wrote.
    run_inputs(args.paths, policy_set, args.waivers).refuse_folder(out_dir, "--out")
    report = checked_report(args, pm, policy_set)
    explicit = {Path(p).as_posix() for p in args.paths if not Path(p).is_dir()}
    published, left_out = select(report, explicit)
    shown_dir = text(args.out)

    for item in left_out:
        named = " (named on the command line)" if item.explicit else ""
        ident = f" [{text(item.agreement_id)}]" if item.agreement_id else ""
        out.write(f"left out: {text(item.path)}{ident}: {text(item.reason)}{named}\n")
    for finding in report.waiver_findings:  # an expired or forbidden waiver explains a left-out agreement
        out.write(f"waivers: {text(finding.file)}:{finding.line}:{finding.column}: {text(finding.code)} "
                  f"[{text(finding.slug)}] {text(finding.message)}\n")
    for crash in report.crashes:
        out.write(f"internal error: rule {text(crash.code)} [{text(crash.slug)}] crashed on {text(crash.file)}: "
                  f"{text(crash.error)}\n")
    if report.crashes:
        rules = crashed_rules(report.crashes)
        out.write(text(f"nothing published: the run is incomplete (rule{'s' if len(rules) > 1 else ''} "
                       f"{', '.join(rules)} crashed); ") + f"{shown_dir} left unchanged\n")
        return ExitCode.INTERNAL_ERROR
    named_failing = [item for item in left_out if item.explicit]
    if named_failing:
        noun = "agreement" if len(named_failing) == 1 else "agreements"
        out.write(f"nothing published: {len(named_failing)} {noun} named on the command line "
                  f"cannot be published (fail on {report.fail_on}); {shown_dir} left unchanged\n")
        return ExitCode.FINDINGS

    page = build_page(report, published, __version__)
    files = {out_dir / FEED_NAME: render_json(page), out_dir / HTML_NAME: render_html(page)}
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {args.out}: {exc.strerror or exc}") from None
    for path, content in files.items():
        write_atomic(path, content)
    products = len(page["entries"])
    out.write(f"published {len(published)} of {len(report.results)} "
              f"{'agreement' if len(report.results) == 1 else 'agreements'} "
              f"({products} {'product' if products == 1 else 'products'}), {len(left_out)} left out: "
              f"{text((out_dir / HTML_NAME).as_posix())}, {text((out_dir / FEED_NAME).as_posix())}\n")
    return ExitCode.OK
