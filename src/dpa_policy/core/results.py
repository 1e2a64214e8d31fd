"""What a run keeps of each agreement, small enough for 100,000 of them.

A parsed agreement is tens of kilobytes of Python objects and its findings a few more; a run
that kept them all grew by ~34 KiB per agreement (3.4 GiB at 100,000). The run keeps instead:

- an :class:`AgreementSummary`: the agreement's id and vendor name (what the summaries and
  machine formats print) and a digest of the file's bytes, so the full model can be read
  again, one agreement at a time, by whatever needs it (the counsel report, the public page)
  and is known to be the very text that was checked;
- a :class:`Tally` of its findings (by severity, outcome, waived or not), which is all the
  verdicts, the summary and the exit code need;
- its findings themselves, encoded (:func:`encode_findings`) in a :class:`FindingStore`, a
  temporary file that reporters read back in order, one agreement at a time.

The same encoding carries findings out of worker processes (:mod:`.parallel`) and into the
cache (:mod:`.cache`): plain JSON, never pickle, so a damaged or planted cache entry can at
worst be refused, never run.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import json
import operator
import os
import sys
import tempfile
from typing import Any, Iterable

from ..errors import SetupError
from ..findings import Finding, Outcome, Severity
from ..model.lifecycle import IN_EFFECT, describe, status

#: Finding fields in the order they are encoded: all but the file (the agreement's path,
#: restored on decoding) and the waiver (waivers are applied after the run, in memory).
_ALL_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))
_FIELDS = tuple(name for name in _ALL_FIELDS if name not in ("file", "waiver"))
_VALUES = operator.attrgetter(*_FIELDS)
#: Enum fields, by their encoded values (a dict lookup is several times faster than Severity(3)).
_DECODE = {"severity": {s.value: s for s in Severity}, "outcome": {o.value: o for o in Outcome}}


def file_digest(raw: bytes) -> bytes:
    """The digest that names an agreement's bytes (in the summary and the cache key)."""
    return hashlib.blake2b(raw, digest_size=16).digest()


@dataclasses.dataclass(frozen=True, slots=True)
class AgreementSummary:
    """What a run remembers of an agreement that loaded."""

    id: str
    vendor: str
    #: :func:`file_digest` of the bytes that were checked (None when not read from a file).
    digest: bytes | None = None
    #: The date ``term_note`` was judged as of (the run's), None when it was not judged.
    as_of: datetime.date | None = None
    #: Why the agreement is not in effect on ``as_of`` ("expired on 2025-06-30"), None when it
    #: is: what publishing needs, without reading every agreement again.
    term_note: str | None = None

    @classmethod
    def of(cls, agreement: Any, digest: bytes | None = None,
           as_of: datetime.date | None = None) -> "AgreementSummary":
        note = None
        if as_of is not None:
            note = None if status(agreement.term, as_of) == IN_EFFECT else describe(agreement.term, as_of)
        return cls(agreement.id, sys.intern(agreement.parties.vendor.name), digest, as_of, note)


@functools.lru_cache(maxsize=4)
def reload_agreement(path: str, summary: AgreementSummary) -> Any:
    """The full model of an agreement the run checked, read again from its file. Raises
    :class:`InputChanged` when the file no longer holds the bytes that were checked (a page
    or report must never show terms other than those the verdict is about).

    The last few are kept, so code that reads several parts of one agreement in a row
    (``result.agreement.id``, then ``result.agreement.products``) reads its file once, while
    a report over many agreements holds only a handful at a time."""
    from pathlib import Path

    from .document import load_agreement_bytes
    from .reading import LoadFailed, read_bytes

    try:
        raw = read_bytes(Path(path))
    except LoadFailed:
        raw = None
    if raw is None or file_digest(raw) != summary.digest:
        raise InputChanged(f"{path} changed while dpa-policy was running (it no longer holds the text that was "
                           "checked); run it again")
    loaded = load_agreement_bytes(raw, Path(path))
    if isinstance(loaded, list):  # pragma: no cover - the same bytes loaded before
        raise InputChanged(f"{path} no longer loads as it did during the run; run it again")
    return loaded.agreement


class InputChanged(SetupError):
    """An agreement changed on disk during the run (exit 2: nothing was written)."""


# ------------------------------------------------------------------------------ tally
_OUTCOMES = tuple(Outcome)
_SEVERITIES = tuple(sorted(Severity))
_SLOTS = len(_SEVERITIES) * len(_OUTCOMES) * 2
_SHARED: dict[tuple[int, ...], tuple[int, ...]] = {}


def _slot(severity: Severity, outcome: Outcome, counted: bool) -> int:
    return ((_SEVERITIES.index(severity) * len(_OUTCOMES) + _OUTCOMES.index(outcome)) << 1) | (not counted)


_SLOT_OF = {(s, o, c): _slot(s, o, c) for s in _SEVERITIES for o in _OUTCOMES for c in (True, False)}


class Tally:
    """How many findings an agreement has, by severity, outcome and whether they count
    (waived ones do not): a tuple of a dozen numbers instead of the findings themselves."""

    __slots__ = ("_counts",)

    def __init__(self, counts: Iterable[int]) -> None:
        self._counts = tuple(counts)
        if len(self._counts) != _SLOTS:
            raise ValueError(f"a tally has {_SLOTS} counts, not {len(self._counts)}")

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> "Tally":
        counts = [0] * _SLOTS
        for f in findings:
            counts[_SLOT_OF[f.severity, f.outcome, f.counts]] += 1
        return cls(counts)

    def as_tuple(self) -> tuple[int, ...]:
        return self._counts

    def shared(self) -> tuple[int, ...]:
        """The counts, as one tuple shared by every tally with the same counts: a large run
        has a few hundred different tallies among its agreements."""
        return _SHARED.setdefault(self._counts, self._counts)

    def count(self, *, at_least: Severity = min(Severity), severity: Severity | None = None,
              outcome: Outcome | None = None, counted: bool | None = True) -> int:
        """Findings at or above ``at_least`` (or of exactly ``severity``), of ``outcome``
        (None: any), that count (``counted=True``), are waived (False) or either (None)."""
        total = 0
        for level in _SEVERITIES:
            if level < at_least or (severity is not None and level is not severity):
                continue
            for kind in _OUTCOMES if outcome is None else (outcome,):
                for is_counted in (True, False):
                    if counted is None or counted is is_counted:
                        total += self._counts[_slot(level, kind, is_counted)]
        return total

    def __len__(self) -> int:
        return sum(self._counts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tally) and other._counts == self._counts

    def __repr__(self) -> str:
        return f"Tally({self._counts})"


# ----------------------------------------------------------------------------- codec
def encode_findings(findings: Iterable[Finding]) -> bytes:
    """Findings (not yet waived) as compact ASCII JSON; :func:`decode_findings` inverts it."""
    rows = []
    for finding in findings:
        if finding.waiver is not None:
            raise ValueError("waived findings are never stored; waivers apply after the run")
        rows.append(_VALUES(finding))
    # ensure_ascii: lone surrogates (from file names that are not UTF-8) survive the round trip.
    return json.dumps(rows, separators=(",", ":")).encode("ascii")


def decode_findings(blob: bytes, path: str) -> list[Finding]:
    """The findings :func:`encode_findings` wrote, for the agreement at ``path``."""
    severity, outcome = _DECODE["severity"], _DECODE["outcome"]
    # Unpacked by name, in _FIELDS order (checked below): a large report decodes every finding.
    return [Finding(path, line, column, code, slug, severity[level], message, pointer, observed, required, layer,
                    None, outcome[kind])
            for line, column, code, slug, level, message, pointer, observed, required, layer, kind in json.loads(blob)]


if _FIELDS != ("line", "column", "code", "slug", "severity", "message", "pointer", "observed", "required", "layer",
               "outcome"):  # pragma: no cover - a new Finding field must be added to decode_findings too
    raise ImportError(f"decode_findings does not know Finding's fields {_FIELDS}")


# ----------------------------------------------------------------------------- store
class FindingStore:
    """Encoded findings of a run, in a temporary file that the system removes with the
    process (it has no name once opened): memory stays flat however many agreements run."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="dpa-policy-findings-")
        self._size = 0
        self._dirty = False

    def append(self, blob: bytes) -> int:
        """Store ``blob``; returns where it is, for :meth:`read` (offset and length in one number)."""
        offset = self._size
        self._file.write(blob)
        self._size += len(blob)
        self._dirty = True
        return offset << 32 | len(blob)

    def read(self, where: int) -> bytes:
        if self._dirty:
            self._file.flush()
            self._dirty = False
        offset, length = where >> 32, where & 0xFFFFFFFF
        return os.pread(self._file.fileno(), length, offset) if hasattr(os, "pread") else self._seek_read(offset, length)

    def _seek_read(self, offset: int, length: int) -> bytes:  # pragma: no cover - systems without pread
        self._file.seek(offset)
        data = self._file.read(length)
        self._file.seek(0, os.SEEK_END)
        return data

    def close(self) -> None:
        self._file.close()


__all__ = ["AgreementSummary", "FindingStore", "InputChanged", "Tally", "decode_findings", "encode_findings",
           "file_digest", "reload_agreement"]
