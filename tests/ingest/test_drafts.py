"""Whole drafts from the generated corpus: every expected term, nothing else, every value
traceable to the page and words it came from, and a draft that never passes unread."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dpa_policy.core.loader import load_text
from tests.ingest import fields, make_corpus
from tests.ingest.corpus import clearinghouse

CONTRACTS = {m.NAME: m for m in make_corpus.CONTRACTS}


def _draft(out: Path, name: str) -> dict:
    return load_text((out / name).read_text(encoding="utf-8")).data


@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_contract_draft_holds_every_expected_term_and_nothing_else(imported, name):
    _, out = imported
    draft = _draft(out, f"{name}.yaml")
    if "id" not in CONTRACTS[name].EXPECTED:
        draft["__fallback_id__"] = draft["id"]
    wrong, missed = fields.mistakes(draft, CONTRACTS[name].EXPECTED)
    assert not wrong, f"values read that the contract does not state: {sorted(wrong)}"
    assert not missed, f"terms the contract states that were not read: {sorted(missed)}"
    _, absent = fields.expected_pairs(CONTRACTS[name].EXPECTED)
    assert not {f for f, _ in fields.pairs(draft)} & absent


@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_clauses_cite_the_section_and_page_their_words_are_on(imported, corpus, name):
    from dpa_policy.ingest.readers import read

    _, out = imported
    draft = _draft(out, f"{name}.yaml")
    module = CONTRACTS[name]
    for clause, citation in module.CITATIONS.items():
        assert citation in draft["clauses"][clause]["citation"], clause
    document = read(module.FORMAT, corpus[name].read_bytes())
    page_text = {}
    for line in document.lines:
        page_text[line.page] = page_text.get(line.page, "") + " " + line.text
    squash = lambda text: re.sub(r"\s+", "", text)  # noqa: E731 - PDF lines wrap anywhere
    for clause, body in draft["clauses"].items():
        first = body["text"].split(" ... ")[0]
        assert squash(first[:60]) in squash(page_text[body["page"]]), (clause, body["page"])
        assert body["citation"] and body["text"]


def test_clearinghouse_gives_one_draft_per_vendor_with_parent_data_where_it_belongs(imported):
    report, out = imported
    for vendor, expected in clearinghouse.EXPECTED_BY_VENDOR.items():
        slug = re.sub(r"[^a-z0-9]+", "-", vendor.lower()).strip("-")
        draft = _draft(out, f"{clearinghouse.NAME}--{slug}.yaml")
        draft["__fallback_id__"] = draft["id"]
        wrong, missed = fields.mistakes(draft, expected)
        assert not wrong and not missed, (vendor, sorted(wrong), sorted(missed))
        assert draft["source"]["vendor_entry"] == vendor
        assert "student" not in draft["data"]
    [page] = [s for s in report.sources if s.source.endswith(".html")]
    notes = [n for d in page.drafts for n in d.notes]
    assert any("listed under Student Data" in n and "data.parent_guardian" in n for n in notes)


def test_every_draft_is_marked_draft_with_its_source_and_validates_once_required_terms_are_known(imported, corpus):
    import hashlib

    from dpa_policy.model.agreement import Agreement

    report, out = imported
    for source in report.sources:
        for summary in source.drafts:
            draft = load_text(summary.path.read_text(encoding="utf-8")).data
            assert draft["review"] == {"status": "draft"}
            digest = hashlib.sha256(Path(source.source).read_bytes()).hexdigest()
            assert draft["source"]["sha256"] == digest
            if not summary.required_missing:
                Agreement.model_validate(draft)
    complete = [d for s in report.sources for d in s.drafts if not d.required_missing]
    assert len(complete) >= 4


def test_a_complete_draft_gets_no_pass_from_check(imported, tmp_path):
    """An imported draft is unconfirmed: check must not pass it (exit 1, never 0)."""
    import subprocess
    import sys

    report, out = imported
    draft = next(d.path for s in report.sources for d in s.drafts if not d.required_missing)
    result = subprocess.run([sys.executable, "-m", "dpa_policy", "check", str(draft)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr


def test_summary_names_each_source_its_terms_and_missing_clauses(imported):
    from dpa_policy.ingest import format_report

    report, _ = imported
    text = format_report(report)
    assert "ndpa-v1-cedar.pdf (pdf, 13 pages): 1 draft" in text
    assert "clauses not found:" in text
    assert re.search(r"vendor-paper-brightpath\.yaml: written; \d+ terms found", text)
    assert "required, not in the document (fill in before check): parties.district" in text
    assert text.splitlines()[-1].startswith("8 sources: 8 read, 0 could not be read; 10 drafts written")
    assert not report.failed
