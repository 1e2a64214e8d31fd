"""Synthetic agreements for the benchmarks: realistic, varied, some failing on purpose.

    python bench/generate.py DIR [--count N] [--seed S]

Each agreement is derived from the realistic ``agreements/allhere.yaml`` or the package's
``testdata/base-agreement.yaml``: loaded with PyYAML, varied through the data (ids, districts,
vendors, products, terms, data elements, clause terms; about two thirds fail or warn
somewhere, in proportions picked to resemble a district's backlog) and dumped back under
``DIR/<state>/``. Agreement ``index`` depends only on the seed and its index, so the same N and
seed give the same files, and generation runs in parallel. :func:`replicate` makes a larger
set from a generated one quickly (copies with their ids made unique), for the 100,000-file
memory measurement.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from dpa_policy.model.vocabulary import LAWS, PARENT, SECURITY_FRAMEWORKS, STAFF, STUDENT, elements_for

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = (
    REPO / "agreements" / "allhere.yaml",
    REPO / "src" / "dpa_policy" / "testdata" / "base-agreement.yaml",
)

try:
    _LOADER: Any = yaml.CSafeLoader
    _DUMPER: Any = yaml.CSafeDumper
except AttributeError:  # PyYAML built without libyaml
    _LOADER = yaml.SafeLoader
    _DUMPER = yaml.SafeDumper

_DISTRICTS = [
    ("Miami-Dade County Public Schools", "FL", "dadeschools.net", "MDCPS"),
    ("Broward County Public Schools", "FL", "browardschools.com", "BCPS"),
    ("Los Angeles Unified School District", "CA", "lausd.org", "LAUSD"),
    ("San Diego Unified School District", "CA", "sandiegounified.org", "SDUSD"),
    ("Fairfax County Public Schools", "VA", "fcps.edu", "FCPS"),
    ("Chicago Public Schools", "IL", "cps.edu", "CPS"),
    ("Houston Independent School District", "TX", "houstonisd.org", "HISD"),
    ("Denver Public Schools", "CO", "dpsk12.org", "DPS"),
    ("Seattle Public Schools", "WA", "seattleschools.org", "SPS"),
    ("Granite School District", "UT", "graniteschools.org", "GSD"),
    ("Hartford Public Schools", "CT", "hartfordschools.org", "HPS"),
    ("Rochester City School District", "NY", "rcsdk12.org", "RCSD"),
    ("Gwinnett County Public Schools", "GA", "gcpsk12.org", "GCPS"),
    ("Wake County Public School System", "NC", "wcpss.net", "WCPSS"),
    ("Montgomery County Public Schools", "MD", "montgomeryschoolsmd.org", "MCPS"),
    ("Clark County School District", "NV", "ccsd.net", "CCSD"),
]
_STATE_LAWS = {"FL": "fl_1002_222", "CA": "ca_sopipa", "IL": "il_soppa", "TX": "tx_educ_code_32",
               "CO": "co_student_data_act", "WA": "wa_super_act", "UT": "ut_student_data_protection_act",
               "CT": "ct_student_data_law", "NY": "ny_ed_law_2d", "VA": "va_22_1_289_01"}
_VENDOR_FIRST = ["Bright", "Clever", "Blue", "North", "Summit", "Open", "Spark", "True", "Lantern",
                 "Maple", "Cedar", "Harbor", "Beacon", "Quill", "Nimbus", "Atlas", "Kite", "Echo"]
_VENDOR_SECOND = ["Path", "Learn", "Sky", "Star", "Bridge", "Leaf", "Scholar", "Read", "Math",
                  "Class", "Note", "Board", "Quest", "Loop", "Works", "Field"]
_VENDOR_SUFFIX = ["Inc.", "LLC", "Education, Inc.", "Learning, Inc.", "Technologies LLC", "PBC"]
_PRODUCT_KINDS = [
    ("Reader", "An adaptive reading program that recommends books at each student's level and "
               "tracks minutes read for teachers."),
    ("Math", "Practice problems and short assessments in grades K-8, with progress reports for "
             "teachers and families."),
    ("Messenger", "Two-way text and email messaging between schools and families, with automatic "
                  "translation into the family's home language."),
    ("Classroom", "A learning management system: assignments, grades, discussions and feedback "
                  "in one place for students and teachers."),
    ("Portfolio", "A digital portfolio where students collect their work and reflect on it, and "
                  "families can see what their child made."),
    ("Bus", "Bus routing and real-time arrival notices for families, with stop assignments for "
            "each student."),
    ("Survey", "Climate and social-emotional learning surveys for students and staff, with "
               "anonymized reports to schools."),
]
_PURPOSES = {
    STUDENT: ["Provide the service to students and teachers.",
              "Show teachers each student's progress in the program.",
              "Create and manage student accounts through single sign-on.",
              "Assign students to classes and schedules in the service."],
    PARENT: ["Send and answer messages between families and schools.",
             "Link a parent to the students whose notices they receive."],
    STAFF: ["Create teacher accounts and rosters.",
            "Let staff contact families and students through the service."],
}
# (window, passes the default 72-hour policy)
_BREACH_WINDOWS = [("72 hours", True), ("48 hours", True), ("24 hours", True), ("3 calendar days", True),
                   ("1 calendar day", True), ("5 business days", False), ("10 calendar days", False),
                   ("96 hours", False), ("30 calendar days", False)]
_AUDIT_NOTICES = [("10 business days", True), ("5 business days", True), ("7 calendar days", True),
                  ("30 calendar days", False), ("20 business days", False), ("14 calendar days", False)]
_DISPOSAL_WINDOWS = [("60 calendar days", True), ("30 calendar days", True), ("45 calendar days", True),
                     ("30 business days", True), ("90 calendar days", False), ("180 calendar days", False)]
_GOOD_SANITIZATION = [
    [{"media": "flash", "method": "cryptographic_erase", "level": "purge", "standard": "nist_800_88_r2"},
     {"media": "paper", "method": "shred"}],
    [{"media": "unspecified", "method": "cryptographic_erase", "level": "purge", "standard": "nist_800_88_r1"}],
    [{"media": "flash", "method": "block_erase", "level": "purge", "standard": "nist_800_88_r1"},
     {"media": "magnetic", "method": "degauss", "level": "purge"}],
    [{"media": "flash", "method": "ata_secure_erase", "standard": "ieee_2883"},
     {"media": "optical", "method": "shred", "level": "destroy"}],
]
_BAD_SANITIZATION = [
    [{"media": "unspecified", "method": "single_pass_overwrite"}],
    [{"media": "magnetic", "method": "multi_pass_overwrite", "standard": "dod_5220_22_m"}],
    [{"media": "flash", "method": "delete"}],
    [{"media": "flash", "method": "factory_reset", "level": "clear"}],
]
_BREACH_CONTENTS = ["reporter_contact", "information_types", "breach_date", "notice_date",
                    "law_enforcement_delay", "incident_description", "affected_count", "remediation_steps"]


def _slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _vary(template: dict[str, Any], index: int, rng: random.Random) -> dict[str, Any]:
    """One agreement: the template with everything an agreement varies in replaced.

    About a third of the agreements come out clean; the rest carry one or more failing or
    warning clauses, in proportions picked to resemble a district's real backlog."""
    doc = copy.deepcopy(template)
    district_name, state, domain, prefix = rng.choice(_DISTRICTS)
    vendor = f"{rng.choice(_VENDOR_FIRST)}{rng.choice(_VENDOR_SECOND)}"
    vendor_domain = f"{_slug(vendor)}{index % 7 or ''}.com"
    vendor_name = f"{vendor} {rng.choice(_VENDOR_SUFFIX)}"
    effective = date(2019, 7, 1) + timedelta(days=rng.randrange(0, 6 * 365))

    doc["id"] = f"{prefix}-DSA-{effective.year}-{index:05d}"
    doc["title"] = f"Data Privacy Agreement - {vendor}"
    parties = doc["parties"]
    parties["district"].update(name=district_name, state=state, website=f"https://www.{domain}/")
    parties["district"]["contact"] = {"name": rng.choice(["Office of Instructional Technology", "Data Privacy Office",
                                                          "Chief Information Officer"]),
                                      "email": f"privacy@{domain}"}
    parties["vendor"].update(name=vendor_name, website=f"https://www.{vendor_domain}/",
                             privacy_policy=f"https://www.{vendor_domain}/privacy",
                             terms_of_service=f"https://www.{vendor_domain}/terms")
    parties["vendor"]["contact"] = {"name": "Privacy Office", "email": f"privacy@{vendor_domain}"}
    if rng.random() < 0.3:
        parties["vendor"]["contact"]["phone"] = f"+1 555 {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"

    doc["products"] = [
        {"name": f"{vendor} {kind}", "description": description, "website": f"https://www.{vendor_domain}/{_slug(kind)}"}
        for kind, description in rng.sample(_PRODUCT_KINDS, rng.choice((1, 1, 1, 2, 3)))
    ]

    term = doc["term"]
    term["effective"] = effective
    if rng.random() < 0.9:
        term["expires"] = effective + timedelta(days=365 * rng.choice((1, 2, 3, 3, 5)) - 1)
    else:
        term.pop("expires", None)
    term["governing_state"] = state
    term["model"] = rng.choice(("ndpa", "ndpa", "state_dpa", "custom"))
    term["model_version"] = rng.choice(("1.0", "1.1", "2.0", "2.2", "2024.1"))

    data: dict[str, Any] = {}
    subjects = [STUDENT] if rng.random() < 0.85 else []
    if rng.random() < 0.5 or not subjects:
        subjects.append(PARENT)
    if rng.random() < 0.2:
        subjects.append(STAFF)
    for subject in subjects:
        choices = [e for e in elements_for(subject) if not e.startswith("none.")]
        group: dict[str, Any] = {"elements": sorted(rng.sample(choices, rng.randint(min(3, len(choices)), min(18, len(choices)))))}
        if rng.random() < 0.1:
            group["other_elements"] = ["Reading level", "Lexile score"][: rng.randint(1, 2)]
        group["purposes"] = rng.sample(_PURPOSES[subject], rng.randint(1, len(_PURPOSES[subject])))
        data[subject] = group
    doc["data"] = data

    clauses = doc["clauses"]
    section = rng.choice(("Section", "Article", "§"))
    for number, clause in enumerate(clauses.values(), start=2):
        clause["citation"] = f"{section} {number}" + (f".{rng.randint(1, 4)}" if rng.random() < 0.5 else "")

    # -- clause terms, some failing on purpose (rates per clause, roughly) ----------------------
    own = clauses["ownership"]
    if rng.random() < 0.06:
        own.pop(rng.choice(("district_controls", "vendor_rights_limited_to_service")), None)

    breach = clauses["breach_notification"]
    breach["window"], _ = rng.choice(_BREACH_WINDOWS[:5]) if rng.random() < 0.88 else rng.choice(_BREACH_WINDOWS[5:])
    if rng.random() < 0.02:
        del breach["window"]
    breach["trigger"] = "determination" if rng.random() < 0.06 else rng.choice(("discovery", "confirmation", "incident"))
    breach["recipients"] = ["district"] + (["parents_guardians"] if rng.random() < 0.3 else [])
    if rng.random() < 0.03:
        breach["recipients"] = ["affected_individuals"]
    if rng.random() < 0.7:  # DPA204 is a warning: most agreements list all five contents, some do not
        breach["contents"] = ["reporter_contact", "information_types", "breach_date", "law_enforcement_delay",
                              "incident_description"] + rng.sample(["notice_date", "affected_count", "remediation_steps"], rng.randint(0, 2))
    else:
        breach["contents"] = sorted(rng.sample(_BREACH_CONTENTS, rng.randint(2, 6)), key=_BREACH_CONTENTS.index)

    audit = clauses["audit"]
    audit["per_year"] = 0 if rng.random() < 0.03 else rng.choice((1, 1, 2))
    audit["notice"], _ = rng.choice(_AUDIT_NOTICES[:3]) if rng.random() < 0.92 else rng.choice(_AUDIT_NOTICES[3:])
    audit["after_unauthorized_access"] = rng.random() >= 0.05

    prohibits = clauses["data_use"]["prohibits"]
    roll = rng.random()
    if roll < 0.04:
        prohibits["marketing"] = False
    elif roll < 0.08:
        del prohibits["non_educational_profiling"]
    if rng.random() < 0.15:
        clauses["data_use"]["carve_outs"] = rng.sample(["adaptive_learning", "recommendations_to_staff",
                                                        "product_notices_to_account_holders"], rng.randint(1, 2))

    disposal = clauses["disposal"]
    for term_name in ("on_request", "at_termination"):
        window = disposal.setdefault(term_name, {})
        window["citation"] = f"{section} 9({'a' if term_name == 'on_request' else 'b'})"
        roll = rng.random()
        if roll < 0.06:
            window.pop("within", None)
        elif roll < 0.12:
            window["within"] = rng.choice(_DISPOSAL_WINDOWS[4:])[0]
        else:
            window["within"] = rng.choice(_DISPOSAL_WINDOWS[:4])[0]
    disposal["sanitization"] = copy.deepcopy(rng.choice(_BAD_SANITIZATION if rng.random() < 0.12 else _GOOD_SANITIZATION))
    disposal["written_certification"] = rng.random() >= 0.04

    clauses["security"]["frameworks"] = sorted(rng.sample(sorted(SECURITY_FRAMEWORKS), rng.randint(1, 3)))
    laws = ["ferpa", "coppa"] + (["ppra"] if rng.random() < 0.6 else [])
    if state in _STATE_LAWS:
        laws.append(_STATE_LAWS[state])
    assert all(law in LAWS for law in laws)
    clauses["legal_compliance"]["laws"] = laws
    clauses["legal_compliance"]["text"] = (f"The Vendor shall comply with {', '.join(l.upper() for l in laws[:3])} "
                                           f"and the student data privacy laws of {state}.")
    if rng.random() < 0.2:
        clauses["subprocessors"]["named"] = rng.sample(["Amazon Web Services", "Google Cloud", "Twilio",
                                                        "SendGrid", "Microsoft Azure", "Snowflake"], rng.randint(1, 3))

    # A few agreements lack a whole clause (the rule reports it absent).
    if rng.random() < 0.02:
        del clauses[rng.choice(("ownership", "audit", "disposal", "breach_notification", "data_use"))]
    return doc


_HEADER = "# yaml-language-server: $schema=../../src/dpa_policy/schema/agreement-1.schema.json\n"


def _write_range(directory: Path, start: int, stop: int, seed: int) -> list[str]:
    # Templates are read as text and loaded with PyYAML (the generator's job is only to vary
    # realistic documents; the strict loader sees the dumped result like any user file).
    templates = [yaml.load(path.read_text("utf-8"), Loader=_LOADER) for path in TEMPLATES]
    written = []
    for index in range(start, stop):
        rng = random.Random(seed * 1_000_003 + index)
        doc = _vary(templates[index % len(templates)], index, rng)
        folder = directory / doc["parties"]["district"]["state"]
        folder.mkdir(exist_ok=True)
        path = folder / f"{doc['id'].lower()}.yaml"
        text = yaml.dump(doc, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=90,
                         default_flow_style=False)
        path.write_text(_HEADER + text, encoding="utf-8")
        written.append(str(path))
    return written


def generate(directory: Path, count: int, seed: int, jobs: int | None = None) -> list[Path]:
    """Write ``count`` agreements under ``directory/<state>/`` (in ``jobs`` processes,
    default one per core); return their paths."""
    jobs = jobs or os.cpu_count() or 1
    chunk = max(1, -(-count // jobs))
    ranges = [(directory, start, min(count, start + chunk), seed) for start in range(0, count, chunk)]
    if jobs > 1 and len(ranges) > 1 and "fork" in __import__("multiprocessing").get_all_start_methods():
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.starmap(_write_range, ranges)
    else:
        parts = [_write_range(*r) for r in ranges]
    return [Path(p) for part in parts for p in part]


def replicate(source: list[Path], directory: Path, count: int) -> list[Path]:
    """``count`` agreements under ``directory``: copies of ``source`` (round after round),
    each copy's id suffixed with its round so that every id stays unique."""
    written = []
    texts = [path.read_text("utf-8") for path in source]
    for index in range(count):
        round_, which = divmod(index, len(source))
        text = texts[which]
        if round_:
            start = text.index("\nid: ") + len("\nid: ")
            end = text.index("\n", start)
            text = f"{text[:start]}{text[start:end]}-R{round_}{text[end:]}"
        folder = directory / f"r{round_:03d}"
        folder.mkdir(exist_ok=True)
        path = folder / f"{which:06d}.yaml"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--count", "-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20240701)
    args = parser.parse_args(argv)
    args.directory.mkdir(parents=True, exist_ok=True)
    written = generate(args.directory, args.count, args.seed)
    print(f"{len(written)} agreements written under {args.directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


