"""Benchmark: how much a full ``dpa-policy check`` costs next to loading the same YAML with libyaml.

    python bench/bench.py [--count N] [--repeat R] [--seed S] [--keep DIR] [--profile]

The target (from the project issue): a full check costs at most 1.5x ``yaml.load(text,
Loader=yaml.CSafeLoader)`` of the same files.

What it does:

1. Generates N synthetic agreements (default 10,000) into a temporary directory, derived from
   the realistic ``agreements/allhere.yaml`` and the package's ``testdata/base-agreement.yaml``:
   the files are loaded with PyYAML, varied through the data (ids, districts, vendors,
   products, terms, data elements, clause terms, some failing on purpose) and dumped back.
   The generator is seeded, so the same N and seed give the same files.
2. Runs one untimed full check over them, which warms every cache (schema validator, pydantic
   core, regexes) and verifies that no generated file has an input problem (DPA0xx): a
   benchmark over files that fail to load would measure the wrong thing.
3. Times each stage over the same files, R times, interleaved (stages a to f, then again):

   a. libyaml load alone: read each file, ``yaml.load(text, Loader=yaml.CSafeLoader)``
   b. full check: ``dpa_policy.core.run.run`` with the default policy, plus rendering the text
      report: the path ``dpa-policy check DIR`` takes (plugin manager, registry and policy
      are built once beforehand, as the CLI does, and reported separately)
   c. strict loader alone: ``load_text(read_text(path))``
   d. strict loader + JSON Schema validation
   e. strict loader + JSON Schema + pydantic model
   f. strict loader + ``document.validate``: the input validation ``load_agreement`` really
      runs (today: the pydantic model first, jsonschema only to explain a rejection), so
      b - f is what rules, discovery and the report cost

   and prints the best (minimum) of the R runs per stage, with the median beside it.

Standard library and the project's own dependencies only. Prints numbers, asserts nothing
about time: this is a measurement, not a test (tests/test_bench.py only checks it runs).
"""

from __future__ import annotations

import argparse
import copy
import gc
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable

import yaml

import dpa_policy
from dpa_policy import schema
from dpa_policy.core import document
from dpa_policy.core.discover import discover
from dpa_policy.core.loader import LIBYAML, load_text, read_text
from dpa_policy.core.options import load_policy_set
from dpa_policy.core.run import RunConfig, run
from dpa_policy.findings import INPUT_CODES
from dpa_policy.model.agreement import Agreement
from dpa_policy.model.vocabulary import LAWS, PARENT, SECURITY_FRAMEWORKS, STAFF, STUDENT, elements_for
from dpa_policy.plugins import plugin_manager
from dpa_policy.registry import RuleRegistry

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = (
    REPO / "agreements" / "allhere.yaml",
    REPO / "src" / "dpa_policy" / "testdata" / "base-agreement.yaml",
)
TARGET_RATIO = 1.5

try:
    _LIBYAML_LOADER: Any = yaml.CSafeLoader
    _DUMPER: Any = yaml.CSafeDumper
except AttributeError:  # PyYAML built without libyaml: the baseline is then not the one the issue names
    _LIBYAML_LOADER = yaml.SafeLoader
    _DUMPER = yaml.SafeDumper


# ------------------------------------------------------------------------------ generation
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


def generate(directory: Path, count: int, seed: int) -> list[Path]:
    """Write ``count`` agreements under ``directory/<state>/``; return their paths."""
    rng = random.Random(seed)
    # Templates are read as text and loaded with PyYAML (the generator's job is only to vary
    # realistic documents; the strict loader sees the dumped result like any user file).
    templates = [yaml.load(path.read_text("utf-8"), Loader=_LIBYAML_LOADER) for path in TEMPLATES]
    header = "# yaml-language-server: $schema=../../src/dpa_policy/schema/agreement-1.schema.json\n"
    written = []
    for index in range(count):
        doc = _vary(templates[index % len(templates)], index, rng)
        folder = directory / doc["parties"]["district"]["state"]
        folder.mkdir(exist_ok=True)
        path = folder / f"{doc['id'].lower()}.yaml"
        text = yaml.dump(doc, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=90,
                         default_flow_style=False)
        path.write_text(header + text, encoding="utf-8")
        written.append(path)
    return written


# ------------------------------------------------------------------------------------ stages
def stage_libyaml(paths: list[Path]) -> None:
    loader = _LIBYAML_LOADER
    for path in paths:
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def stage_loader(paths: list[Path]) -> None:
    for path in paths:
        load_text(read_text(path))


def stage_loader_schema(paths: list[Path]) -> None:
    validate = schema.validate
    for path in paths:
        loaded = load_text(read_text(path))
        validate(loaded.data, loaded.source_map)


def stage_loader_schema_model(paths: list[Path]) -> None:
    validate = schema.validate
    model_validate = Agreement.model_validate
    for path in paths:
        loaded = load_text(read_text(path))
        validate(loaded.data, loaded.source_map)
        model_validate(loaded.data)


def stage_loader_validate(paths: list[Path]) -> None:
    validate = document.validate  # what load_agreement runs after the loader
    for path in paths:
        loaded = load_text(read_text(path))
        validate(loaded.data, loaded.source_map)


class FullCheck:
    """What ``dpa-policy check DIR`` does (commands.check.run): run with the default policy, render text."""

    def __init__(self, directory: Path):
        started = time.perf_counter()
        # Built exactly as commands.check.run does for `dpa-policy check` without --policy.
        self.pm = plugin_manager([])
        registry = RuleRegistry.from_plugins(self.pm)
        reporters: dict[str, Any] = {}
        for found in self.pm.hook.dpa_policy_reporters():
            reporters.update(found)
        self.reporter = reporters["text"]
        self.policy = load_policy_set(None, self.pm, registry)
        self.setup_seconds = time.perf_counter() - started
        self.config = RunConfig(paths=(str(directory),))
        self.last_report: Any = None
        self.last_text = ""

    def __call__(self, paths: list[Path]) -> None:  # paths unused: run() discovers them, as the CLI does
        report = run(self.config, self.policy, self.pm, tool_version=dpa_policy.__version__)
        self.last_text = self.reporter().render(report)
        self.last_report = report


def time_stage(func: Callable[[list[Path]], None], paths: list[Path]) -> float:
    gc.collect()
    started = time.perf_counter()
    func(paths)
    return time.perf_counter() - started


# -------------------------------------------------------------------------------------- main
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", "-n", type=int, default=10_000, metavar="N", help="agreements to generate (default 10000)")
    parser.add_argument("--repeat", "-r", type=int, default=3, metavar="R",
                        help="timed runs per stage; the best is reported, the median beside it (default 3)")
    parser.add_argument("--seed", type=int, default=20240701, help="generator seed (default 20240701)")
    parser.add_argument("--keep", metavar="DIR", help="generate into DIR and keep the files (DIR must hold no *.yaml yet)")
    parser.add_argument("--profile", action="store_true",
                        help="after timing, profile one full check with cProfile and print the top functions")
    parser.add_argument("--profile-lines", type=int, default=25, metavar="K", help="functions per profile listing (default 25)")
    args = parser.parse_args(argv)
    if args.count < 1 or args.repeat < 1:
        parser.error("--count and --repeat must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.keep:
        directory = Path(args.keep)
        directory.mkdir(parents=True, exist_ok=True)
        if any(directory.rglob("*.y*ml")):
            print(f"bench: {directory} already holds YAML files; give an empty or new folder to --keep", file=sys.stderr)
            return 2
    else:
        directory = Path(tempfile.mkdtemp(prefix="dpa-bench-"))
    try:
        return _bench(args, directory)
    finally:
        if not args.keep:
            shutil.rmtree(directory, ignore_errors=True)


def _bench(args: argparse.Namespace, directory: Path) -> int:
    import jsonschema  # noqa: F401 - only for the version line
    from importlib.metadata import version

    print("dpa-policy benchmark")
    print(f"  Python      {platform.python_version()} ({platform.python_implementation()}) on {platform.machine()}, "
          f"{os.cpu_count()} CPUs")
    print(f"  libyaml     {'yes' if yaml.__with_libyaml__ else 'NO'} (PyYAML {yaml.__version__}; "
          f"baseline loader {_LIBYAML_LOADER.__name__}; dpa-policy loader uses {'libyaml' if LIBYAML else 'pure Python'})")
    print(f"  versions    dpa-policy {dpa_policy.__version__}, pydantic {version('pydantic')} "
          f"(core {version('pydantic-core')}), jsonschema {version('jsonschema')}")
    print(f"  N           {args.count} agreements (seed {args.seed})")
    print(f"  repeat      {args.repeat} (each stage timed {args.repeat}x, interleaved; best = minimum)")

    started = time.perf_counter()
    generated = generate(directory, args.count, args.seed)
    size = sum(p.stat().st_size for p in generated)
    print(f"  generated   {len(generated)} files, {size / 1e6:.1f} MB ({size / len(generated) / 1024:.1f} KiB each) "
          f"in {time.perf_counter() - started:.1f} s into {directory}{'' if args.keep else ' (removed afterwards)'}")

    full = FullCheck(directory)
    paths = [Path(p) for p in discover((str(directory),))]
    assert len(paths) == len(generated), (len(paths), len(generated))

    # Untimed warm-up run, which is also the check that every generated file loads.
    full(paths)
    report = full.last_report
    input_errors = [f for f in report.findings if f.code in INPUT_CODES]
    summary = report.summary()
    by_code: dict[str, int] = {}
    for finding in report.findings:
        by_code[finding.code] = by_code.get(finding.code, 0) + 1
    print(f"  setup       plugin manager + registry + default policy: {full.setup_seconds * 1000:.1f} ms (once, untimed)")
    print(f"  plugins     {', '.join(sorted(name for name, _ in full.pm.list_name_plugin())) or 'none'}"
          " (installed state packs join, as in the CLI)")
    print(f"  check       {summary['passed']} passed, {summary['failed']} failed, {summary['findings']} findings "
          f"{report.counts()}, {summary['internal_errors']} internal errors, exit code {report.exit_code()}")
    print(f"  findings    " + ", ".join(f"{code} {n}" for code, n in sorted(by_code.items())))
    print(f"  input errs  {len(input_errors)} (DPA0xx findings; must be 0)")
    print(f"  report      {len(full.last_text.splitlines())} lines of text")
    if input_errors:
        for finding in input_errors[:10]:
            print(f"    {finding.file}:{finding.line}:{finding.column}: {finding.code} {finding.message}", file=sys.stderr)
        print("bench: generated agreements do not load; fix the generator", file=sys.stderr)
        return 1
    if report.crashes:
        print(f"bench: {len(report.crashes)} rule crashes, first: {report.crashes[0].error}", file=sys.stderr)
        return 1

    stages: list[tuple[str, str, Callable[[list[Path]], None]]] = [
        ("a", "libyaml load alone (yaml.load, CSafeLoader)", stage_libyaml),
        ("b", "full check (core.run.run + text report)", full),
        ("c", "strict loader alone", stage_loader),
        ("d", "loader + JSON Schema", stage_loader_schema),
        ("e", "loader + JSON Schema + pydantic model", stage_loader_schema_model),
        ("f", "loader + document.validate (as the check runs)", stage_loader_validate),
    ]
    for key, _, func in stages:  # warm the remaining stages too (the full check is warm already)
        if key != "b":
            func(paths[: min(len(paths), 200)])
    times: dict[str, list[float]] = {key: [] for key, _, _ in stages}
    for _ in range(args.repeat):
        for key, _, func in stages:
            times[key].append(time_stage(func, paths))

    n = len(paths)
    best = {key: min(values) for key, values in times.items()}
    median = {key: statistics.median(values) for key, values in times.items()}
    print()
    print(f"Results: best of {args.repeat} (median in brackets), {n} agreements, same files for every stage")
    header = f"  {'stage':<48} {'best s':>8} {'(median)':>10} {'agreements/s':>13} {'us/agr':>8} {'x (a)':>7}"
    print(header)
    print("  " + "-" * (len(header) - 2))
    for key, label, _ in stages:
        print(f"  {key + '. ' + label:<48} {best[key]:>8.3f} {'(' + format(median[key], '.3f') + ')':>10} "
              f"{n / best[key]:>13,.0f} {best[key] / n * 1e6:>8.1f} {best[key] / best['a']:>6.2f}x")
    print()
    print("Where the full check's time goes (differences between best times; on a busy machine a small")
    print("difference can come out negative, which means noise, not a negative cost):")
    parts = [
        ("strict loader (c)", best["c"]),
        ("input validation as run (f - c)", best["f"] - best["c"]),
        ("rules, discovery, report, text (b - f)", best["b"] - best["f"]),
    ]
    for label, seconds in parts:
        print(f"  {label:<40} {seconds:>8.3f} s  {seconds / best['b'] * 100:>5.1f}% of (b)  "
              f"{seconds / n * 1e6:>7.1f} us/agreement")
    print("  for comparison, always validating with both (the stages d and e):")
    for label, seconds in (("JSON Schema validation (d - c)", best["d"] - best["c"]),
                           ("pydantic model after the schema (e - d)", best["e"] - best["d"])):
        print(f"  {label:<40} {seconds:>8.3f} s  {seconds / best['b'] * 100:>5.1f}% of (b)  "
              f"{seconds / n * 1e6:>7.1f} us/agreement")
    ratio = best["b"] / best["a"]
    print()
    print(f"ratio full check / libyaml load: {ratio:.2f}x (best of {args.repeat}; "
          f"median {median['b'] / median['a']:.2f}x)")
    met = ratio <= TARGET_RATIO
    print(f"target full check <= {TARGET_RATIO}x libyaml load alone: {'MET' if met else 'NOT MET'} "
          f"({'within' if met else 'over'} by {abs(ratio - TARGET_RATIO) / TARGET_RATIO * 100:.0f}%; "
          f"the target allows {best['a'] * TARGET_RATIO:.3f} s, the full check took {best['b']:.3f} s)")

    if args.profile:
        _profile(full, paths, args.profile_lines)
    return 0


def _profile(full: FullCheck, paths: list[Path], lines: int) -> None:
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    gc.collect()
    profiler.enable()
    full(paths)
    profiler.disable()
    for order in ("cumulative", "tottime"):
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.strip_dirs().sort_stats(order).print_stats(lines)
        print()
        print(f"Profile of one full check over {len(paths)} agreements, top {lines} by {order}:")
        print(stream.getvalue().rstrip())


if __name__ == "__main__":
    sys.exit(main())
