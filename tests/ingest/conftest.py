"""Shared fixtures: the generated corpus and the held-out corpora (built once per session), and
their imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest import make_corpus


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return make_corpus.build(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def imported(corpus, tmp_path_factory):
    from dpa_policy.ingest import run_import

    out = tmp_path_factory.mktemp("drafts")
    folder = next(iter(corpus.values())).parent
    return run_import([folder], out, jobs=2), out


@pytest.fixture(scope="session")
def holdout_imported(tmp_path_factory):
    """The held-out six and the fresh three, rendered and imported: (name -> source, report, out)."""
    from dpa_policy.ingest import run_import
    from tests.ingest.corpus_holdout import CONTRACTS, FRESH, render

    folder = tmp_path_factory.mktemp("holdout")
    paths = render.build(folder, CONTRACTS + FRESH)
    out = tmp_path_factory.mktemp("holdout-drafts")
    return paths, run_import([folder], out, jobs=2), out
