"""``dpa-policy import`` as a library call: find sources, read each in a bounded child process,
write the drafts, and say per source what was found.

    report = run_import([Path("contracts/")], Path("drafts/"), force=False, jobs=4)
    print(format_report(report)); exit 1 if report.failed else 0

Each source is read in its own process (``--jobs`` of them at a time) under a memory cap and
a clock (:mod:`dpa_policy.ingest.limits`), so a hostile file costs one killed process and a
one-line error while the other sources are imported. Only this parent process writes, in the
sources' sorted order, so ``--jobs 8`` writes the same bytes as ``--jobs 1``. A draft never
replaces an existing file unless ``force`` is set, and never lands outside ``out_dir``.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import time
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

from ..errors import NothingToCheck, SetupError
from .limits import MAX_SECONDS_PER_SOURCE, MAX_SOURCES_PER_RUN, MAX_WORKER_MEMORY_BYTES
from .readers import SUFFIXES, source_format
from .worker import SourceResult, import_source


@dataclass
class DraftSummary:
    path: Path
    vendor_entry: str | None
    terms_found: int
    clauses_missing: list[str]
    required_missing: list[str]
    notes: list[str]
    written: bool
    refused: str | None = None


@dataclass
class SourceSummary:
    source: str
    file_format: str
    pages: int
    drafts: list[DraftSummary] = field(default_factory=list)
    error: str | None = None
    internal: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    sources: list[SourceSummary]

    @property
    def failed(self) -> bool:
        """A source could not be read or a draft could not be written (exit 1)."""
        return any(s.error or any(d.refused for d in s.drafts) for s in self.sources)

    @property
    def internal_error(self) -> bool:
        return any(s.internal for s in self.sources)


def discover(sources: list[Path]) -> list[tuple[Path, str | None]]:
    found: list[tuple[Path, str | None]] = []
    for source in sources:
        if source.is_dir():
            for root, dirs, files in os.walk(source, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    path = Path(root) / name
                    if path.suffix.lower() in SUFFIXES and not name.startswith(".") and path.is_file():
                        found.append((path, source_format(path)))
        elif source.is_file():
            found.append((source, source_format(source)))
        else:
            raise SetupError(f"{source}: no such file or folder")
        if len(found) > MAX_SOURCES_PER_RUN:
            raise SetupError(f"more than {MAX_SOURCES_PER_RUN:,} sources in one run; split them (docs/import.md)")
    if not found:
        raise NothingToCheck("no PDF, DOCX, text or HTML files found in " + ", ".join(map(str, sources)))
    unique = sorted(set(found), key=lambda item: str(item[0]))
    return unique


def run_import(sources: list[Path], out_dir: Path, force: bool = False, jobs: int = 1) -> ImportReport:
    if out_dir.exists() and not out_dir.is_dir():
        raise SetupError(f"{out_dir}: not a folder")
    if jobs < 1:
        raise SetupError("--jobs must be at least 1")
    found = discover(sources)
    tasks = [(str(path), kind) for path, kind in found if kind]
    results = dict(zip((t[0] for t in tasks), _read_all(tasks, jobs)))
    out_dir.mkdir(parents=True, exist_ok=True)
    summaries = []
    taken: set[str] = set()
    for path, kind in found:
        if kind is None:
            summaries.append(SourceSummary(str(path), "?", 0, error="not a PDF, DOCX, text or HTML file"))
            continue
        summaries.append(_write(results[str(path)], out_dir, force, taken))
    return ImportReport(summaries)


def _write(result: SourceResult, out_dir: Path, force: bool, taken: set[str]) -> SourceSummary:
    summary = SourceSummary(result.source, result.file_format, result.pages, error=result.error,
                            internal=result.internal, notes=result.notes)
    for draft in result.drafts:
        name = _unique(draft.name, result.file_format, taken)
        target = out_dir / name
        written, refused = False, None
        if target.resolve().parent != out_dir.resolve():
            refused = "would land outside the output folder"
        elif target.exists() or target.is_symlink():
            if not force:
                refused = "exists; not replaced (use --force)"
            elif not target.is_file() or target.is_symlink():
                refused = "exists and is not a regular file; not replaced"
        if refused is None:
            _atomic_write(target, draft.yaml, replace=force)
            written = True
        summary.drafts.append(DraftSummary(target, draft.vendor_entry, draft.terms_found, draft.clauses_missing,
                                           draft.required_missing, draft.notes, written, refused))
    return summary


def _unique(name: str, file_format: str, taken: set[str]) -> str:
    """Two sources named alike (acme.pdf, acme.docx) get distinct drafts, decided in sorted order."""
    stem = name[:-len(".yaml")]
    candidates = [name, f"{stem}-{file_format}.yaml"] + [f"{stem}-{n}.yaml" for n in range(2, 10_000)]
    for candidate in candidates:
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    raise SetupError(f"too many sources named {stem}")


def _atomic_write(target: Path, text: str, replace: bool) -> None:
    if not replace:
        with open(target, "x", encoding="utf-8", newline="\n") as handle:  # O_EXCL: never overwrites
            handle.write(text)
        return
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="\n", dir=target.parent,
                                         prefix=f".{target.name}.", delete=False)
    try:
        with handle:
            handle.write(text)
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


# ------------------------------------------------------------------------------ processes
def _child(connection, path: str, kind: str) -> None:
    _cap_memory()
    try:
        result = import_source(path, kind)
    except BaseException as exc:  # pragma: no cover - import_source catches Exception itself
        result = SourceResult(path, kind, error=f"the reader stopped ({type(exc).__name__})")
    connection.send(result)
    connection.close()


def _cap_memory() -> None:
    try:
        import resource
    except ImportError:  # not POSIX: the clock still bounds the reader
        return
    try:
        with open("/proc/self/statm") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        current = 0
    limit = current + MAX_WORKER_MEMORY_BYTES
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _preload(kinds: set[str]) -> None:
    """Import what every child needs once, here, so forked children start with it loaded."""
    from . import clearinghouse, draft, extract, yamlout  # noqa: F401
    from ..core import loader  # noqa: F401
    from ..model import agreement  # noqa: F401
    from .readers import docx, html, pdf, text  # noqa: F401
    from .warmup import warm_up
    from .worker import imported_by

    imported_by()
    try:
        warm_up()
    except Exception:  # only saves time: a child that finds nothing compiled compiles for itself
        pass

    if "pdf" in kinds:
        import pypdf  # noqa: F401


def _read_all(tasks: list[tuple[str, str]], jobs: int) -> list[SourceResult]:
    context = _context()
    if context.get_start_method() == "fork":
        _preload({kind for _, kind in tasks})
    results: list[SourceResult | None] = [None] * len(tasks)
    queue = list(range(len(tasks)))
    running: dict = {}  # receiving connection -> (index, process, deadline)
    while queue or running:
        while queue and len(running) < jobs:
            index = queue.pop(0)
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(send, *tasks[index]), daemon=True)
            process.start()
            send.close()
            running[receive] = (index, process, time.monotonic() + MAX_SECONDS_PER_SOURCE)
        now = time.monotonic()
        timeout = max(0.0, min(deadline for _, _, deadline in running.values()) - now)
        for receive in wait(list(running), timeout=timeout):
            index, process, _ = running.pop(receive)
            try:
                results[index] = receive.recv()
            except (EOFError, OSError):
                results[index] = _died(tasks[index], process)
            receive.close()
            process.join(5)
        now = time.monotonic()
        for receive, (index, process, deadline) in list(running.items()):
            if now >= deadline:
                process.kill()
                process.join(5)
                receive.close()
                del running[receive]
                results[index] = SourceResult(*tasks[index], error=f"reading it took longer than "
                                              f"{MAX_SECONDS_PER_SOURCE} s; stopped (a hostile or broken file?)")
    return [r for r in results if r is not None]


def _died(task: tuple[str, str], process) -> SourceResult:
    process.join(5)
    return SourceResult(*task, error=f"the reader process died (exit {process.exitcode}); a hostile or broken file? "
                                     f"(memory is capped at {MAX_WORKER_MEMORY_BYTES // (1024 * 1024)} MiB)")


# ------------------------------------------------------------------------------ summary
def format_report(report: ImportReport) -> str:
    """The per-source summary. Every value (file names, notes quoting the document) is made
    inert, so a hostile file name cannot forge a line a CI runner reads as a command."""
    from ..reporters.inert import line_start, text

    lines = []
    drafts = 0
    for source in report.sources:
        if source.error:
            lines.append(f"{line_start(source.source)}: error: {text(source.error)}")
            continue
        pages = f", {source.pages} page{'s' if source.pages != 1 else ''}" if source.file_format != "html" else ""
        lines.append(f"{line_start(source.source)} ({source.file_format}{pages}): {len(source.drafts)} draft"
                     f"{'s' if len(source.drafts) != 1 else ''}")
        for draft in source.drafts:
            drafts += draft.written
            state = "written" if draft.written else f"NOT written: {text(draft.refused)}"
            lines.append(f"  {text(draft.path)}: {state}; {draft.terms_found} terms found")
            if draft.clauses_missing:
                lines.append(f"    clauses not found: {text(', '.join(draft.clauses_missing))}")
            if draft.required_missing:
                lines.append(f"    required, not in the document (fill in before check): "
                             f"{text(', '.join(draft.required_missing))}")
            for note in draft.notes:
                lines.append(f"    note: {text(note)}")
    failed = sum(1 for s in report.sources if s.error)
    lines.append(f"{len(report.sources)} source{'s' if len(report.sources) != 1 else ''}: "
                 f"{len(report.sources) - failed} read, {failed} could not be read; {drafts} draft"
                 f"{'s' if drafts != 1 else ''} written; review each before check")
    return "\n".join(lines)
