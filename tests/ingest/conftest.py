"""Shared fixtures: the generated corpus (built once per session) and its import."""

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
