"""Seeded mutations of the generated corpus (flipped bytes, cut files, spliced chunks): every
mutant is imported or refused with a one-line error, never a traceback or an importer bug."""

from __future__ import annotations

import random

from dpa_policy.ingest import run_import

MUTANTS_PER_SOURCE = 4


def _mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    kind = rng.randrange(4)
    if kind == 0:  # flip bytes
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == 1:  # cut the file short
        del data[rng.randint(len(data) // 4, len(data) - 1):]
    elif kind == 2:  # splice a chunk of itself somewhere else
        start = rng.randrange(len(data))
        chunk = data[start:start + rng.randint(1, 2048)]
        at = rng.randrange(len(data))
        data[at:at] = chunk * rng.randint(1, 8)
    else:  # zero a run
        start = rng.randrange(len(data))
        data[start:start + rng.randint(1, 512)] = bytes(min(512, len(data) - start))
    return bytes(data)


def test_mutated_corpus_never_crashes_the_importer(corpus, tmp_path):
    rng = random.Random(20261130)
    folder = tmp_path / "mutants"
    folder.mkdir()
    for name, path in sorted(corpus.items()):
        original = path.read_bytes()
        for index in range(MUTANTS_PER_SOURCE):
            (folder / f"{name}-{index}{path.suffix}").write_bytes(_mutate(original, rng))
    report = run_import([folder], tmp_path / "out", jobs=2)
    assert len(report.sources) == MUTANTS_PER_SOURCE * len(corpus)
    for source in report.sources:
        assert not source.internal, (source.source, source.error)
        assert source.error is None or "\n" not in source.error
    assert any(s.error is None for s in report.sources)
