"""``dpa-policy publish``: the parent-facing data sharing clearinghouse.

Districts vet vendors in order to publish them: a public page that tells parents, for each
approved product, what data is shared with it, how that data may be used and when and how it
is destroyed (the seeds' "Instructional Technology Data Sharing Clearinghouse"). This command
builds that page from the same run as ``dpa-policy check``:

1. the check runs (:func:`dpa_policy.core.options.checked_report`: policy, state packs, waivers);
2. only agreements in effect on ``--as-of`` (default today) that pass (no counted finding at
   or above ``--fail-on``, waived findings do not count, and nothing that needs legal review)
   are published; every other one is left out with its reason
   (:func:`dpa_policy.render.clearinghouse.page.select`);
3. a page model is built, one entry per agreement and product
   (:mod:`dpa_policy.render.clearinghouse.page`);
4. ``index.html`` and ``clearinghouse.json`` are rendered
   (:mod:`dpa_policy.render.clearinghouse.html`), and only then written, each atomically.

Importing this module is cheap (the command line builds its parser from it); Jinja2 and the
models are imported when a page is built.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from ..core.report import ExitCode
from ..errors import UsageError
from ._args import Parents, load_plugins, load_policy, run_with_progress

HTML_NAME = "index.html"
FEED_NAME = "clearinghouse.json"

DESCRIPTION = """\
Build the district's public data sharing clearinghouse: a page for parents listing each
approved product, the data shared with it (student, parent/guardian and staff data kept
apart), how that data may be used, when and how it is destroyed, and links to the vendor's
privacy policy, terms and website; plus a JSON feed of the same entries.

The agreements are checked exactly as `dpa-policy check` checks them. Only agreements in
effect on --as-of (default: today) that pass (or whose failing findings are all waived), with
nothing that needs legal review, are published, and the page says the date; each one left out
is listed with its reason. DIR gets index.html and clearinghouse.json, written only once everything
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


def add_parser(sub: Any, parents: Parents) -> argparse.ArgumentParser:
    """Register ``publish`` on the command line's subcommand parsers."""
    parser = sub.add_parser(
        "publish", help="build the public data sharing clearinghouse page (HTML and JSON) from passing agreements",
        description=DESCRIPTION, epilog=EPILOG,
        parents=[parents.common, parents.with_policy, parents.run_options],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # PATH..., --fail-on, --allow-empty, --waivers and --as-of come from the shared run
    # options: a failing file named explicitly fails the run, one found in a folder is left out.
    parser.add_argument("--out", required=True, metavar="DIR",
                        help=f"folder to write {HTML_NAME} and {FEED_NAME} to (created if missing)")
    return parser


def run(args: argparse.Namespace, out: TextIO) -> int:
    """The ``dpa-policy publish`` command, from parsed arguments to exit code."""
    from ..core.options import checked_report
    from ..core.report import crashed_rules
    from ..output.atomic import write_together
    from ..output.guard import run_inputs
    from ..render.clearinghouse.html import write_html, write_json_feed
    from ..render.clearinghouse.page import build_page, select
    from ..reporters.inert import text
    from ..version import tool_version

    pm, registry = load_plugins(args)
    policy_set = load_policy(args, pm, registry)
    out_dir = Path(args.out)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"--out must be a folder, but {args.out} is a file")
    # Before the run: the folder must not overwrite, sit in or hold what the user wrote.
    run_inputs(args.paths, policy_set, args.waivers).refuse_folder(out_dir, "--out")
    report = run_with_progress(args, lambda progress: checked_report(args, pm, policy_set, progress))
    explicit = {Path(p).as_posix() for p in args.paths if not Path(p).is_dir()}
    published, left_out = select(report, explicit, report.as_of)
    shown_dir = text(args.out)

    for item in [] if args.quiet else left_out:  # --quiet: only the closing line
        named = " (named on the command line)" if item.explicit else ""
        ident = f" [{text(item.agreement_id)}]" if item.agreement_id else ""
        out.write(f"left out: {text(item.path)}{ident}: {text(item.reason)}{named}\n")
    for finding in [] if args.quiet else report.waiver_findings:  # an expired or forbidden waiver explains a left-out agreement
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

    from ..render.settings import policy_and_config

    page = build_page(report, published, tool_version(), report.as_of)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {args.out}: {exc.strerror or exc}") from None
    # Each file is written as it is rendered; both are put in place only when both are complete.
    write_together([(out_dir / FEED_NAME, lambda out: write_json_feed(page, out)),
                    (out_dir / HTML_NAME, lambda out: write_html(page, out))])
    products = len(page["entries"])
    out.write(f"published {len(published)} of {len(report.results)} "
              f"{'agreement' if len(report.results) == 1 else 'agreements'} "
              f"({products} {'product' if products == 1 else 'products'}) as of {report.as_of}, "
              f"{len(left_out)} left out: "
              f"{text((out_dir / HTML_NAME).as_posix())}, {text((out_dir / FEED_NAME).as_posix())}. "
              f"{text(policy_and_config(report))}\n")
    return ExitCode.OK
