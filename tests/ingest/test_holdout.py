"""The held-out and fresh corpora (tests/ingest/corpus_holdout/): contracts in drafting styles
the development corpus never used. The importer must not read a value any of them does not
state (a wrong value could become a pass), must read most of what they state, and must cite
the document's own numbering; and on every corpus, a draft whose document states every
required key must validate against the agreement format as it is today."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from dpa_policy.core.loader import load_text
from dpa_policy.model.agreement import Agreement
from tests.ingest import fields, make_corpus
from tests.ingest.corpus_holdout import CONTRACTS, FRESH

HOLDOUT = {m.NAME: m for m in CONTRACTS + FRESH}
CITATIONS = {
    "holdout-cascade-falls-lumen": {"breach_notification": "Section IV(b)", "storage": "Section IV(d)"},
    "holdout-ridgeway-tallow-scan": {"breach_notification": "\u00a7 4.1", "disposal": "\u00a7 5.1"},
    "holdout-hanover-ridge-quillstone": {"breach_notification": "Article 5, Section 5.1",
                                         "sale_or_merger": "Article 11, Section 11.3"},
    "holdout-norwich-falls-pinecrest": {"breach_notification": "Article 5, Section 5.01",
                                        "termination": "Article 7, Section 7.01"},
    "holdout-gulfview-tidepool": {"breach_notification": "Exhibit H", "audit": "Article V, Section 2"},
}


def _draft(path: Path, name: str) -> dict:
    draft = load_text(path.read_text(encoding="utf-8")).data
    if draft.get("id") == name:
        draft["__fallback_id__"] = draft["id"]
    return draft


@pytest.mark.parametrize("name", sorted(HOLDOUT))
def test_no_draft_holds_a_value_its_contract_does_not_state(holdout_imported, name):
    _, _, out = holdout_imported
    draft = _draft(out / f"{name}.yaml", name)
    wrong, _ = fields.mistakes(draft, HOLDOUT[name].EXPECTED)
    assert not wrong, f"values read that the contract does not state: {sorted(wrong)}"
    _, absent = fields.expected_pairs(HOLDOUT[name].EXPECTED)
    assert not {f for f, _ in fields.pairs(draft)} & absent


def test_most_stated_values_are_read(holdout_imported):
    _, _, out = holdout_imported
    found = stated = 0
    for name, module in HOLDOUT.items():
        _, missed = fields.mistakes(_draft(out / f"{name}.yaml", name), module.EXPECTED)
        wanted, _ = fields.expected_pairs(module.EXPECTED)
        found, stated = found + len(wanted) - len(missed), stated + len(wanted)
    assert found / stated >= 0.80, f"recall {found / stated:.3f} on the held-out corpora"


@pytest.mark.parametrize("name", sorted(CITATIONS))
def test_clauses_cite_the_documents_own_numbering(holdout_imported, name):
    _, _, out = holdout_imported
    clauses = _draft(out / f"{name}.yaml", name)["clauses"]
    for clause, citation in CITATIONS[name].items():
        assert citation in clauses[clause]["citation"].split("; "), (clause, clauses[clause]["citation"])


# ------------------------------------------------------------------ validation on every corpus file
FILLERS = {  # what a reviewer would add for a required key the document does not state
    "district": {"name": "Filled In By Review", "state": "OH"}, "vendor": {"name": "Filled In By Review"},
    "name": "Filled In By Review", "state": "OH", "effective": "1990-01-01", "model": "custom",
    "products": [{"name": "Filled In", "description": "Filled in by review."}], "purposes": ["filled in by review"],
    "id": "filled-in", "clauses": {}, "data": {}, "term": {"effective": "1990-01-01", "model": "custom"},
    "parties": {"district": {"name": "Filled In By Review", "state": "OH"}, "vendor": {"name": "Filled In By Review"}},
}


def _fill(draft: dict, missing: list[str]) -> dict:
    filled = copy.deepcopy(draft)
    for dotted in missing:
        *parents, key = dotted.split(".")
        assert key in FILLERS, f"no filler for the required key {dotted}"
        node = filled
        for part in parents:
            node = node.setdefault(part, {})
        node[key] = copy.deepcopy(FILLERS[key])
    return filled


def _every_draft(imported, holdout_imported):
    report, _ = imported
    _, holdout_report, _ = holdout_imported
    modules = {m.NAME: m for m in make_corpus.CONTRACTS} | HOLDOUT
    for source in report.sources + holdout_report.sources:
        for summary in source.drafts:
            yield summary, modules.get(summary.path.stem)


def test_a_draft_validates_when_its_document_states_every_required_key(imported, holdout_imported):
    complete = 0
    for summary, module in _every_draft(imported, holdout_imported):
        draft = load_text(summary.path.read_text(encoding="utf-8")).data
        if not summary.required_missing:
            Agreement.model_validate(draft)
            complete += 1
        # what the importer wrote is valid; only what the document does not state is missing
        Agreement.model_validate(_fill(draft, summary.required_missing))
        if module is not None:
            assert set(getattr(module, "REQUIRED_NOT_STATED", [])) <= set(summary.required_missing), summary.path
    assert complete >= 12


def test_a_required_key_the_document_states_is_never_reported_missing(holdout_imported):
    _, report, _ = holdout_imported
    for source in report.sources:
        for summary in source.drafts:
            module = HOLDOUT[summary.path.stem]
            assert set(summary.required_missing) == set(module.REQUIRED_NOT_STATED), summary.path
