"""`dpa-policy diff`: semantic changes between two versions of an agreement, and verdict flips."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from dpa_policy.cli import main
from dpa_policy.compare.changes import Impact, compare
from dpa_policy.model.agreement import Agreement
from dpa_policy.model.duration import parse_duration
from dpa_policy.testing import base_agreement_text

BASE = base_agreement_text()


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"the base agreement should contain {old!r} once"
    return text.replace(old, new)


@pytest.fixture
def write(tmp_path: Path):
    def write(name: str, text: str) -> str:
        path = tmp_path / name
        path.write_text(text, "utf-8")
        return str(path)
    return write


@pytest.fixture
def old(write) -> str:
    return write("old.yaml", BASE)


def lines_starting(out: str, prefix: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith(prefix)]


# ------------------------------------------------------------------------- the main cases
def test_longer_breach_window_is_weakened_and_flips_dpa201(old, write):
    new = write("new.yaml", edit(BASE, "window: 72 hours", "window: 5 business days"))
    code, out, err = run("diff", old, new)
    assert code == 1 and err == ""
    lines = out.splitlines()
    assert lines[0] == ("WEAKENED clauses.breach_notification.window: 72 hours -> 5 business days "
                        "(up to 7 calendar days once weekends are counted)")
    line = BASE.splitlines().index("    window: 72 hours") + 1
    assert lines[1].startswith(f"NOW-FAILS DPA201 [breach-notice-window] {Path(new).as_posix()}:{line}:13: "
                               "breach notice window 5 business days")
    assert lines[-1].endswith("1 change (1 weakened); 1 rule now fails (DPA201), 0 now pass. Policy: NDPA baseline.")
    assert len(lines) == 3


def test_sensitive_data_element_added_is_flagged_as_expanded_sharing(old, write):
    new = write("new.yaml", edit(BASE, "data:\n", "data:\n  student:\n    elements:\n"
                                             "      - student_name.first_last\n      - special_indicator.iep_504\n"
                                             "    purposes:\n      - Route messages about IEP and 504 meetings.\n"))
    code, out, _ = run("diff", old, new)
    expanded = lines_starting(out, "EXPANDED ")
    assert ("EXPANDED data.student.elements: added special_indicator.iep_504 "
            "(sensitive: Specialized education services (IEP or 504))") in expanded
    assert ("EXPANDED data.student.elements: added student_name.first_last "
            "(Student first and/or last name)") in expanded
    assert "EXPANDED data.student.purposes: added Route messages about IEP and 504 meetings." in expanded
    # Not a weakened obligation and no rule flips; but data in a sensitive category is added,
    # which fails the run unless the policy allows it.
    assert not lines_starting(out, "WEAKENED") and code == 1
    _, markdown, _ = run("diff", old, new, "--format", "markdown")
    assert markdown.startswith("**dpa-policy diff: data sharing expanded (3 additions, 1 sensitive)")


def test_a_policy_can_let_added_sensitive_data_pass(old, write):
    new = write("new.yaml", edit(BASE, "data:\n", "data:\n  student:\n    elements: [special_indicator.medical_health]\n"
                                             "    purposes: [Show the nurse allergy plans.]\n"))
    allow = write("allow.yaml", "policy_version: 1\nname: Lenient diffs\nextends: [ndpa]\n"
                                "diff: {sensitive_data_added: allow}\n")
    code, out, _ = run("diff", old, new, "--policy", allow)
    assert code == 0 and "(sensitive: Medical alerts/health data)" in out
    _, markdown, _ = run("diff", old, new, "--policy", allow, "--format", "markdown")
    assert "1 sensitive, which the policy allows" in markdown
    # Not sensitive: a name added never fails the run.
    plain = write("plain.yaml", edit(BASE, "data:\n", "data:\n  student:\n    elements: [student_name.first_last]\n"
                                                 "    purposes: [Greet students by name.]\n"))
    assert run("diff", old, plain)[0] == 0
    bad = write("bad.yaml", "policy_version: 1\nname: Typo\ndiff: {sensitive_data_added: maybe}\n")
    code, _, err = run("diff", old, new, "--policy", bad)
    assert code == 2 and "bad.yaml:3" in err


def test_a_sensitive_free_text_element_counts_as_sensitive(old, write):
    new = write("new.yaml", edit(BASE, "data:\n", "data:\n  student:\n    elements: [student_name.first_last]\n"
                                             "    other_elements: [Fingerprint template for the lunch line]\n"
                                             "    purposes: [Let students pay for lunch.]\n"))
    code, out, _ = run("diff", old, new)
    assert code == 1 and "(sensitive: biometric data; free text, not in the vocabulary)" in out


def test_a_number_changed_in_the_wording_alone_needs_review(old, write):
    new = write("new.yaml", edit(BASE, "within seventy-two (72) hours of", "within thirty (30) days of"))
    code, out, _ = run("diff", old, new)
    assert code == 1
    assert out.splitlines()[0] == ('REVIEW clauses.breach_notification.text: the wording changes a number: '
                                   '"72 hours" -> "30 days" (no recorded term changed with it: correct the record '
                                   'or the clause)')
    _, markdown, _ = run("diff", old, new, "--format", "markdown")
    assert "| **needs review** | `clauses.breach_notification.text` |" in markdown
    # When the recorded window moved with the words, the window's change says it all.
    both = write("both.yaml", edit(edit(BASE, "within seventy-two (72) hours of", "within thirty (30) days of"),
                                   "window: 72 hours", "window: 30 calendar days"))
    _, out, _ = run("diff", old, both)
    assert not lines_starting(out, "REVIEW") and lines_starting(out, "WEAKENED clauses.breach_notification.window")
    # The same number written another way is no change of number.
    same = write("same.yaml", edit(BASE, "within seventy-two (72) hours of", "within 72 hours of"))
    code, out, _ = run("diff", old, same)
    assert code == 0 and out.startswith("CHANGED clauses.breach_notification.text: wording changed")


def test_removed_prohibition_is_weakened(old, write):
    new = write("new.yaml", edit(BASE, "      marketing: true\n", ""))
    code, out, _ = run("diff", old, new)
    assert code == 1
    assert "WEAKENED clauses.data_use.prohibits.marketing: true -> not stated" in out.splitlines()
    assert "NOW-FAILS DPA401 [no-marketing-use]" in out


def test_weaker_sanitization_is_weakened(old, write):
    new = write("new.yaml", edit(BASE, "method: cryptographic_erase", "method: single_pass_overwrite"))
    code, out, _ = run("diff", old, new)
    assert code == 1
    [line] = lines_starting(out, "WEAKENED")
    assert line.startswith("WEAKENED clauses.disposal.sanitization[flash]: cryptographic_erase [level: purge")
    assert line.endswith("(NIST SP 800-88 Purge -> no NIST SP 800-88 level)")
    assert "NOW-FAILS DPA502 [sanitization-standard]" in out


def test_identical_files_have_no_changes(old, write):
    same = write("same.yaml", BASE)
    code, out, err = run("diff", old, same)
    assert code == 0 and err == ""
    assert out.splitlines() == [f"{Path(old).as_posix()} -> {Path(same).as_posix()}: no changes; "
                                "0 rules now fail, 0 now pass. Policy: NDPA baseline."]


def test_strengthening_exits_0(old, write):
    text = edit(BASE, "window: 72 hours", "window: 48 hours")
    text = edit(text, "      non_educational_profiling: true\n",
                "      non_educational_profiling: true\n      commercial_product_development: true\n")
    code, out, _ = run("diff", old, write("new.yaml", text))
    assert code == 0
    assert lines_starting(out, "STRENGTHENED") == [
        "STRENGTHENED clauses.breach_notification.window: 72 hours -> 48 hours",
        "STRENGTHENED clauses.data_use.prohibits.commercial_product_development: not stated -> true",
    ]


def test_fixing_a_failing_agreement_reports_the_rule_now_passing(old, write):
    late = write("late.yaml", edit(BASE, "window: 72 hours", "window: 5 business days"))
    code, out, _ = run("diff", late, old)
    assert code == 0
    assert "STRENGTHENED clauses.breach_notification.window: 5 business days -> 72 hours" in out
    assert f"NOW-PASSES DPA201 [breach-notice-window] {Path(late).as_posix()}:" in out
    assert "0 rules now fail, 1 now pass (DPA201)" in out


def test_wording_only_change_is_neutral_and_quotes_the_phrases(old, write):
    new = write("new.yaml", edit(BASE, "The Vendor keeps a security program", "The Vendor maintains a security program"))
    code, out, _ = run("diff", old, new)
    assert code == 0
    assert out.splitlines()[0] == ('CHANGED clauses.security.text: wording changed: "keeps" -> "maintains" '
                                   "(no structured term changed; counsel should read the clause)")


def test_clause_removed_is_weakened(old, write):
    start = BASE.index("  audit:\n")
    end = BASE.index("  data_use:\n")
    code, out, _ = run("diff", old, write("new.yaml", BASE[:start] + BASE[end:]))
    assert code == 1
    assert "WEAKENED clauses.audit: removed the clause (Section 8)" in out.splitlines()
    assert "NOW-FAILS DPA301 [audit-rights]" in out


def test_changes_are_sorted_weakened_first_and_deterministic(old, write):
    text = edit(BASE, "window: 72 hours", "window: 48 hours")                     # strengthened
    text = edit(text, "      - parent_contact.phone\n", "")                          # narrowed
    text = edit(text, "    name: AllHere Education, Inc.", "    name: AllHere, Inc.")  # changed
    text = edit(text, "encryption_at_rest: true", "encryption_at_rest: false")     # weakened
    new = write("new.yaml", text)
    first = run("diff", old, new)
    assert first == run("diff", old, new)
    kinds = [line.split(" ", 1)[0] for line in first[1].splitlines()[:-1] if not line.startswith("NOW-")]
    assert kinds == ["WEAKENED", "CHANGED", "STRENGTHENED", "NARROWED"]


def test_input_problem_in_either_file_is_listed_and_exits_1(old, write):
    broken = write("broken.yaml", BASE.replace("  audit:", "  audit:\n  audit:"))
    code, out, _ = run("diff", old, broken)
    assert code == 1
    assert f"{Path(broken).as_posix()}:" in out and "DPA004 [duplicate-key] duplicate key 'audit'" in out
    assert out.splitlines()[-1].endswith("cannot compare: " + Path(broken).as_posix()
                                         + " cannot be loaded (1 input problem).")
    assert "WEAKENED" not in out


@pytest.mark.parametrize("argv", [["diff"], ["diff", "one.yaml"], ["diff", "a.yaml", "b.yaml", "c.yaml"],
                                  ["diff", "--format", "html", "a.yaml", "b.yaml"]])
def test_usage_errors_exit_2(argv, old):
    argv = [old if a.endswith(".yaml") else a for a in argv]
    code, out, err = run(*argv)
    assert code == 2 and out == "" and err.startswith("dpa-policy: error:") and "Traceback" not in err


def test_missing_file_exits_2(old, tmp_path):
    code, _, err = run("diff", old, str(tmp_path / "nope.yaml"))
    assert code == 2 and "file not found" in err


def test_output_file_and_custom_policy(old, write, tmp_path):
    policy = write("district.yaml", "policy_version: 1\nname: strict district\nextends: [ndpa]\nrules:\n"
                                    "  breach-notice-window:\n    options: {max_window: 48 hours}\n")
    target = tmp_path / "report.md"
    code, out, _ = run("diff", "--policy", policy, "--format", "markdown", "--output", str(target), old, old)
    # The base agreement fails a 48-hour policy in both versions: not a flip.
    assert code == 0 and out == ""
    report = target.read_text("utf-8")
    assert "policy: strict district" in report and "Failing in both versions: DPA201." in report


# --------------------------------------------------------------------------------- markdown
def test_markdown_has_a_headline_and_tables_weakened_first(old, write):
    text = edit(BASE, "window: 72 hours", "window: 5 business days")
    text = edit(text, "title: Data Sharing Addendum - AllHere family messaging", "title: DSA - AllHere")
    new = write("new.yaml", text)
    code, out, _ = run("diff", "--format", "markdown", old, new)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "**dpa-policy diff: 1 obligation weakened, 1 rule now fails, 1 other change**"
    changes = lines.index("| Impact | Term | Old | New | Note |")
    assert lines[changes + 1] == "| --- | --- | --- | --- | --- |"
    assert lines[changes + 2] == ("| **weakened** | `clauses.breach_notification.window` | 72 hours | "
                                  "5 business days | up to 7 calendar days once weekends are counted |")
    assert lines[changes + 3].startswith("| changed | `title` |")
    verdicts = lines.index("| Rule | Was | Now | Findings |")
    assert lines[verdicts + 2].startswith("| DPA201 `breach-notice-window` | pass | **fail** | `")
    # Every row has its header's number of cells: 5 in the changes table, 4 in the verdicts.
    for row in lines[changes:verdicts - 2]:
        if row.startswith("|"):
            assert row.replace("\\|", "").count("|") == 6, row
    for row in lines[verdicts:]:
        if row.startswith("|"):
            assert row.replace("\\|", "").count("|") == 5, row


def test_markdown_escapes_table_breaking_text(old, write):
    new = write("new.yaml", edit(BASE, "title: Data Sharing Addendum - AllHere family messaging",
                                 "title: Addendum | *draft* <b>"))
    _, out, _ = run("diff", "--format", "markdown", old, new)
    [row] = [line for line in out.splitlines() if "`title`" in line]
    assert "Addendum \\| \\*draft\\* &lt;b&gt;" in row


def test_markdown_for_no_changes(old):
    code, out, _ = run("diff", "--format", "markdown", old, old)
    assert code == 0
    assert out.splitlines()[0] == "**dpa-policy diff: no change to obligations, data shared or rule verdicts**"
    assert "| Impact |" not in out


# -------------------------------------------------------------------------------- --rev mode
def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1",
           "HOME": str(cwd)}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    (root / "agreements").mkdir(parents=True)
    git(root, "init", "-q")
    (root / "agreements" / "allhere.yaml").write_text(BASE, "utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first version")
    return root


def test_rev_compares_the_working_tree_with_a_revision(repo, monkeypatch):
    path = repo / "agreements" / "allhere.yaml"
    path.write_text(edit(BASE, "window: 72 hours", "window: 5 business days"), "utf-8")
    monkeypatch.chdir(repo / "agreements")  # the path is resolved against the repository root
    code, out, err = run("diff", "--rev", "HEAD", "allhere.yaml")
    assert code == 1, err
    lines = out.splitlines()
    assert lines[0].startswith("WEAKENED clauses.breach_notification.window: 72 hours -> 5 business days")
    assert lines[1].startswith("NOW-FAILS DPA201 [breach-notice-window] allhere.yaml:")
    assert lines[-1].startswith("HEAD:agreements/allhere.yaml -> allhere.yaml: 1 change (1 weakened)")


def test_rev_with_an_unchanged_file_exits_0(repo):
    code, out, _ = run("diff", "--rev", "HEAD", str(repo / "agreements" / "allhere.yaml"))
    assert code == 0 and "no changes" in out


def test_rev_that_does_not_exist_exits_2_with_gits_reason(repo):
    code, out, err = run("diff", "--rev", "no-such-branch", str(repo / "agreements" / "allhere.yaml"))
    assert code == 2 and out == ""
    assert err.startswith("dpa-policy: error: cannot read agreements/allhere.yaml at revision 'no-such-branch': ")
    assert "invalid object name 'no-such-branch'" in err and "Traceback" not in err


def test_rev_for_a_file_git_does_not_track_exits_2(repo):
    new = repo / "agreements" / "new.yaml"
    new.write_text(BASE, "utf-8")
    code, _, err = run("diff", "--rev", "HEAD", str(new))
    assert code == 2 and "cannot read agreements/new.yaml at revision 'HEAD'" in err


def test_rev_outside_a_git_repository_exits_2(tmp_path, monkeypatch):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    outside = tmp_path / "outside"
    outside.mkdir()
    path = outside / "a.yaml"
    path.write_text(BASE, "utf-8")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # even if tmp is inside a repository
    code, _, err = run("diff", "--rev", "HEAD", str(path))
    assert code == 2 and "is not in a git repository" in err


@pytest.mark.parametrize("rev", ["--help", ""])
def test_rev_that_looks_like_an_option_is_refused(repo, rev):
    code, _, err = run("diff", f"--rev={rev}", str(repo / "agreements" / "allhere.yaml"))
    assert code == 2 and "is not a git revision" in err


# ------------------------------------------------------------------- classification details
def agreement(text: str) -> Agreement:
    from dpa_policy.core.document import validate
    from dpa_policy.core.loader import load_text

    loaded = load_text(text)
    result = validate(loaded.data, loaded.source_map)
    assert not isinstance(result, list), result
    return result


def impacts(old_text: str, new_text: str) -> list[tuple[str, str]]:
    return [(c.impact.name, c.path) for c in compare(agreement(old_text), agreement(new_text))]


@pytest.mark.parametrize("old_window, new_window, expected", [
    ("72 hours", "3 business days", "WEAKENED"),        # 3 business days can span 5 calendar days
    ("5 business days", "7 calendar days", "WEAKENED"),  # never shorter, sometimes longer
    ("7 calendar days", "5 business days", "STRENGTHENED"),
    ("72 hours", "3 calendar days", "CHANGED"),         # the same length
    ("72 hours", "24 hours", "STRENGTHENED"),
])
def test_breach_windows_compare_conservatively(old_window, new_window, expected):
    old = edit(BASE, "window: 72 hours", f"window: {old_window}")
    new = edit(BASE, "window: 72 hours", f"window: {new_window}")
    assert impacts(old, new) == [(expected, "clauses.breach_notification.window")]


@pytest.mark.parametrize("old_value, new_value, expected", [
    ("trigger: discovery", "trigger: confirmation", "WEAKENED"),
    ("trigger: discovery", "trigger: incident", "STRENGTHENED"),
    ("per_year: 1", "per_year: 0", "WEAKENED"),
    ("notice: 10 business days", "notice: 30 calendar days", "WEAKENED"),
    ("after_unauthorized_access: true", "after_unauthorized_access: false", "WEAKENED"),
    ("confidentiality_agreement_required: false", "confidentiality_agreement_required: true", "WEAKENED"),
    ("redisclosure: prohibited_without_consent", "redisclosure: to_subprocessors_only", "WEAKENED"),
    ("redisclosure: prohibited_without_consent", "redisclosure: permitted", "WEAKENED"),
    ("within: 60 calendar days\n      citation: Section 9(a)", "within: 90 calendar days\n      citation: Section 9(a)",
     "WEAKENED"),
    ("written_certification: true", "written_certification: false", "WEAKENED"),
    ("encryption_in_transit: true", "encryption_in_transit: false", "WEAKENED"),
    ("bound_no_less_stringent: true", "bound_no_less_stringent: false", "WEAKENED"),
    ("district_controls: true", "district_controls: false", "WEAKENED"),
    ("frameworks: [nist_csf_1_1]", "frameworks: [nist_csf_1_1, iso_27001]", "CHANGED"),
    ("laws: [ferpa, coppa, ppra, fl_1002_222]", "laws: [ferpa, ppra, fl_1002_222]", "WEAKENED"),
    ("expires: 2027-06-30", "expires: 2026-06-30", "CHANGED"),
])
def test_term_classification(old_value, new_value, expected):
    new = edit(BASE, old_value, new_value)
    assert [kind for kind, _ in impacts(BASE, new)] == [expected]


def test_confirmation_and_determination_rank_the_same():
    old = edit(BASE, "trigger: discovery", "trigger: confirmation")
    new = edit(BASE, "trigger: discovery", "trigger: determination")
    assert impacts(old, new) == [("CHANGED", "clauses.breach_notification.trigger")]


def test_per_year_limit_removed_is_strengthened():
    new = edit(BASE, "    per_year: 1\n", "")
    assert impacts(BASE, new) == [("STRENGTHENED", "clauses.audit.per_year")]


def test_all_frameworks_removed_is_weakened():
    new = edit(BASE, "    frameworks: [nist_csf_1_1]\n", "")
    assert impacts(BASE, new) == [("WEAKENED", "clauses.security.frameworks")]


def test_carve_out_added_is_weakened():
    new = edit(BASE, "    redisclosure: prohibited_without_consent\n",
               "    redisclosure: prohibited_without_consent\n    carve_outs: [contextual_advertising]\n")
    assert impacts(BASE, new) == [("WEAKENED", "clauses.data_use.carve_outs")]


def test_disposal_window_removed_is_weakened():
    new = edit(BASE, "      within: 60 calendar days\n      citation: Section 9(b)\n", "      citation: Section 9(b)\n")
    assert impacts(BASE, new) == [("WEAKENED", "clauses.disposal.at_termination.within")]


def test_governing_state_change_is_neutral_and_says_each_side_keeps_its_rules():
    new = edit(BASE, "governing_state: FL", "governing_state: GA")
    [change] = compare(agreement(BASE), agreement(new))
    assert change.impact is Impact.CHANGED and change.path == "term.governing_state"
    assert "own state's rules" in change.note


def test_duration_helper_matches_the_rules_conservative_reading():
    # The classification rests on Duration.within: the same test DPA201 applies.
    assert not parse_duration("10 business days").within(parse_duration("72 hours"))
    assert parse_duration("48 hours").within(parse_duration("72 hours"))


# ------------------------------------------------------------------- the newer format terms
FULL = (Path(__file__).resolve().parent / "fixtures" / "format-additions-agreement.yaml").read_text("utf-8")


@pytest.mark.parametrize("old_value, new_value, expected, path", [
    ("    over_vendor_terms: true", "    over_vendor_terms: false", "WEAKENED", "clauses.precedence.over_vendor_terms"),
    ("    window: 45 calendar days", "    window: 60 calendar days", "WEAKENED", "clauses.parent_access.window"),
    ("    correction: true", "    correction: false", "WEAKENED", "clauses.parent_access.correction"),
    ("    permitted: true\n", "    permitted: false\n", "STRENGTHENED", "clauses.deidentified_data.permitted"),
    ("    reidentification_prohibited: true", "    reidentification_prohibited: false", "WEAKENED",
     "clauses.deidentified_data.reidentification_prohibited"),
    ("      - Improve and support the messaging service.", "      - Improve the service.\n      - Train models.",
     "EXPANDED", "clauses.deidentified_data.purposes"),
    ("    location: named_countries\n    countries: [US, CA]", "    location: us_only", "STRENGTHENED",
     "clauses.storage.location"),
    ("    countries: [US, CA]", "    countries: [US, CA, IN]", "EXPANDED", "clauses.storage.countries"),
    ("    training_required: true", "    training_required: false", "WEAKENED", "clauses.confidentiality.training_required"),
    ("    successor_bound: true", "    successor_bound: false", "WEAKENED", "clauses.sale_or_merger.successor_bound"),
    ("    data_may_transfer: true", "    data_may_transfer: false", "STRENGTHENED",
     "clauses.sale_or_merger.data_may_transfer"),
    ("    notice: 30 calendar days", "    notice: 60 calendar days", "CHANGED", "clauses.sale_or_merger.notice"),
    ("    no_termination_fee: true", "    no_termination_fee: false", "WEAKENED", "clauses.termination.no_termination_fee"),
    ("    law_enforcement_delay: true", "    law_enforcement_delay: false", "STRENGTHENED",
     "clauses.breach_notification.law_enforcement_delay"),
    ("    costs: vendor", "    costs: shared", "WEAKENED", "clauses.breach_notification.costs"),
    ("        window: 10 calendar days", "        window: 5 calendar days", "STRENGTHENED",
     "clauses.breach_notification.by_category[directory_information].window"),
    ("    no_sale: true\n\n", "    no_sale: false\n\n", "WEAKENED", "clauses.subprocessors.no_sale"),
    ("    sanitization_covers_all_media: true", "    sanitization_covers_all_media: false", "WEAKENED",
     "clauses.disposal.sanitization_covers_all_media"),
    ("    notice: 60 calendar days", "    notice: 90 calendar days", "WEAKENED", "term.renewal.notice"),
    ("      no_targeted_advertising: true", "      no_targeted_advertising: false", "WEAKENED",
     "state_terms[FL].terms.no_targeted_advertising"),
    ("      breach_window: 72 hours", "      breach_window: 5 business days", "WEAKENED",
     "state_terms[FL].terms.breach_window"),
    ("  status: confirmed\n  reviewer: J. Ruiz, General Counsel\n  reviewed_on: 2026-11-30",
     "  status: draft", "WEAKENED", "review.status"),
])
def test_every_newer_term_is_judged(old_value, new_value, expected, path):
    assert FULL.count(old_value) == 1, old_value
    found = impacts(FULL, FULL.replace(old_value, new_value))
    assert (expected, path) in found, found
    # Nothing weakened sneaks in beside a strengthening, and the reverse edit flips the judgement.
    back = {"WEAKENED": "STRENGTHENED", "STRENGTHENED": "WEAKENED", "EXPANDED": "NARROWED", "CHANGED": "CHANGED"}
    assert (back[expected], path) in impacts(FULL.replace(old_value, new_value), FULL)


def test_a_category_window_removed_falls_back_to_the_general_window():
    entry = FULL.split("    by_category:\n", 1)[1].split("\n  audit:", 1)[0]
    new = FULL.replace("    by_category:\n" + entry, "")
    changes = {c.path: c for c in compare(agreement(FULL), agreement(new))}
    window = changes["clauses.breach_notification.by_category[directory_information].window"]
    # The fixture's general window (72 hours) is shorter than its directory-information one.
    assert window.impact is Impact.STRENGTHENED and (window.old, window.new) == ("10 calendar days", "72 hours")
    assert "the clause's general term applies" in window.note


def test_a_state_rider_removed_is_weakened_and_a_termination_is_noted():
    rider = "state_terms:\n" + FULL.split("state_terms:\n", 1)[1].split("\nrecords:", 1)[0] + "\n"
    new = FULL.replace(rider, "").replace("  renewal:\n", "  terminated: 2026-03-01\n  renewal:\n")
    changes = {c.path: c for c in compare(agreement(FULL), agreement(new))}
    assert changes["state_terms[FL]"].impact is Impact.WEAKENED
    assert changes["term.terminated"].impact is Impact.CHANGED and "ended early" in changes["term.terminated"].note


def test_a_clause_page_moving_is_not_a_change_of_terms():
    new = FULL.replace("    page: 3\n    parents_may_review: true", "    page: 4\n    parents_may_review: true")
    assert impacts(FULL, new) == [("CHANGED", "clauses.parent_access.page")]
