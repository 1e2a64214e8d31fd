"""``dpa-policy init [DIR] [--state XX]``: set up a folder for a district's agreements.

Writes, inside DIR (default: the current folder):

- ``.dpa-policy.yaml``, the configuration every command finds without flags;
- ``policies/district.yaml``, a commented policy that starts as the shipped default;
- ``schema/agreement-1.schema.json``, the agreement schema (written as ``dpa-policy schema
  --write`` writes it) for editors that validate YAML;
- ``agreements/example-XX.yaml``, an example agreement governed by the state's law, whose
  first line points at that schema; only into a folder that holds no agreement yet, so an
  example is never checked or published beside real ones by mistake;
- ``.pre-commit-config.yaml`` with the dpa-policy hook when there is none; when there is one,
  the hook is printed to add by hand.

Nothing that exists is overwritten: each file that is already there is skipped, and said so.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from ..core.report import ExitCode
from ..errors import UsageError
from ._args import Parents

CONFIG_NAME = ".dpa-policy.yaml"
POLICY_PATH = "policies/district.yaml"
SCHEMA_PATH = "schema/agreement-1.schema.json"
AGREEMENTS = "agreements"
PRECOMMIT_NAME = ".pre-commit-config.yaml"

DESCRIPTION = f"""\
Set up DIR for a district's agreements: {CONFIG_NAME} (the configuration every command finds
without flags), {POLICY_PATH} (a commented policy that starts as the shipped default),
{SCHEMA_PATH} (for editors that validate YAML), an example agreement governed by the
--state's law in {AGREEMENTS}/ (only when it holds no agreement yet) and {PRECOMMIT_NAME}
with the dpa-policy hook (printed instead when the file exists). Nothing that exists is
overwritten: each file already there is skipped, and said so."""

CONFIG_TEXT = f"""\
# dpa-policy configuration. Every dpa-policy command run in this folder, or in a folder below
# it up to the repository root, uses it without flags; a flag on the command line wins over a
# value here, and --no-config ignores the file. `dpa-policy policy show` prints which setting
# came from where. Paths are relative to this file.
policy: {POLICY_PATH}   # the district's policy (or a policy written here as a mapping)
paths: [{AGREEMENTS}]              # what check, report and publish check when given no path
# waivers: waivers.yaml          # a reviewed waivers file (README: Waivers)
# fail_on: error                 # or warning: warnings fail the run too
# as_of: 2026-07-01              # judge every date as of this day instead of today
"""

POLICY_TEXT = """\
# The district's policy. It starts as the shipped default: the agreement in effect on the date
# judged (and what needs a person's review), the NDPA Standard Clauses in each agreement's
# edition, common district additions, and the state law of each agreement's governing state
# (state packs join automatically). Add the district's own choices under
# `rules:`. `dpa-policy rules` lists every rule; `dpa-policy policy show` prints the result
# and which layer set each value.
policy_version: 1
name: District policy
extends: [lifecycle-and-review, ndpa, district-additions]
state_packs: auto
rules: {}
# To change a rule, replace `rules: {}` above with, for example:
# rules:
#   breach-notice-window:               # a rule's slug or code (DPA201)
#     options: {max_window: 48 hours}   # stricter than the policy's default
#   breach-notice-contents: {severity: error}
#   DPA4: {severity: error}             # a code prefix: every DPA4xx rule
#
# And to keep some rules from ever being waived:
# waivers:
#   forbidden_rules: [district-data-ownership]
"""

PRECOMMIT_TEXT = f"""\
# pre-commit (https://pre-commit.com): `pre-commit install`, then every commit that changes an
# agreement runs dpa-policy check on it, with the policy and waivers of {CONFIG_NAME}.
# This hook runs the dpa-policy installed on your PATH; the published hook (README:
# Continuous integration and pre-commit) installs its own copy instead.
repos:
  - repo: local
    hooks:
      - id: dpa-policy
        name: dpa-policy check
        entry: dpa-policy check
        language: system
        types_or: [yaml]
        files: ^{AGREEMENTS}/
        require_serial: true
"""


def add_parser(sub: Any, parents: Parents) -> argparse.ArgumentParser:
    """Register ``init`` on the command line's subcommand parsers."""
    parser = sub.add_parser(
        "init", help="set up a folder: configuration, district policy, example agreement, pre-commit hook",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("folder", nargs="?", default=".", metavar="DIR", help="where to set up (default: .)")
    parser.add_argument("--state", metavar="XX",
                        help="the two-letter code of the state whose law governs your agreements, for the example")
    return parser


def run(args: argparse.Namespace, out: TextIO) -> int:
    """The ``dpa-policy init`` command: write what is missing, say what was skipped."""
    from ..model.vocabulary import US_STATES
    from ..output.new_file import write_new
    from ..output.schema_file import modeline, write_schema
    from ..reporters.inert import text

    folder = Path(args.folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"init needs a folder, but {args.folder} is a file")
    state = args.state.upper() if args.state else None
    if state is not None and state not in US_STATES:
        raise UsageError(f"--state must be a two-letter US state code, got {args.state!r}")

    def shown(relative: str) -> str:
        return (folder / relative).as_posix()

    def report(relative: str, written: bool, why: str = "it exists (left as it is)") -> None:
        out.write(text(f"{'created' if written else 'skipped'} {shown(relative)}" + ("" if written else f": {why}"))
                  + "\n")

    configured = write_new(folder / CONFIG_NAME, CONFIG_TEXT)
    report(CONFIG_NAME, configured)
    report(POLICY_PATH, write_new(folder / POLICY_PATH, POLICY_TEXT))
    report(SCHEMA_PATH, write_schema(folder / SCHEMA_PATH, replace=False))

    agreements = folder / AGREEMENTS
    example_path = f"{AGREEMENTS}/example-{(state or 'fl').lower()}.yaml"
    if (folder / example_path).exists() or (folder / example_path).is_symlink():
        report(example_path, False)
    elif _holds_agreements(agreements):
        report(example_path, False, f"{shown(AGREEMENTS)}/ already holds agreements, and an example there would "
                                    "be checked and published with them")
    else:
        header, body, note = _example(state)
        first_line = modeline(folder / SCHEMA_PATH, agreements)
        report(example_path, write_new(folder / example_path, f"{first_line}\n#\n{header}{body}"))
        if note:
            out.write(text(note) + "\n")

    if write_new(folder / PRECOMMIT_NAME, PRECOMMIT_TEXT):
        report(PRECOMMIT_NAME, True)
    else:
        report(PRECOMMIT_NAME, False, "it exists (left as it is); add this hook to it:")
        out.write(_text_block(PRECOMMIT_TEXT.split("repos:\n", 1)[1]))
    where = "" if folder == Path(".") else f"cd {folder.as_posix()} && "
    if configured:
        out.write(text(f"next: `{where}dpa-policy check` checks {AGREEMENTS}/ with {POLICY_PATH}") + "\n")
    else:  # the configuration that was there decides
        out.write(text(f"next: `{where}dpa-policy policy show` says which configuration and policy apply") + "\n")
    return ExitCode.OK


def _text_block(block: str) -> str:
    """Lines of our own YAML, each made inert the way every printed line is."""
    from ..reporters.inert import text

    return "".join(text(line) + "\n" for line in block.splitlines())


def _holds_agreements(folder: Path) -> bool:
    from ..core.discover import discover

    return folder.is_dir() and bool(discover((folder.as_posix(),)))


def _example(state: str | None) -> tuple[str, str, str]:
    """(comment header, the agreement without its own leading comments, a note to print).
    A state with a shipped pack gets the pack's own test agreement, which passes the default
    policy; any other state gets the generic sample with its state changed."""
    from importlib import resources

    from ..model.vocabulary import US_STATE_NAMES

    packaged = resources.files("dpa_policy")
    if state is not None:
        pack_example = packaged.joinpath("packs", state.lower(), "testdata", f"{state.lower()}-base-agreement.yaml")
        if pack_example.is_file():
            name = US_STATE_NAMES[state]
            header = (f"# An example agreement governed by {name} law, from dpa-policy's {name} pack: it passes the\n"
                      "# default policy. Replace it with your district's agreements, one file each (README: The\n"
                      "# agreement format explains every field).\n")
            return header, _without_leading_comments(pack_example.read_text("utf-8")), ""
    sample = _without_leading_comments(packaged.joinpath("testdata", "base-agreement.yaml").read_text("utf-8"))
    if state is None:
        header = ("# An example agreement governed by Florida law: it passes the default policy. Replace it with\n"
                  "# your district's agreements, one file each (README: The agreement format explains every field).\n")
        return header, sample, "the example is governed by Florida law; `dpa-policy init --state XX` writes your state's"
    name = US_STATE_NAMES[state]
    for florida, ours in (("    state: FL\n", f"    state: {state}\n"),
                          ("  governing_state: FL\n", f"  governing_state: {state}\n"),
                          (" and Florida Statutes section 1002.222.", "."),
                          ("laws: [ferpa, coppa, ppra, fl_1002_222]", "laws: [ferpa, coppa, ppra]")):
        sample = sample.replace(florida, ours)
    header = (f"# An example agreement governed by {name} law. dpa-policy ships no rule pack for {name}, so it\n"
              f"# checks the agreement's federal and NDPA terms but not {name} law, and says so. Replace it with\n"
              "# your district's agreements, one file each (README: The agreement format explains every field).\n")
    return header, sample, (f"dpa-policy ships no rule pack for {name} law: agreements governed by it are checked "
                            "without it and reported as needing legal review")


def _without_leading_comments(source: str) -> str:
    lines = source.splitlines(keepends=True)
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return "".join(lines)
