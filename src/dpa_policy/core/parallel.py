"""``--jobs N``: the same function over many items, in N worker processes, results in order.

Processes, not threads: checking an agreement is Python code, which threads would run one at
a time. Workers are started with ``fork``, so each one inherits the run exactly as it was set
up in the main process (plugins, including any registered in-process by an embedding
application or a test; the resolved policy; the cache), and nothing of it has to be pickled.
Only the items go out (file paths) and the results come back (small plain records).

Where ``fork`` does not exist (Windows), or ``jobs`` is 1, the items are processed in this
process, one after the other: same function, same order, same output.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Iterator, Sequence

#: The function the workers run: set in the main process just before the workers are
#: forked, so each inherits it (module state is copied by fork, never pickled).
_WORK: Callable[[Any], Any] | None = None


def available_cores() -> int:
    """Cores this process may run on (``--jobs auto``)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    import multiprocessing  # here, not at the top: a one-process run never needs it

    return "fork" in multiprocessing.get_all_start_methods()


def effective_jobs(jobs: int, items: int) -> int:
    """How many processes ``jobs`` really means for ``items`` items on this system."""
    if not can_fork():
        return 1
    return max(1, min(jobs, items))


def ordered_map(work: Callable[[Any], Any], items: Sequence[Any], jobs: int) -> Iterator[Any]:
    """``work(item)`` for each item, in the order of ``items``, in ``jobs`` processes.

    Results arrive while the rest is still being worked on, so the caller can stream them (a
    progress display, a store on disk). An exception raised by ``work`` in a worker is raised
    here, as it would be in one process.
    """
    processes = effective_jobs(jobs, len(items)) if jobs > 1 else 1
    if processes == 1:
        yield from map(work, items)
        return
    global _WORK
    _WORK = work
    # Small chunks keep every worker busy to the end; large ones cost fewer round trips.
    chunk = max(1, min(64, len(items) // (processes * 16)))
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # An executor, not multiprocessing.Pool: a worker that dies (killed, out of memory)
    # breaks the run with an error (BrokenProcessPool) instead of leaving it waiting forever.
    try:
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork")) as executor:
            yield from executor.map(_work, items, chunksize=chunk)
    finally:
        _WORK = None


def _work(item: Any) -> Any:
    assert _WORK is not None, "a worker process started without its work (it must be forked)"
    return _WORK(item)
