"""`dpa-policy import` through the command line: exit codes, summary, no overwrite, inert output."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import pytest

from dpa_policy.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture()
def sources(corpus, tmp_path) -> Path:
    folder = tmp_path / "signed"
    folder.mkdir()
    for name in ("ndpa-v1-cedar", "ndpa-v2-northwind", "clearinghouse-coral-bay"):
        shutil.copy(corpus[name], folder)
    return folder


def test_import_writes_one_draft_per_agreement_and_exits_0(sources, tmp_path):
    before = digests(sources)
    code, out, err = run("import", str(sources), "--out", str(tmp_path / "drafts"))
    assert (code, err) == (0, "")
    written = sorted(p.name for p in (tmp_path / "drafts").iterdir())
    assert written == ["clearinghouse-coral-bay--familytext.yaml", "clearinghouse-coral-bay--launchpad-sso.yaml",
                       "clearinghouse-coral-bay--pickuppal.yaml", "ndpa-v1-cedar.yaml", "ndpa-v2-northwind.yaml"]
    assert "ndpa-v1-cedar.pdf (pdf, " in out and "terms found" in out
    assert out.rstrip().endswith("3 sources: 3 read, 0 could not be read; 5 drafts written; review each before check")
    assert digests(sources) == before  # the signed copies are never touched


def test_an_imported_draft_cannot_pass_check_unreviewed(sources, tmp_path):
    drafts = tmp_path / "drafts"
    assert run("import", str(sources / "ndpa-v2-northwind.docx"), "--out", str(drafts))[0] == 0
    text = (drafts / "ndpa-v2-northwind.yaml").read_text("utf-8")
    assert "status: draft" in text and "sha256:" in text
    code, out, _ = run("check", str(drafts), "--as-of", "2026-11-30")
    assert code == 1, out


def test_existing_drafts_are_not_overwritten_without_force(sources, tmp_path):
    drafts = tmp_path / "drafts"
    assert run("import", str(sources / "ndpa-v1-cedar.pdf"), "--out", str(drafts))[0] == 0
    draft = drafts / "ndpa-v1-cedar.yaml"
    draft.write_text("# reviewed by counsel; do not lose this\n" + draft.read_text("utf-8"), "utf-8")
    kept = draft.read_bytes()
    code, out, _ = run("import", str(sources / "ndpa-v1-cedar.pdf"), "--out", str(drafts))
    assert code == 1 and "NOT written" in out
    assert draft.read_bytes() == kept
    code, _, _ = run("import", str(sources / "ndpa-v1-cedar.pdf"), "--out", str(drafts), "--force")
    assert code == 0 and draft.read_bytes() != kept


def test_an_unreadable_source_is_exit_1_and_the_others_are_still_imported(sources, tmp_path):
    (sources / "broken.pdf").write_bytes(b"%PDF-1.7\n this is not a PDF at all")
    code, out, err = run("import", str(sources), "--out", str(tmp_path / "drafts"))
    assert code == 1, err
    assert any(line.startswith(str(sources / "broken.pdf") + ": error: ") for line in out.splitlines())
    assert (tmp_path / "drafts" / "ndpa-v1-cedar.yaml").is_file()


def test_a_hostile_file_name_cannot_forge_a_workflow_command(corpus, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(corpus["ndpa-v1-cedar"], folder / "x\n::error file=a.yaml::forged.pdf")
    code, out, _ = run("import", str(folder), "--out", str(tmp_path / "drafts"))
    assert code == 0
    assert not any(line.lstrip().startswith("::") for line in out.splitlines())


@pytest.mark.parametrize("argv, message", [
    (["--jobs", "0"], "--jobs must be at least 1"),
    (["--jobs", "many"], "--jobs takes a whole number or 'auto'"),
])
def test_bad_jobs_is_a_setup_error(sources, tmp_path, argv, message):
    code, _, err = run("import", str(sources), "--out", str(tmp_path / "d"), *argv)
    assert code == 2 and message in err


def test_nothing_to_import_and_out_being_a_file_are_setup_errors(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run("import", str(empty), "--out", str(tmp_path / "d"))
    assert code == 2 and "no PDF, DOCX, text or HTML files found" in err
    (tmp_path / "file").write_text("x")
    (empty / "a.txt").write_text("This Agreement is governed by the laws of the State of Ohio.")
    code, _, err = run("import", str(empty), "--out", str(tmp_path / "file"))
    assert code == 2 and "not a folder" in err


def test_jobs_do_not_change_the_drafts(sources, tmp_path):
    assert run("import", str(sources), "--out", str(tmp_path / "one"), "--jobs", "1")[0] == 0
    assert run("import", str(sources), "--out", str(tmp_path / "two"), "--jobs", "2")[0] == 0
    assert digests(tmp_path / "one") == digests(tmp_path / "two")
