"""Integrity across the documents of one run: two files with one agreement id (DPA008), a
waiver that names no agreement of a folder that was checked whole (DPA902), and the counsel
report's notes on one subprocessor under several names and one vendor's conflicting terms."""

from __future__ import annotations

import io
import json
import os
import textwrap
from pathlib import Path

import pytest

from dpa_policy.cli import main
from dpa_policy.testing import base_agreement_text

AS_OF = "2026-11-30"
BASE = base_agreement_text()


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([argv[0], "--as-of", AS_OF, *argv[1:]], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "agreements").mkdir()
    (tmp_path / "agreements" / "allhere.yaml").write_text(BASE, "utf-8")
    return tmp_path


def agreement(repo: Path, name: str, *replacements: tuple[str, str]) -> Path:
    text = BASE
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = repo / "agreements" / name
    path.write_text(text, "utf-8")
    return path


ID_LINE = BASE.splitlines().index("id: BASE-0001") + 1


# ------------------------------------------------------------------------- DPA008
def test_two_files_with_one_agreement_id_are_both_reported_at_the_id(repo):
    agreement(repo, "allhere-copy.yaml")
    agreement(repo, "other.yaml", ("id: BASE-0001", "id: OTHER-1"))
    code, out, _ = run("check", "agreements")
    assert code == 1
    assert (f"agreements/allhere.yaml:{ID_LINE}:5: DPA008 [duplicate-agreement-id] agreement id 'BASE-0001' is also "
            "the id of agreements/allhere-copy.yaml: waivers, reports and the published page name agreements by id, "
            "so each file needs its own") in out
    assert f"agreements/allhere-copy.yaml:{ID_LINE}:5: DPA008 [duplicate-agreement-id] agreement id 'BASE-0001' " \
           "is also the id of agreements/allhere.yaml" in out
    assert "other.yaml" not in out
    assert out.splitlines()[-1].startswith("3 agreements checked: 1 passed, 2 failed")


def test_parents_never_see_a_vendor_twice_on_the_published_page(repo):
    agreement(repo, "allhere-copy.yaml")
    code, out, _ = run("publish", "agreements", "--out", "site")
    assert code == 0
    assert "left out: agreements/allhere-copy.yaml [BASE-0001]: fails DPA008" in out
    assert "left out: agreements/allhere.yaml [BASE-0001]: fails DPA008" in out
    assert json.loads((repo / "site" / "clearinghouse.json").read_text("utf-8"))["entries"] == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_one_file_reached_under_two_names_is_one_agreement(repo):
    os.symlink("allhere.yaml", repo / "agreements" / "alias.yaml")
    code, out, _ = run("check", "agreements")
    assert code == 0 and "DPA008" not in out


def test_a_duplicate_id_cannot_be_waived(repo):
    (repo / "waivers.yaml").write_text(textwrap.dedent("""\
        waivers_version: 1
        waivers:
          - agreement: BASE-0001
            rule: DPA008
            justification: Two copies while the amendment is signed.
            approver: Dana Whitfield, General Counsel
            expires: 2027-06-30
        """), "utf-8")
    code, _, err = run("check", "--waivers", "waivers.yaml", "agreements")
    assert code == 2 and "waivers.yaml:3:5: waivers[0].rule: DPA008 cannot be waived" in err


# ------------------------------------------------------------------------- DPA902
WAIVER = """\
waivers_version: 1
waivers:
  - agreement: {agreement}
    rule: breach-notice-window
    justification: Vendor's insurer requires 5 business days; amendment due in Q1.
    approver: Dana Whitfield, General Counsel
    expires: 2027-06-30
"""


def test_a_waiver_naming_no_agreement_of_a_folder_checked_whole_is_reported_with_the_closest_id(repo):
    (repo / "waivers.yaml").write_text(WAIVER.format(agreement="BASE-001"), "utf-8")
    code, out, _ = run("check", "--waivers", "waivers.yaml", "agreements")
    assert ("waivers.yaml:3:5: DPA902 [waiver-unmatched] waiver for DPA201 on 'BASE-001' names no agreement checked in "
            "agreements (did you mean 'BASE-0001'?); correct its agreement, or remove it (warning)") in out
    assert code == 0  # a warning, as DPA902 has always been
    assert run("check", "--waivers", "waivers.yaml", "--fail-on", "warning", "agreements")[0] == 1
    # The default folder is a folder checked whole too.
    assert "DPA902" in run("check", "--waivers", "waivers.yaml")[1]
    # pre-commit names files one by one: the waivers of other files are none of its business.
    assert "DPA902" not in run("check", "--waivers", "waivers.yaml", "agreements/allhere.yaml")[1]


def test_a_waiver_naming_a_file_is_reported_only_when_its_own_folder_was_checked(repo):
    (repo / "contracts").mkdir()
    (repo / "contracts" / "x.yaml").write_text(BASE.replace("id: BASE-0001", "id: X-1"), "utf-8")
    (repo / "waivers.yaml").write_text(WAIVER.format(agreement="agreements/allhere-old.yaml"), "utf-8")
    code, out, _ = run("check", "--waivers", "waivers.yaml", "contracts")
    assert "DPA902" not in out
    code, out, _ = run("check", "--waivers", "waivers.yaml", "agreements")
    assert ("DPA902 [waiver-unmatched] waiver for DPA201 on 'agreements/allhere-old.yaml' names no agreement checked "
            "in agreements (did you mean 'agreements/allhere.yaml'?)") in out


# ------------------------------------------------------------------ counsel notes
def notes_in(markdown: str) -> list[str]:
    """The notes of the report's "Across agreements" section, Markdown escapes removed."""
    section = markdown.split("### Across agreements: worth a look\n", 1)[1]
    items = []
    for line in section.splitlines():
        if line.startswith("- "):
            items.append(line[2:].replace("\\", ""))
        elif line and not line.startswith(("The same subprocessor", "One vendor")):
            break
    return items


def test_counsel_is_told_of_one_subprocessor_under_several_names_and_one_vendors_conflicting_terms(repo):
    named = "    bound_no_less_stringent: true\n"
    agreement(repo, "allhere.yaml", (named, named + '    named: ["Amazon Web Services, Inc.", "Twilio Inc."]\n'))
    agreement(repo, "allhere-2025.yaml", ("id: BASE-0001", "id: BASE-0002"),
              ("name: AllHere Education, Inc.", "name: AllHere Education Inc"),
              ("window: 72 hours", "window: 3 calendar days"),  # the same window, written otherwise
              ("      marketing: true\n", "      marketing: false\n"),
              (named, named + '    named: ["amazon web services LLC", "Twilio Inc."]\n'))
    code, _, _ = run("report", "agreements", "--html", "counsel.html", "--markdown", "counsel.md")
    assert code == 1  # marketing allowed fails DPA401: the notes themselves fail nothing
    notes = notes_in((repo / "counsel.md").read_text("utf-8"))
    assert notes == [
        '"Amazon Web Services, Inc." in agreements/allhere.yaml (BASE-0001); '
        '"amazon web services LLC" in agreements/allhere-2025.yaml (BASE-0002)',
        "AllHere Education Inc, prohibition of marketing to students or families: allowed in "
        "agreements/allhere-2025.yaml (BASE-0002); prohibited in agreements/allhere.yaml (BASE-0001)",
    ]  # Twilio, written alike, and 72 hours against 3 calendar days, the same window: no note
    html = (repo / "counsel.html").read_text("utf-8")
    assert "&ldquo;amazon web services LLC&rdquo;" in html and "prohibition of marketing" in html


def test_no_notes_when_nothing_crosses_agreements(repo):
    agreement(repo, "other.yaml", ("id: BASE-0001", "id: OTHER-1"), ("name: AllHere Education, Inc.", "name: Other Co"))
    run("report", "agreements", "--html", "counsel.html", "--markdown", "counsel.md")
    assert "Across agreements" not in (repo / "counsel.md").read_text("utf-8")
    assert 'id="notes"' not in (repo / "counsel.html").read_text("utf-8")
